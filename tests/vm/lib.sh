# The case library, sourced by guest/case.sh before each case.  Every case
# can use the functions of these files:
#   lib/core.sh   logging, checks, results (case_fail, case_skip), at_exit
#   lib/topo.sh   the seed topology: office and branch LANs, gateways, WAN
#   lib/check.sh  capture on the WAN, ping, SA counters, tunnel_check
#   lib/xfrm.sh   SAs and policies by hand with ip xfrm
#   lib/swan.sh   a strongSwan charon per namespace
#   lib/libreswan.sh a libreswan pluto per namespace
#   lib/iosh.sh   iosh's daemon per gateway namespace
#   lib/iosconf.sh IOS configs for the gateways (crypto map, tunnel protection)
for vm_lib_file in core topo check xfrm swan libreswan iosh iosconf; do
	. "$VM_DIR/lib/$vm_lib_file.sh"
done
unset vm_lib_file
