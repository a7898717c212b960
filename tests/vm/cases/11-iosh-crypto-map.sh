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
iosh_show_crypto "$NS_OFFICE_GW"
# IOS names the interface that carries the map
check "crypto-map: show crypto ipsec sa names interface GigabitEthernet0/0" \
    eval 'iosh_cmd "$NS_OFFICE_GW" "show crypto ipsec sa" |
    grep -q "^interface: GigabitEthernet0/0\$"'
