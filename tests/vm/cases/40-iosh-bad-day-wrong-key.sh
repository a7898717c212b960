# vm: timeout 120
# Issue 6, case 5a: the peer's key is wrong.  iosh on office-gw with one
# key, strongSwan on branch-gw with another: no SA may come up, nothing may
# leak in cleartext, and iosh's log must say why.  Skipped while ioshd is
# not built.
# XXX: the message iosh logs is not decided; this looks for "authentication
# failed" (or the IKEv2 notify's name, AUTHENTICATION_FAILED) until it is.

iosh_require
swan_require
topo_seed
swan_configure "$NS_BRANCH_GW" "$BRANCH_WAN" "$OFFICE_WAN" \
    "$BRANCH_WAN" "$OFFICE_WAN" "$BRANCH_LAN" "$OFFICE_LAN"
swan_start "$NS_BRANCH_GW"
swan_load "$NS_BRANCH_GW" || case_fail "swanctl --load-all in $NS_BRANCH_GW"
IOS_PSK=not-the-peers-key iosh_gw crypto-map office
capture_start wrong-key
nsx "$NS_OFFICE_HOST" busybox ping -c 5 -i 1 -W 1 "$BRANCH_HOST" >/dev/null
sleep 5
capture_stop
check "wrong-key: no SA on $NS_OFFICE_GW" \
    sa_none "$NS_OFFICE_GW"
check "wrong-key: no cleartext between the LANs on the WAN" \
    test "$(capture_count "$LAN_TO_LAN")" -eq 0
check "wrong-key: ioshd logged the authentication failure" \
    grep -qEi 'authentication[ _]failed' "$(iosh_state "$NS_OFFICE_GW")/ioshd.log"
iosh_show_crypto "$NS_OFFICE_GW"
