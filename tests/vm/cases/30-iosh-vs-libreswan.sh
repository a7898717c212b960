# vm: timeout 150
# Issue 6, case 4: iosh on office-gw (crypto map) against libreswan's pluto
# on branch-gw; pluto initiates, then traffic from the office side.
# Skipped while ioshd is not built (or libreswan could not be unpacked).

iosh_require
lsw_require
topo_seed
lsw_configure "$NS_BRANCH_GW" "$BRANCH_WAN" "$OFFICE_WAN" "$BRANCH_LAN" \
    "$OFFICE_LAN"
lsw_start "$NS_BRANCH_GW"
iosh_gw crypto-map office
iosh_waits "$NS_OFFICE_GW" 10
check "iosh-vs-libreswan: pluto brought the tunnel up" \
    lsw_initiate "$NS_BRANCH_GW"
tunnel_check iosh-vs-libreswan
iosh_show_crypto "$NS_OFFICE_GW"
