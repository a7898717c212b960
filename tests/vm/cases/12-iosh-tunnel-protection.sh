# vm: timeout 120
# Issue 6, case 2b: iosh on both gateways, route-based: interface Tunnel0
# with tunnel protection, which iosh makes an XFRM interface.  Beyond the
# tunnel checks, the SAs must carry an if_id and an xfrm link must exist.
# Skipped while ioshd is not built.

iosh_require
topo_seed
iosh_gw tunnel-protection office
iosh_gw tunnel-protection branch
tunnel_up tunnel-protection
tunnel_check tunnel-protection
links=$(ip -n "$NS_OFFICE_GW" -d link show type xfrm)
check "tunnel-protection: $NS_OFFICE_GW has an XFRM interface" test -n "$links"
states=$(ip -n "$NS_OFFICE_GW" xfrm state list)
check "tunnel-protection: its SAs carry an if_id" \
    test "${states/if_id/}" != "$states"
