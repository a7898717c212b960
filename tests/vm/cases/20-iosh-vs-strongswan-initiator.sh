# vm: timeout 120
# Issue 6, case 3a: iosh on office-gw (crypto map) initiates, triggered by
# traffic, against strongSwan's charon on branch-gw.  Skipped while ioshd
# is not built.

iosh_require
swan_require
topo_seed
# IOS identifies by address by default: the charon uses addresses too
swan_configure "$NS_BRANCH_GW" "$BRANCH_WAN" "$OFFICE_WAN" \
    "$BRANCH_WAN" "$OFFICE_WAN" "$BRANCH_LAN" "$OFFICE_LAN"
swan_start "$NS_BRANCH_GW"
swan_load "$NS_BRANCH_GW" || case_fail "swanctl --load-all in $NS_BRANCH_GW"
iosh_gw crypto-map office
tunnel_up iosh-initiator
tunnel_check iosh-initiator
iosh_show_crypto "$NS_OFFICE_GW"
