# Case library: the checks that prove traffic went through ESP.
#
# tunnel_check LABEL [COUNT] pings from the office host to the branch host
# while capturing on the WAN, and records four checks:
#   1. the pings got replies (all COUNT, or TUNNEL_MIN_REPLIES)
#   2. ESP packets crossed the WAN (at least one per reply and request)
#   3. no cleartext packet between the two LANs crossed the WAN
#   4. the kernel's ESP SA packet counters grew on both gateways, in both
#      directions, by at least the number of replies
# A ping alone proves nothing: with routes in place it also works in
# cleartext when the IPsec setup silently failed.

# Any packet between the two LANs, as seen outside a tunnel.
LAN_TO_LAN="ip and ((src net $OFFICE_LAN and dst net $BRANCH_LAN) or (src net $BRANCH_LAN and dst net $OFFICE_LAN))"
# ESP, plain or in UDP (NAT traversal: port 4500, not the non-ESP marker)
ESP_FILTER="esp or (udp port 4500 and udp[8:4] != 0)"

TUNNEL_MIN_REPLIES=${TUNNEL_MIN_REPLIES:-}

# capture_start NAME: capture all of the WAN into $CASE_TMP/NAME.pcap.
capture_start()
{
	CAPTURE_FILE=$CASE_TMP/$1.pcap
	CAPTURE_LOG=$CASE_TMP/$1.tcpdump
	# -Z root: stay root, so the file may be anywhere; -U and
	# --immediate-mode: write each packet at once (else the last ones
	# can still be in the kernel's ring when tcpdump is stopped)
	nsx "$NS_WAN" tcpdump -i any -nn -U --immediate-mode -Z root \
	    -w "$CAPTURE_FILE" \
	    2>"$CAPTURE_LOG" &
	CAPTURE_PID=$!
	at_exit "capture_stop"
	if ! wait_until 20 file_has "$CAPTURE_LOG" "listening on"; then
		check_bad "tcpdump did not start on the WAN"
		return 1
	fi
}

capture_stop()
{
	[ -n "${CAPTURE_PID:-}" ] || return 0
	kill "$CAPTURE_PID" 2>/dev/null
	wait "$CAPTURE_PID" 2>/dev/null
	CAPTURE_PID=
}

# capture_count FILTER: packets of the last capture that match FILTER.
capture_count()
{
	tcpdump -nn -r "$CAPTURE_FILE" "$1" 2>/dev/null | wc -l
}

# ping_from NS ADDRESS COUNT: sets PING_RECV (replies received).
ping_from()
{
	local out

	out=$(nsx "$1" busybox ping -c "$3" -i 0.2 -W 2 "$2" 2>&1)
	printf '    ping: %s\n' "${out//$'\n'/$'\n'    ping: }"
	PING_RECV=0
	[[ $out =~ ([0-9]+)\ packets\ received ]] &&
		PING_RECV=${BASH_REMATCH[1]}
}

