#!/usr/bin/env bash
# Benchmarks on both backends: bench/run.sh [CONTACTS ...] (default 10000 100000).
# Starts the server as its own process per backend and size, so its RSS can be read, the way users
# run it: bin/openpeople with its JVM settings (OPENPEOPLE_JAVA_OPTS adds to them).
# BACKENDS="sqlite" or "postgresql" runs one backend (default both).
# BENCH names the program (default Bench, the People API contacts): BENCH=OtherContactsBench,
# BENCH=BenchGroups (contact groups, 50 groups), BENCH=GDataBench (Domain Shared Contacts) or
# BENCH=ConsoleBench (the web console's own requests). BENCH_ONLY=create stops Bench after its
# createContact measure (CREATES=N calls) and skips the floor.
# JFR=DIR records the server's CPU profile per backend and size in DIR/BACKEND-SIZE.jfr; summarise one
# with `java bench/JfrSummary.java DIR/sqlite-100000.jfr`; JFR_EVENTS adds event settings, e.g.
# JFR_EVENTS='jdk.ExecutionSample#period=1ms'. KEEP=DIR keeps the databases (the SQLite
# file moved to DIR, the PostgreSQL database left in place; its name is printed). NMT=DIR writes the
# server's native memory summary (-XX:NativeMemoryTracking) after the run to DIR/BACKEND-SIZE.txt.
# FULL_READS=N sets how many full reads each benchmark times (default 5; the median is reported).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/bin/jdk.sh"
cd "$root"
[ -f target/openpeople.jar ] || ./mvnw -B -q -DskipTests -Dspotless.check.skip=true -Dcheckstyle.skip=true package
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
. "$root/bench/lib.sh"
for backend in ${BACKENDS:-sqlite postgresql}; do
  for n in "${sizes[@]}"; do
    port="$(free_port)"
    if [ "$backend" = sqlite ]; then
      storage="sqlite:$work/bench-$n.db"; export BENCH_DB=""
    else
      db="openpeople_bench_${n}_$$"; export BENCH_DB="$db"
      psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
      storage="postgresql://127.0.0.1:5432/$db?user=postgres"
    fi
    jfr=""
    [ -n "${JFR:-}" ] && mkdir -p "$JFR" && jfr="-XX:StartFlightRecording=filename=$JFR/$backend-$n.jfr,settings=profile${JFR_EVENTS:+,$JFR_EVENTS}"
    [ -n "${NMT:-}" ] && mkdir -p "$NMT" && jfr="$jfr -XX:NativeMemoryTracking=summary"
    OPENPEOPLE_JAVA_OPTS="${OPENPEOPLE_JAVA_OPTS:-} $jfr" bin/openpeople serve --port "$port" --storage "$storage" \
      >"$work/server.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.5; done
    kill -0 $pid 2>/dev/null || { cat "$work/server.log"; echo "server on port $port did not start" >&2; exit 1; }
    echo "== ${BENCH:-Bench}, $backend, $n contacts, $(nproc) cores"
    java -cp target/openpeople.jar bench/${BENCH:-Bench}.java "http://127.0.0.1:$port" "$n" "$pid" | tee "$work/api.txt" \
      || { cat "$work/server.log"; kill $pid; exit 1; }
    # The floor on the same rows, in the same invocation: bench/BareLimit.java, with the ratios.
    bare=(java --enable-native-access=ALL-UNNAMED -cp target/openpeople.jar bench/BareLimit.java)
    export API_CPU_MS="$(awk '/^full (sync|read) CPU/ {print $5}' "$work/api.txt")"
    case "${BENCH:-Bench}${BENCH_ONLY:+-only}" in
      Bench)
        sync_ms="$(awk '/^full sync +median/ {print $4}' "$work/api.txt")"
        create_s="$(awk '/^batchCreateContacts/ {print $2}' "$work/api.txt")"
        "${bare[@]}" contacts "$storage" "$sync_ms" "$create_s" ;;
      OtherContactsBench)
        "${bare[@]}" otherContacts "$storage" "$(awk '/^full sync +median/ {print $4}' "$work/api.txt")" ;;
      GDataBench)
        "${bare[@]}" gdata "$storage" "$(awk '/^full feed read/ {print $5}' "$work/api.txt")" ;;
    esac
    [ -n "${NMT:-}" ] && jcmd $pid VM.native_memory summary >"$NMT/$backend-$n.txt"
    kill $pid; wait $pid 2>/dev/null || true
    if [ -n "${KEEP:-}" ]; then
      # KEEP=DIR keeps the data for a closer look: the SQLite file in DIR, the PostgreSQL database.
      mkdir -p "$KEEP"
      if [ "$backend" = sqlite ]; then mv "$work/bench-$n.db" "$KEEP/"; else echo "kept database $db"; fi
    elif [ "$backend" = postgresql ]; then
      psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db" >/dev/null
    fi
  done
done
