# vm: timeout 300
# Issue 6, must show: iosh on both gateways with Child SA lifetimes of 60 s
# over a WAN that loses 20% each way: rekeys happen, the pings keep getting
# replies, and the kernel never holds an inbound SA without an outbound
# one.  IOS (and iosh's config language) accept `set security-association
# lifetime seconds` from 120 only, so the configs say 120 and ioshd runs
# with --child-lifetime 60, its test option that caps every Child SA's
# life.  Rekeys come 37-40 s after each setup: 120 s of pings see at least
# two.  Skipped while ioshd is not built.

iosh_require
topo_seed
sa_monitor_start "$NS_OFFICE_GW" "$NS_BRANCH_GW"
IOS_LIFETIME=120
IOSHD_ARGS="--child-lifetime 60"
iosh_gw crypto-map office
iosh_gw crypto-map branch
tunnel_up lossy-rekey
lossy_rekey_check lossy-rekey 120 2
