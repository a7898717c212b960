# vm: manual
# vm: timeout 150
# Proves the libreswan helpers of lib/libreswan.sh, not iosh: pluto on
# office-gw initiates to strongSwan's charon on branch-gw (IKEv2, PSK,
# the seed's algorithms), then the tunnel checks.  Manual:
# `tests/vm/run 03`.

lsw_require
swan_require
topo_seed
# identities are the addresses on both sides
swan_configure "$NS_BRANCH_GW" "$BRANCH_WAN" "$OFFICE_WAN" \
    "$BRANCH_WAN" "$OFFICE_WAN" "$BRANCH_LAN" "$OFFICE_LAN"
swan_start "$NS_BRANCH_GW"
swan_load "$NS_BRANCH_GW" || case_fail "swanctl --load-all in $NS_BRANCH_GW"
lsw_configure "$NS_OFFICE_GW" "$OFFICE_WAN" "$BRANCH_WAN" "$OFFICE_LAN" \
    "$BRANCH_LAN"
lsw_start "$NS_OFFICE_GW"
check "libreswan: pluto brought the tunnel up" lsw_initiate "$NS_OFFICE_GW"
tunnel_check libreswan-vs-strongswan
