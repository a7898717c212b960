#!/usr/bin/env python3
"""check_gw.py TEMPLATES DIR [OLDDIR SENT]: a live gateway's show output.

DIR holds what tests/vm/cases/13-iosh-show-textfsm.sh saved from one gateway: the
outputs of the show commands (file names with _ for spaces) and
`ip -s xfrm state` (xfrm).  Each output must parse with its ntc
template, and the IPsec fields must agree with the kernel's states.
With OLDDIR (the same, saved before clear crypto sa), the SAs must
all be new, and count no more than the SENT pings sent since.
Prints ok/not ok lines, then a summary; exits 1 on a failure.
"""
import os
import re
import sys

import textfsm

FAILED = []
COUNT = [0]


def ok(cond, what):
    COUNT[0] += 1
    print(("ok - " if cond else "not ok - ") + what)
    if not cond:
        FAILED.append(what)


def parse(tpl, name, path):
    with open(os.path.join(tpl, name + ".textfsm")) as f:
        fsm = textfsm.TextFSM(f)
    with open(path) as f:
        text = f.read()
    try:
        rows = [dict(zip(fsm.header, r)) for r in fsm.ParseText(text)]
    except textfsm.TextFSMError as e:
        ok(False, "%s parses: %s" % (name, e))
        return []
    ok(True, "%s parses (%d records)" % (name, len(rows)))
    return rows


def xfrm_states(path):
    """spi -> (src, dst, packets), from `ip -s xfrm state`."""
    out = {}
    with open(path) as f:
        text = f.read()
    for block in re.split(r"\n(?=src )", text):
        m = re.match(r"src (\S+) dst (\S+)\s+proto esp spi 0x([0-9a-f]+)",
                     block)
        p = re.search(r"lifetime current:\s+\d+\(bytes\), (\d+)\(packets\)",
                      block)
        if m and p:
            out[int(m.group(3), 16)] = (m.group(1), m.group(2),
                                        int(p.group(1)))
    return out


def check_ipsec(tpl, d, states):
    rows = parse(tpl, "cisco_ios_show_crypto_ipsec_sa_detail",
                 os.path.join(d, "show_crypto_ipsec_sa_detail"))
    ok(len(rows) >= 2 and len(rows) % 2 == 0,
       "ipsec sa detail: inbound and outbound records (%d)" % len(rows))
    for r in rows:
        spi = int(r["SA_SPI_DEC"])
        st = states.get(spi)
        ok(st is not None, "SA spi 0x%08X is a kernel state" % spi)
        if st is None:
            continue
        src, dst, pkts = st
        out = r["SA_ORIENTATION"] == "outbound"
        ok((src, dst) == ((r["LOCAL_CRYPTO_ENDPT"], r["CURRENT_PEER"])
                          if out else
                          (r["CURRENT_PEER"], r["LOCAL_CRYPTO_ENDPT"])),
           "spi 0x%08X: endpoints %s -> %s" % (spi, src, dst))
        n = int(r["PKTS_ENCAPS"] if out else r["PKTS_DECAPS"])
        ok(n <= pkts, "spi 0x%08X: %s packets %d, kernel %d (read after)"
           % (spi, "encaps" if out else "decaps", n, pkts))
        if out:
            ok(int(r["CURRENT_OUTBOUND_SPI_DEC"]) == spi,
               "current outbound spi is the outbound SA")
    # The case pinged through the tunnel: some SA pair carried it.
    ok(any(int(r["PKTS_ENCAPS"]) > 0 for r in rows) and
       any(int(r["PKTS_DECAPS"]) > 0 for r in rows),
       "ipsec sa detail: traffic counted both ways")
    return rows


def check_renewed(ipsec, old, sent):
    """After clear crypto sa: new SPIs, counting only what was sent since."""
    before = {int(r["SA_SPI_DEC"]): r for r in old}
    ok(ipsec and not any(int(r["SA_SPI_DEC"]) in before for r in ipsec),
       "after clear: every SA is new")
    most = max([int(r["PKTS_ENCAPS"]) for r in ipsec] or [0])
    ok(0 < most <= sent, "after clear: counters started again (%d, "
       "%d pings since)" % (most, sent))


def check_session(tpl, d, ipsec):
    rows = parse(tpl, "cisco_ios_show_crypto_session_detail",
                 os.path.join(d, "show_crypto_session_detail"))
    ok(len(rows) >= 1, "session detail: a session")
    peers = {r["CURRENT_PEER"] for r in ipsec}
    for r in rows:
        ok(r["SESSION_STATUS"] in ("UP-ACTIVE", "UP-IDLE"),
           "session %s: %s" % (r["PEER"], r["SESSION_STATUS"]))
        ok(r["PEER"] in peers and r["REMOTE_IP"] == r["PEER"],
           "session peer %s is an ipsec sa peer" % r["PEER"])
        ok(re.match(r"^\d\d:\d\d:\d\d$", r["UPTIME"]) is not None,
           "session uptime %r" % r["UPTIME"])


