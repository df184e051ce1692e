#!/usr/bin/env bash
# File import benchmark: bench/run-import.sh [CARDS] (default 100000).
# Writes CARDS vCard 3.0 cards (name, e-mail, phone, one of 20 categories) to one file, then times
# `openpeople import` of that file into an empty SQLite store and into an empty PostgreSQL
# database, then `openpeople export` and `dump` of the result. Wall-clock times of the whole
# command (JVM start included).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/bin/jdk.sh"
cd "$root"
[ -f target/openpeople.jar ] || ./mvnw -B -q -DskipTests -Dspotless.check.skip=true -Dcheckstyle.skip=true package
n="${1:-100000}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
python3 - "$n" "$work/cards.vcf" <<'PY'
import sys
n, path = int(sys.argv[1]), sys.argv[2]
with open(path, "w", newline="") as f:
    for i in range(n):
        f.write("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:bench-%d\r\nFN:Given%d Family%d\r\n"
                "N:Family%d;Given%d;;;\r\nEMAIL;TYPE=work:person%d@example.org\r\n"
                "TEL;TYPE=cell:+1 202 555 %04d\r\nCATEGORIES:Team %d\r\nEND:VCARD\r\n"
                % (i, i, i, i, i, i, i % 10000, i % 20))
PY
echo "== import of $n vCards ($(du -h "$work/cards.vcf" | cut -f1)), $(nproc) cores"
run() { # label, command...
  local start end
  start=$(date +%s.%N)
  "${@:2}" >"$work/out.log" 2>&1 || { cat "$work/out.log"; exit 1; }
  end=$(date +%s.%N)
  printf '%-28s %6.2f s   %s\n' "$1" "$(echo "$end - $start" | bc)" "$(grep -m1 -E 'imported|exported|dumped' "$work/out.log" || true)"
}
db="openpeople_bench_import"
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
for storage in "sqlite:$work/import.db" "postgresql://127.0.0.1:5432/$db?user=postgres"; do
  backend="${storage%%:*}"
  run "import ($backend)" bin/openpeople import --no-progress \
    --user bench@example.com --storage "$storage" "$work/cards.vcf"
  run "export vcard ($backend)" bin/openpeople export \
    --user bench@example.com --storage "$storage" --format vcard --out "$work/out.vcf"
  run "dump ($backend)" bin/openpeople dump --storage "$storage" \
    --out "$work/dump.jsonl"
done
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db" >/dev/null
