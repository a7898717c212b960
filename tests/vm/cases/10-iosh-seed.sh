# vm: timeout 120
# Issue 6, case 1: the seed's office and branch, each gateway running ioshd
# with its config from docs/examples/ as startup-config; the office host
# pings the branch host through ESP.  Then `show crypto ikev2 sa` and
# `show crypto ipsec sa` on each gateway, kept in the CI log.
# Skipped while ioshd is not built.

iosh_require
office=$(example_config office-gw)
branch=$(example_config branch-gw)
[ -n "$office" ] || case_fail "no docs/examples/office-gw config"
[ -n "$branch" ] || case_fail "no docs/examples/branch-gw config"
topo_seed
start_iosh_gw "$NS_OFFICE_GW" "$office"
start_iosh_gw "$NS_BRANCH_GW" "$branch"
tunnel_up seed
tunnel_check seed
iosh_show_crypto "$NS_OFFICE_GW" "$NS_BRANCH_GW"
