# vm: manual
# vm: timeout 480
# Issue 6, must show: iosh on both gateways with short Child SA lifetimes
# over a WAN that loses 20% each way: rekeys happen, the pings keep getting
# replies, and the kernel never holds an inbound SA without an outbound
# one.  The issue asks for 60 s lifetimes, but IOS (and iosh) accept
# `set security-association lifetime seconds` from 120 only, so: 120 s
# lifetimes and 300 s of pings.  Manual (about 6 min, beyond the CI
# budget): `tests/vm/run 50`.  Skipped while ioshd is not built.

iosh_require
topo_seed
sa_monitor_start "$NS_OFFICE_GW"
IOS_LIFETIME=120
iosh_gw crypto-map office
iosh_gw crypto-map branch
tunnel_up lossy-rekey
lossy_rekey_check lossy-rekey 300
