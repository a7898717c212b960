#!/bin/sh
# Interface state log lines from ioshd, as IOS prints them: in a network
# namespace of its own (unshare -rn: nothing outside is touched), a veth
# pair; GigabitEthernet1 is one end, and Tunnel0's source.  When the
# other end goes down, the carrier goes, and ioshd logs %LINK-3-UPDOWN
# and %LINEPROTO-5-UPDOWN (to syslog and to a console with terminal
# monitor), for the tunnel too; when it comes back, up again.
# `shutdown` logs %LINK-5-CHANGED.  ioshd plans only: it reads the
# kernel's links but changes nothing.
# Skips (77) where user and network namespaces or veth are not there.
set -u
b=${top_builddir:-.}
if [ "${IOSH_IN_NETNS:-}" != 1 ]; then
	command -v unshare >/dev/null || { echo "skip: no unshare"; exit 77; }
	unshare -rn true 2>/dev/null || { echo "skip: no namespaces"; exit 77; }
	IOSH_IN_NETNS=1 exec unshare -rn sh "$0" "$@"
fi
ip link add v0 type veth peer name v1 2>/dev/null \
	|| { echo "skip: no veth"; exit 77; }
ip link set v0 up
ip link set v1 up

st=$(mktemp -d)
pid=
mon=
failed=0
trap 'kill $pid $mon 2>/dev/null; wait 2>/dev/null; rm -rf "$st"' EXIT
ok() { echo "ok - $1"; }
nok() { echo "not ok - $1"; failed=1; }

echo "GigabitEthernet1 v0" >"$st/ifmap"
cat >"$st/startup-config" <<'EOF2'
interface Tunnel0
 ip address 169.254.0.1 255.255.255.252
 tunnel source GigabitEthernet1
 tunnel mode ipsec ipv4
 tunnel destination 10.9.9.2
interface GigabitEthernet1
 ip address 10.9.9.1 255.255.255.0
EOF2
"$b/shell/ioshd" -n -s "$st" 2>"$st/log" &
pid=$!
i=0
while [ ! -S "$st/ioshd.sock" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
[ -S "$st/ioshd.sock" ] || { echo "not ok - ioshd did not listen"; cat "$st/log"; exit 1; }

# A console that watches: terminal monitor, then empty lines, each
# answered after the log lines that came meanwhile.
watch() {
	echo "terminal monitor"
	i=0
	while [ ! -e "$st/stop" ] && [ $i -lt 600 ]; do
		sleep 0.1
		echo
		i=$((i + 1))
	done
}
watch | "$b/shell/iosh" -S "$st/ioshd.sock" >"$st/console" 2>&1 &
mon=$!

# wait_log TEXT: up to 10 s for a line in the daemon's log.
wait_log() {
	i=0
	while ! grep -qF "$1" "$st/log" && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	grep -qF "$1" "$st/log"
}

up="%LINK-3-UPDOWN: Interface GigabitEthernet1, changed state to up"
lp="%LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet1, changed state to"
wait_log "$up" && wait_log "$lp up" && ok "boot: the interface comes up" \
	|| nok "boot: no up lines"

sleep 0.5
ip link set v1 down
wait_log "%LINK-3-UPDOWN: Interface GigabitEthernet1, changed state to down" \
	&& ok "carrier lost: %LINK-3-UPDOWN ... down" || nok "no link down line"
wait_log "$lp down" && ok "carrier lost: %LINEPROTO-5-UPDOWN ... down" \
	|| nok "no line protocol down line"
wait_log "%LINK-3-UPDOWN: Interface Tunnel0, changed state to down" \
	&& ok "carrier lost: the tunnel on it goes down too" \
	|| nok "the tunnel did not go down with its source"

ip link set v1 up
i=0
while [ "$(grep -cF "$up" "$st/log")" -lt 2 ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
[ "$(grep -cF "$lp up" "$st/log")" -ge 2 ] && [ "$(grep -cF "$up" "$st/log")" -ge 2 ] \
	&& ok "carrier back: up again" || nok "not up again"
wait_log "%LINK-3-UPDOWN: Interface Tunnel0, changed state to up" \
	&& [ "$(grep -cF "Interface Tunnel0, changed state to up" "$st/log")" -ge 2 ] \
	&& ok "carrier back: the tunnel too" || nok "the tunnel is not up again"
# No SAs (this daemon only plans): the tunnel's line protocol stays down.
grep -qF "Line protocol on Interface Tunnel0, changed state to up" "$st/log" \
	&& nok "a tunnel without SAs said its line protocol is up" \
	|| ok "the tunnel's line protocol stays down without SAs"

"$b/shell/iosh" -S "$st/ioshd.sock" -c 'configure terminal' \
	-c 'interface GigabitEthernet1' -c 'shutdown' -c 'end' >/dev/null 2>&1
wait_log "%LINK-5-CHANGED: Interface GigabitEthernet1, changed state to administratively down" \
	&& ok "shutdown: %LINK-5-CHANGED ... administratively down" \
	|| nok "no administratively down line"
[ "$(grep -cF "$lp down" "$st/log")" -ge 2 ] \
	&& ok "shutdown: line protocol down" || nok "no second line protocol down"

sleep 0.5	# the console's next line brings the last log lines
touch "$st/stop"
wait $mon
mon=
for l in "$up" "GigabitEthernet1, changed state to down" "administratively down"; do
	grep -qF "$l" "$st/console" && ok "terminal monitor shows: $l" \
		|| nok "the console did not show: $l"
done
if [ $failed != 0 ]; then
	echo "# daemon log:"
	sed 's/^/# /' "$st/log"
	echo "# console:"
	sed 's/^/# /' "$st/console"
fi
exit $failed
