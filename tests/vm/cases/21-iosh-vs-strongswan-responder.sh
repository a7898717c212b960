# vm: timeout 120
# Issue 6, case 3b: strongSwan's charon on branch-gw initiates; iosh on
# office-gw (crypto map) responds.  Skipped while ioshd is not built.

iosh_require
swan_require
topo_seed
swan_configure "$NS_BRANCH_GW" "$BRANCH_WAN" "$OFFICE_WAN" \
    "$BRANCH_WAN" "$OFFICE_WAN" "$BRANCH_LAN" "$OFFICE_LAN"
swan_start "$NS_BRANCH_GW"
swan_load "$NS_BRANCH_GW" || case_fail "swanctl --load-all in $NS_BRANCH_GW"
iosh_gw crypto-map office
iosh_waits "$NS_OFFICE_GW" 10
check "iosh-responder: charon's initiation succeeded" \
    swan_initiate "$NS_BRANCH_GW"
tunnel_check iosh-responder
iosh_show_crypto "$NS_OFFICE_GW"
