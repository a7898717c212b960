# Case library: the seed topology.  Five network namespaces, four veth
# pairs, all inside the VM (which has no network card):
#
#  lan1            office-gw                wan          branch-gw             lan2
#  eth0 ---------- lan0  wan0 ---------- office0  branch0 ---------- wan0  lan0 ---------- eth0
#  192.168.1.10    .1.1  1.2.3.4/24      1.2.3.1  5.6.7.1      5.6.7.8/24  .2.1    192.168.2.10
#
# The seed puts office-gw at 1.2.3.4 and branch-gw at 5.6.7.8, which are
# not on one subnet, so the WAN is a router namespace ("wan", the
# internet) with one /24 towards each gateway; each gateway has a default
# route to it.  Captures run in "wan": it holds no XFRM state, so what it
# sees is exactly what crosses the wire (on a gateway's own WAN device,
# decrypted inbound packets show up too and would blur the check).

NS_OFFICE_HOST=lan1
NS_OFFICE_GW=office-gw
NS_WAN=wan
NS_BRANCH_GW=branch-gw
NS_BRANCH_HOST=lan2

OFFICE_LAN=192.168.1.0/24
OFFICE_HOST=192.168.1.10
OFFICE_GW_LAN=192.168.1.1
OFFICE_WAN=1.2.3.4
OFFICE_ISP=1.2.3.1
BRANCH_LAN=192.168.2.0/24
BRANCH_HOST=192.168.2.10
BRANCH_GW_LAN=192.168.2.1
BRANCH_WAN=5.6.7.8
BRANCH_ISP=5.6.7.1

# device names on each gateway and host
GW_LAN_IF=lan0
GW_WAN_IF=wan0
HOST_IF=eth0

# topo_seed: build the topology above, everything up and routed.  Only the
# devices named here are brought up: tunnel modules create fallback devices
# (ip_vti0, ...) in every namespace, and one that is up swallows inbound ESP.
topo_seed()
{
	ip -batch - <<-EOF || case_fail "topology: creating namespaces and links"
	netns add $NS_OFFICE_HOST
	netns add $NS_OFFICE_GW
	netns add $NS_WAN
	netns add $NS_BRANCH_GW
	netns add $NS_BRANCH_HOST
	link add $HOST_IF netns $NS_OFFICE_HOST type veth peer name $GW_LAN_IF netns $NS_OFFICE_GW
	link add $GW_WAN_IF netns $NS_OFFICE_GW type veth peer name office0 netns $NS_WAN
	link add branch0 netns $NS_WAN type veth peer name $GW_WAN_IF netns $NS_BRANCH_GW
	link add $GW_LAN_IF netns $NS_BRANCH_GW type veth peer name $HOST_IF netns $NS_BRANCH_HOST
	EOF
	topo_host "$NS_OFFICE_HOST" "$OFFICE_HOST/24" "$OFFICE_GW_LAN"
	topo_host "$NS_BRANCH_HOST" "$BRANCH_HOST/24" "$BRANCH_GW_LAN"
	topo_gw "$NS_OFFICE_GW" "$OFFICE_GW_LAN/24" "$OFFICE_WAN/24" "$OFFICE_ISP"
	topo_gw "$NS_BRANCH_GW" "$BRANCH_GW_LAN/24" "$BRANCH_WAN/24" "$BRANCH_ISP"
	ip -n "$NS_WAN" -batch - <<-EOF || case_fail "topology: setting up $NS_WAN"
	link set lo up
	addr add $OFFICE_ISP/24 dev office0
	addr add $BRANCH_ISP/24 dev branch0
	link set office0 up
	link set branch0 up
	EOF
	topo_forwarding "$NS_OFFICE_GW" "$NS_WAN" "$NS_BRANCH_GW"
	log "topology up"
}

# topo_host NS ADDR/LEN GATEWAY
topo_host()
{
	ip -n "$1" -batch - <<-EOF || case_fail "topology: setting up $1"
	link set lo up
	addr add $2 dev $HOST_IF
	link set $HOST_IF up
	route add default via $3
	EOF
}

# topo_gw NS LAN-ADDR/LEN WAN-ADDR/LEN ISP
topo_gw()
{
	ip -n "$1" -batch - <<-EOF || case_fail "topology: setting up $1"
	link set lo up
	addr add $2 dev $GW_LAN_IF
	addr add $3 dev $GW_WAN_IF
	link set $GW_LAN_IF up
	link set $GW_WAN_IF up
	route add default via $4
	EOF
}

# topo_forwarding NS...: turn on IPv4 forwarding (procfs: no sysctl(8)
# needed in the guest)
topo_forwarding()
{
	local ns

	for ns in "$@"; do
		nsx "$ns" sh -c 'echo 1 >/proc/sys/net/ipv4/ip_forward' ||
			case_fail "topology: forwarding in $ns"
	done
}

# topo_wan_link up|down: cut or restore the office side of the WAN.
topo_wan_link()
{
	ip -n "$NS_WAN" link set office0 "$1"
}

# topo_wan_netem ARGS...: shape both WAN directions, e.g. "loss 20%";
# "off" removes it.
topo_wan_netem()
{
	local dev

	for dev in office0 branch0; do
		if [ "$1" = off ]; then
			tc -n "$NS_WAN" qdisc del dev "$dev" root 2>/dev/null
		else
			tc -n "$NS_WAN" qdisc replace dev "$dev" root \
			    netem "$@" || return 1
		fi
	done
}
