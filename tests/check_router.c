/*
 * tests/check_router.c: the router that ioshd runs, three of them in
 * one process: a hub with two tunnels (Tunnel0 to 127.0.0.2, Tunnel1 to
 * 127.0.0.3) and two branches, each on a recording kernel, negotiating
 * over real UDP sockets on loopback addresses (one free port, nothing
 * leaves the machine).
 *
 * - the tunnels come up, and each tunnel's line protocol with them
 *   (%LINK-3-UPDOWN, %LINEPROTO-5-UPDOWN in the router's log);
 * - clear crypto sa peer A, clear crypto ikev2 sa remote A and clear
 *   crypto session remote A take down that peer's SAs only: the hub's
 *   kernel loses that tunnel's SAs and no other, the branch is told
 *   (its kernel loses them too), the tunnel's line protocol goes down
 *   and up again on new SAs; clear crypto sa takes down both;
 * - shutdown on a tunnel logs %LINK-5-CHANGED and the line protocol;
 * - show crypto ipsec sa [peer A] and show crypto session detail name
 *   each tunnel, its peer, its SPIs and its IKE profile.
 */
#include <arpa/inet.h>
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <syslog.h>
#include <unistd.h>

#include <event2/event.h>
#include <linux/netlink.h>
#include <linux/xfrm.h>

#include "grammar/ios.h"
#include "shell/live.h"
#include "shell/router_priv.h"

#define NR	3	/* hub, branch 1, branch 2 */

struct node {
	struct ios_config	*cfg;
	struct krec		*k;
	struct router		*r;
	struct cli		*cli;
	char			*log;	/* the router's log lines */
	size_t			 loglen;
	FILE			*logf;
};

static struct event_base	*base;
static struct cli_engine	*eng;
static struct node		 nodes[NR];
static char			*out;
static size_t			 outlen;

static const char *common[] = {
	"crypto isakmp policy 10",
	" encr aes 256",
	" hash sha256",
	" authentication pre-share",
	" group 19",
	"crypto ipsec transform-set TS esp-aes 256 esp-sha256-hmac",
	" mode tunnel",
	NULL
};

/*
 * Tunnel t from address src to address dst.  The tunnel source is an
 * address: loopback addresses are no host addresses for ip address.
 */
static void
tunnel_lines(FILE *f, int t, const char *src, const char *dst,
    const char *key)
{
	fprintf(f, "crypto keyring KR%d\n", t);
	fprintf(f, " pre-shared-key address %s key %s\n", dst, key);
	fprintf(f, "crypto isakmp profile P%d\n", t);
	fprintf(f, " keyring KR%d\n", t);
	fprintf(f, " match identity address %s 255.255.255.255\n", dst);
	fprintf(f, "crypto ipsec profile IP%d\n", t);
	fprintf(f, " set transform-set TS\n");
	fprintf(f, " set isakmp-profile P%d\n", t);
	fprintf(f, "interface Tunnel%d\n", t);
	fprintf(f, " ip address 169.254.%d.%d 255.255.255.252\n", t,
	    dst[8] == '1' ? 2 : 1);
	fprintf(f, " tunnel source %s\n", src);
	fprintf(f, " tunnel mode ipsec ipv4\n");
	fprintf(f, " tunnel destination %s\n", dst);
	fprintf(f, " tunnel protection ipsec profile IP%d\n", t);
}

static void
out_write(void *arg, const char *s, size_t len)
{
	out = realloc(out, outlen + len + 1);
	ck_assert_ptr_nonnull(out);
	memcpy(out + outlen, s, len);
	outlen += len;
	out[outlen] = '\0';
}

static int
run(struct node *n, const char *line)
{
	outlen = 0;
	if (out != NULL)
		out[0] = '\0';
	return cli_execute(n->cli, line);
}

static void
node_log(void *arg, int prio, const char *line)
{
	struct node	*n = arg;

	(void)prio;
	fprintf(n->logf, "%s\n", line);
	fflush(n->logf);
}

