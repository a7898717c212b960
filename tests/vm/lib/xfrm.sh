# Case library: ESP tunnels set up by hand with ip xfrm, no IKE.  Used to
# prove the harness itself; the same SAs go on both gateways.

# Test-only keys, made up for these cases.
XFRM_GCM='aead rfc4106(gcm(aes)) 0x6a1c5e93b07f42d8a5c3e1f9d2b84c7013579bdf 128'
XFRM_CBC_SHA256='enc cbc(aes) 0x3f8a2c6e91d04b7fa2e5c8d1b6097e4a auth-trunc hmac(sha256) 0xc47e1a9f3b6d208e5f1a7c3e9b4d6f0812a4c6e8f0b2d4f6183a5c7e9fb1d3f5 128'
XFRM_SPI_OB=0x0b0f1001		# office-gw to branch-gw
XFRM_SPI_BO=0x0b0f2002		# branch-gw to office-gw
XFRM_REQID=7
XFRM_IF_ID=42

# xfrm_reset NS...: no SAs, no policies, no ipsec0 (and its routes).
xfrm_reset()
{
	local ns

	for ns in "$@"; do
		ip -n "$ns" -force -batch - <<-EOF >/dev/null 2>&1
		xfrm state flush
		xfrm policy flush
		link del ipsec0
		EOF
	done
}

# xfrm_tunnel NS LOCAL REMOTE LOCAL-NET REMOTE-NET ALG [EXTRA]: the two SAs
# (office to branch, branch to office) and the out/in/fwd policies of one
# gateway, tunnel mode.  EXTRA goes on every SA and policy (e.g. if_id N).
xfrm_tunnel()
{
	local ns=$1 l=$2 r=$3 lnet=$4 rnet=$5 alg=$6 extra=${7:-}
	local spi_out=$XFRM_SPI_OB spi_in=$XFRM_SPI_BO

	if [ "$l" = "$BRANCH_WAN" ]; then
		spi_out=$XFRM_SPI_BO
		spi_in=$XFRM_SPI_OB
	fi
	ip -n "$ns" -batch - <<-EOF
	xfrm state add src $l dst $r proto esp spi $spi_out reqid $XFRM_REQID mode tunnel $alg $extra
	xfrm state add src $r dst $l proto esp spi $spi_in reqid $XFRM_REQID mode tunnel $alg $extra
	xfrm policy add src $lnet dst $rnet dir out tmpl src $l dst $r proto esp reqid $XFRM_REQID mode tunnel $extra
	xfrm policy add src $rnet dst $lnet dir in tmpl src $r dst $l proto esp reqid $XFRM_REQID mode tunnel $extra
	xfrm policy add src $rnet dst $lnet dir fwd tmpl src $r dst $l proto esp reqid $XFRM_REQID mode tunnel $extra
	EOF
}

# xfrm_policy_based ALG: a policy-based tunnel between the LANs.  The
# gateways' default routes already lead to the other LAN; the policies
# pick the traffic.
xfrm_policy_based()
{
	xfrm_tunnel "$NS_OFFICE_GW" "$OFFICE_WAN" "$BRANCH_WAN" \
	    "$OFFICE_LAN" "$BRANCH_LAN" "$1" &&
	xfrm_tunnel "$NS_BRANCH_GW" "$BRANCH_WAN" "$OFFICE_WAN" \
	    "$BRANCH_LAN" "$OFFICE_LAN" "$1"
}

# xfrm_route_based ALG: an XFRM interface ipsec0 on each gateway, any-to-any
# policies bound to it by if_id, and a route to the other LAN through it.
xfrm_route_based()
{
	xfrm_xfrmi "$NS_OFFICE_GW" "$OFFICE_WAN" "$BRANCH_WAN" "$BRANCH_LAN" \
	    "$1" &&
	xfrm_xfrmi "$NS_BRANCH_GW" "$BRANCH_WAN" "$OFFICE_WAN" "$OFFICE_LAN" \
	    "$1"
}

# xfrm_xfrmi NS LOCAL REMOTE REMOTE-NET ALG
xfrm_xfrmi()
{
	ip -n "$1" -batch - <<-EOF || return 1
	link add ipsec0 type xfrm dev $GW_WAN_IF if_id $XFRM_IF_ID
	link set ipsec0 up
	EOF
	xfrm_tunnel "$1" "$2" "$3" 0.0.0.0/0 0.0.0.0/0 "$5" \
	    "if_id $XFRM_IF_ID" || return 1
	ip -n "$1" route add "$4" dev ipsec0
}
