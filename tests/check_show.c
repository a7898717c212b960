/*
 * tests/check_show.c: the show formatters (shell/show_*.c) on made-up
 * data, line by line, without TextFSM (tests/textfsm/ parses the same
 * output with ntc-templates when python3-textfsm is there).
 */
#include <arpa/inet.h>
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shell/show.h"

static char	*out;
static size_t	 outlen;

static FILE *
open_out(void)
{
	free(out);
	out = NULL;
	return open_memstream(&out, &outlen);
}

/* Does the output have this whole line? */
static int
has_line(const char *line)
{
	const char	*p = out;
	size_t		 l = strlen(line);

	while (p != NULL && *p != '\0') {
		if (strncmp(p, line, l) == 0 && (p[l] == '\n' || p[l] == '\0'))
			return 1;
		p = strchr(p, '\n');
		p = p ? p + 1 : NULL;
	}
	return 0;
}

#define ck_line(s)	ck_assert_msg(has_line(s), "no line \"%s\" in:\n%s", \
			    s, out)

START_TEST(test_hms)
{
	char	b[32];

	ck_assert_str_eq(show_hms(0, b, sizeof(b)), "00:00:00");
	ck_assert_str_eq(show_hms(40344, b, sizeof(b)), "11:12:24");
	ck_assert_str_eq(show_hms(86399, b, sizeof(b)), "23:59:59");
	ck_assert_str_eq(show_hms(86400 + 3 * 3600 + 59, b, sizeof(b)),
	    "1d03h");
}
END_TEST

static struct show_route *
rt(struct show_route *r, char code, const char *dst, int plen,
    const char *gw, const char *ifname)
{
	memset(r, 0, sizeof(*r));
	r->code = code;
	inet_pton(AF_INET, dst, &r->dst);
	r->plen = plen;
	r->candidate = plen == 0;
	r->distance = gw ? 1 : 0;
	r->nnh = 1;
	if (gw != NULL) {
		inet_pton(AF_INET, gw, &r->nh[0].gw);
		r->nh[0].has_gw = 1;
	}
	snprintf(r->nh[0].ifname, sizeof(r->nh[0].ifname), "%s", ifname);
	return r;
}

START_TEST(test_route_groups)
{
	struct show_route	r[6];
	FILE			*f = open_out();

	rt(&r[0], 'L', "192.0.2.1", 32, NULL, "Gi0/0");
	rt(&r[1], 'S', "10.2.0.0", 16, "192.0.2.9", "Gi0/0");
	rt(&r[2], 'C', "192.0.2.0", 24, NULL, "Gi0/0");
	rt(&r[3], 'S', "0.0.0.0", 0, "192.0.2.254", "Gi0/0");
	rt(&r[4], 'S', "10.3.0.0", 16, NULL, "Tunnel0");
	rt(&r[5], 'S', "172.16.0.0", 12, "192.0.2.8", "");
	show_ip_route(f, r, 6);
	fclose(f);
	ck_line("Gateway of last resort is 192.0.2.254 to network 0.0.0.0");
	ck_line("S*    0.0.0.0/0 [1/0] via 192.0.2.254, Gi0/0");
	ck_line("      10.0.0.0/16 is subnetted, 2 subnets");
	ck_line("S        10.2.0.0 [1/0] via 192.0.2.9, Gi0/0");
	ck_line("S        10.3.0.0 is directly connected, Tunnel0");
	ck_line("S     172.16.0.0/12 [1/0] via 192.0.2.8");
	ck_line("      192.0.2.0/24 is variably subnetted, 2 subnets, 2 masks");
	ck_line("C        192.0.2.0/24 is directly connected, Gi0/0");
	ck_line("L        192.0.2.1/32 is directly connected, Gi0/0");
	ck_assert_ptr_ne(strstr(out, "0.0.0.0/0"), NULL);
	ck_assert(strstr(out, "0.0.0.0/0") < strstr(out, "10.2.0.0"));
	ck_assert(strstr(out, "10.3.0.0") < strstr(out, "172.16.0.0"));
}
END_TEST

