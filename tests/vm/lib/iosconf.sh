# Case library: IOS configs for the gateways of the seed topology, written
# from a few settings so that the cases can vary them (a wrong key, short
# lifetimes).  The configs are IKEv2 with a pre-shared key and the seed's
# algorithms (AES-256, SHA-256, group 14).
#
# XXX: how iosh maps IOS interface names to Linux devices is not decided
# yet; these configs call the WAN GigabitEthernet0/0 (wan0 in the
# namespace) and the LAN GigabitEthernet0/1 (lan0).
#
# ios_config KIND SIDE: print the config of SIDE (office or branch), KIND
# crypto-map (policy-based) or tunnel-protection (route-based, XFRM
# interface).  Settings, from the environment:
#   IOS_PSK        the pre-shared key (default: $SWAN_PSK, so a strongSwan
#                  peer configured by lib/swan.sh matches)
#   IOS_LIFETIME   Child SA lifetime in seconds (default 3600)
#   IOS_DPD        "INTERVAL RETRIES" for periodic DPD (default "10 2")
#   IOS_IKE_ALGS   the IKEv2 proposal's lines, joined by ";" (default
#                  "encryption aes-cbc-256;integrity sha256;group 14")
#   IOS_TRANSFORM  the transform set's transforms (default
#                  "esp-aes 256 esp-sha256-hmac")
#   IOS_PFS        the crypto map's `set pfs` group (e.g. group19;
#                  default: none)
#   IOS_NET2       "A B": a second LAN pair for crypto maps: office-gw's
#                  LAN also holds 192.168.A.1/24 (secondary), branch-gw's
#                  192.168.B.1/24, and the ACL gets a second permit line
#                  between them (a second Child SA)

ios_config()
{
	local kind=$1 side=$2 host peer own lan lan_net peer_net isp tun
	local own2 peer2

	if [ "$side" = office ]; then
		host=office-gw own=$OFFICE_WAN peer=$BRANCH_WAN
		lan=$OFFICE_GW_LAN lan_net=192.168.1.0 peer_net=192.168.2.0
		isp=$OFFICE_ISP tun=10.255.0.1
		read -r own2 peer2 <<<"${IOS_NET2:-}"
	else
		host=branch-gw own=$BRANCH_WAN peer=$OFFICE_WAN
		lan=$BRANCH_GW_LAN lan_net=192.168.2.0 peer_net=192.168.1.0
		isp=$BRANCH_ISP tun=10.255.0.2
		read -r peer2 own2 <<<"${IOS_NET2:-}"
	fi
	cat <<-EOF
	hostname $host
	!
	crypto ikev2 proposal IOSH-VM
	EOF
	tr ';' '\n' <<<"${IOS_IKE_ALGS:-encryption aes-cbc-256;integrity sha256;group 14}" |
	    sed 's/^ */ /'
	cat <<-EOF
	!
	crypto ikev2 policy IOSH-VM
	 proposal IOSH-VM
	!
	crypto ikev2 keyring PEERS
	 peer PEER
	  address $peer
	  pre-shared-key ${IOS_PSK:-$SWAN_PSK}
	 !
	!
	crypto ikev2 profile PEER
	 match identity remote address $peer 255.255.255.255
	 identity local address $own
	 authentication remote pre-share
	 authentication local pre-share
	 keyring local PEERS
	 dpd ${IOS_DPD:-10 2} periodic
	!
	crypto ipsec transform-set IOSH-VM ${IOS_TRANSFORM:-esp-aes 256 esp-sha256-hmac}
	 mode tunnel
	!
	EOF
	if [ "$kind" = crypto-map ]; then
		cat <<-EOF
		crypto map WAN 10 ipsec-isakmp
		 set peer $peer
		 set transform-set IOSH-VM
		 set security-association lifetime seconds ${IOS_LIFETIME:-3600}
		 set ikev2-profile PEER
		 ${IOS_PFS:+set pfs $IOS_PFS}
		 match address LAN-TO-LAN
		!
		interface GigabitEthernet0/0
		 ip address $own 255.255.255.0
		 crypto map WAN
		!
		EOF
	else
		cat <<-EOF
		crypto ipsec profile PROTECT
		 set transform-set IOSH-VM
		 set security-association lifetime seconds ${IOS_LIFETIME:-3600}
		 set ikev2-profile PEER
		!
		interface Tunnel0
		 ip address $tun 255.255.255.252
		 tunnel source GigabitEthernet0/0
		 tunnel mode ipsec ipv4
		 tunnel destination $peer
		 tunnel protection ipsec profile PROTECT
		!
		interface GigabitEthernet0/0
		 ip address $own 255.255.255.0
		!
		EOF
	fi
	cat <<-EOF
	interface GigabitEthernet0/1
	 ip address $lan 255.255.255.0
	EOF
	[ -z "${IOS_NET2:-}" ] || echo " ip address 192.168.$own2.1 255.255.255.0 secondary"
	cat <<-EOF
	!
	ip route 0.0.0.0 0.0.0.0 $isp
	EOF
	[ "$kind" = crypto-map ] || echo "ip route $peer_net 255.255.255.0 Tunnel0"
	if [ "$kind" = crypto-map ]; then
		cat <<-EOF
		!
		ip access-list extended LAN-TO-LAN
		 permit ip $lan_net 0.0.0.255 $peer_net 0.0.0.255
		EOF
		[ -z "${IOS_NET2:-}" ] ||
			echo " permit ip 192.168.$own2.0 0.0.0.255 192.168.$peer2.0 0.0.0.255"
	fi
	echo end
}
