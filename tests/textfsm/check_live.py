"""show ip route, show interfaces, show ip interface brief from netlink.

Runs inside a network namespace of its own (run.sh: unshare -n), which
it fills with veth pairs, a bridge, addresses and routes; nothing
leaves it.  The expected values come from `ip -j` in the same
namespace, mapped to IOS names by the ifmap written here.
"""
import json
import os
import shutil
import subprocess
import tempfile

CONFIG = """hostname R7
interface GigabitEthernet0/0
 description WAN link
 ip address 198.51.100.1 255.255.255.0
interface GigabitEthernet0/1
 ip address 10.1.0.1 255.255.0.0
interface GigabitEthernet0/2
 shutdown
interface Tunnel0
 ip address 172.16.0.1 255.255.255.252
 tunnel source GigabitEthernet0/0
 tunnel mode ipsec ipv4
 tunnel destination 203.0.113.2
 tunnel protection ipsec profile PROT
"""

# Configured, with no device (this kernel may have no XFRM interfaces):
# shown from the config, protocol down.
CONF_ONLY = {"Tunnel0": ("172.16.0.1", 30)}

# GigabitEthernet0/3 is in the map but not in the config: named all the
# same.  lan1 and wan1 are in neither: their Linux names.
IFMAP = {"GigabitEthernet0/0": "wan0", "GigabitEthernet0/1": "lan0",
         "GigabitEthernet0/2": "br9", "GigabitEthernet0/3": "br8"}

SETUP = """
sysctl -qw net.ipv6.conf.all.disable_ipv6=1
sysctl -qw net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add wan0 type veth peer name wan1
ip link add lan0 type veth peer name lan1
ip link add br9 type bridge
ip link add br8 type bridge
ip link set br8 up
ip link set wan0 up
ip link set wan1 up
ip link set lan0 up
ip link set dev wan0 alias "not the description"
ip addr add 198.51.100.1/24 dev wan0
ip addr add 10.1.0.1/16 dev lan0
ip addr add 172.16.5.1/30 dev wan1
ip route add default via 198.51.100.254
ip route add 10.2.0.0/16 via 198.51.100.2 proto static
ip route add 10.2.5.0/24 via 198.51.100.5 metric 7
ip route add 10.3.0.0/16 dev wan0
ip route add blackhole 10.9.0.0/16
ip route add 192.168.50.0/24 nexthop via 198.51.100.3 nexthop via 198.51.100.4
ip route add 172.20.1.0/24 via 198.51.100.6
ip route add 172.20.2.0/24 via 198.51.100.6
"""


def ip_json(*args):
    out = subprocess.run(["ip", "-j"] + list(args), check=True,
                         stdout=subprocess.PIPE,
                         universal_newlines=True).stdout
    return json.loads(out or "[]")


def ios_name(dev):
    for ios, d in IFMAP.items():
        if d == dev:
            return ios
    return dev


def setup():
    for line in SETUP.strip().splitlines():
        subprocess.run(["sh", "-c", line], check=True)
    state = tempfile.mkdtemp(prefix="iosh-live-")
    with open(os.path.join(state, "startup-config"), "w") as f:
        f.write(CONFIG)
    with open(os.path.join(state, "ifmap"), "w") as f:
        for ios, dev in IFMAP.items():
            f.write("%s %s\n" % (ios, dev))
    return state


def links():
    """name -> (link json, first primary IPv4 address json or None)"""
    addrs = {a["ifname"]: a for a in ip_json("-4", "addr")}
    out = {}
    for ln in ip_json("-s", "link"):
        inet = [x for x in addrs.get(ln["ifname"], {}).get("addr_info", [])
                if x.get("family") == "inet" and not x.get("secondary")]
        out[ios_name(ln["ifname"])] = (ln, inet[0] if inet else None)
    return out


def status(ln):
    if "UP" not in ln["flags"]:
        return "administratively down", "down"
    if "LOWER_UP" in ln["flags"]:
        return "up", "up"
    return "down", "down"


def check_brief(a, parse, ok, same, run):
    text = run([a.fixture, "-s", a.state, "show ip interface brief"])
    rows = parse(a.templates, "cisco_ios_show_ip_interface_brief", text)
    want = links()
    same(sorted(r["INTERFACE"] for r in rows),
         sorted(list(want) + list(CONF_ONLY)),
         "brief: one row per interface, IOS names where mapped")
    for r in rows:
        if r["INTERFACE"] in CONF_ONLY:
            same((r["IP_ADDRESS"], r["STATUS"], r["PROTO"]),
                 (CONF_ONLY[r["INTERFACE"]][0], "down", "down"),
                 "brief %s (no device)" % r["INTERFACE"])
        ln, inet = want.get(r["INTERFACE"], (None, None))
        if ln is None:
            continue
        d = "brief " + r["INTERFACE"]
        same(r["IP_ADDRESS"], inet["local"] if inet else "unassigned",
             d + " IP_ADDRESS")
        same((r["STATUS"], r["PROTO"]), status(ln), d + " STATUS, PROTO")


def mac(s):
    h = s.replace(":", "")
    return "%s.%s.%s" % (h[0:4], h[4:8], h[8:12])