START_TEST(test_route_no_default)
{
	struct show_route	r[1];
	FILE			*f = open_out();

	rt(&r[0], 'S', "198.51.100.0", 24, NULL, "");
	r[0].nnh = 0;
	show_ip_route(f, r, 1);
	fclose(f);
	ck_line("Gateway of last resort is not set");
	ck_line("S     198.51.100.0/24 is directly connected, Null0");
}
END_TEST

START_TEST(test_brief)
{
	struct show_link	l[2];
	FILE			*f = open_out();

	memset(l, 0, sizeof(l));
	snprintf(l[0].name, sizeof(l[0].name), "GigabitEthernet0/0");
	inet_pton(AF_INET, "198.51.100.1", &l[0].addr);
	l[0].has_addr = 1;
	l[0].method = "NVRAM";
	l[0].admin_up = l[0].oper_up = 1;
	snprintf(l[1].name, sizeof(l[1].name), "Tunnel0");
	show_ip_brief(f, l, 2);
	fclose(f);
	ck_line("Interface              IP-Address      OK? Method Status"
	    "                Protocol");
	ck_line("GigabitEthernet0/0     198.51.100.1    YES NVRAM  up"
	    "                    up");
	ck_line("Tunnel0                unassigned      YES unset  "
	    "administratively down down");
}
END_TEST

START_TEST(test_tunnel_lines)
{
	struct show_link	l;
	FILE			*f = open_out();

	memset(&l, 0, sizeof(l));
	snprintf(l.name, sizeof(l.name), "Tunnel0");
	snprintf(l.hw, sizeof(l.hw), "Tunnel");
	snprintf(l.tun_proto, sizeof(l.tun_proto), "IPSEC/IP");
	snprintf(l.tun_src, sizeof(l.tun_src), "1.2.3.4 (GigabitEthernet0/0)");
	snprintf(l.tun_dst, sizeof(l.tun_dst), "5.6.7.8");
	snprintf(l.tun_profile, sizeof(l.tun_profile), "PROT");
	l.admin_up = l.oper_up = 1;
	show_interface(f, &l);
	fclose(f);
	ck_line("Tunnel0 is up, line protocol is up ");
	ck_line("  Hardware is Tunnel");
	ck_line("  Encapsulation TUNNEL, loopback not set");
	ck_line("  Tunnel source 1.2.3.4 (GigabitEthernet0/0), destination "
	    "5.6.7.8");
	ck_line("  Tunnel protocol/transport IPSEC/IP");
	ck_line("  Tunnel protection via IPSec (profile \"PROT\")");
}
END_TEST

static void
child(struct show_child *c)
{
	memset(c, 0, sizeof(*c));
	snprintf(c->ifname, sizeof(c->ifname), "Tunnel0");
	snprintf(c->tag, sizeof(c->tag), "Tunnel0-head-0");
	snprintf(c->mtu_idb, sizeof(c->mtu_idb), "GigabitEthernet0/0");
	snprintf(c->transform, sizeof(c->transform), "esp-gcm 256");
	c->local.family = c->remote.family = AF_INET;
	inet_pton(AF_INET, "198.51.100.1", &c->local.u.v4);
	inet_pton(AF_INET, "203.0.113.2", &c->remote.u.v4);
	c->remote_port = 4500;
	c->spi_in = 0x1234;
	c->spi_out = 0xABCDEF01;
	c->tunnel = c->udp_encap = c->esn = 1;
	c->replay_window = 1024;
	c->life_sec = 3600;
	c->now = 1000;
	c->in.add_time = c->out.add_time = 900;
	c->in.bytes = 10 * 1024;
	c->conn_id = 2002;
}

START_TEST(test_ipsec_detail)
{
	struct show_child	c;
	FILE			*f = open_out();

	child(&c);
	show_ipsec_sa(f, &c, 1, 1);
	fclose(f);
	ck_line("      spi: 0x00001234(4660)");
	ck_line("     current outbound spi: 0xABCDEF01(2882400001)");
	ck_line("        in use settings ={Tunnel UDP-Encaps, esn, }");
	ck_line("        sa timing: remaining key lifetime (k/sec): "
	    "(4607990/3500)");
	ck_line("        sa timing: remaining key lifetime (k/sec): "
	    "(4608000/3500)");
	ck_line("        replay detection support: Y  replay window size: "
	    "1024");
	ck_line("        conn id: 2001, flow_id: SW:1, sibling_flags "
	    "80000048, crypto map: Tunnel0-head-0");
	ck_line("    ##pkts replay failed (rcv): 0");
	ck_assert_ptr_eq(strstr(out, "#send errors"), NULL);
}
END_TEST

