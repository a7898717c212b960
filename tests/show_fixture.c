/*
 * tests/show_fixture.c: show output for the TextFSM test.
 *
 *	show_fixture ipsec|ipsec-detail|session|session-detail|
 *	    interfaces|brief|route|facts
 *	show_fixture -s STATEDIR COMMAND
 *
 * The first form prints the crypto show commands for two established
 * IKE SAs made up here (one VTI, one crypto map behind NAT-T), through
 * the same formatters ioshd uses, and the interface and route commands
 * for made-up links and routes; "facts" prints the made-up SAs as
 * JSON, so the test can tell which value must land in which field.
 * The second form runs one command through the live grammar, with the
 * startup-config and ifmap of STATEDIR, as a console of ioshd would:
 * the interface and route commands read this namespace's netlink.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grammar/ios.h"
#include "shell/live.h"
#include "shell/show.h"

#define FIX_NOW	1700000000ULL

static struct show_child	fix_child[2];
static struct show_session	fix_sess[2];
static struct show_link		fix_link[4];
static struct show_route	fix_route[8];
static size_t			fix_nroute;

static void
fix_addr(struct k_addr *a, const char *s)
{
	memset(a, 0, sizeof(*a));
	a->family = AF_INET;
	inet_pton(AF_INET, s, &a->u.v4);
}

static void
fix_ident(struct show_ident *id, const char *a, const char *m, int proto)
{
	inet_pton(AF_INET, a, &id->addr);
	inet_pton(AF_INET, m, &id->mask);
	id->proto = (uint8_t)proto;
}

static void
fix_stats(struct k_sa_stats *st, uint64_t pkts, uint64_t bytes,
    uint64_t age, uint64_t integ, uint64_t replay)
{
	st->packets = pkts;
	st->bytes = bytes;
	st->add_time = FIX_NOW - age;
	st->integrity_errs = integ;
	st->replay_window_errs = replay;
}

/* A VTI, Tunnel0, to 203.0.113.2 on port 500, with PFS. */
static void
fix_vti(struct show_child *c)
{
	snprintf(c->ifname, sizeof(c->ifname), "Tunnel0");
	snprintf(c->tag, sizeof(c->tag), "Tunnel0-head-0");
	snprintf(c->mtu_idb, sizeof(c->mtu_idb), "GigabitEthernet0/0");
	fix_addr(&c->local, "198.51.100.1");
	fix_addr(&c->remote, "203.0.113.2");
	c->remote_port = 500;
	fix_ident(&c->lident, "0.0.0.0", "0.0.0.0", 0);
	fix_ident(&c->rident, "0.0.0.0", "0.0.0.0", 0);
	c->spi_in = 0x658F7C11;
	c->spi_out = 0x397C36EE;
	snprintf(c->transform, sizeof(c->transform),
	    "esp-256-aes esp-sha256-hmac");
	c->tunnel = 1;
	c->iv_size = 16;
	c->pfs_group = 19;
	c->replay_window = 64;
	c->path_mtu = 1500;
	c->plain_mtu = 1438;
	fix_stats(&c->in, 1498, 2048000, 409, 3, 2);
	fix_stats(&c->out, 1520, 1024 * 77, 409, 0, 0);
	c->life_sec = 3600;
	c->now = FIX_NOW;
	c->conn_id = 2002;
}

