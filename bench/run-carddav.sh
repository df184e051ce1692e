#!/usr/bin/env bash
# CardDAV benchmark against Radicale: bench/run-carddav.sh [CARDS] (default 10000).
# Starts Radicale (Debian package `radicale`) and OpenPeople (SQLite file) on loopback, loads the
# same cards into both, and runs bench/CardDavBench.java once against each.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/bin/jdk.sh"
cd "$root"
command -v radicale >/dev/null || { echo "install radicale: apt-get install -y radicale" >&2; exit 1; }
[ -f target/openpeople.jar ] || ./mvnw -B -q -DskipTests -Dspotless.check.skip=true -Dcheckstyle.skip=true package
n="${1:-10000}"
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
cat >"$work/radicale.conf" <<CONF
[server]
hosts = 127.0.0.1:18591
[auth]
type = none
[rights]
type = owner_only
[storage]
filesystem_folder = $work/radicale
[logging]
level = warning
CONF
radicale --config "$work/radicale.conf" >"$work/radicale.log" 2>&1 &
pids+=($!)
java -Xmx512m -jar target/openpeople.jar serve --port 18592 --storage "sqlite:$work/op.db" >"$work/op.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do
  curl -sf http://127.0.0.1:18592/readyz >/dev/null && curl -s -o /dev/null http://127.0.0.1:18591/ && break
  sleep 0.5
done
echo "== CardDAV, $n cards, $(nproc) cores, $(radicale --version 2>/dev/null | head -1 | sed 's/^/Radicale /')"
java -cp target/openpeople.jar bench/CardDavBench.java http://127.0.0.1:18592 http://127.0.0.1:18591 "$n"