START_TEST(test_ipsec_plain)
{
	struct show_child	c;
	FILE			*f = open_out();

	child(&c);
	c.in.integrity_errs = 2;
	c.in.replay_window_errs = 1;
	show_ipsec_sa(f, &c, 1, 0);
	fclose(f);
	ck_line("    #send errors 0, #recv errors 3");
	ck_line("        replay detection support: Y");
	ck_assert_ptr_eq(strstr(out, "##pkts"), NULL);
}
END_TEST

START_TEST(test_session)
{
	struct show_child	c;
	struct show_session	s;
	FILE			*f;

	child(&c);
	memset(&s, 0, sizeof(s));
	snprintf(s.ifname, sizeof(s.ifname), "Tunnel0");
	s.status = "UP-ACTIVE";
	s.local = c.local;
	s.remote = c.remote;
	s.local_port = s.remote_port = 4500;
	s.id = s.conn_id = 3;
	s.uptime = 61;
	s.ike_left = 3600;
	s.child = &c;
	f = open_out();
	show_session(f, &s, 1, 0);
	fclose(f);
	ck_line("Peer: 203.0.113.2 port 4500");
	ck_assert_ptr_eq(strstr(out, "Code:"), NULL);
	ck_assert_ptr_eq(strstr(out, "Profile:"), NULL);
	f = open_out();
	show_session(f, &s, 1, 1);
	fclose(f);
	ck_line("Uptime: 00:01:01");
	ck_line("Peer: 203.0.113.2 port 4500 fvrf: (none) ivrf: (none)");
	ck_line("      Phase1_id: 203.0.113.2");
	ck_line("          Capabilities:(none) connid:3 lifetime:01:00:00");
	ck_line("  IPSEC FLOW: permit ip 0.0.0.0/0.0.0.0 0.0.0.0/0.0.0.0");
	ck_line("        Inbound:  #pkts dec'ed 0 drop 0 life (KB/Sec) "
	    "4607990/3500");
}
END_TEST

/* A configured peer with no IKE SA: DOWN, its flow, no SA lines. */
START_TEST(test_session_down)
{
	struct show_child	c;
	struct show_session	s;
	FILE			*f;

	child(&c);
	memset(&s, 0, sizeof(s));
	snprintf(s.ifname, sizeof(s.ifname), "GigabitEthernet0/0");
	s.status = "DOWN";
	s.no_sa = 1;
	s.remote = c.remote;
	s.remote_port = 500;
	s.child = &c;
	f = open_out();
	show_session(f, &s, 1, 0);
	fclose(f);
	ck_assert_str_eq(out, "Crypto session current status\n\n"
	    "Interface: GigabitEthernet0/0\n"
	    "Session status: DOWN\n"
	    "Peer: 203.0.113.2 port 500\n"
	    "  IPSEC FLOW: permit ip 0.0.0.0/0.0.0.0 0.0.0.0/0.0.0.0\n"
	    "        Active SAs: 0, origin: crypto map\n\n");
}
END_TEST

static Suite *
show_suite(void)
{
	Suite	*s = suite_create("show");
	TCase	*tc = tcase_create("format");

	tcase_add_test(tc, test_hms);
	tcase_add_test(tc, test_route_groups);
	tcase_add_test(tc, test_route_no_default);
	tcase_add_test(tc, test_brief);
	tcase_add_test(tc, test_tunnel_lines);
	tcase_add_test(tc, test_ipsec_detail);
	tcase_add_test(tc, test_ipsec_plain);
	tcase_add_test(tc, test_session);
	tcase_add_test(tc, test_session_down);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(show_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	free(out);
	return failed ? 1 : 0;
}