/* A free UDP port on 127.0.0.1 (the branches bind it on theirs). */
static uint16_t
free_port(void)
{
	struct sockaddr_in	sin;
	socklen_t		len = sizeof(sin);
	int			fd = socket(AF_INET, SOCK_DGRAM, 0);

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(bind(fd, (struct sockaddr *)&sin, sizeof(sin)), 0);
	ck_assert_int_eq(getsockname(fd, (struct sockaddr *)&sin, &len), 0);
	close(fd);
	return ntohs(sin.sin_port);
}

static void
node_config(struct node *n, const char *text)
{
	char	*line, *save, *copy = strdup(text);

	ck_assert_int_eq(run(n, "configure terminal"), CLI_OK);
	for (line = strtok_r(copy, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save))
		ck_assert_msg(run(n, line) == CLI_OK, "%s: %s", line, out);
	ck_assert_int_eq(run(n, "end"), CLI_OK);
	free(copy);
}

static void
node_open(struct node *n, int i, uint16_t port, uint16_t natt)
{
	static const char	*addr[NR] = { "127.0.0.1", "127.0.0.2",
				    "127.0.0.3" };
	struct router_env	 env;
	struct kernel		 kern;
	struct kobj		 eth;
	char			*text = NULL;
	size_t			 len = 0, j;
	FILE			*f = open_memstream(&text, &len);

	fprintf(f, "hostname R%d\n", i);
	for (j = 0; common[j] != NULL; j++)
		fprintf(f, "%s\n", common[j]);
	if (i == 0) {
		tunnel_lines(f, 0, addr[0], addr[1], "key-one");
		tunnel_lines(f, 1, addr[0], addr[2], "key-two");
	} else
		tunnel_lines(f, 0, addr[i], addr[0], i == 1 ? "key-one" :
		    "key-two");
	fprintf(f, "interface GigabitEthernet0/0\n");
	fprintf(f, " ip address 192.0.2.%d 255.255.255.0\n", i + 1);
	fclose(f);

	n->cfg = ios_config_new();
	n->cli = cli_new(eng, IOS_M_PRIV, n->cfg);
	cli_set_output(n->cli, out_write, NULL);
	node_config(n, text);
	free(text);

	n->k = krec_new();
	memset(&eth, 0, sizeof(eth));
	eth.kind = KOBJ_LINK;
	snprintf(eth.u.link.name, sizeof(eth.u.link.name), "eth0");
	eth.u.link.kind = K_LINK_PHYS;
	eth.u.link.up = 1;
	ck_assert_int_eq(krec_seed(n->k, &eth, 0), 0);
	krec_kernel(n->k, &kern);
	memset(&env, 0, sizeof(env));
	env.kern = &kern;
	env.ike_port = port;
	env.natt_port = natt;
	env.peer_port = port;
	n->r = router_new_env(base, n->cfg, &env);
	ck_assert_ptr_nonnull(n->r);
	n->logf = open_memstream(&n->log, &n->loglen);
	router_set_log(n->r, node_log, n);
	ck_assert_int_eq(router_apply(n->r), 0);
}

/* CHECK_ROUTER_DEBUG=1: the IKE daemons' lines on stderr. */
static void
ike_to_stderr(int level, const char *msg, void *arg)
{
	if (arg != NULL)
		fprintf(stderr, "ike %d: %s\n", level, msg);
}

static void
setup(void)
{
	char		err[256];
	uint16_t	port = free_port(), natt;
	int		i;

	ike_log_set_sink(ike_to_stderr, getenv("CHECK_ROUTER_DEBUG"));
	if (getenv("CHECK_ROUTER_DEBUG") != NULL) {
		ike_log_set_debug(1);
		openlog("check_router", LOG_PERROR, LOG_USER);
	}
	base = event_base_new();
	eng = cli_engine_new(live_grammar(), err, sizeof(err));
	ck_assert_msg(eng != NULL, "engine: %s", err);
	while ((natt = free_port()) == port)
		;
	for (i = 0; i < NR; i++)
		node_open(&nodes[i], i, port, natt);
	live_set_router(nodes[0].r);
}

