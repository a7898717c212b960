# Case library: strongSwan peers, one charon per gateway namespace.
#
# Several charons on one machine need: their own /run (the pidfile path
# /var/run/charon.pid is fixed), so each starts under `ip netns exec`,
# which gives it a private mount namespace, with a tmpfs on /run; their
# own vici socket, in the case's scratch dir; and an explicit plugin list,
# which in strongSwan 5.9 must include kdf (or key derivation fails), and
# keeps swanctl quick (loading every plugin costs seconds under TCG).

SWAN_CHARON=${SWAN_CHARON:-/usr/lib/ipsec/charon}
SWAN_PSK=${SWAN_PSK:-iosh-vm-test-psk-4f2a9c}
# The seed's algorithms: IKE aes256/sha256/group 14, ESP aes256+sha256.
SWAN_IKE_PROPOSAL=${SWAN_IKE_PROPOSAL:-aes256-sha256-modp2048}
SWAN_ESP_PROPOSAL=${SWAN_ESP_PROPOSAL:-aes256-sha256-modp2048}
# Child SA rekey_time and life_time (e.g. 50s and 60s); strongSwan's
# defaults when empty
SWAN_CHILD_REKEY=${SWAN_CHILD_REKEY:-}
SWAN_CHILD_LIFE=${SWAN_CHILD_LIFE:-}
# more settings for the charon section of strongswan.conf
SWAN_CHARON_EXTRA=${SWAN_CHARON_EXTRA:-}
declare -A SWAN_PID

swan_dir()
{
	echo "$CASE_TMP/swan-$1"
}

swan_require()
{
	require_cmd "$SWAN_CHARON" "strongSwan's charon is not installed"
	require_cmd swanctl "strongSwan's swanctl is not installed"
}

# swan_configure NS LOCAL REMOTE LOCAL-ID REMOTE-ID LOCAL-TS REMOTE-TS:
# strongswan.conf and swanctl.conf for the charon of NS: one IKEv2
# connection "site", PSK, with one tunnel-mode child "net".
swan_configure()
{
	local ns=$1 dir

	dir=$(swan_dir "$ns")
	mkdir -p "$dir"
	cat >"$dir/strongswan.conf" <<-EOF
	charon {
		load = random nonce openssl kdf pem pkcs1 x509 pubkey kernel-netlink socket-default vici
		install_routes = no
		$SWAN_CHARON_EXTRA
		plugins {
			vici {
				socket = unix://$dir/vici
			}
		}
		filelog {
			main {
				path = $dir/charon.log
				time_format = %T
				default = 1
				ike = 2
				knl = 2
				flush_line = yes
			}
		}
	}
	swanctl {
		load = random openssl pem pkcs1 x509 pubkey
	}
	EOF
	cat >"$dir/swanctl.conf" <<-EOF
	connections {
		site {
			version = 2
			local_addrs = $2
			remote_addrs = $3
			proposals = $SWAN_IKE_PROPOSAL
			local {
				auth = psk
				id = $4
			}
			remote {
				auth = psk
				id = $5
			}
			children {
				net {
					local_ts = $6
					remote_ts = $7
					esp_proposals = $SWAN_ESP_PROPOSAL
					mode = tunnel
					start_action = none
					${SWAN_CHILD_REKEY:+rekey_time = $SWAN_CHILD_REKEY}
					${SWAN_CHILD_LIFE:+life_time = $SWAN_CHILD_LIFE}
				}
			}
		}
	}
	secrets {
		ike-site {
			id-local = $4
			id-remote = $5
			secret = "$SWAN_PSK"
		}
	}
	EOF
}

# swan_start NS: start the charon of NS (configured first) and wait for its
# vici socket.
swan_start()
{
	local ns=$1 dir

	dir=$(swan_dir "$ns")
	nsx "$ns" sh -c 'mount -t tmpfs tmpfs /run && exec "$@"' charon \
	    env STRONGSWAN_CONF="$dir/strongswan.conf" "$SWAN_CHARON" \
	    >"$dir/charon.out" 2>&1 &
	SWAN_PID[$ns]=$!
	at_exit "swan_stop $ns"
	if ! wait_until 30 swan_ready "$ns" ||
	    ! kill -0 "${SWAN_PID[$ns]}" 2>/dev/null; then
		sed "s/^/    $ns charon: /" "$dir/charon.out"
		case_fail "charon in $ns did not start"
	fi
	log "charon up in $ns"
}

# swan_ready NS: charon of NS has finished starting or has died (its vici
# socket exists before it has loaded its plugins, and it may abort then).
swan_ready()
{
	local dir

	dir=$(swan_dir "$1")
	kill -0 "${SWAN_PID[$1]}" 2>/dev/null || return 0
	file_has "$dir/charon.log" "worker threads"
}

swan_stop()
{
	local pid=${SWAN_PID[$1]:-}

	[ -n "$pid" ] || return 0
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	SWAN_PID[$1]=
}

# swanctl_in NS ARGS...: swanctl against the charon of NS.
swanctl_in()
{
	local ns=$1 dir

	shift
	dir=$(swan_dir "$ns")
	nsx "$ns" env STRONGSWAN_CONF="$dir/strongswan.conf" \
	    swanctl "$@" --uri "unix://$dir/vici"
}

# swan_load NS: load the connection and the PSK into the charon of NS.
swan_load()
{
	local dir

	dir=$(swan_dir "$1")
	swanctl_in "$1" --load-all --file "$dir/swanctl.conf" 2>&1 |
	    grep -v 'opening directory' | sed "s/^/    $1 swanctl: /"
	return "${PIPESTATUS[0]}"
}

# swan_initiate NS: bring up the child "net" from NS (IKE_SA included).
swan_initiate()
{
	swanctl_in "$1" --initiate --child net --timeout 40 2>&1 |
	    tail -n 3 | sed "s/^/    $1 initiate: /"
	return "${PIPESTATUS[0]}"
}

# swan_show_sas NS LABEL IKE CHILD: print the charon's SAs as notes and
# check that it negotiated the IKE SA algorithms IKE and the Child SA ones
# CHILD, in swanctl's names (e.g. AES_GCM_16-256/PRF_HMAC_SHA2_256/ECP_256).
swan_show_sas()
{
	local ns=$1 label=$2 ike=$3 child=$4 sas line

	sas=$(swanctl_in "$ns" --list-sas 2>&1)
	while IFS= read -r line; do
		note "$ns swanctl --list-sas: $line"
	done <<<"$sas"
	check "$label: charon's IKE SA uses $ike" \
	    grep -qF -- "$ike" <<<"$sas"
	check "$label: charon's Child SA uses ESP:$child" \
	    grep -qF -- "ESP:$child" <<<"$sas"
}

# swan_office_branch: charon on both gateways, configured for the seed
# topology, connection loaded on both sides.
swan_office_branch()
{
	swan_configure "$NS_OFFICE_GW" "$OFFICE_WAN" "$BRANCH_WAN" \
	    office-gw.test branch-gw.test "$OFFICE_LAN" "$BRANCH_LAN"
	swan_configure "$NS_BRANCH_GW" "$BRANCH_WAN" "$OFFICE_WAN" \
	    branch-gw.test office-gw.test "$BRANCH_LAN" "$OFFICE_LAN"
	swan_start "$NS_OFFICE_GW"
	swan_start "$NS_BRANCH_GW"
	swan_load "$NS_OFFICE_GW" || case_fail "swanctl --load-all in $NS_OFFICE_GW"
	swan_load "$NS_BRANCH_GW" || case_fail "swanctl --load-all in $NS_BRANCH_GW"
}
