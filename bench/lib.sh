# Shared by the bench/run*.sh scripts (sourced).

# A free port per server, not a fixed one: other checkouts may be benchmarking on the same machine.
free_port() {
  local p
  while :; do
    # Below Linux's ephemeral range (32768-60999), where an outgoing connection may hold a port.
    p=$((20000 + RANDOM % 12000))
    (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}
