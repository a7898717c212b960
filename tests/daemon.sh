#!/bin/sh
# ioshd and its consoles: two consoles on one running config; a change
# made in one is seen by the other; -c runs one command; an unknown line
# is refused with the IOS message over the socket too.
set -u
b=${top_builddir:-.}
state=$(mktemp -d)
sock=$state/ioshd.sock
failed=0
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$state"' EXIT

"$b/shell/ioshd" -n -s "$state" 2>"$state/log" &
pid=$!
i=0
while [ ! -S "$sock" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
[ -S "$sock" ] || { echo "not ok - ioshd did not listen"; cat "$state/log"; exit 1; }

ok() { echo "ok - $1"; }
nok() { echo "not ok - $1"; failed=1; }

[ "$(stat -c %a "$sock")" = 600 ] && ok "socket is root-only" \
	|| nok "socket mode $(stat -c %a "$sock")"

# A daemon that only plans keeps no capability, and says so.
capeff=$(awk '/^CapEff:/ { print $2 }' /proc/$pid/status)
[ "$capeff" = 0000000000000000 ] && ok "no capability kept (planning)" \
	|| nok "CapEff $capeff"
grep -q "privileges:" "$state/log" && ok "the log says what it keeps" \
	|| nok "no privileges line in the log"

printf 'configure terminal\nhostname Hub1\nend\n' \
	| "$b/shell/iosh" -S "$sock" >"$state/out1" 2>&1
out=$("$b/shell/iosh" -S "$sock" -c 'show running-config | include hostname')
[ "$out" = "hostname Hub1" ] && ok "a change in one console is seen in another" \
	|| nok "second console saw: $out"

out=$("$b/shell/iosh" -S "$sock" -c 'show foo' 2>&1)
echo "$out" | grep -q "% Invalid input detected at '^' marker." \
	&& ok "errors come back over the socket" || nok "got: $out"

"$b/shell/iosh" -S "$sock" -c 'configure terminal' -c 'crypto isakmp policy 10' \
	-c 'encr aes 256' >/dev/null 2>&1
out=$("$b/shell/iosh" -S "$sock" -c 'show running-config | section isakmp')
echo "$out" | grep -q "^ encr aes 256" && ok "-c runs commands in sequence" \
	|| nok "got: $out"

# A console that does not read its output (its stdout a pipe nobody
# empties) must not hold up the daemon: another console is answered.
src=${top_srcdir:-$(dirname "$0")/..}
{ echo "configure terminal"; sh "$src/bench/gen-config.sh" 20000 | sed 1d; echo end; } \
	>"$state/big.cfg"
"$b/shell/iosh" -S "$sock" "$state/big.cfg" >/dev/null 2>&1
mkfifo "$state/stuck"
"$b/shell/iosh" -S "$sock" -c 'show running-config' >"$state/stuck" 2>/dev/null &
stuck=$!
exec 9<>"$state/stuck"	# keep the fifo open, never read it
sleep 1
t0=$(date +%s%N)
out=$(timeout 5 "$b/shell/iosh" -S "$sock" -c 'show running-config | include hostname')
t1=$(date +%s%N)
[ "$out" = "hostname Hub1" ] \
	&& ok "a console that does not read holds up no other ($(( (t1 - t0) / 1000000 )) ms)" \
	|| nok "the other console got: $out"
kill $stuck 2>/dev/null
wait $stuck 2>/dev/null
exec 9>&-

# A line longer than the protocol takes is refused by the console, and
# the session goes on.
out=$(python3 -c "print('description ' + 'x' * 65600); print('show running-config | include hostname')" |
	"$b/shell/iosh" -S "$sock" 2>&1)
echo "$out" | grep -q '^% Line too long (65612 characters' \
	&& echo "$out" | grep -q '^hostname Hub1$' \
	&& ok "a line too long is refused and the session goes on" \
	|| nok "long line: $(echo "$out" | cut -c1-100)"

# A console whose daemon goes away says so.
mkfifo "$state/in"
"$b/shell/iosh" -S "$sock" <"$state/in" >"$state/gone" 2>&1 &
cons=$!
exec 8>"$state/in"
echo "show privilege" >&8
sleep 0.5
kill $pid
wait $pid 2>/dev/null
echo "show privilege" >&8
exec 8>&-
wait $cons
grep -q '^% Connection to ioshd closed$' "$state/gone" \
	&& ok "the console says when ioshd goes away" \
	|| nok "console after ioshd went: $(cat "$state/gone")"
[ ! -S "$sock" ] && ok "ioshd removes its socket on SIGTERM" \
	|| nok "socket left behind"
exit $failed
