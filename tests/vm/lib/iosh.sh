# Case library: iosh's daemon in a gateway namespace.
#
# XXX: ioshd does not exist yet.  What these functions assume of it, to be
# fixed here once it does: `ioshd --state DIR` runs in the foreground,
# reads DIR/startup-config at start, and creates its console socket in DIR;
# `iosh --state DIR -c 'CMD'` runs one command against that daemon.

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
	# a private /run per daemon, as for charon
	nsx "$ns" sh -c 'mount -t tmpfs tmpfs /run && exec "$@"' ioshd \
	    "$IOSHD" --state "$state" >"$state/ioshd.log" 2>&1 &
	IOSH_PID[$ns]=$!
	at_exit "iosh_stop $ns"
	if ! wait_until 30 iosh_socket_ready "$state"; then
		sed 's/^/    ioshd: /' "$state/ioshd.log"
		case_fail "$ns: ioshd did not come up"
	fi
	log "ioshd up in $ns"
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
