# vm: manual
# vm: timeout 120
# Proves the strongSwan helpers of lib/swan.sh, not iosh: a charon on each
# gateway, IKEv2 with a PSK and the seed's algorithms, office-gw initiates,
# then the tunnel checks.  Manual: run it with `tests/vm/run 01`.

swan_require
topo_seed
swan_office_branch
swan_initiate "$NS_OFFICE_GW" || case_fail "swanctl --initiate failed"
swanctl_in "$NS_OFFICE_GW" --list-sas 2>&1 | sed 's/^/    office-gw sas: /'
tunnel_check strongswan-pair
