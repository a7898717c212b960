# Case library: libreswan peers, one pluto per gateway namespace.
#
# libreswan is not installed on the host (Debian 12's package conflicts
# with strongSwan's); host/libreswan.sh unpacks it into the work dir and
# sets LIBRESWAN_ROOT.  pluto runs its helper addconn from the fixed path
# /usr/libexec/ipsec, so each pluto starts in a mount namespace of its own
# (ip netns exec) where a tmpfs over /usr/libexec holds a bind mount of the
# unpacked one, and a tmpfs over /run; its control socket, NSS database,
# config, secrets and log live in the case's scratch dir.

LSW_PSK=${LSW_PSK:-$SWAN_PSK}
# the seed's algorithms, as strongSwan's defaults in lib/swan.sh
LSW_IKE=${LSW_IKE:-aes256-sha2_256;modp2048}
LSW_ESP=${LSW_ESP:-aes256-sha2_256}
declare -A LSW_PID

lsw_dir()
{
	echo "$CASE_TMP/pluto-$1"
}

lsw_bin()
{
	echo "${LIBRESWAN_ROOT:-/nonexistent}/usr/libexec/ipsec/$1"
}

lsw_require()
{
	[ -n "${LIBRESWAN_ROOT:-}" ] && [ -x "$(lsw_bin pluto)" ] ||
		case_skip "libreswan not unpacked (host/libreswan.sh)"
	require_cmd certutil "certutil (libnss3-tools) not installed"
}

# lsw_configure NS LOCAL REMOTE LOCAL-NET REMOTE-NET: ipsec.conf with one
# IKEv2 PSK connection "site" (identities: the addresses), ipsec.secrets,
# and an empty NSS database.
lsw_configure()
{
	local dir

	dir=$(lsw_dir "$1")
	mkdir -p "$dir/nss" "$dir/run"
	certutil -N -d "sql:$dir/nss" --empty-password ||
		case_fail "$1: certutil could not make pluto's NSS database"
	# (<<- strips the tabs; the spaces indent the sections' bodies)
	cat >"$dir/ipsec.conf" <<-EOF
	config setup
	    protostack=xfrm
	conn site
	    ikev2=insist
	    authby=secret
	    left=$2
	    leftsubnet=$4
	    right=$3
	    rightsubnet=$5
	    ike=$LSW_IKE
	    esp=$LSW_ESP
	    leftupdown=%disabled
	    auto=add
	EOF
	printf '%s %s : PSK "%s"\n' "$2" "$3" "$LSW_PSK" >"$dir/ipsec.secrets"
}

# lsw_start NS: start the pluto of NS (configured first), wait until it
# listens with the connection loaded.
lsw_start()
{
	local ns=$1 dir

	dir=$(lsw_dir "$ns")
	nsx "$ns" sh -c 'mount -t tmpfs tmpfs /usr/libexec &&
	    mkdir /usr/libexec/ipsec &&
	    mount --bind "$1" /usr/libexec/ipsec &&
	    mount -t tmpfs tmpfs /run && shift && exec "$@"' pluto \
	    "$LIBRESWAN_ROOT/usr/libexec/ipsec" "$(lsw_bin pluto)" --nofork \
	    --config "$dir/ipsec.conf" --rundir "$dir/run" \
	    --nssdir "$dir/nss" --ipsecdir "$dir" \
	    --secretsfile "$dir/ipsec.secrets" --logfile "$dir/pluto.log" \
	    >"$dir/pluto.out" 2>&1 &
	LSW_PID[$ns]=$!
	at_exit "lsw_stop $ns"
	if ! wait_until 60 lsw_ready "$ns" ||
	    ! kill -0 "${LSW_PID[$ns]}" 2>/dev/null; then
		sed "s/^/    $ns pluto: /" "$dir/pluto.out"
		case_fail "pluto in $ns did not start"
	fi
	log "pluto up in $ns"
}

# lsw_ready NS: pluto of NS loaded its secrets (the last step of its
# start), or died.
lsw_ready()
{
	kill -0 "${LSW_PID[$1]}" 2>/dev/null || return 0
	file_has "$(lsw_dir "$1")/pluto.log" "loading secrets from"
}

lsw_stop()
{
	local pid=${LSW_PID[$1]:-}

	[ -n "$pid" ] || return 0
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	LSW_PID[$1]=
}

# whack_in NS ARGS...: whack against the pluto of NS.
whack_in()
{
	local ns=$1

	shift
	nsx "$ns" "$(lsw_bin whack)" --ctlsocket "$(lsw_dir "$ns")/run/pluto.ctl" \
	    "$@"
}

# lsw_initiate NS: bring the connection up from NS; 0 once established.
lsw_initiate()
{
	local out

	out=$(nsx "$1" timeout 60 "$(lsw_bin whack)" \
	    --ctlsocket "$(lsw_dir "$1")/run/pluto.ctl" --name site --initiate 2>&1)
	printf '    %s initiate: %s\n' "$1" "${out//$'\n'/$'\n'    $1 initiate: }"
	[[ $out == *"established Child SA"* || $out == *"IPsec SA established"* ]]
}
