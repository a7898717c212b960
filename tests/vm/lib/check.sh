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
	local o0 oi0 b0 bi0 o1 oi1 b1 bi1 esp clear need

	min=${TUNNEL_MIN_REPLIES:-$count}
	[ "$min" -gt 0 ] || min=1
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

	# with no reply, still ask for at least one ESP packet and SA count
	need=$PING_RECV
	[ "$need" -gt 0 ] || need=1
	check "$label: $PING_RECV/$count ping replies (need $min)" \
	    test "$PING_RECV" -ge "$min"
	check "$label: $esp ESP packets on the WAN (need $((2 * need)))" \
	    test "$esp" -ge $((2 * need))
	check "$label: $clear cleartext LAN-to-LAN packets on the WAN" \
	    test "$clear" -eq 0
	check "$label: SA packets out/in $NS_OFFICE_GW +$((o1 - o0))/+$((oi1 - oi0)), $NS_BRANCH_GW +$((b1 - b0))/+$((bi1 - bi0)) (need +$need each)" \
	    test $((o1 - o0)) -ge "$need" -a $((oi1 - oi0)) -ge "$need" \
	    -a $((b1 - b0)) -ge "$need" -a $((bi1 - bi0)) -ge "$need"
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

# sa_none NS: NS holds no SA at all.  The larval states the kernel keeps
# while it waits for an ACQUIRE to be answered (SPI 0) are no SA.
sa_none()
{
	sa_count_is "$1" 0
}

# sa_count_is NS N: the kernel of NS holds exactly N SAs, not counting
# the larval ones (spi 0) an ACQUIRE leaves.
sa_count_is()
{
	[ "$(ip -n "$1" xfrm state list | grep 'spi 0x' |
	    grep -vc 'spi 0x00000000')" -eq "$2" ]
}

# sa_monitor_start NS...: log every SA the kernel of each NS adds, deletes
# or expires, in order, into $CASE_TMP/NS.xfrm-monitor.
declare -a SA_MONITOR_PIDS
sa_monitor_start()
{
	local ns

	for ns in "$@"; do
		ip -n "$ns" xfrm monitor SA expire \
		    >"$CASE_TMP/$ns.xfrm-monitor" 2>&1 &
		SA_MONITOR_PIDS+=($!)
	done
	at_exit "sa_monitor_stop"
}

sa_monitor_stop()
{
	local pid

	for pid in "${SA_MONITOR_PIDS[@]}"; do
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
	done
	SA_MONITOR_PIDS=()
}

# sa_monitor_replay NS LOCAL REMOTE: replay NS's monitor log, keeping the set
# of live inbound (REMOTE to LOCAL) and outbound SAs.  Prints "OUTBOUND
# GAPS": the outbound SPIs seen (1 = no rekey), and the number of events
# after which, once the tunnel was first up, an inbound SA was live with no
# outbound one (a window in which replies arrive but nothing can be sent).
# Make-before-break rekeying never makes one; the first setup, which
# installs inbound before outbound, is not counted; a re-setup after the
# old SAs expired is (it means the tunnel went down).
sa_monitor_replay()
{
	awk -v l="$2" -v r="$3" '
	function dirof(s, d) {
		return (s == l && d == r) ? "out" : (s == r && d == l) ? "in" : ""
	}
	function settle(   k, nin, nout) {
		nin = nout = 0
		for (k in live)
			if (live[k] == "in") nin++; else nout++
		if (nout > 0) up = 1
		if (up && nin > 0 && nout == 0) gaps++
	}
	/^(Deleted |Expired |Updated )?src / {
		# an inbound SA usually appears as "Updated": its SPI was
		# allocated first (larval), then filled in
		kind = ($1 == "Deleted") ? "del" : ($1 == "Expired") ? "exp" : "add"
		off = ($1 == "src") ? 0 : 1
		dir = dirof($(2 + off), $(4 + off))
		next
	}
	/^\tproto esp spi / && dir != "" {
		spi = $4
		if (kind == "add") {
			live[spi] = dir
			if (dir == "out") outs[spi] = 1
		} else if (kind == "del") {
			delete live[spi]
		}
		settle()
		next
	}
	kind == "exp" && /^\thard 1/ { delete live[spi]; settle() }
	END { n = 0; for (k in outs) n++; printf "%d %d\n", n, gaps + 0 }
	' "$CASE_TMP/$1.xfrm-monitor"
}