def check_interfaces(a, parse, ok, same, run):
    before = links()
    text = run([a.fixture, "-s", a.state, "show interfaces"])
    after = links()
    rows = parse(a.templates, "cisco_ios_show_interfaces", text)
    same(sorted(r["INTERFACE"] for r in rows),
         sorted(list(before) + list(CONF_ONLY)),
         "interfaces: one record per interface")
    tun = [r for r in rows if r["INTERFACE"] == "Tunnel0"]
    same([(r["HARDWARE_TYPE"], r["IP_ADDRESS"], r["PREFIX_LENGTH"],
           r["ENCAPSULATION"]) for r in tun],
         [("Tunnel", "172.16.0.1", "30", "TUNNEL")], "interfaces Tunnel0")
    for line in ("  Tunnel source 198.51.100.1 (GigabitEthernet0/0), "
                 "destination 203.0.113.2",
                 "  Tunnel protocol/transport IPSEC/IP",
                 '  Tunnel protection via IPSec (profile "PROT")'):
        ok(line in text.splitlines(), "interfaces Tunnel0: %r" % line)
    for r in rows:
        if r["INTERFACE"] in before:
            check_if_row(r, before[r["INTERFACE"]], after[r["INTERFACE"]],
                         ok, same)
    text = run([a.fixture, "-s", a.state, "show interfaces gi0/0"])
    rows = parse(a.templates, "cisco_ios_show_interfaces", text)
    same([r["INTERFACE"] for r in rows], ["GigabitEthernet0/0"],
         "show interfaces gi0/0: that one interface")
    if rows:
        same(rows[0]["DESCRIPTION"], "WAN link",
             "Gi0/0 DESCRIPTION from the config, not the alias")


def check_if_row(r, b, a, ok, same):
    ln, inet = b
    d = "interfaces " + r["INTERFACE"]
    same((r["LINK_STATUS"], r["PROTOCOL_STATUS"]), status(ln),
         d + " LINK/PROTOCOL_STATUS")
    if ln.get("link_type") == "ether":
        same((r["MAC_ADDRESS"], r["BIA"]), (mac(ln["address"]),) * 2,
             d + " MAC_ADDRESS, BIA")
    same(r["MTU"], str(ln["mtu"]), d + " MTU")
    same((r["IP_ADDRESS"], r["PREFIX_LENGTH"]),
         (inet["local"], str(inet["prefixlen"])) if inet else ("", ""),
         d + " IP_ADDRESS/PREFIX_LENGTH")
    for field, key, sub in (("INPUT_PACKETS", "rx", "packets"),
                            ("OUTPUT_PACKETS", "tx", "packets"),
                            ("INPUT_ERRORS", "rx", "errors"),
                            ("OUTPUT_ERRORS", "tx", "errors")):
        lo = ln["stats64"][key][sub]
        hi = a[0]["stats64"][key][sub]
        ok(r[field] != "" and lo <= int(r[field]) <= hi,
           "%s %s %s within [%d, %d]" % (d, field, r[field], lo, hi))


def want_routes():
    """(code, network, plen, nexthop ip, nexthop if, distance) as IOS
    would list this namespace's IPv4 routes."""
    codes = {"kernel": "C", "boot": "S", "static": "S"}
    out = []
    for rt in ip_json("-4", "route", "show", "table", "main"):
        if "linkdown" in rt.get("flags", []):
            continue
        net, _, plen = ("0.0.0.0/0" if rt["dst"] == "default"
                        else rt["dst"]).partition("/")
        plen = plen or "32"
        if rt.get("type") == "blackhole":
            out.append(("S", net, plen, "", "Null0", ""))
            continue
        code = codes.get(rt.get("protocol", "boot"), "S")
        if code == "C" and rt.get("scope") != "link":
            code = "S"
        for nh in rt.get("nexthops", [rt]):
            gw = nh.get("gateway", "")
            conn = code == "C" or gw == ""
            out.append((code, net, plen, gw, ios_name(nh["dev"]),
                        "" if conn else "1"))
    running = {ln["ifname"] for ln in ip_json("link")
               if "UP" in ln["flags"] and "LOWER_UP" in ln["flags"]}
    for rt in ip_json("-4", "route", "show", "table", "local", "type",
                      "local"):
        if not rt["dst"].startswith("127.") and rt["dev"] in running:
            out.append(("L", rt["dst"], "32", "", ios_name(rt["dev"]), ""))
    return sorted(out)


def check_routes(a, parse, ok, same, run):
    text = run([a.fixture, "-s", a.state, "show ip route"])
    rows = parse(a.templates, "cisco_ios_show_ip_route", text)
    got = sorted((r["PROTOCOL"], r["NETWORK"], r["PREFIX_LENGTH"],
                  r["NEXTHOP_IP"], r["NEXTHOP_IF"], r["DISTANCE"])
                 for r in rows)
    want = want_routes()
    same(len(got), len(want), "ip route: records")
    for g, w in zip(got, want):
        same(g, w, "ip route %s/%s" % (w[1], w[2]))
    ok("Gateway of last resort is 198.51.100.254 to network 0.0.0.0"
       in text, "ip route: gateway of last resort")
    dflt = [r for r in rows if r["NETWORK"] == "0.0.0.0"]
    same([r["FLAG"] for r in dflt], ["*"], "ip route: default is a "
         "candidate default")
    ok("      172.20.0.0/24 is subnetted, 2 subnets" in text and
       "      10.0.0.0/8 is variably subnetted," in text,
       "ip route: classful headers")


def main(a, parse, ok, same, run):
    a.state = setup()
    check_brief(a, parse, ok, same, run)
    check_interfaces(a, parse, ok, same, run)
    check_routes(a, parse, ok, same, run)
    shutil.rmtree(a.state)
