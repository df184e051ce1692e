#!/usr/bin/env bash
# Steady-state CPU of full reads (bench/SteadyRead.java) on a kept database:
# bench/run-steady.sh STORAGE_URL USER PATH [N] — starts the server on STORAGE_URL (e.g. a SQLite
# file kept with KEEP=DIR bench/run.sh, or its PostgreSQL database), reads PATH in full 3 times
# unmeasured and N times (default 20) measured, then runs bench/BareLimit.java on the same rows
# (contacts, otherContacts or gdata, from PATH) with the ratio of CPU times. JFR=FILE records the
# server's profile; summarise the measured window with the printed bounds:
# `java bench/JfrSummary.java FILE 25 FROM TO`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/bin/jdk.sh"
cd "$root"
[ -f target/openpeople.jar ] || ./mvnw -B -q -DskipTests -Dspotless.check.skip=true -Dcheckstyle.skip=true package
storage=$1; user=$2; path=$3; n=${4:-20}
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
. "$root/bench/lib.sh"
port="$(free_port)"
jfr=""
[ -n "${JFR:-}" ] && jfr="-XX:StartFlightRecording=filename=$JFR,settings=profile"
OPENPEOPLE_JAVA_OPTS="${OPENPEOPLE_JAVA_OPTS:-} $jfr" bin/openpeople serve --port "$port" --storage "$storage" \
  >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.5; done
kill -0 $pid 2>/dev/null || { cat "$work/server.log"; echo "server on port $port did not start" >&2; exit 1; }
java bench/SteadyRead.java "http://127.0.0.1:$port" "$user" "$path" "$n" "$pid" | tee "$work/api.txt" \
  || { cat "$work/server.log"; kill $pid; exit 1; }
kill $pid; wait $pid 2>/dev/null || true
case "$path" in
  /m8/*) what=gdata ;;
  /v1/otherContacts*) what=otherContacts ;;
  *) what=contacts ;;
esac
API_CPU_MS="$(awk '/^steady CPU/ {print $4}' "$work/api.txt")" \
  java --enable-native-access=ALL-UNNAMED -cp target/openpeople.jar bench/BareLimit.java "$what" "$storage"
