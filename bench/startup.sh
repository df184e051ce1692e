#!/usr/bin/env bash
# Start-up time: milliseconds from starting `bin/openpeople serve` to the first 200 from /readyz.
# Usage: bench/startup.sh STORAGE [RUNS] (default 5), e.g. bench/startup.sh sqlite:/tmp/x.db or
# bench/startup.sh 'postgresql://127.0.0.1:5432/db?user=postgres'. An SQLite file that does not
# exist is created by the first run (the empty-database case); the later runs open it again.
# Prints each run (wall time, the server's CPU time and RSS once ready) and the medians;
# OPENPEOPLE_JAVA_OPTS passes through.
# FILL=N first loads N contacts (names, e-mails, phones; batchCreateContacts of 200) into the
# storage through a server started for that, e.g. FILL=100000 for the existing-database case.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
storage="$1"; runs="${2:-5}"
. "$root/bench/lib.sh"
port="$(free_port)" # other checkouts may be benchmarking on the same machine
"$root/bin/openpeople" --help >/dev/null 2>&1 || true # builds the jar when it is stale
if [ -n "${FILL:-}" ]; then
  "$root/bin/openpeople" serve --port "$port" --storage "$storage" >/tmp/openpeople-startup.log 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do sleep 0.1; done
  for ((from = 0; from < FILL; from += 200)); do
    body='{"contacts":['
    for ((i = from; i < from + 200 && i < FILL; i++)); do
      [ "$i" -gt "$from" ] && body+=','
      body+="{\"contactPerson\":{\"names\":[{\"givenName\":\"Given$i\",\"familyName\":\"Family$i\"}],"
      body+="\"emailAddresses\":[{\"value\":\"person$i@example.com\"}],\"phoneNumbers\":[{\"value\":\"+1555$i\"}]}}"
    done
    curl -sf -o /dev/null -H 'Authorization: Bearer startup@example.com' -H 'Content-Type: application/json' \
      -d "$body]}" "http://127.0.0.1:$port/v1/people:batchCreateContacts"
  done
  kill $pid; wait $pid 2>/dev/null || true
  echo "loaded $FILL contacts"
fi
times=()
cpus=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  "$root/bin/openpeople" serve --port "$port" --storage "$storage" >/tmp/openpeople-startup.log 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do
    kill -0 $pid 2>/dev/null || { cat /tmp/openpeople-startup.log; exit 1; }
    sleep 0.01
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  rss=$(awk '/^VmRSS/ {print $2 " " $3}' /proc/$pid/status 2>/dev/null || echo '?')
  # CPU time (user + system) the server used until ready: unlike the wall time, it hardly depends
  # on what else the machine runs.
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' /proc/$pid/stat 2>/dev/null || echo '?')
  echo "run $i: ready in $ms ms, CPU $cpu ms, RSS $rss"
  times+=("$ms")
  cpus+=("$cpu")
  kill $pid; wait $pid 2>/dev/null || true
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median %d ms", a[int((NR+1)/2)]}'
printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {print ", CPU median " a[int((NR+1)/2)] " ms over " NR " runs"}'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
