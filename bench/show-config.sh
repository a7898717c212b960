#!/bin/sh
# Write an IOS config with N route-based tunnels (default 10000) to
# stdout, each with its own keyring, IKE profile, IPsec profile, tunnel
# interface and route: about 16 lines of show running-config a tunnel.
# Tunnel i goes from 127.0.0.1 (the tunnel source, an address: a
# loopback address is no host address for ip address) to 127.1.A.B, so
# that bench/show_bench can run the far ends on loopback.
n=${1:-10000}
awk -v n="$n" 'BEGIN {
	print "hostname bench-hub"
	print "crypto isakmp policy 10"
	print " encr aes 256"
	print " hash sha256"
	print " authentication pre-share"
	print " group 19"
	print "crypto ipsec transform-set TS esp-aes 256 esp-sha256-hmac"
	print " mode tunnel"
	for (i = 0; i < n; i++) {
		a = int(i / 250); b = i % 250 + 1
		printf "crypto keyring KR%d\n", i
		printf " pre-shared-key address 127.1.%d.%d key bench-key-%d\n", a, b, i
		printf "crypto isakmp profile P%d\n", i
		printf " keyring KR%d\n", i
		printf " match identity address 127.1.%d.%d 255.255.255.255\n", a, b
		printf "crypto ipsec profile IP%d\n", i
		printf " set transform-set TS\n"
		printf " set isakmp-profile P%d\n", i
		printf "interface Tunnel%d\n", i
		printf " ip address 100.%d.%d.%d 255.255.255.252\n", 64 + int(i / 16384), int(i / 64) % 256, (i % 64) * 4 + 1
		printf " tunnel source 127.0.0.1\n"
		printf " tunnel mode ipsec ipv4\n"
		printf " tunnel destination 127.1.%d.%d\n", a, b
		printf " tunnel protection ipsec profile IP%d\n", i
		printf "ip route 10.%d.%d.0 255.255.255.0 Tunnel%d\n", a, b, i
	}
	print "interface GigabitEthernet0/0"
	print " ip address 192.0.2.1 255.255.255.0"
	print "end"
}'