/* Crypto map CMAP on GigabitEthernet0/0, behind NAT, 10.1/16 <-> 10.2/16. */
static void
fix_cmap(struct show_child *c)
{
	snprintf(c->ifname, sizeof(c->ifname), "GigabitEthernet0/0");
	snprintf(c->tag, sizeof(c->tag), "CMAP");
	snprintf(c->mtu_idb, sizeof(c->mtu_idb), "GigabitEthernet0/0");
	fix_addr(&c->local, "198.51.100.1");
	fix_addr(&c->remote, "192.0.2.9");
	c->remote_port = 4500;
	fix_ident(&c->lident, "10.1.0.0", "255.255.0.0", 0);
	fix_ident(&c->rident, "10.2.0.0", "255.255.0.0", 0);
	c->spi_in = 0xC0FFEE01;
	c->spi_out = 0x0000BEEF;
	snprintf(c->transform, sizeof(c->transform), "esp-gcm 256");
	c->tunnel = 1;
	c->udp_encap = 1;
	c->esn = 1;
	c->iv_size = 8;
	c->replay_window = 1024;
	c->path_mtu = 1500;
	c->plain_mtu = 1446;
	fix_stats(&c->in, 40, 4096, 1200, 0, 0);
	fix_stats(&c->out, 4000000000ULL, 1024ULL * 4700000, 1200, 0, 0);
	c->life_kb = 4608000;
	c->life_sec = 28800;
	c->now = FIX_NOW;
	c->conn_id = 2004;
}

static void
fix_session(struct show_session *s, const struct show_child *c,
    const char *profile, unsigned id, const char *caps, uint64_t up)
{
	snprintf(s->ifname, sizeof(s->ifname), "%s", c->ifname);
	snprintf(s->profile, sizeof(s->profile), "%s", profile);
	s->status = "UP-ACTIVE";
	s->local = c->local;
	s->remote = c->remote;
	s->local_port = s->remote_port = c->remote_port;
	inet_ntop(AF_INET, &c->remote.u.v4, s->phase1_id,
	    sizeof(s->phase1_id));
	s->id = s->conn_id = id;
	s->ike_active = 1;
	snprintf(s->caps, sizeof(s->caps), "%s", caps);
	s->uptime = up;
	s->ike_left = 86400 - up % 86400;
	s->child = c;
}

static void
fix_if(struct show_link *l, const char *name, const char *hw,
    const char *addr, int plen, int admin, int oper)
{
	snprintf(l->name, sizeof(l->name), "%s", name);
	snprintf(l->hw, sizeof(l->hw), "%s", hw);
	if (addr != NULL) {
		inet_pton(AF_INET, addr, &l->addr);
		l->plen = plen;
		l->has_addr = 1;
	}
	l->method = addr ? "NVRAM" : "unset";
	l->admin_up = admin;
	l->oper_up = oper;
	l->mtu = 1500;
	l->bw_kbit = 1000000;
	l->dly_usec = 10;
}

static void
fix_links(void)
{
	static const uint8_t	mac[6] = {
		0x52, 0x54, 0x00, 0x12, 0x34, 0x56
	};
	struct show_link	*l = fix_link;

	fix_if(&l[0], "GigabitEthernet0/0", "Ethernet", "198.51.100.1", 24,
	    1, 1);
	memcpy(l[0].mac, mac, 6);
	l[0].has_mac = 1;
	snprintf(l[0].descr, sizeof(l[0].descr), "WAN to ISP-1");
	l[0].rx_packets = 123456;
	l[0].rx_bytes = 98765432;
	l[0].tx_packets = 65432;
	l[0].tx_bytes = 7654321;
	l[0].rx_errors = 5;
	l[0].rx_crc = 2;
	l[0].tx_errors = 1;
	fix_if(&l[1], "Tunnel0", "Tunnel", "172.16.0.1", 30, 1, 1);
	l[1].mtu = 1438;
	l[1].bw_kbit = 100;
	l[1].dly_usec = 50000;
	fix_if(&l[2], "GigabitEthernet0/2", "Ethernet", NULL, 0, 0, 0);
	fix_if(&l[3], "wan1", "veth", "172.16.5.1", 30, 1, 0);
	l[3].method = "manual";
}

static struct show_route *
fix_rt(char code, const char *dst, int plen, const char *gw,
    const char *ifname)
{
	struct show_route	*r = &fix_route[fix_nroute++];

	r->code = code;
	inet_pton(AF_INET, dst, &r->dst);
	r->plen = plen;
	r->candidate = plen == 0;
	r->distance = code == 'S' && gw != NULL ? 1 : 0;
	if (ifname == NULL && gw == NULL)
		return r;
	r->nnh = 1;
	if (gw != NULL) {
		inet_pton(AF_INET, gw, &r->nh[0].gw);
		r->nh[0].has_gw = 1;
	}
	snprintf(r->nh[0].ifname, sizeof(r->nh[0].ifname), "%s",
	    ifname ? ifname : "");
	return r;
}

