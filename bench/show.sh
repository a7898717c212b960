#!/bin/sh
# Time show commands with N live tunnels (default 10000) through the
# console socket: bench/show_bench runs a hub router with N tunnels up
# (the far ends in the same process, on loopback addresses 127.1.A.B),
# then hyperfine runs `iosh -c CMD` against it.  See bench/show.md.
#
#   bench/show.sh [N] [RUNS]
set -eu
n=${1:-10000}
runs=${2:-20}
top=$(cd "$(dirname "$0")/.." && pwd)
b=${top_builddir:-$top/build}
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT

[ -x "$b/bench/show_bench" ] || make -C "$b" bench/show_bench >/dev/null
sh "$top/bench/show-config.sh" "$n" >"$tmp/hub.cfg"
"$b/bench/show_bench" "$tmp/hub.cfg" "$tmp/sock" >"$tmp/ready" 2>"$tmp/log" &
pid=$!
while ! grep -q ready "$tmp/ready" 2>/dev/null; do
	kill -0 $pid 2>/dev/null || { cat "$tmp/log"; exit 1; }
	sleep 0.5
done
cat "$tmp/log"
echo "$(uname -r), $(nproc) CPU, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)"
# show version: what any command costs (iosh starting, connecting).
for cmd in "show version" "show crypto ipsec sa" "show running-config" \
    "show crypto ipsec sa detail" "show crypto session"; do
	lines=$("$b/shell/iosh" -S "$tmp/sock" -c "$cmd" | wc -l)
	echo "== $cmd: $lines lines"
	hyperfine -N -w 3 -r "$runs" -u millisecond \
	    "$b/shell/iosh -S $tmp/sock -c '$cmd'" 2>&1 |
	    grep -E 'Time|Range'
done
