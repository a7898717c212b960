# vm: manual
# vm: timeout 300
# Issue 6, must show: iosh on both gateways with 60 s Child SA lifetimes
# over a WAN that loses 20% each way: rekeys happen, the pings keep getting
# replies, and the kernel never holds an inbound SA without an outbound
# one.  Manual (about 3 min, beyond the CI budget): `tests/vm/run 50`.
# Skipped while ioshd is not built.

iosh_require
topo_seed
sa_monitor_start "$NS_OFFICE_GW"
IOS_LIFETIME=60
iosh_gw crypto-map office
iosh_gw crypto-map branch
tunnel_up lossy-rekey
lossy_rekey_check lossy-rekey 150
