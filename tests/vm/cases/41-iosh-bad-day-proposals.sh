# vm: timeout 120
# Issue 6, case 5b: the peer proposes only algorithms iosh does not accept
# (3DES, SHA-1, group 2).  strongSwan initiates and must get
# NO_PROPOSAL_CHOSEN; no SA comes up; iosh's log says why.  Skipped while
# ioshd is not built.
# XXX: the message iosh logs is not decided; this looks for "no proposal
# chosen" (or NO_PROPOSAL_CHOSEN) until it is.

iosh_require
swan_require
topo_seed
SWAN_IKE_PROPOSAL=3des-sha1-modp1024
SWAN_ESP_PROPOSAL=3des-sha1
swan_configure "$NS_BRANCH_GW" "$BRANCH_WAN" "$OFFICE_WAN" \
    "$BRANCH_WAN" "$OFFICE_WAN" "$BRANCH_LAN" "$OFFICE_LAN"
swan_start "$NS_BRANCH_GW"
swan_load "$NS_BRANCH_GW" || case_fail "swanctl --load-all in $NS_BRANCH_GW"
iosh_gw crypto-map office
check "proposals: charon's initiation fails" \
    eval '! swan_initiate "$NS_BRANCH_GW"'
check "proposals: charon was told NO_PROPOSAL_CHOSEN" \
    grep -q NO_PROPOSAL_CHOSEN "$(swan_dir "$NS_BRANCH_GW")/charon.log"
check "proposals: no SA on $NS_OFFICE_GW" \
    sa_none "$NS_OFFICE_GW"
check "proposals: ioshd logged the rejected proposal" \
    grep -qEi 'no[ _]proposal[ _]chosen' "$(iosh_state "$NS_OFFICE_GW")/ioshd.log"
