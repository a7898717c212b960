#!/bin/sh
# tests/ike_interop_strongswan.sh: iosh-iked against strongSwan's charon
# in a network namespace this test creates (addresses 192.0.2.1 charon,
# 192.0.2.2 iosh, on its loopback; nothing leaves the namespace).
# Both directions of initiation, several suites, INVALID_KE_PAYLOAD in
# both directions, DPD, IKE SA rekeys and delete.  charon floats to port
# 4500 once both ends do NAT detection (RFC 7296 2.23 allows it without
# a NAT), so iosh listens there and charon's own NAT-T port is 4501.  The namespace may lack XFRM, so a
# Child SA counts as agreed when charon selected its proposal and iosh
# wrote it; ESP traffic is the VM harness's job.
# Skips (77) without root, charon, swanctl or namespaces.
set -u
bin=$(cd "${top_builddir:-.}" && pwd)/ike/iosh-iked
charon=/usr/lib/ipsec/charon
[ "$(id -u)" = 0 ] && [ -x "$charon" ] && command -v swanctl >/dev/null &&
	command -v unshare >/dev/null || { echo "skip: needs root and strongSwan"; exit 77; }
ns=iosh-ike-$$
dir=$(mktemp -d)
ip netns add "$ns" 2>/dev/null || { echo "skip: no netns"; rm -rf "$dir"; exit 77; }
trap 'ip netns del "$ns" 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$dir"' EXIT INT TERM
ip -n "$ns" link set lo up
ip -n "$ns" addr add 192.0.2.1/32 dev lo
ip -n "$ns" addr add 192.0.2.2/32 dev lo
printf 'interop-secret\n' > "$dir/psk"
cat > "$dir/strongswan.conf" <<EOC
charon {
	port = 500
	port_nat_t = 4501
	load = random nonce openssl kdf kernel-netlink socket-default vici
	install_routes = no
	plugins { vici { socket = unix://$dir/vici } }
	filelog { stderr { default = 1 ike = 2 enc = 1 net = 1 } }
}
EOC

# One run: $1 who initiates (charon|iosh), $2 charon IKE, $3 iosh IKE,
# $4 ESP, $5 extra step (none|dpd|delete).
run() {
	cat > "$dir/swanctl.conf" <<EOC
connections {
	iosh {
		version = 2
		local_addrs = 192.0.2.1
		remote_addrs = 192.0.2.2
		remote_port = 1500
		proposals = $2
		dpd_delay = 1s
		local { auth = psk
			id = left.example }
		remote { auth = psk
			id = right.example }
		children { net { local_ts = 10.1.0.0/16
			remote_ts = 10.2.0.0/16
			esp_proposals = $4 } }
	}
}
secrets { ike-1 { id-1 = left.example
	id-2 = right.example
	secret = "interop-secret" } }
EOC
	cat > "$dir/inner.sh" <<EOC
mount -t tmpfs none /run
export STRONGSWAN_CONF=$dir/strongswan.conf
$charon > $dir/charon.log 2>&1 &
cpid=\$!
sleep 1
swanctl --load-all --file $dir/swanctl.conf --uri unix://$dir/vici > $dir/swanctl.log 2>&1
$bin --local 192.0.2.2 --remote 192.0.2.1 --port 1500 --natt-port 4500 \
	--local-id right.example --remote-id left.example --psk-file $dir/psk \
	--ike $3 --esp $4 --ts-local 10.2.0.0/16 --ts-remote 10.1.0.0/16 \
	--xfrm-script $dir/iosh.sh $( [ "$1" = iosh ] && echo --initiate ) \
	$( [ "$5" = iosh-rekey ] && echo --rekey-ike-after 1 ) \
	> $dir/iosh.log 2>&1 &
ipid=\$!
sleep 0.5
[ "$1" = charon ] && timeout 10 swanctl --initiate --child net \
	--uri unix://$dir/vici >> $dir/swanctl.log 2>&1
sleep 1.5
[ "$5" = dpd ] && sleep 2.5
[ "$5" = rekey ] && swanctl --rekey --ike iosh --uri unix://$dir/vici \
	>> $dir/swanctl.log 2>&1 && sleep 3
[ "$5" = iosh-rekey ] && sleep 3.5
[ "$5" = delete ] && swanctl --terminate --ike iosh --uri unix://$dir/vici \
	>> $dir/swanctl.log 2>&1 && sleep 0.5
kill \$ipid; sleep 0.3; kill \$cpid; wait
EOC
	rm -f "$dir/iosh.sh"
	ip netns exec "$ns" unshare -m sh "$dir/inner.sh"
}

fail=0
check() {	# $1 name, then conditions as grep commands that must match
	name=$1
	shift
	ok=1
	while [ $# -gt 0 ]; do
		grep -q "$2" "$dir/$1" || { ok=0; echo "  missing in $1: $2"; }
		shift 2
	done
	if [ $ok = 1 ]; then echo "ok: $name"; else echo "FAIL: $name"; fail=1
		grep -E '\[(IKE|ENC)\]' "$dir/charon.log" | tail -8; cat "$dir/iosh.log"; fi
}

after() {	# $1 name: in charon.log, lines matching $2, $3, $4 in this order
	if awk -v a="$2" -v b="$3" -v c="$4" 'n == 0 && $0 ~ a { n = 1; next }
	    n == 1 && $0 ~ b { n = 2; next } n == 2 && $0 ~ c { n = 3 }
	    END { exit n != 3 }' "$dir/charon.log"; then echo "ok: $1"
	else echo "FAIL: $1"; fail=1; grep -E '\[(IKE|ENC)\]' "$dir/charon.log" | tail -12; fi
}

for suite in "aes256-sha256-modp2048 aes256-sha256" \
    "aes256gcm16-prfsha256-ecp256 aes256gcm16" \
    "aes256gcm16-prfsha256-x25519 aes256gcm16"; do
	set -- $suite
	run charon "$1" "$1" "$2" none
	check "charon initiates $1 / $2" \
	    charon.log "IKE_SA iosh\[[0-9]*\] established" \
	    charon.log "selected proposal: ESP" \
	    iosh.sh "state add"
	run iosh "$1" "$1" "$2" none
	check "iosh initiates $1 / $2" \
	    charon.log "authentication of 'right.example' with pre-shared key successful" \
	    charon.log "IKE_SA iosh\[[0-9]*\] established" \
	    charon.log "selected proposal: ESP"
done
run charon aes256-sha256-ecp256-modp2048 aes256-sha256-modp2048 aes256gcm16 none
check "charon retries after our INVALID_KE_PAYLOAD" \
    charon.log "N(INVAL_KE)" charon.log "IKE_SA iosh\[[0-9]*\] established"
run iosh aes256-sha256-modp2048 aes256-sha256-ecp256-modp2048 aes256gcm16 none
check "iosh retries after charon's INVALID_KE_PAYLOAD" \
    charon.log "N(INVAL_KE)" charon.log "IKE_SA iosh\[[0-9]*\] established"
run charon aes256-sha256-ecp256 aes256-sha256-ecp256 aes128-sha1 dpd
check "charon's DPD answered" charon.log "parsed INFORMATIONAL response"
run charon aes256-sha256-ecp256 aes256-sha256-ecp256 aes128-sha1 rekey
check "charon rekeys the IKE SA" charon.log "IKE_SA iosh\[[0-9]*\] rekeyed" \
    iosh.log "IKE SA deleted"
after "DPD over the IKE SA charon rekeyed" "rekeyed" "sending DPD request" \
    "parsed INFORMATIONAL response"
run charon aes256gcm16-prfsha256-x25519 aes256gcm16-prfsha256-x25519 \
    aes256gcm16 iosh-rekey
check "iosh rekeys the IKE SA" charon.log "IKE_SA iosh\[[0-9]*\] rekeyed"
after "DPD over the IKE SA iosh rekeyed" "rekeyed" "sending DPD request" \
    "parsed INFORMATIONAL response"
run charon aes256-sha256-ecp256 aes256-sha256-ecp256 aes128-sha1 delete
check "charon deletes the IKE SA" iosh.log "peer deleted the IKE SA"
run charon aes256gcm16-prfsha256-ecp256 aes256gcm16-prfsha256-ecp256 \
    aes256gcm16 none
check "charon moves IKE to port 4500, iosh follows" \
    charon.log "sending packet: from 192.0.2.1\[4501\] to 192.0.2.2\[4500\]" \
    charon.log "received packet: from 192.0.2.2\[4500\] to 192.0.2.1\[4501\]" \
    charon.log "IKE_SA iosh\[[0-9]*\] established"
exit $fail
