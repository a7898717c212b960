#!/bin/sh
# Kill ioshd with SIGKILL in the middle of `write memory`, many times
# over: the startup-config must always be the old file or the new one,
# whole (issue 7).  ioshd runs with -n (plans only: nothing touches the
# kernel).
set -u
b=${top_builddir:-.}
src=${top_srcdir:-.}
rounds=${SAVE_KILL_ROUNDS:-30}
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill -9 $pid 2>/dev/null; rm -rf "$tmp"' EXIT

start() {
	rm -f "$tmp/s/ioshd.sock"
	"$b/shell/ioshd" -n -s "$tmp/s" 2>>"$tmp/log" &
	pid=$!
	i=0
	while [ ! -S "$tmp/s/ioshd.sock" ] && [ $i -lt 400 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	[ -S "$tmp/s/ioshd.sock" ] || { echo "ioshd did not start"; exit 1; }
}
stop() { kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; pid=; }
cli() { "$b/shell/iosh" -S "$tmp/s/ioshd.sock" "$@" >/dev/null 2>&1; }

# A config big enough that writing it takes a while.
mkdir -p "$tmp/s"
{ echo "hostname OLD"; sh "$src/bench/gen-config.sh" 20000; } \
	>"$tmp/s/startup-config"
start
cli -c 'write memory'
cp "$tmp/s/startup-config" "$tmp/old"
cli -c 'configure terminal' -c 'hostname NEW' -c 'end' -c 'write memory'
cp "$tmp/s/startup-config" "$tmp/new"
stop
cmp -s "$tmp/old" "$tmp/new" && { echo "old and new are the same"; exit 1; }

n_old=0 n_new=0 bad=0 r=0
while [ $r -lt $rounds ]; do
	cp "$tmp/old" "$tmp/s/startup-config"
	start
	cli -c 'configure terminal' -c 'hostname NEW' -c 'end'
	cli -c 'write memory' &
	cpid=$!
	# somewhere around the save: 0 to 290 ms after asking for it
	sleep "0.$(( (r * 7) % 30 / 10 ))$(( (r * 7) % 10 ))"
	stop
	wait $cpid 2>/dev/null
	if cmp -s "$tmp/s/startup-config" "$tmp/old"; then
		n_old=$((n_old + 1))
	elif cmp -s "$tmp/s/startup-config" "$tmp/new"; then
		n_new=$((n_new + 1))
	else
		bad=$((bad + 1))
		echo "round $r: startup-config is neither the old nor the new file"
	fi
	r=$((r + 1))
done
echo "save-kill: $rounds kills: $n_old left the old file, $n_new the new," \
	"$bad neither"
[ $bad -eq 0 ]
