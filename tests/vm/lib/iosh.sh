# Case library: iosh's daemon in a gateway namespace.
#
# `ioshd --state DIR` runs in the foreground, reads DIR/startup-config at
# start, and creates its console socket in DIR; `iosh --state DIR -c 'CMD'`
# runs one command against that daemon.  IOSHD_ARGS: more ioshd options
# (e.g. --child-lifetime 60); ioshd always runs with --debug here, so that
# a failed case's log holds the IKE exchanges.

IOSHD=${IOSHD:-$IOSH_BUILD/shell/ioshd}
IOSH=${IOSH:-$IOSH_BUILD/shell/iosh}
declare -A IOSH_PID

iosh_state()
{
	echo "$CASE_TMP/iosh-$1"
}

# iosh_require: skip the case (never pass it) while iosh is not built.
iosh_require()
{
	[ -x "$IOSHD" ] || case_skip "ioshd not built ($IOSHD)"
	[ -x "$IOSH" ] || case_skip "iosh not built ($IOSH)"
}

# iosh_socket_ready DIR: the daemon made its console socket.
iosh_socket_ready()
{
	local f

	for f in "$1"/*; do
		[ -S "$f" ] && return 0
	done
	return 1
}

# start_iosh_gw NS CONFIG_FILE: run ioshd in NS with CONFIG_FILE as its
# startup-config; wait until it serves consoles.
start_iosh_gw()
{
	local ns=$1 config=$2 state

	iosh_require
	[ -f "$config" ] || case_fail "$ns: no config $config"
	state=$(iosh_state "$ns")
	mkdir -p "$state"
	cp "$config" "$state/startup-config"
	# the seed's IOS names on this topology's devices (docs/ifmap.md)
	printf 'GigabitEthernet0/0\t%s\nGigabitEthernet0/1\t%s\n' \
	    "$GW_WAN_IF" "$GW_LAN_IF" >"$state/ifmap"
	# a private /run per daemon, as for charon
	nsx "$ns" sh -c 'mount -t tmpfs tmpfs /run && exec "$@"' ioshd \
	    "$IOSHD" --state "$state" --debug ${IOSHD_ARGS:-} \
	    >"$state/ioshd.log" 2>&1 &
	IOSH_PID[$ns]=$!
	at_exit "iosh_stop $ns"
	if ! wait_until 30 iosh_socket_ready "$state"; then
		sed 's/^/    ioshd: /' "$state/ioshd.log"
		case_fail "$ns: ioshd did not come up"
	fi
	log "ioshd up in $ns"
	# a case's config that does not load is a broken case
	check "$ns: the startup-config loaded without errors" \
	    iosh_config_clean "$state/ioshd.log"
}

iosh_config_clean()
{
	! file_has "$1" "% Invalid" && ! file_has "$1" "failed to load"
}

iosh_stop()
{
	local pid=${IOSH_PID[$1]:-}

	[ -n "$pid" ] || return 0
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	IOSH_PID[$1]=
}

# iosh_cmd NS LINE: one console line on the daemon of NS, output on stdout.
iosh_cmd()
{
	nsx "$1" "$IOSH" --state "$(iosh_state "$1")" -c "$2"
}

# iosh_show NS LINE: like iosh_cmd, output kept for the CI log.
iosh_show()
{
	local out lines

	out=$(iosh_cmd "$1" "$2" 2>&1) || log "$1: '$2' failed"
	mapfile -t lines <<<"$out"
	note "$1# $2" "${lines[@]}"
}

# example_config NAME: the seed's config NAME (office-gw, branch-gw) from
# docs/examples/, whatever its extension.
example_config()
{
	local f

	for f in "$TOP/docs/examples/$1".*; do
		case $f in
		*.md) ;;
		*) [ -f "$f" ] && { echo "$f"; return 0; } ;;
		esac
	done
	[ -f "$TOP/docs/examples/$1" ] && echo "$TOP/docs/examples/$1"
}

# iosh_gw KIND SIDE: ioshd on the office or branch gateway with the
# config ios_config KIND SIDE writes.
iosh_gw()
{
	local ns=$NS_OFFICE_GW file

	[ "$2" = office ] || ns=$NS_BRANCH_GW
	file=$CASE_TMP/$1-$2.cfg
	ios_config "$1" "$2" >"$file"
	start_iosh_gw "$ns" "$file"
}

# tunnel_up LABEL [SECONDS]: send a few pings to trigger IKE (on-demand
# peers need traffic), then wait for an ESP SA pair on both gateways and
# record it as a check.
tunnel_up()
{
	local label=$1 limit=${2:-40}

	nsx "$NS_OFFICE_HOST" busybox ping -c 3 -i 0.5 -W 1 "$BRANCH_HOST" \
	    >/dev/null 2>&1
	check "$label: ESP SAs installed on both gateways within $limit s" \
	    wait_for_sa "$NS_OFFICE_GW" "$limit" &&
	check "$label: and on $NS_BRANCH_GW" wait_for_sa "$NS_BRANCH_GW" 10
}

# iosh_show_crypto NS...: the show commands kept in the CI log.
iosh_show_crypto()
{
	local ns

	for ns in "$@"; do
		iosh_show "$ns" "show crypto ikev2 sa"
		iosh_show "$ns" "show crypto ipsec sa"
	done
}

# iosh_waits NS SECONDS: a crypto-map gateway must not bring SAs up by
# itself: IOS negotiates crypto map SAs on demand, when traffic or the peer
# asks.  Without that, iosh cannot be tested as a responder.
iosh_waits()
{
	sleep "$2"
	check "$1: no SA after $2 s without traffic (crypto maps come up on demand)" \
	    sa_none "$1"
}
