# vm: timeout 120
# Issue 6, case 2a: iosh on both gateways, policy-based: a crypto map on
# the WAN interface (config from lib/iosconf.sh).  Skipped while ioshd is
# not built.

iosh_require
topo_seed
iosh_gw crypto-map office
iosh_gw crypto-map branch
tunnel_up crypto-map
tunnel_check crypto-map