# sa_counters NS LOCAL REMOTE: print "OUT IN", the packets counted by the
# ESP SAs of NS from LOCAL to REMOTE and back (summed over all SAs, so a
# rekey in between does not hide traffic).
sa_counters()
{
	ip -n "$1" -s xfrm state list | awk -v l="$2" -v r="$3" '
		/^src / {
			dir = ""
			if ($2 == l && $4 == r)
				dir = "out"
			else if ($2 == r && $4 == l)
				dir = "in"
		}
		/^\tproto / && $2 != "esp" { dir = "" }
		dir != "" && /lifetime current:/ {
			getline
			n = $2
			sub(/\(.*/, "", n)
			sum[dir] += n
		}
		END { printf "%d %d\n", sum["out"], sum["in"] }'
}

# sa_show NS: the SAs of NS, compact, into the log.
sa_show()
{
	ip -n "$1" -s xfrm state list |
	    grep -E '^src|proto|aead|enc |auth|if_id|[0-9]\(packets\)' |
	    sed "s/^/    $1 xfrm: /"
}

# tunnel_check LABEL [COUNT]: the four checks above; 0 if all held.
tunnel_check()
{
	local label=$1 count=${2:-5} min fails=${#CASE_FAILS[@]}
	local o0 oi0 b0 bi0 o1 oi1 b1 bi1 esp clear

	min=${TUNNEL_MIN_REPLIES:-$count}
	read -r o0 oi0 <<<"$(sa_counters "$NS_OFFICE_GW" "$OFFICE_WAN" "$BRANCH_WAN")"
	read -r b0 bi0 <<<"$(sa_counters "$NS_BRANCH_GW" "$BRANCH_WAN" "$OFFICE_WAN")"
	capture_start "$label" || return 1
	ping_from "$NS_OFFICE_HOST" "$BRANCH_HOST" "$count"
	capture_stop
	esp=$(capture_count "$ESP_FILTER")
	clear=$(capture_count "$LAN_TO_LAN")
	read -r o1 oi1 <<<"$(sa_counters "$NS_OFFICE_GW" "$OFFICE_WAN" "$BRANCH_WAN")"
	read -r b1 bi1 <<<"$(sa_counters "$NS_BRANCH_GW" "$BRANCH_WAN" "$OFFICE_WAN")"
	sa_show "$NS_OFFICE_GW"

	check "$label: $PING_RECV/$count ping replies (need $min)" \
	    test "$PING_RECV" -ge "$min" -a "$PING_RECV" -gt 0
	check "$label: $esp ESP packets on the WAN (need $((2 * PING_RECV)))" \
	    test "$esp" -gt 0 -a "$esp" -ge $((2 * PING_RECV))
	check "$label: $clear cleartext LAN-to-LAN packets on the WAN" \
	    test "$clear" -eq 0
	check "$label: SA packets out/in $NS_OFFICE_GW +$((o1 - o0))/+$((oi1 - oi0)), $NS_BRANCH_GW +$((b1 - b0))/+$((bi1 - bi0)) (need +$PING_RECV each)" \
	    test $((o1 - o0)) -ge "$PING_RECV" -a $((oi1 - oi0)) -ge "$PING_RECV" \
	    -a $((b1 - b0)) -ge "$PING_RECV" -a $((bi1 - bi0)) -ge "$PING_RECV" \
	    -a "$PING_RECV" -gt 0
	note "$label: $PING_RECV/$count replies, $esp ESP packets and $clear cleartext on the WAN, SA packets out/in: $NS_OFFICE_GW +$((o1 - o0))/+$((oi1 - oi0)), $NS_BRANCH_GW +$((b1 - b0))/+$((bi1 - bi0))"
	[ ${#CASE_FAILS[@]} -eq "$fails" ]
}

# cleartext_check LABEL: the negative control, before any IPsec is set up.
# The capture must see the office's pings to the branch in cleartext
# (proof that the capture and its filter can see a leak at all), and they
# must get no reply: the WAN, like the internet, does not route the private
# LANs, so a reply in the other checks can only have come through a tunnel.
cleartext_check()
{
	local label=$1 clear esp

	capture_start "$label" || return 1
	ping_from "$NS_OFFICE_HOST" "$BRANCH_HOST" 3
	capture_stop
	clear=$(capture_count "$LAN_TO_LAN")
	esp=$(capture_count "$ESP_FILTER")
	check "$label: $PING_RECV/3 replies without IPsec (need 0)" \
	    test "$PING_RECV" -eq 0
	check "$label: the capture sees $clear cleartext LAN-to-LAN packets (need 3)" \
	    test "$clear" -ge 3
	check "$label: and $esp ESP packets (need 0)" test "$esp" -eq 0
	note "$label: $PING_RECV/3 replies, $clear cleartext and $esp ESP packets on the WAN"
}

# wait_for_sa NS SECONDS: until NS has an outbound and an inbound ESP SA
# with the other gateway.
wait_for_sa()
{
	local ns=$1 l=$OFFICE_WAN r=$BRANCH_WAN

	if [ "$ns" = "$NS_BRANCH_GW" ]; then
		l=$BRANCH_WAN
		r=$OFFICE_WAN
	fi
	wait_until "$2" sa_pair_present "$ns" "$l" "$r"
}

sa_pair_present()
{
	local out

	out=$(ip -n "$1" xfrm state list)
	[[ $out == *"src $2 dst $3"* && $out == *"src $3 dst $2"* ]]
}
