# vm: timeout 120
# A crypto map whose ACL has two permit lines, as IOS configs often do
# for several subnets: one Child SA each, both under one IKE SA.  The
# hosts hold a second address each (192.168.11.10 and 192.168.12.10), the
# gateways a secondary LAN address from the config.  Traffic of each
# subnet pair goes through its own SAs.  Skipped while ioshd is not built.

iosh_require
topo_seed
ip -n "$NS_OFFICE_HOST" addr add 192.168.11.10/24 dev "$HOST_IF"
ip -n "$NS_BRANCH_HOST" addr add 192.168.12.10/24 dev "$HOST_IF"
IOS_NET2="11 12"
iosh_gw crypto-map office
iosh_gw crypto-map branch
tunnel_up two-subnets
tunnel_check two-subnets
# the second pair: its own traffic brings its Child SA (ACQUIRE or the
# IKE SA's plan), then the pings get through
nsx "$NS_OFFICE_HOST" busybox ping -c 3 -i 0.5 -W 1 -I 192.168.11.10 \
    192.168.12.10 >/dev/null 2>&1
check "two-subnets: two ESP SA pairs on each gateway" \
    wait_until 30 eval 'sa_count_is "$NS_OFFICE_GW" 4 && sa_count_is "$NS_BRANCH_GW" 4'
out=$(nsx "$NS_OFFICE_HOST" busybox ping -c 5 -i 0.2 -W 2 -I 192.168.11.10 \
    192.168.12.10 2>&1)
note "second pair: ${out//$'\n'/ | }"
check "two-subnets: the second subnet pair gets ping replies" \
    grep -q ' 5 packets received' <<<"$out"
check "two-subnets: one IKE SA on office-gw" \
    eval '[ "$(iosh_cmd "$NS_OFFICE_GW" "show crypto ikev2 sa" |
    grep -c READY)" -eq 1 ]'
iosh_show_crypto "$NS_OFFICE_GW"