OWN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates")


def check_own(d, ipsec):
    """The plain forms, through our own templates."""
    rows = parse(OWN, "cisco_ios_show_crypto_ikev2_sa",
                 os.path.join(d, "show_crypto_ikev2_sa"))
    peers = {r["CURRENT_PEER"] for r in ipsec}
    ok(len(rows) >= 1 and all(r["STATUS"] == "READY" and
                              r["REMOTE_IP"] in peers for r in rows),
       "ikev2 sa: READY, to the ipsec sa peers")
    rows = parse(OWN, "cisco_ios_show_crypto_ipsec_sa",
                 os.path.join(d, "show_crypto_ipsec_sa"))
    ok(sorted(r["SA_SPI_DEC"] for r in rows) ==
       sorted(r["SA_SPI_DEC"] for r in ipsec),
       "ipsec sa (plain): the same SAs as the detail form")
    rows = parse(OWN, "cisco_ios_show_crypto_session",
                 os.path.join(d, "show_crypto_session"))
    ok(len(rows) >= 1 and all(r["PEER"] in peers for r in rows),
       "session (plain): sessions with the ipsec sa peers")


def check_tunnel(d, names):
    """Tunnel0's lines from the config, its state from its device."""
    with open(os.path.join(d, "show_interfaces")) as f:
        text = f.read()
    t = names.get("Tunnel0")
    if t is None:
        return
    ok(t["LINK_STATUS"] == "up" and t["PROTOCOL_STATUS"] == "up" and
       t["HARDWARE_TYPE"] == "Tunnel", "interfaces: Tunnel0 up/up, Tunnel")
    m = re.search(r"^  Tunnel source (\S+) \((\S+)\), destination (\S+)$",
                  text, re.M)
    g = names.get(m.group(2), {}) if m else {}
    ok(m is not None and g.get("IP_ADDRESS") == m.group(1),
       "interfaces: Tunnel0 source is its source interface's address")
    ok("  Tunnel protocol/transport IPSEC/IP" in text.splitlines(),
       "interfaces: Tunnel0 protocol IPSEC/IP")


def check_net(tpl, d):
    rows = parse(tpl, "cisco_ios_show_ip_route",
                 os.path.join(d, "show_ip_route"))
    ok(any(r["PROTOCOL"] == "C" and r["NEXTHOP_IF"].startswith("Gigabit")
           for r in rows), "ip route: connected routes on IOS interfaces")
    rows = parse(tpl, "cisco_ios_show_interfaces",
                 os.path.join(d, "show_interfaces"))
    names = {r["INTERFACE"]: r for r in rows}
    ok("GigabitEthernet0/0" in names, "interfaces: GigabitEthernet0/0")
    g = names.get("GigabitEthernet0/0", {})
    ok(g.get("LINK_STATUS") == "up" and g.get("IP_ADDRESS", "") != "",
       "interfaces: Gi0/0 up with an address")
    check_tunnel(d, names)
    rows = parse(tpl, "cisco_ios_show_ip_interface_brief",
                 os.path.join(d, "show_ip_interface_brief"))
    ok(any(r["INTERFACE"] == "GigabitEthernet0/1" and r["STATUS"] == "up"
           for r in rows), "brief: GigabitEthernet0/1 up")


def main():
    tpl, d = sys.argv[1], sys.argv[2]
    states = xfrm_states(os.path.join(d, "xfrm"))
    ipsec = check_ipsec(tpl, d, states)
    if len(sys.argv) > 4:
        old = os.path.join(sys.argv[3], "show_crypto_ipsec_sa_detail")
        with open(os.path.join(tpl, "cisco_ios_show_crypto_ipsec_sa_detail"
                               ".textfsm")) as f:
            fsm = textfsm.TextFSM(f)
        with open(old) as f:
            check_renewed(ipsec, [dict(zip(fsm.header, r))
                                  for r in fsm.ParseText(f.read())],
                          int(sys.argv[4]))
    check_session(tpl, d, ipsec)
    check_own(d, ipsec)
    check_net(tpl, d)
    print("%d checks, %d failed%s" % (COUNT[0], len(FAILED),
                                      (": " + FAILED[0]) if FAILED else ""))
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
