#!/bin/sh
# bench/config-load.sh [LINES] [ROUNDS]: a LINES-line config (default
# 100,000, from bench/gen-config.sh) through iosh, as `iosh < file`:
#   - load: every line through the engine and its handler;
#   - load + print: the same, then `show running-config` of all of it;
#   - start: iosh with an empty input (the engine's trees are built at
#     start), so that load minus start is the engine's own rate.
# Reports the best of ROUNDS (default 5) wall and CPU times, lines per
# second, and the peak resident memory.  Run from the top of the tree
# after a build (build/shell/iosh).
set -eu
n=${1:-100000}
rounds=${2:-5}
iosh=${IOSH:-build/shell/iosh}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{ echo "configure terminal"; bench/gen-config.sh "$n"; } > "$tmp/load.cfg"
{ cat "$tmp/load.cfg"; echo "terminal length 0"; echo "show running-config"; } \
	> "$tmp/print.cfg"
: > "$tmp/empty.cfg"
lines=$(wc -l < "$tmp/load.cfg")

# best "wall user sys maxrss" of $rounds runs of iosh < $1
best() {
	i=0
	while [ $i -lt "$rounds" ]; do
		rm -rf "$tmp/state"
		/usr/bin/time -f "%e %U %S %M" -o "$tmp/t" \
			"$iosh" -s "$tmp/state" "$1" > "$tmp/out" 2>&1
		cat "$tmp/t"
		i=$((i + 1))
	done | sort -n | head -n 1
}

# report WHAT "WALL USER SYS KB" START_CPU
report() {
	echo "$2" | awk -v what="$1" -v lines="$lines" -v start="$3" '{
		cpu = $2 + $3
		printf "%-13s %6.3f s wall %6.3f s cpu %8.0f lines/s", \
		    what, $1, cpu, lines / cpu
		if (cpu > start)
			printf " (%.0f lines/s without start)", \
			    lines / (cpu - start)
		printf ", peak %d KB\n", $4
	}'
}

s=$(best "$tmp/empty.cfg")
start=$(echo "$s" | awk '{ print $2 + $3 }')
echo "iosh: $lines lines, best of $rounds runs, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
echo "$s" | awk '{ printf "%-14s %6.3f s wall %6.3f s cpu  peak %d KB\n", "start", $1, $2 + $3, $4 }'
l=$(best "$tmp/load.cfg")
report load "$l" "$start"
grep -c '^% Invalid' "$tmp/out" | sed 's/^/  invalid lines in the load: /'
p=$(best "$tmp/print.cfg")
report "load + print" "$p" "$start"
grep -c '' "$tmp/out" | sed 's/^/  lines printed: /'