static void
teardown(void)
{
	int	i;

	live_set_router(NULL);
	for (i = 0; i < NR; i++) {
		router_free(nodes[i].r);
		cli_free(nodes[i].cli);
		ios_config_free(nodes[i].cfg);
		krec_free(nodes[i].k);
		fclose(nodes[i].logf);
		free(nodes[i].log);
	}
	memset(nodes, 0, sizeof(nodes));
	cli_engine_free(eng);
	event_base_free(base);
	free(out);
	out = NULL;
	outlen = 0;
}

/* The hub's established SA with peer p (0: branch 1), or NULL. */
static const struct ike_sa *
hub_sa(size_t p)
{
	const struct ike_sa	*sa = router_live_sa(nodes[0].r, p);

	return sa != NULL && sa->state == IKE_ST_ESTABLISHED &&
	    sa->slot[0].cur.installed ? sa : NULL;
}

/* Run the loop until both tunnels are up on all three, with new SAs. */
static int
wait_up(uint32_t old0, uint32_t old1)
{
	const struct ike_sa	*a, *b;
	uint64_t		 end = ike_net_now() + 8000;

	while (ike_net_now() < end) {
		event_base_loop(base, EVLOOP_ONCE | EVLOOP_NONBLOCK);
		a = hub_sa(0);
		b = hub_sa(1);
		if (a != NULL && b != NULL && a->slot[0].cur.spi_in != old0 &&
		    b->slot[0].cur.spi_in != old1 &&
		    router_link_proto(nodes[0].r, "Tunnel0") == 1 &&
		    router_link_proto(nodes[0].r, "Tunnel1") == 1 &&
		    router_link_proto(nodes[1].r, "Tunnel0") == 1 &&
		    router_link_proto(nodes[2].r, "Tunnel0") == 1)
			return 1;
		usleep(1000);
	}
	return 0;
}

/* Run the loop a little longer (answers to Deletes, logs). */
static void
settle(void)
{
	uint64_t	end = ike_net_now() + 200;

	while (ike_net_now() < end) {
		event_base_loop(base, EVLOOP_ONCE | EVLOOP_NONBLOCK);
		usleep(1000);
	}
}

static int
has(const char *text, const char *what)
{
	return text != NULL && strstr(text, what) != NULL;
}

/* "sa del dst D spi 0x..." in node n's kernel since its log was cleared. */
static int
deleted(int n, const char *dst, uint32_t spi)
{
	char	line[128];

	snprintf(line, sizeof(line), "sa del dst %s spi %#x\n", dst, spi);
	return has(krec_log(nodes[n].k), line);
}

static void
logs_clear(void)
{
	int	i;

	for (i = 0; i < NR; i++) {
		krec_log_clear(nodes[i].k);
		fclose(nodes[i].logf);
		free(nodes[i].log);
		nodes[i].log = NULL;
		nodes[i].logf = open_memstream(&nodes[i].log,
		    &nodes[i].loglen);
	}
}

