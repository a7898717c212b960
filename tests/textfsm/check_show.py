#!/usr/bin/env python3
"""Our show output, parsed with ntc-templates' TextFSM templates.

Each check feeds one command's output to the template that Netmiko and
Ansible would pick, then compares the fields with what the output was
made from: the made-up SAs that tests/show_fixture prints as JSON
("facts"), the running system for show version, and, with --live, the
links, addresses and routes of the network namespace this process runs
in (run.sh starts it under unshare -n), as `ip -j` reports them.

Prints TAP-like lines; exits 1 when any check fails.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import textfsm

FAILED = []


def ok(cond, what):
    print(("ok - " if cond else "not ok - ") + what)
    if not cond:
        FAILED.append(what)


def same(got, want, what):
    ok(got == want, "%s: %r%s" % (what, got,
                                  "" if got == want else " != %r" % (want,)))


def parse(tpl_dir, name, text):
    """Rows as dicts; a template's Error state raises, and fails here."""
    with open(os.path.join(tpl_dir, name + ".textfsm")) as f:
        fsm = textfsm.TextFSM(f)
    try:
        rows = fsm.ParseText(text)
    except textfsm.TextFSMError as e:
        ok(False, "%s parses: %s" % (name, e))
        return []
    return [dict(zip(fsm.header, r)) for r in rows]


def run(argv):
    return subprocess.run(argv, check=True, stdout=subprocess.PIPE,
                          universal_newlines=True).stdout


# ------------------------------------------------------------- crypto

