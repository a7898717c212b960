#!/bin/sh
# Write an IOS config of about N lines (default 100000) to stdout: the
# shape of a large VPN hub (crypto map entries with their ACLs, tunnel
# interfaces with protection, static routes), so that every line goes
# through the engine and a handler that edits the model.
n=${1:-100000}
awk -v n="$n" 'BEGIN {
	print "hostname bench-hub"
	print "crypto isakmp policy 10"
	print " encr aes 256"
	print " hash sha256"
	print " authentication pre-share"
	print " group 14"
	print "crypto ipsec transform-set TS esp-aes 256 esp-sha256-hmac"
	print " mode tunnel"
	print "crypto ipsec profile PROF"
	print " set transform-set TS"
	print "interface GigabitEthernet0/0"
	print " ip address 198.51.100.1 255.255.255.0"
	print " crypto map HUB"
	lines = 13
	for (i = 1; lines < n; i++) {
		a = int(i / 250) % 250; b = i % 250
		if (i % 4 == 0) {
			printf "crypto map HUB %d ipsec-isakmp\n", i
			printf " set peer 203.%d.%d.1\n", a, b
			printf " set transform-set TS\n"
			printf " match address VPN%d\n", i
			printf "ip access-list extended VPN%d\n", i
			printf " permit ip 10.%d.%d.0 0.0.0.255 172.%d.%d.0 0.0.0.255\n", a, b, 16 + a % 16, b
			lines += 6
		} else if (i % 4 == 1) {
			printf "interface Tunnel%d\n", i
			printf " ip address 100.%d.%d.1 255.255.255.252\n", a, b
			printf " tunnel source GigabitEthernet0/0\n"
			printf " tunnel mode ipsec ipv4\n"
			printf " tunnel destination 192.0.%d.%d\n", a, b
			printf " tunnel protection ipsec profile PROF\n"
			lines += 6
		} else {
			printf "ip route 10.%d.%d.0 255.255.255.0 198.51.100.%d\n", a + 100, b, b % 250 + 2
			lines += 1
		}
	}
	print "end"
}'