/* Given out of order: the formatter sorts them. */
static void
fix_routes(void)
{
	struct show_route	*r;

	fix_rt('S', "10.2.0.0", 16, NULL, "Tunnel0");
	fix_rt('S', "0.0.0.0", 0, "198.51.100.254", "GigabitEthernet0/0");
	fix_rt('C', "198.51.100.0", 24, NULL, "GigabitEthernet0/0");
	fix_rt('L', "198.51.100.1", 32, NULL, "GigabitEthernet0/0");
	fix_rt('S', "172.20.1.0", 24, "198.51.100.6", NULL)->metric = 5;
	r = fix_rt('S', "172.20.2.0", 24, "198.51.100.7",
	    "GigabitEthernet0/0");
	r->nh[1] = r->nh[0];
	inet_pton(AF_INET, "198.51.100.8", &r->nh[1].gw);
	r->nnh = 2;
	fix_rt('S', "10.9.0.0", 16, NULL, NULL);
	fix_rt('C', "172.16.0.0", 30, NULL, "Tunnel0");
}

static void
fix_make(void)
{
	fix_vti(&fix_child[0]);
	fix_cmap(&fix_child[1]);
	fix_session(&fix_sess[0], &fix_child[0], "PROF-1", 1, "D", 40344);
	fix_session(&fix_sess[1], &fix_child[1], "", 2, "DN", 200000);
	fix_links();
	fix_routes();
}

static void
fix_json_stats(const char *name, const struct k_sa_stats *st)
{
	printf("\"%s\": {\"packets\": %llu, \"bytes\": %llu, "
	    "\"add_time\": %llu, \"integrity_errs\": %llu, "
	    "\"replay_errs\": %llu}", name, (unsigned long long)st->packets,
	    (unsigned long long)st->bytes, (unsigned long long)st->add_time,
	    (unsigned long long)st->integrity_errs,
	    (unsigned long long)st->replay_window_errs);
}

static void
fix_json_child(const struct show_child *c)
{
	char	l[16], r[16], a[4][16];

	inet_ntop(AF_INET, &c->local.u.v4, l, sizeof(l));
	inet_ntop(AF_INET, &c->remote.u.v4, r, sizeof(r));
	inet_ntop(AF_INET, &c->lident.addr, a[0], sizeof(a[0]));
	inet_ntop(AF_INET, &c->lident.mask, a[1], sizeof(a[1]));
	inet_ntop(AF_INET, &c->rident.addr, a[2], sizeof(a[2]));
	inet_ntop(AF_INET, &c->rident.mask, a[3], sizeof(a[3]));
	printf("{\"ifname\": \"%s\", \"tag\": \"%s\", \"mtu_idb\": \"%s\", "
	    "\"local\": \"%s\", \"remote\": \"%s\", \"port\": %u, "
	    "\"lident\": [\"%s\", \"%s\", %u, %u], "
	    "\"rident\": [\"%s\", \"%s\", %u, %u], ", c->ifname, c->tag,
	    c->mtu_idb, l, r, c->remote_port, a[0], a[1], c->lident.proto,
	    c->lident.port, a[2], a[3], c->rident.proto, c->rident.port);
	printf("\"spi_in\": %u, \"spi_out\": %u, \"transform\": \"%s\", "
	    "\"tunnel\": %d, \"udp_encap\": %d, \"esn\": %d, \"iv\": %u, "
	    "\"pfs\": %u, \"replay_window\": %u, \"path_mtu\": %u, "
	    "\"plain_mtu\": %u, \"life_kb\": %llu, \"life_sec\": %llu, "
	    "\"now\": %llu, \"conn_id\": %u, ", c->spi_in, c->spi_out,
	    c->transform, c->tunnel, c->udp_encap, c->esn, c->iv_size,
	    c->pfs_group, c->replay_window, c->path_mtu, c->plain_mtu,
	    (unsigned long long)c->life_kb, (unsigned long long)c->life_sec,
	    (unsigned long long)c->now, c->conn_id);
	fix_json_stats("in", &c->in);
	printf(", ");
	fix_json_stats("out", &c->out);
	printf("}");
}