def left(c, st):
    """Kilobytes and seconds an SA has left, as IOS computes them."""
    limit = c["life_kb"] or 4608000
    kb = max(limit - st["bytes"] // 1024, 0)
    sec = max(c["life_sec"] - (c["now"] - st["add_time"]), 0)
    return kb, sec


def check_ipsec_sa(a, facts):
    name = "cisco_ios_show_crypto_ipsec_sa_detail"
    text = run([a.fixture, "ipsec-detail"])
    rows = parse(a.templates, name, text)
    same(len(rows), 2 * len(facts["children"]), "ipsec sa detail: records")
    for i, c in enumerate(facts["children"]):
        for k, out in enumerate((False, True)):
            if 2 * i + k >= len(rows):
                return
            check_ipsec_row(rows[2 * i + k], c, out)


def check_ipsec_row(r, c, out):
    d = "ipsec sa %s %s" % (c["ifname"], "out" if out else "in")
    same(r["INTERFACE"], c["ifname"], d + " INTERFACE")
    same(r["CRYPTO_MAP_TAG"], c["tag"], d + " CRYPTO_MAP_TAG")
    same(r["LOCAL_ADDR"], c["local"], d + " LOCAL_ADDR")
    same(r["PROTECTED_VRF"], "(none)", d + " PROTECTED_VRF")
    for side, key in (("LOCAL", "lident"), ("REMOTE", "rident")):
        same([r[side + "_IDENT_ADDR"], r[side + "_IDENT_MASK"],
              r[side + "_IDENT_PROT"], r[side + "_IDENT_PORT"]],
             [c[key][0], c[key][1], str(c[key][2]), str(c[key][3])],
             d + " " + side + "_IDENT")
    same(r["CURRENT_PEER"], c["remote"], d + " CURRENT_PEER")
    same(r["PORT"], str(c["port"]), d + " PORT")
    same((r["ACTION"], r["FLAGS"]), ("PERMIT", "origin_is_acl,"),
         d + " ACTION, FLAGS")
    o, n = str(c["out"]["packets"]), str(c["in"]["packets"])
    same([r["PKTS_ENCAPS"], r["PKTS_ENCRYPT"], r["PKTS_DIGEST"]],
         [o, o, o], d + " PKTS_ENCAPS/ENCRYPT/DIGEST")
    same([r["PKTS_DECAPS"], r["PKTS_DECRYPT"], r["PKTS_VERIFY"]],
         [n, n, n], d + " PKTS_DECAPS/DECRYPT/VERIFY")
    same(r["PKTS_VERIFY_FAILED"], str(c["in"]["integrity_errs"]),
         d + " PKTS_VERIFY_FAILED")
    same(r["PKTS_REPLAY_FAILED"], str(c["in"]["replay_errs"]),
         d + " PKTS_REPLAY_FAILED")
    same((r["LOCAL_CRYPTO_ENDPT"], r["REMOTE_CRYPTO_ENDPT"]),
         (c["local"], c["remote"]), d + " crypto endpoints")
    same((r["PLAINTEXT_MTU"], r["PATH_MTU"], r["IP_MTU"], r["IP_MTU_IDB"]),
         (str(c["plain_mtu"]), str(c["path_mtu"]), str(c["path_mtu"]),
          c["mtu_idb"]), d + " mtus")
    same((r["CURRENT_OUTBOUND_SPI_HEX"], r["CURRENT_OUTBOUND_SPI_DEC"]),
         ("0x%X" % c["spi_out"], str(c["spi_out"])), d + " outbound spi")
    same((r["PFS"], r["DH_GROUP"]),
         ("Y", "group%d" % c["pfs"]) if c["pfs"] else ("N", "none"),
         d + " PFS, DH_GROUP")
    check_ipsec_sa_part(r, c, out, d)


def check_ipsec_sa_part(r, c, out, d):
    spi = c["spi_out"] if out else c["spi_in"]
    st = c["out"] if out else c["in"]
    settings = ("Tunnel" if c["tunnel"] else "Transport") + \
        (" UDP-Encaps" if c["udp_encap"] else "") + \
        (", esn" if c["esn"] else "")
    kb, sec = left(c, st)
    conn = c["conn_id"] - 1 if out else c["conn_id"]
    same((r["SA_ORIENTATION"], r["SA_TYPE"]),
         ("outbound" if out else "inbound", "esp"), d + " orientation")
    same((r["SA_SPI_HEX"], r["SA_SPI_DEC"]),
         ("0x%08X" % spi, str(spi)), d + " SA_SPI")
    same(r["SA_TRANSFORM"], c["transform"], d + " SA_TRANSFORM")
    same(r["SA_IN_USE_SETTINGS"], settings, d + " SA_IN_USE_SETTINGS")
    same((r["SA_CONN_ID"], r["SA_CRYPTO_MAP"]), (str(conn), c["tag"]),
         d + " SA_CONN_ID, SA_CRYPTO_MAP")
    same((r["SA_LIFETIME_KBYTES"], r["SA_LIFETIME_SEC"]),
         (str(kb), str(sec)), d + " SA_LIFETIME")
    same(r["SA_IV_SIZE"], str(c["iv"]), d + " SA_IV_SIZE")
    same((r["SA_REPLAY_DETECTION_SUPPORT"], r["SA_REPLAY_WINDOW_SIZE"]),
         ("Y", str(c["replay_window"])), d + " replay")
    same(r["SA_STATUS"], "ACTIVE(ACTIVE)", d + " SA_STATUS")


def check_ipsec_plain(a):
    """No public template: plain is detail less the error block."""
    detail = run([a.fixture, "ipsec-detail"]).splitlines()
    plain = run([a.fixture, "ipsec"]).splitlines()
    cut = [ln for ln in detail if not re.match(
        r"\s+#+pkts (no sa|encaps failed|invalid|replay|tagged|not tagged"
        r"|internal)", ln)]
    cut = [re.sub(r"  replay window size: \d+$", "", ln) for ln in cut]
    plain_cut = [ln for ln in plain if not ln.startswith("    #send errors")]
    same(plain_cut, cut, "ipsec sa (plain) is the detail less its counters")
    ok(sum(ln.startswith("    #send errors 0, #recv errors ")
           for ln in plain) == 2, "ipsec sa (plain) has #send errors lines")


def hms(s):
    if s < 86400:
        return "%02d:%02d:%02d" % (s // 3600, s // 60 % 60, s % 60)
    return "%dd%02dh" % (s // 86400, s // 3600 % 24)


def check_session(a, facts):
    name = "cisco_ios_show_crypto_session_detail"
    text = run([a.fixture, "session-detail"])
    rows = parse(a.templates, name, text)
    same(len(rows), len(facts["sessions"]), "session detail: records")
    for r, s, c in zip(rows, facts["sessions"], facts["children"]):
        d = "session %s" % s["ifname"]
        same((r["INTERFACE"], r["PROFILE"], r["SESSION_STATUS"]),
             (s["ifname"], s["profile"], s["status"]),
             d + " INTERFACE, PROFILE, SESSION_STATUS")
        same(r["UPTIME"], hms(s["uptime"]), d + " UPTIME")
        same((r["PEER"], r["PORT"], r["FVRF"], r["IVRF"]),
             (c["remote"], str(s["remote_port"]), "(none)", "(none)"),
             d + " PEER, PORT, FVRF, IVRF")
        same((r["PHASE1_ID"], r["DESCRIPTION"], r["SESSION_ID"]),
             (s["phase1_id"], "(none)", str(s["id"])),
             d + " PHASE1_ID, DESCRIPTION, SESSION_ID")
        same((r["LOCAL_IP"], r["LOCAL_PORT"], r["REMOTE_IP"],
              r["REMOTE_PORT"], r["IKEV1_STATUS"]),
             (c["local"], str(s["local_port"]), c["remote"],
              str(s["remote_port"]), "Active"), d + " IKEv2 SA line")
        same((r["CAPABILITIES"], r["CONN_ID"], r["LIFETIME"]),
             (s["caps"], str(s["conn_id"]), hms(s["ike_left"])),
             d + " CAPABILITIES, CONN_ID, LIFETIME")
        same((r["PERMIT"], r["SRC_HOST"], r["SRC_MASK"], r["DST_HOST"],
              r["DST_MASK"]), ("ip", c["lident"][0], c["lident"][1],
                               c["rident"][0], c["rident"][1]),
             d + " IPSEC FLOW")
        same((r["ACTIVE_SA"], r["ORIGIN"]), ("2", "crypto map"),
             d + " ACTIVE_SA, ORIGIN")
    check_session_flows(text, facts)


def check_session_flows(text, facts):
    """The template skips the per-flow lines; read them here."""
    inb = re.findall(r"^        Inbound:  #pkts dec'ed (\d+) drop (\d+) "
                     r"life \(KB/Sec\) (\d+)/(\d+)$", text, re.M)
    outb = re.findall(r"^        Outbound: #pkts enc'ed (\d+) drop (\d+) "
                      r"life \(KB/Sec\) (\d+)/(\d+)$", text, re.M)
    want_in, want_out = [], []
    for c in facts["children"]:
        kb, sec = left(c, c["in"])
        drop = c["in"]["integrity_errs"] + c["in"]["replay_errs"]
        want_in.append(tuple(str(x) for x in
                             (c["in"]["packets"], drop, kb, sec)))
        kb, sec = left(c, c["out"])
        want_out.append(tuple(str(x) for x in
                              (c["out"]["packets"], 0, kb, sec)))
    same(inb, want_in, "session detail Inbound lines")
    same(outb, want_out, "session detail Outbound lines")


# ------------------------------------------------ made-up links, routes
# The links and routes tests/show_fixture makes up (fix_links,
# fix_routes); the netlink side is checked by check_live.py.

def check_fake_net(a):
    rows = parse(a.templates, "cisco_ios_show_ip_interface_brief",
                 run([a.fixture, "brief"]))
    same([(r["INTERFACE"], r["IP_ADDRESS"], r["STATUS"], r["PROTO"])
          for r in rows],
         [("GigabitEthernet0/0", "198.51.100.1", "up", "up"),
          ("Tunnel0", "172.16.0.1", "up", "up"),
          ("GigabitEthernet0/2", "unassigned", "administratively down",
           "down"),
          ("wan1", "172.16.5.1", "down", "down")], "brief (made up)")
    rows = parse(a.templates, "cisco_ios_show_interfaces",
                 run([a.fixture, "interfaces"]))
    same([(r["INTERFACE"], r["LINK_STATUS"], r["PROTOCOL_STATUS"],
           r["HARDWARE_TYPE"], r["IP_ADDRESS"], r["PREFIX_LENGTH"], r["MTU"])
          for r in rows],
         [("GigabitEthernet0/0", "up", "up", "Ethernet", "198.51.100.1",
           "24", "1500"),
          ("Tunnel0", "up", "up", "Tunnel", "172.16.0.1", "30", "1438"),
          ("GigabitEthernet0/2", "administratively down", "down",
           "Ethernet", "", "", "1500"),
          ("wan1", "down", "down", "veth", "172.16.5.1", "30", "1500")],
         "interfaces (made up): status, hardware, address, mtu")
    if rows:
        r = rows[0]
        same((r["MAC_ADDRESS"], r["BIA"], r["DESCRIPTION"], r["BANDWIDTH"],
              r["DELAY"], r["ENCAPSULATION"]),
             ("5254.0012.3456", "5254.0012.3456", "WAN to ISP-1",
              "1000000 Kbit", "10 usec", "ARPA"), "Gi0/0 (made up) details")
        same((r["INPUT_PACKETS"], r["OUTPUT_PACKETS"], r["INPUT_ERRORS"],
              r["CRC"], r["OUTPUT_ERRORS"]),
             ("123456", "65432", "5", "2", "1"), "Gi0/0 (made up) counters")
        same((rows[1]["BANDWIDTH"], rows[1]["DELAY"],
              rows[1]["ENCAPSULATION"]),
             ("100 Kbit", "50000 usec", "TUNNEL"), "Tunnel0 (made up)")
    check_fake_routes(a)


def check_fake_routes(a):
    text = run([a.fixture, "route"])
    rows = parse(a.templates, "cisco_ios_show_ip_route", text)
    same([(r["PROTOCOL"], r["FLAG"], r["NETWORK"], r["PREFIX_LENGTH"],
           r["DISTANCE"], r["METRIC"], r["NEXTHOP_IP"], r["NEXTHOP_IF"])
          for r in rows],
         [("S", "*", "0.0.0.0", "0", "1", "0", "198.51.100.254",
           "GigabitEthernet0/0"),
          ("S", "", "10.2.0.0", "16", "", "", "", "Tunnel0"),
          ("S", "", "10.9.0.0", "16", "", "", "", "Null0"),
          ("C", "", "172.16.0.0", "30", "", "", "", "Tunnel0"),
          ("S", "", "172.20.1.0", "24", "1", "5", "198.51.100.6", ""),
          ("S", "", "172.20.2.0", "24", "1", "0", "198.51.100.7",
           "GigabitEthernet0/0"),
          ("S", "", "172.20.2.0", "24", "1", "0", "198.51.100.8",
           "GigabitEthernet0/0"),
          ("C", "", "198.51.100.0", "24", "", "", "", "GigabitEthernet0/0"),
          ("L", "", "198.51.100.1", "32", "", "", "",
           "GigabitEthernet0/0")],
         "ip route (made up): sorted, grouped, every field")
    for line in ("      10.0.0.0/16 is subnetted, 2 subnets",
                 "      172.16.0.0/30 is subnetted, 1 subnets",
                 "      198.51.100.0/24 is variably subnetted, 2 subnets, "
                 "2 masks",
                 "Gateway of last resort is 198.51.100.254 to network "
                 "0.0.0.0"):
        ok(line in text.splitlines(), "ip route (made up) has %r" % line)


# ---------------------------------------------------- our own templates
# tests/textfsm/templates: for the commands ntc has no template for.

OWN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates")
SAMPLES = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                       "samples")


def check_own_ipsec(a, facts):
    plain = parse(OWN, "cisco_ios_show_crypto_ipsec_sa",
                  run([a.fixture, "ipsec"]))
    detail = parse(a.templates, "cisco_ios_show_crypto_ipsec_sa_detail",
                   run([a.fixture, "ipsec-detail"]))
    same(len(plain), len(detail), "own ipsec sa: one record per SA")
    for p, d, c in zip(plain, detail, [c for c in facts["children"]
                                       for _ in (0, 1)]):
        diff = sorted(k for k in p if k in d and p[k] != d[k])
        same(diff, ["SA_REPLAY_WINDOW_SIZE"], "own ipsec sa %s %s: fields "
             "as the detail template reads them" % (p["INTERFACE"],
                                                   p["SA_ORIENTATION"]))
        same((p["SEND_ERRORS"], p["RECV_ERRORS"]),
             ("0", str(c["in"]["integrity_errs"] + c["in"]["replay_errs"])),
             "own ipsec sa %s SEND/RECV_ERRORS" % p["INTERFACE"])


def check_own_session(a, facts):
    rows = parse(OWN, "cisco_ios_show_crypto_session",
                 run([a.fixture, "session"]))
    same(len(rows), len(facts["sessions"]), "own session: records")
    for r, s, c in zip(rows, facts["sessions"], facts["children"]):
        same((r["INTERFACE"], r["PROFILE"], r["SESSION_STATUS"], r["PEER"],
              r["PORT"], r["SESSION_ID"], r["IKE_VERSION"], r["LOCAL_IP"],
              r["LOCAL_PORT"], r["REMOTE_IP"], r["REMOTE_PORT"],
              r["IKE_STATUS"], r["PERMIT"], r["SRC_HOST"], r["SRC_MASK"],
              r["DST_HOST"], r["DST_MASK"], r["ACTIVE_SA"], r["ORIGIN"]),
             (s["ifname"], s["profile"], s["status"], c["remote"],
              str(s["remote_port"]), str(s["id"]), "IKEv2", c["local"],
              str(s["local_port"]), c["remote"], str(s["remote_port"]),
              "Active", "ip", c["lident"][0], c["lident"][1],
              c["rident"][0], c["rident"][1], "2", "crypto map"),
             "own session %s: every field" % s["ifname"])


def check_own_ikev2(a):
    with open(os.path.join(SAMPLES, "show_crypto_ikev2_sa.raw")) as f:
        rows = parse(OWN, "cisco_ios_show_crypto_ikev2_sa", f.read())
    same([(r["AF"], r["TUNNEL_ID"], r["LOCAL_IP"], r["LOCAL_PORT"],
           r["REMOTE_IP"], r["REMOTE_PORT"], r["FVRF"], r["IVRF"],
           r["STATUS"], r["ENCRYPTION"], r["KEYSIZE"], r["PRF"], r["HASH"],
           r["DH_GROUP"], r["AUTH_SIGN"], r["AUTH_VERIFY"], r["LIFETIME"],
           r["ACTIVE_TIME"]) for r in rows],
         [("IPv4", "1", "198.51.100.1", "500", "203.0.113.2", "500", "none",
           "none", "READY", "AES-CBC", "256", "SHA256", "SHA256", "19",
           "PSK", "PSK", "86400", "735"),
          ("IPv4", "2", "198.51.100.1", "4500", "192.0.2.9", "4500", "none",
           "none", "IN-NEG", "AES-GCM", "256", "SHA384", "None", "20",
           "PSK", "PSK", "86400", "0")], "own ikev2 sa: the IOS-XE sample")


def check_own_index(a):
    """The index picks ours for the plain forms, none for detail."""
    from textfsm import clitable
    t = clitable.CliTable("index", OWN)
    for cmd, want in (("show crypto ipsec sa", "ipsec_sa"),
                      ("sh cry ip sa peer 192.0.2.9", "ipsec_sa"),
                      ("show crypto session", "session"),
                      ("show crypto ikev2 sa", "ikev2_sa"),
                      ("show crypto ipsec sa detail", None),
                      ("show crypto session detail", None)):
        row = t.index.GetRowMatch({"Command": cmd, "Platform": "cisco_ios"})
        got = t.index.index[row]["Template"] if row else None
        ok(got == (want and "cisco_ios_show_crypto_%s.textfsm" % want),
           "own index: %r -> %s" % (cmd, got))


# ------------------------------------------------------------ version

def check_version(a):
    state = tempfile.mkdtemp(prefix="iosh-textfsm-")
    with open(os.path.join(state, "startup-config"), "w") as f:
        f.write("hostname R7\n")
    text = run([os.path.join(a.build, "shell", "iosh"), "-s", state,
                "-c", "show version"])
    shutil.rmtree(state)
    rows = parse(a.templates, "cisco_ios_show_version", text)
    same(len(rows), 1, "show version: records")
    if not rows:
        return
    r = rows[0]
    up = float(open("/proc/uptime").read().split()[0])
    with open("/etc/machine-id") as f:
        serial = f.read().strip()[:11]
    same(r["HOSTNAME"], "R7", "show version HOSTNAME")
    same(r["SOFTWARE_IMAGE"], "iosh-" + os.uname().machine,
         "show version SOFTWARE_IMAGE")
    same(r["VERSION"], a.version, "show version VERSION")
    ok(r["RELEASE"] != "", "show version RELEASE: %r" % r["RELEASE"])
    same(r["ROMMON"], "Linux", "show version ROMMON")
    same(r["RUNNING_IMAGE"], "iosh", "show version RUNNING_IMAGE")
    same(r["SERIAL"], [serial], "show version SERIAL")
    same(r["CONFIG_REGISTER"], "0x2102", "show version CONFIG_REGISTER")
    same(r["RELOAD_REASON"], "Linux boot", "show version RELOAD_REASON")
    m = int(r["UPTIME_MINUTES"] or 0)
    ok(abs(m - int(up // 60 % 60)) <= 1 or
       abs(m - int(up // 60 % 60)) == 59,
       "show version UPTIME_MINUTES %d against /proc/uptime" % m)
    if r["HARDWARE"] == []:
        print("# show version: HARDWARE is empty (no 'cisco MODEL (...)"
              " processor' line); not checked")


def package_version(build):
    with open(os.path.join(build, "Makefile")) as f:
        m = re.search(r"^PACKAGE_VERSION = (\S+)$", f.read(), re.M)
    return m.group(1) if m else ""


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--templates", required=True)
    p.add_argument("--build", required=True)
    p.add_argument("--live", action="store_true")
    a = p.parse_args()
    a.fixture = os.path.join(a.build, "tests", "show_fixture")
    a.version = package_version(a.build)
    if a.live:
        import check_live
        check_live.main(a, parse, ok, same, run)
    else:
        facts = json.loads(run([a.fixture, "facts"]))
        check_ipsec_sa(a, facts)
        check_ipsec_plain(a)
        check_session(a, facts)
        check_fake_net(a)
        check_own_ipsec(a, facts)
        check_own_session(a, facts)
        check_own_ikev2(a)
        check_own_index(a)
        check_version(a)
    if FAILED:
        print("# %d checks failed" % len(FAILED))
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
