#!/usr/bin/env bash
# Scale benchmark (bench/ScaleBench.java): bench/run-scale.sh [postgresql|sqlite ...]
# PostgreSQL: 1,000 users x 1,000 contacts against a reference of 10 users x 1,000; SQLite: one user
# with 1,000,000 contacts against a reference of one user with 10,000. Prints each run and the ratios
# of the full size to the reference (list page, incremental sync, search). BUDGET (seconds, default
# 900) bounds each load; a run that hits it says so. JFR=DIR records the server's CPU profile.
# USERS (default 1000) and CONTACTS (default 1000000) change the full sizes, e.g. for a quick try.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/bin/jdk.sh"
cd "$root"
[ -f target/openpeople.jar ] || ./mvnw -B -q -DskipTests -Dspotless.check.skip=true -Dcheckstyle.skip=true package
backends=("$@"); [ ${#backends[@]} -gt 0 ] || backends=(postgresql sqlite)
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
. "$root/bench/lib.sh"

run() { # backend label users per_user
  local backend=$1 label=$2 users=$3 per=$4 storage db="openpeople_scale_$2_$$"
  local port; port="$(free_port)"
  if [ "$backend" = sqlite ]; then
    storage="sqlite:$work/scale-$label.db"
  else
    psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
    storage="postgresql://127.0.0.1:5432/$db?user=postgres"
  fi
  local jfr=""
  [ -n "${JFR:-}" ] && mkdir -p "$JFR" && jfr="-XX:StartFlightRecording=filename=$JFR/scale-$backend-$label.jfr,settings=profile"
  # As users run it: bin/openpeople with its JVM settings.
  OPENPEOPLE_JAVA_OPTS="${OPENPEOPLE_JAVA_OPTS:-} $jfr" bin/openpeople serve --port "$port" --storage "$storage" \
    >"$work/server.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.5; done
  kill -0 $pid 2>/dev/null || { cat "$work/server.log"; echo "server on port $port did not start" >&2; exit 1; }
  echo "== ScaleBench, $backend, $users users x $per contacts, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  java -cp target/openpeople.jar bench/ScaleBench.java "http://127.0.0.1:$port" "$users" "$per" "$pid" "${BUDGET:-900}" \
    | tee "$work/$backend-$label.txt" || { cat "$work/server.log"; kill $pid; exit 1; }
  kill $pid; wait $pid 2>/dev/null || true
  [ "$backend" = postgresql ] && psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db" >/dev/null
  return 0
}

ratios() { # backend
  echo "== ratios, $1, full size / reference"
  for measure in "list page:4:median page" "incremental sync:4:median incremental" "searchContacts:6:search p99" \
      "searchContacts:3:search p50"; do
    IFS=: read -r key field name <<<"$measure"
    ref="$(awk -v k="^$key " -v f="$field" '$0 ~ k {print $f}' "$work/$1-ref.txt")"
    big="$(awk -v k="^$key " -v f="$field" '$0 ~ k {print $f}' "$work/$1-full.txt")"
    awk -v n="$name" -v r="$ref" -v b="$big" 'BEGIN {printf "%-22s %8.2f ms -> %8.2f ms  %.2fx\n", n, r, b, b / r}'
  done
}

for backend in "${backends[@]}"; do
  if [ "$backend" = postgresql ]; then
    run postgresql ref 10 1000
    run postgresql full "${USERS:-1000}" 1000
  else
    run sqlite ref 1 10000
    run sqlite full 1 "${CONTACTS:-1000000}"
  fi
  ratios "$backend"
done