static void
fix_json_session(const struct show_session *s)
{
	printf("{\"ifname\": \"%s\", \"profile\": \"%s\", \"status\": "
	    "\"%s\", \"phase1_id\": \"%s\", \"id\": %u, \"conn_id\": %u, "
	    "\"local_port\": %u, \"remote_port\": %u, \"caps\": \"%s\", "
	    "\"uptime\": %llu, \"ike_left\": %llu}", s->ifname, s->profile,
	    s->status, s->phase1_id, s->id, s->conn_id, s->local_port,
	    s->remote_port, s->caps, (unsigned long long)s->uptime,
	    (unsigned long long)s->ike_left);
}

static void
fix_facts(void)
{
	size_t	i;

	printf("{\"children\": [");
	for (i = 0; i < 2; i++) {
		printf(i ? ", " : "");
		fix_json_child(&fix_child[i]);
	}
	printf("], \"sessions\": [");
	for (i = 0; i < 2; i++) {
		printf(i ? ", " : "");
		fix_json_session(&fix_sess[i]);
	}
	printf("]}\n");
}

static void
fix_put(void *arg, const char *buf, size_t len)
{
	fwrite(buf, 1, len, stdout);
}

/* One command through the live grammar, on STATEDIR's config. */
static int
fix_live(const char *state, const char *cmd)
{
	struct ios_config	*cfg = ios_config_new();
	struct cli_engine	*eng;
	struct cli		*cli;
	char			 err[256], path[4096], map[4096];
	int			 rc;

	if ((eng = cli_engine_new(live_grammar(), err, sizeof(err))) ==
	    NULL) {
		fprintf(stderr, "show_fixture: %s\n", err);
		return 1;
	}
	snprintf(path, sizeof(path), "%s/startup-config", state);
	snprintf(map, sizeof(map), "%s/ifmap", state);
	ios_config_set_paths(cfg, path, map);
	ios_config_set_engine(cfg, eng);
	if (ios_config_load(cfg, eng, path, fix_put, NULL) > 0)
		fprintf(stderr, "show_fixture: %s: errors\n", path);
	cli = cli_new(eng, IOS_M_PRIV, cfg);
	cli_set_output(cli, fix_put, NULL);
	rc = cli_execute(cli, cmd);
	cli_free(cli);
	ios_config_free(cfg);
	cli_engine_free(eng);
	return rc == CLI_OK ? 0 : 1;
}

int
main(int argc, char **argv)
{
	const char	*what = argc > 1 ? argv[1] : "";

	if (argc == 4 && strcmp(what, "-s") == 0)
		return fix_live(argv[2], argv[3]);
	fix_make();
	if (strcmp(what, "ipsec") == 0 || strcmp(what, "ipsec-detail") == 0)
		show_ipsec_sa(stdout, fix_child, 2, what[5] == '-');
	else if (strcmp(what, "session") == 0 ||
	    strcmp(what, "session-detail") == 0)
		show_session(stdout, fix_sess, 2, what[7] == '-');
	else if (strcmp(what, "interfaces") == 0)
		for (size_t i = 0; i < 4; i++)
			show_interface(stdout, &fix_link[i]);
	else if (strcmp(what, "brief") == 0)
		show_ip_brief(stdout, fix_link, 4);
	else if (strcmp(what, "route") == 0)
		show_ip_route(stdout, fix_route, fix_nroute);
	else if (strcmp(what, "facts") == 0)
		fix_facts();
	else {
		fprintf(stderr, "usage: show_fixture ipsec|ipsec-detail|"
		    "session|session-detail|\n"
		    "                    interfaces|brief|route|facts\n"
		    "       show_fixture -s STATEDIR COMMAND\n");
		return 2;
	}
	return 0;
}
