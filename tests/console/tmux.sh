#!/bin/sh
# Drive the real console in a terminal (tmux): type as an engineer would,
# then read the screen.  Skipped (77) when tmux is missing.
set -u
top_builddir=${top_builddir:-.}
iosh=$top_builddir/shell/iosh
command -v tmux >/dev/null 2>&1 || { echo "SKIP: no tmux"; exit 77; }
[ -x "$iosh" ] || { echo "FAIL: $iosh not built"; exit 1; }
iosh=$(cd "$(dirname "$iosh")" && pwd)/iosh

sock=iosh-test-$$
state=$(mktemp -d)
trap 'tmux -L $sock kill-server 2>/dev/null; rm -rf "$state"' EXIT
failed=0

tm() { tmux -L "$sock" "$@"; }
screen() { tm capture-pane -p -t t; }

# Wait until the screen's last non-empty line matches $1 (a grep -E).
wait_for() {
	i=0
	tm has-session -t t 2>/dev/null || return 1
	while [ $i -lt 50 ]; do
		screen | grep -v '^$' | tail -n 1 | grep -Eq -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

check() {
	if ! tm has-session -t t 2>/dev/null; then
		echo "not ok - $1: the console is gone"
		failed=1
	elif screen | grep -Fq -- "$2"; then
		echo "ok - $1"
	else
		echo "not ok - $1: no \"$2\" on the screen:"
		screen | sed 's/^/    | /'
		failed=1
	fi
}

tm new-session -d -s t -x 100 -y 40 "$iosh -s $state"
wait_for '^Router>$' || { echo "not ok - no Router> prompt"; screen; exit 1; }
tm send-keys -t t 'enable' Enter
wait_for '^Router#$'
tm send-keys -t t 'conf t' Enter
wait_for '^Router\(config\)#$'
check "conf t enters config mode" "Router(config)#"
check "configure terminal says how to end" \
	"Enter configuration commands, one per line.  End with CNTL/Z."

# ? is answered at once, without Enter, and the line comes back.
tm send-keys -t t 'crypto isakmp ?'
wait_for '^Router\(config\)#crypto isakmp *$'
check "? lists the next words" "  policy"
check "? keeps the typed line" "Router(config)#crypto isakmp "
tm send-keys -t t C-u

# TAB completes a unique keyword.
tm send-keys -t t 'int' Tab
wait_for '^Router\(config\)#interface *$'
check "TAB completes int" "Router(config)#interface"
tm send-keys -t t 'Tu' Tab
wait_for 'interface Tunnel *$'
check "TAB completes an interface type" "Router(config)#interface Tunnel"
tm send-keys -t t '0' Enter
wait_for '^Router\(config-if\)#$'
check "interface Tunnel0 enters config-if" "Router(config-if)#"

# Ctrl-Z ends configuration.
tm send-keys -t t C-z
wait_for '^Router#$'
check "Ctrl-Z returns to privileged exec" "Router(config-if)#^Z"

# Ctrl-Z after a typed line runs the line first, as IOS does.
tm send-keys -t t 'conf t' Enter
wait_for '^Router\(config\)#$'
tm send-keys -t t 'hostname Zed' C-z
if wait_for '^Zed#$'; then
	echo "ok - Ctrl-Z runs the typed line, then ends"
else
	echo "not ok - Ctrl-Z after hostname Zed:"; screen; failed=1
fi
tm send-keys -t t 'conf t' Enter
wait_for '^Zed\(config\)#$'
tm send-keys -t t 'hostname Router' Enter C-z
wait_for '^Router#$'

# A caret error sits under the offending word.
tm send-keys -t t 'show foo' Enter
wait_for '^Router#$'
if screen | grep -B1 -F "% Invalid input detected at '^' marker." \
	| head -1 | grep -q '^            \^$'; then
	echo "ok - caret under the bad word"
else
	echo "not ok - caret misplaced"; screen; failed=1
fi

tm send-keys -t t 'exit' Enter
sleep 0.3

# The same console attached to ioshd: lines go over the socket, and a
# log line from another console shows up above the line being typed.
"${iosh%/iosh}/ioshd" -n -s "$state/d" 2>"$state/d.log" &
dpid=$!
i=0
while [ ! -S "$state/d/ioshd.sock" ] && [ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
tm kill-server 2>/dev/null
tm new-session -d -s t -x 100 -y 40 "$iosh -S $state/d/ioshd.sock"
wait_for '^Router#$' || { echo "not ok - no prompt from ioshd"; screen; \
	kill $dpid; exit 1; }
tm send-keys -t t 'terminal monitor' Enter
wait_for '^Router#$'
tm send-keys -t t 'show privilege' Enter
wait_for '^Router#$'
check "a command runs through ioshd" "Current privilege level is 15"
tm send-keys -t t -l 'show ver'
"$iosh" -S "$state/d/ioshd.sock" -c 'configure terminal' -c 'end' \
	>/dev/null 2>&1
wait_for '^Router#show ver$'
check "a log line comes while typing" \
	"%SYS-5-CONFIG_I: Configured from console by"
check "the typed line is drawn again under it" "Router#show ver"
# A question left unanswered at this console holds up no other: the
# line waits in the engine while ioshd serves the rest; the answer then
# finishes it.
tm send-keys -t t C-u 'copy running-config startup-config' Enter
wait_for 'Destination filename \[startup-config\]\? *$'
t0=$(date +%s%N)
out=$(timeout 5 "$iosh" -S "$state/d/ioshd.sock" -c 'show running-config | include hostname')
t1=$(date +%s%N)
if [ "$out" = "hostname Router" ]; then
	echo "ok - a console at a question holds up no other ($(( (t1 - t0) / 1000000 )) ms)"
else
	echo "not ok - the other console got: $out"
	failed=1
fi
[ ! -e "$state/d/startup-config" ] \
	&& echo "ok - nothing saved before the answer" \
	|| { echo "not ok - saved before the answer"; failed=1; }
tm send-keys -t t Enter
wait_for '^Router#$'
check "the answer finishes the command" "[OK]"
[ -s "$state/d/startup-config" ] && echo "ok - saved after the answer" \
	|| { echo "not ok - no startup-config after the answer"; failed=1; }
kill $dpid
wait $dpid 2>/dev/null
[ $failed -eq 0 ] && echo "tmux console: all checks passed"
exit $failed
