# vm: timeout 150
# Proves the harness, not iosh: the seed topology with ESP tunnels set up by
# hand with ip xfrm (no IKE), each variant through all the checks of
# tunnel_check.  First a negative control shows that the capture does see
# cleartext between the LANs when there is no tunnel.
#   control-cleartext   no IPsec: no reply, and the capture sees the pings
#   policy-gcm          policy-based, rfc4106(gcm(aes)) 128-bit
#   policy-cbc-sha256   policy-based, cbc(aes) + hmac(sha256) 128-bit ICV
#   xfrmi-gcm           route-based, XFRM interface ipsec0, GCM
#   xfrmi-cbc-sha256    route-based, XFRM interface ipsec0, CBC+SHA256

topo_seed
cleartext_check control-cleartext

variant()
{
	local name=$1 setup=$2 alg=$3

	xfrm_reset "$NS_OFFICE_GW" "$NS_BRANCH_GW"
	if ! "$setup" "$alg"; then
		check_bad "$name: installing the SAs and policies failed"
		return
	fi
	tunnel_check "$name"
}

variant policy-gcm xfrm_policy_based "$XFRM_GCM"
variant policy-cbc-sha256 xfrm_policy_based "$XFRM_CBC_SHA256"
variant xfrmi-gcm xfrm_route_based "$XFRM_GCM"
variant xfrmi-cbc-sha256 xfrm_route_based "$XFRM_CBC_SHA256"