/* "Status Protocol" of ifname's line in show ip interface brief. */
static const char *
brief_status(const char *ifname)
{
	static char	buf[128];
	char		name[64], ip[64], ok[8], method[16], pr[16];
	char		*line, *save, *rest, *copy = strdup(out);
	int		off;

	buf[0] = '\0';
	for (line = strtok_r(copy, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (sscanf(line, "%63s %63s %7s %15s %n", name, ip, ok, method,
		    &off) != 4 || strcmp(name, ifname) != 0)
			continue;
		rest = line + off;
		if (strrchr(rest, ' ') == NULL ||
		    sscanf(strrchr(rest, ' '), "%15s", pr) != 1)
			continue;
		snprintf(buf, sizeof(buf), "%s %s", strncmp(rest,
		    "administratively down", 21) == 0 ?
		    "administratively down" : strtok(rest, " "), pr);
	}
	free(copy);
	return buf;
}

START_TEST(test_router_up)
{
	ck_assert_msg(wait_up(0, 0), "tunnels did not come up:\n%s",
	    nodes[0].log);
	settle();
	ck_assert(has(nodes[0].log, "%LINK-3-UPDOWN: Interface Tunnel0, "
	    "changed state to up\n"));
	ck_assert(has(nodes[0].log, "%LINEPROTO-5-UPDOWN: Line protocol on "
	    "Interface Tunnel1, changed state to up\n"));
	ck_assert(has(nodes[0].log, "%LINEPROTO-5-UPDOWN: Line protocol on "
	    "Interface GigabitEthernet0/0, changed state to up\n"));
	/* The link comes before its line protocol, as on IOS. */
	ck_assert(strstr(nodes[0].log, "%LINK-3-UPDOWN: Interface Tunnel0") <
	    strstr(nodes[0].log, "Line protocol on Interface Tunnel0"));
}
END_TEST

/*
 * clear line, naming branch `cleared` (1, 2) or both (0): its SAs go
 * from both kernels and come back new; the other tunnel keeps its own.
 */
static void
clear_case(const char *line, int cleared)
{
	const struct ike_sa	*a, *b;
	uint32_t		 in[2], outs[2];
	static const char	*br[] = { "127.0.0.2", "127.0.0.3" };
	char			 down[128];
	int			 t, gone;

	ck_assert(wait_up(0, 0));
	settle();
	a = hub_sa(0);
	b = hub_sa(1);
	in[0] = a->slot[0].cur.spi_in;
	outs[0] = a->slot[0].cur.spi_out;
	in[1] = b->slot[0].cur.spi_in;
	outs[1] = b->slot[0].cur.spi_out;
	logs_clear();
	ck_assert_int_eq(run(&nodes[0], line), CLI_OK);
	ck_assert_str_eq(out, "");	/* silent, as IOS is */
	ck_assert(wait_up(cleared != 2 ? in[0] : 0, cleared != 1 ? in[1] :
	    0));
	settle();
	for (t = 0; t < 2; t++) {
		gone = cleared == 0 || cleared == t + 1;
		/* The hub's kernel: its inbound and outbound SA. */
		ck_assert_int_eq(deleted(0, "127.0.0.1", in[t]), gone);
		ck_assert_int_eq(deleted(0, br[t], outs[t]), gone);
		/* The branch was told: its kernel lost them too. */
		ck_assert_int_eq(deleted(t + 1, br[t], outs[t]), gone);
		ck_assert_int_eq(deleted(t + 1, "127.0.0.1", in[t]), gone);
		snprintf(down, sizeof(down), "Line protocol on Interface "
		    "Tunnel%d, changed state to down\n", t);
		ck_assert_int_eq(has(nodes[0].log, down), gone);
		if (!gone)
			ck_assert_uint_eq(hub_sa((size_t)t)->slot[0].cur.spi_in,
			    in[t]);
	}
}

START_TEST(test_clear_sa_peer)
{
	clear_case("clear crypto sa peer 127.0.0.2", 1);
}
END_TEST

START_TEST(test_clear_sa_all)
{
	clear_case("clear crypto sa", 0);
}
END_TEST

START_TEST(test_clear_ikev2_remote)
{
	clear_case("clear crypto ikev2 sa remote 127.0.0.3", 2);
}
END_TEST

START_TEST(test_clear_ikev2_local)
{
	clear_case("clear crypto ikev2 sa local 127.0.0.1", 0);
}
END_TEST

START_TEST(test_clear_session_remote)
{
	clear_case("clear crypto session remote 127.0.0.2", 1);
}
END_TEST

START_TEST(test_clear_session)
{
	clear_case("clear crypto session", 0);
}
END_TEST

/* A peer the hub has no tunnel to: nothing changes. */
START_TEST(test_clear_other_peer)
{
	const struct ike_sa	*a, *b;
	uint32_t		 in0, in1;

	ck_assert(wait_up(0, 0));
	settle();
	in0 = hub_sa(0)->slot[0].cur.spi_in;
	in1 = hub_sa(1)->slot[0].cur.spi_in;
	logs_clear();
	ck_assert_int_eq(run(&nodes[0], "clear crypto sa peer 127.0.0.9"),
	    CLI_OK);
	settle();
	a = hub_sa(0);
	b = hub_sa(1);
	ck_assert(a != NULL && a->slot[0].cur.spi_in == in0);
	ck_assert(b != NULL && b->slot[0].cur.spi_in == in1);
	ck_assert(!has(krec_log(nodes[0].k), "sa del"));
}
END_TEST

START_TEST(test_shutdown_logs)
{
	ck_assert(wait_up(0, 0));
	settle();
	logs_clear();
	node_config(&nodes[0], "interface Tunnel1\n shutdown");
	ck_assert_int_eq(router_apply(nodes[0].r), 0);
	settle();
	ck_assert_msg(has(nodes[0].log, "%LINK-5-CHANGED: Interface Tunnel1, "
	    "changed state to administratively down\n%LINEPROTO-5-UPDOWN: "
	    "Line protocol on Interface Tunnel1, changed state to down\n"),
	    "log: %s", nodes[0].log);
	ck_assert(!has(nodes[0].log, "Interface Tunnel0, changed state to "
	    "administratively down"));
	ck_assert_int_eq(run(&nodes[0], "show ip interface brief"), CLI_OK);
	ck_assert_str_eq(brief_status("Tunnel1"), "administratively down "
	    "down");
	ck_assert_str_eq(brief_status("Tunnel0"), "up up");
	logs_clear();
	node_config(&nodes[0], "interface Tunnel1\n no shutdown");
	ck_assert_int_eq(router_apply(nodes[0].r), 0);
	ck_assert(wait_up(0, 0));
	settle();
	ck_assert_msg(has(nodes[0].log, "%LINK-3-UPDOWN: Interface Tunnel1, "
	    "changed state to up\n"), "log: %s", nodes[0].log);
	ck_assert(has(nodes[0].log, "%LINEPROTO-5-UPDOWN: Line protocol on "
	    "Interface Tunnel1, changed state to up\n"));
}
END_TEST

/*
 * The live show commands on the hub: each tunnel's interface, its
 * peer, its SPIs (the ones the IKE daemon holds), its IKE profile.
 */
START_TEST(test_show_live)
{
	const struct ike_sa	*a, *b;
	char			 want[160];

	ck_assert(wait_up(0, 0));
	settle();
	a = hub_sa(0);
	b = hub_sa(1);
	ck_assert_int_eq(run(&nodes[0], "show crypto ipsec sa"), CLI_OK);
	ck_assert(has(out, "interface: Tunnel0\n    Crypto map tag: "
	    "Tunnel0-head-0, local addr 127.0.0.1\n"));
	ck_assert(has(out, "interface: Tunnel1\n"));
	ck_assert(has(out, "current_peer 127.0.0.3 port "));
	snprintf(want, sizeof(want), "current outbound spi: 0x%X(%u)\n",
	    b->slot[0].cur.spi_out, b->slot[0].cur.spi_out);
	ck_assert(has(out, want));
	snprintf(want, sizeof(want), "spi: 0x%08X(%u)\n", a->slot[0].cur.spi_in,
	    a->slot[0].cur.spi_in);
	ck_assert(has(out, want));

	ck_assert_int_eq(run(&nodes[0], "show crypto ipsec sa peer "
	    "127.0.0.3"), CLI_OK);
	ck_assert(has(out, "interface: Tunnel1\n"));
	ck_assert(!has(out, "interface: Tunnel0\n"));

	/* The tunnels' line protocol is up: they have SAs. */
	ck_assert_int_eq(run(&nodes[0], "show ip interface brief"), CLI_OK);
	ck_assert_str_eq(brief_status("Tunnel0"), "up up");
	ck_assert_str_eq(brief_status("Tunnel1"), "up up");

	ck_assert_int_eq(run(&nodes[0], "show crypto session detail"),
	    CLI_OK);
	ck_assert(has(out, "Interface: Tunnel0\nProfile: P0\n"));
	ck_assert(has(out, "Interface: Tunnel1\nProfile: P1\n"));
	ck_assert(has(out, "Session status: UP-ACTIVE"));
}
END_TEST

/*
 * A change that leaves the IKE peers as they are (a hostname, a route)
 * leaves the tunnels alone: same SAs, nothing deleted, no log line.
 */
START_TEST(test_change_keeps_tunnels)
{
	uint32_t	in0, in1;

	ck_assert(wait_up(0, 0));
	settle();
	in0 = hub_sa(0)->slot[0].cur.spi_in;
	in1 = hub_sa(1)->slot[0].cur.spi_in;
	logs_clear();
	node_config(&nodes[0], "hostname HUB\nip route 10.99.0.0 "
	    "255.255.0.0 Tunnel1");
	ck_assert_int_eq(router_apply(nodes[0].r), 0);
	settle();
	ck_assert(has(krec_log(nodes[0].k), "10.99.0.0"));	/* applied */
	ck_assert(!has(krec_log(nodes[0].k), "sa del"));
	ck_assert(hub_sa(0) != NULL && hub_sa(0)->slot[0].cur.spi_in == in0);
	ck_assert(hub_sa(1) != NULL && hub_sa(1)->slot[0].cur.spi_in == in1);
	ck_assert_msg(!has(nodes[0].log, "changed state"), "%s",
	    nodes[0].log);
	/* A tunnel gone from the config: the IKE daemon starts anew. */
	node_config(&nodes[0], "no interface Tunnel1");
	ck_assert_int_eq(router_apply(nodes[0].r), 0);
	settle();
	ck_assert(deleted(0, "127.0.0.1", in1));
	ck_assert_int_eq(router_link_proto(nodes[0].r, "Tunnel1"), -1);
}
END_TEST

/* The clear commands' words, as IOS's help has them; bad addresses. */
START_TEST(test_clear_help)
{
	outlen = 0;
	cli_describe(nodes[0].cli, "clear crypto ikev2 sa ");
	ck_assert_msg(has(out, "  local   Local Address\n") &&
	    has(out, "  remote  Remote Address\n"), "%s", out);
	outlen = 0;
	cli_describe(nodes[0].cli, "clear crypto session ");
	ck_assert_msg(has(out, "  remote  IP address of the remote crypto "
	    "endpoint\n"), "%s", out);
	outlen = 0;
	cli_describe(nodes[0].cli, "clear crypto sa ");
	ck_assert_msg(has(out, "  peer  Clear all crypto SAs for a given "
	    "crypto peer\n"), "%s", out);
	ck_assert_int_ne(run(&nodes[0], "clear crypto sa peer 300.1.1.1"),
	    CLI_OK);
	ck_assert(has(out, "% Invalid input detected at '^' marker."));
}
END_TEST

/* An XFRM state as a dump answers it: header and xfrm_usersa_info. */
static size_t
xfrm_msg(uint8_t *buf, uint32_t seq, int family, const char *dst,
    uint32_t spi, uint8_t proto, uint64_t packets)
{
	struct nlmsghdr		*h = (struct nlmsghdr *)buf;
	struct xfrm_usersa_info	*si = NLMSG_DATA(h);

	memset(buf, 0, NLMSG_SPACE(sizeof(*si)));
	h->nlmsg_len = NLMSG_LENGTH(sizeof(*si));
	h->nlmsg_type = XFRM_MSG_NEWSA;
	h->nlmsg_seq = seq;
	si->family = (uint16_t)family;
	inet_pton(family, dst, &si->id.daddr);
	si->id.spi = htonl(spi);
	si->id.proto = proto;
	si->curlft.packets = packets;
	si->curlft.bytes = packets * 100;
	si->stats.replay_window = 1;
	si->stats.integrity_failed = 2;
	return NLMSG_SPACE(sizeof(*si));
}

/*
 * The counters of every SA from one dump (router_stats.c), on messages
 * made here as the kernel sends them: found by destination, SPI and
 * ESP; other sequence numbers, short messages and AH left alone.
 */
START_TEST(test_stats_dump)
{
	struct router_stats	 st;
	struct k_sa_stats	 c;
	struct k_addr		 a4, a6;
	struct nlmsghdr		*h;
	uint8_t			 buf[4096];
	size_t			 off = 0;

	memset(&st, 0, sizeof(st));
	off += xfrm_msg(buf + off, 7, AF_INET, "192.0.2.1", 0x1000,
	    IPPROTO_ESP, 5);
	off += xfrm_msg(buf + off, 7, AF_INET6, "2001:db8::1", 0x2000,
	    IPPROTO_ESP, 9);
	off += xfrm_msg(buf + off, 7, AF_INET, "192.0.2.1", 0x3000,
	    IPPROTO_AH, 11);
	off += xfrm_msg(buf + off, 8, AF_INET, "192.0.2.1", 0x4000,
	    IPPROTO_ESP, 13);	/* another dump's */
	h = (struct nlmsghdr *)(buf + off);
	off += xfrm_msg(buf + off, 7, AF_INET, "192.0.2.1", 0x5000,
	    IPPROTO_ESP, 15);
	h->nlmsg_len = NLMSG_LENGTH(8);	/* too short for a state */
	ck_assert_int_eq(router_stats_parse(&st, buf, off, 7), 0);
	h = (struct nlmsghdr *)buf;
	memset(h, 0, sizeof(*h));
	h->nlmsg_len = NLMSG_LENGTH(0);
	h->nlmsg_type = NLMSG_DONE;
	h->nlmsg_seq = 7;
	ck_assert_int_eq(router_stats_parse(&st, buf, h->nlmsg_len, 7), 1);
	router_stats_done(&st);
	ck_assert_uint_eq(st.n, 3);	/* 0x4000, 0x5000 left out */

	memset(&a4, 0, sizeof(a4));
	a4.family = AF_INET;
	inet_pton(AF_INET, "192.0.2.1", &a4.u.v4);
	memset(&a6, 0, sizeof(a6));
	a6.family = AF_INET6;
	inet_pton(AF_INET6, "2001:db8::1", &a6.u.v6);
	router_stats_get(NULL, &st, &a4, 0x1000, &c);
	ck_assert_uint_eq(c.packets, 5);
	ck_assert_uint_eq(c.bytes, 500);
	ck_assert_uint_eq(c.replay_window_errs, 1);
	ck_assert_uint_eq(c.integrity_errs, 2);
	router_stats_get(NULL, &st, &a6, 0x2000, &c);
	ck_assert_uint_eq(c.packets, 9);
	router_stats_get(NULL, &st, &a4, 0x3000, &c);	/* AH */
	ck_assert_uint_eq(c.packets, 0);
	router_stats_get(NULL, &st, &a4, 0x4000, &c);	/* not this dump */
	ck_assert_uint_eq(c.packets, 0);
	router_stats_get(NULL, &st, &a6, 0x1000, &c);	/* other address */
	ck_assert_uint_eq(c.packets, 0);
	router_stats_free(&st);

	/* The kernel refused the dump. */
	h = (struct nlmsghdr *)buf;
	memset(buf, 0, sizeof(buf));
	h->nlmsg_len = NLMSG_LENGTH(sizeof(struct nlmsgerr));
	h->nlmsg_type = NLMSG_ERROR;
	h->nlmsg_seq = 7;
	((struct nlmsgerr *)NLMSG_DATA(h))->error = -EPERM;
	ck_assert_int_eq(router_stats_parse(&st, buf, h->nlmsg_len, 7),
	    -EPERM);
	router_stats_free(&st);
}
END_TEST

static Suite *
router_suite(void)
{
	Suite	*s = suite_create("router");
	TCase	*tc = tcase_create("two tunnels");
	TCase	*tst = tcase_create("counters");

	tcase_add_test(tst, test_stats_dump);
	suite_add_tcase(s, tst);

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_router_up);
	tcase_add_test(tc, test_clear_sa_peer);
	tcase_add_test(tc, test_clear_sa_all);
	tcase_add_test(tc, test_clear_ikev2_remote);
	tcase_add_test(tc, test_clear_ikev2_local);
	tcase_add_test(tc, test_clear_session_remote);
	tcase_add_test(tc, test_clear_session);
	tcase_add_test(tc, test_clear_other_peer);
	tcase_add_test(tc, test_shutdown_logs);
	tcase_add_test(tc, test_show_live);
	tcase_add_test(tc, test_clear_help);
	tcase_add_test(tc, test_change_keeps_tunnels);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(router_suite());
	int	 failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