# ping_long FROM_NS ADDRESS SECONDS: ping every 0.5 s for SECONDS; sets
# PING_SENT, PING_RECV and PING_LONGEST_LOSS (most replies missed in a row).
ping_long()
{
	local out

	out=$(nsx "$1" busybox ping -c $(($3 * 2)) -i 0.5 -W 2 "$2" 2>&1)
	printf '%s\n' "$out" >"$CASE_TMP/ping-long.txt"
	read -r PING_SENT PING_RECV PING_LONGEST_LOSS <<<"$(printf '%s\n' "$out" |
	    awk -v n=$(($3 * 2)) '
		/ seq=/ { s = $0; sub(/.* seq=/, "", s); sub(/ .*/, "", s)
			  got[s + 0] = 1 }
		/packets transmitted/ { sent = $1; recv = $4 }
		END {
			for (i = 0; i < n; i++) {
				if (got[i]) run = 0; else if (++run > worst) worst = run
			}
			printf "%d %d %d\n", sent, recv, worst
		}')"
}

# lossy_rekey_check LABEL SECONDS [MIN-REKEYS]: with 20% loss each way on
# the WAN (netem), ping for SECONDS while the Child SAs rekey (short
# lifetimes, set up by the case), then check: the pings kept getting
# replies (at least 40% overall, never 12 missed in a row; 20% loss each
# way leaves about 64%, and 12 in a row by chance is about 1 run in 700), ESP and no cleartext on the WAN, the outbound SA
# changed at least MIN-REKEYS (default 2) times, the live SAs count
# packets, and never once the tunnel was up did either gateway hold an
# inbound SA without an outbound one.  sa_monitor_start on both gateways
# must have run before the tunnel came up.
lossy_rekey_check()
{
	local label=$1 secs=$2 min=${3:-2} outs gaps bouts bgaps esp clear o oi

	if ! topo_wan_netem loss 20%; then
		check_bad "$label: netem on the WAN"
		return 1
	fi
	capture_start "$label" || return 1
	ping_long "$NS_OFFICE_HOST" "$BRANCH_HOST" "$secs"
	capture_stop
	topo_wan_netem off
	sa_monitor_stop
	read -r outs gaps <<<"$(sa_monitor_replay "$NS_OFFICE_GW" "$OFFICE_WAN" "$BRANCH_WAN")"
	read -r bouts bgaps <<<"$(sa_monitor_replay "$NS_BRANCH_GW" "$BRANCH_WAN" "$OFFICE_WAN")"
	esp=$(capture_count "$ESP_FILTER")
	clear=$(capture_count "$LAN_TO_LAN")
	# The SAs live now may be a rekey younger than the last ping: a few
	# more pings, then their counters must have grown.
	local recv=$PING_RECV sent=$PING_SENT
	ping_from "$NS_OFFICE_HOST" "$BRANCH_HOST" 3
	PING_RECV=$recv PING_SENT=$sent
	read -r o oi <<<"$(sa_counters "$NS_OFFICE_GW" "$OFFICE_WAN" "$BRANCH_WAN")"
	sa_show "$NS_OFFICE_GW"

	check "$label: $PING_RECV/$PING_SENT replies under 20% loss (need 40%)" \
	    test $((PING_RECV * 100)) -ge $((PING_SENT * 40)) -a "$PING_SENT" -gt 0
	check "$label: at most $PING_LONGEST_LOSS replies missed in a row (need < 12)" \
	    test "$PING_LONGEST_LOSS" -lt 12
	check "$label: $((outs - 1)) rekeys of the outbound SA (need $min)" \
	    test $((outs - 1)) -ge "$min"
	check "$label: $gaps moments on office-gw with an inbound SA but no outbound one" \
	    test "$gaps" -eq 0
	check "$label: $bgaps moments on branch-gw with an inbound SA but no outbound one" \
	    test "$bgaps" -eq 0
	check "$label: $esp ESP packets on the WAN" test "$esp" -gt 0
	check "$label: $clear cleartext LAN-to-LAN packets on the WAN" \
	    test "$clear" -eq 0
	check "$label: the live SAs counted the last pings (out $o, in $oi)" \
	    test "$o" -gt 0 -a "$oi" -gt 0
	note "$label: $PING_RECV/$PING_SENT replies, longest loss run $PING_LONGEST_LOSS, $((outs - 1)) rekeys, $gaps+$bgaps in-without-out moments, $esp ESP and $clear cleartext packets on the WAN"
}
