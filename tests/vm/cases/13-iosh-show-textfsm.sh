# vm: timeout 150
# Issue 7 in the VM: the seed's two gateways running ioshd, a tunnel up with traffic, then
# show crypto ipsec sa detail, show crypto session detail, show ip
# route, show interfaces and show ip interface brief on each gateway,
# parsed with ntc-templates, and the plain crypto forms with our own
# (tests/textfsm/templates; tests/textfsm/check_gw.py), and checked
# against the gateway's XFRM states.  After clear crypto sa the SAs come
# back with new SPIs and counters that start again.

iosh_require
office=$(example_config office-gw)
branch=$(example_config branch-gw)
[ -n "$office" ] || case_fail "no docs/examples/office-gw config"
[ -n "$branch" ] || case_fail "no docs/examples/branch-gw config"
tpl=${IOSH_TEXTFSM:-$TOP/../shared/textfsm}
[ -d "$tpl" ] || tpl=$TOP/../../shared/textfsm
[ -d "$tpl" ] || case_skip "no ntc-templates next to the source tree"
py3=/usr/bin/python3
"$py3" -c 'import textfsm' 2>/dev/null || case_skip "no python3-textfsm"
topo_seed
start_iosh_gw "$NS_OFFICE_GW" "$office"
start_iosh_gw "$NS_BRANCH_GW" "$branch"
tunnel_up show
tunnel_check show

# gw_parse NS TAG [OLDTAG SENT]: the show commands of NS into
# $CASE_TMP/TAG, checked (against OLDTAG's SAs too, when given, with
# SENT pings since).
gw_parse()
{
	local ns=$1 d=$CASE_TMP/$2 old=${3:+$CASE_TMP/$3} cmd

	mkdir -p "$d"
	for cmd in "show crypto ipsec sa detail" "show crypto session detail" \
	    "show crypto ikev2 sa" "show crypto ipsec sa" "show crypto session" \
	    "show ip route" "show interfaces" "show ip interface brief"; do
		iosh_cmd "$ns" "$cmd" >"$d/$(echo "$cmd" | tr ' ' _)" 2>&1
	done
	nsx "$ns" ip -s xfrm state >"$d/xfrm"
	"$py3" "$TOP/tests/textfsm/check_gw.py" "$tpl" "$d" $old ${4:-} \
	    >"$d/result" 2>&1
}

for ns in "$NS_OFFICE_GW" "$NS_BRANCH_GW"; do
	check "$ns: show output parses, fields match the kernel's SAs" \
	    gw_parse "$ns" "$ns-1"
	note "$ns: $(tail -1 "$CASE_TMP/$ns-1/result")"
	grep -v '^ok' "$CASE_TMP/$ns-1/result" | while read -r l; do
		log "$l"
	done
done
iosh_show "$NS_OFFICE_GW" "show crypto session detail"
iosh_cmd "$NS_OFFICE_GW" "clear crypto sa" >/dev/null
sleep 3
# 3 pings from tunnel_up, 5 from tunnel_check: 8 at most on the new SAs
tunnel_up show-after-clear
tunnel_check show-after-clear
check "$NS_OFFICE_GW: after clear crypto sa, new SAs, counters anew" \
    gw_parse "$NS_OFFICE_GW" "$NS_OFFICE_GW-2" "$NS_OFFICE_GW-1" 8
note "$NS_OFFICE_GW: $(tail -1 "$CASE_TMP/$NS_OFFICE_GW-2/result")"
iosh_show "$NS_OFFICE_GW" "show crypto ipsec sa detail"
