# vm: timeout 240
# Issue 6, case 5c: the WAN link drops for longer than the DPD timeout
# (periodic DPD every 10 s, 2 retries) and comes back.  While it is down,
# iosh must tear the SAs down; once it is back, traffic must flow again
# through new SAs.  Skipped while ioshd is not built.

iosh_require
topo_seed
iosh_gw crypto-map office
iosh_gw crypto-map branch
tunnel_up dpd-before
tunnel_check dpd-before
topo_wan_link down
log "WAN down"
check "dpd: $NS_OFFICE_GW removed its SAs while the WAN was down" \
    wait_until 90 sa_none "$NS_OFFICE_GW"
check "dpd: ioshd told the operator the tunnel went down" \
    grep -q 'IKEV2_SESSION_STATUS.*DOWN' "$(iosh_state "$NS_OFFICE_GW")/ioshd.log"
iosh_show_crypto "$NS_OFFICE_GW"
topo_wan_link up
log "WAN up"
tunnel_up dpd-after 60
tunnel_check dpd-after
