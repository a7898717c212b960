/*
 * shell/show_ipsec.c: show crypto ipsec sa [detail], in IOS-XE's layout
 * (shared/reference/ios-reference.md, section 1.6), from plain data.
 *
 * The detail form is what ntc-templates' strict
 * cisco_ios_show_crypto_ipsec_sa_detail template reads: every line it
 * prints is one the template knows, in the order IOS prints them.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "shell/show.h"

#define SHOW_DEF_KB	4608000ULL

void
show_child_left(const struct show_child *c, const struct k_sa_stats *st,
    uint64_t *kb, uint64_t *sec)
{
	uint64_t	limit = c->life_kb ? c->life_kb : SHOW_DEF_KB;
	uint64_t	used = st->bytes / 1024, age = 0;

	if (st->add_time && c->now > st->add_time)
		age = c->now - st->add_time;
	*kb = limit > used ? limit - used : 0;
	*sec = c->life_sec > age ? c->life_sec - age : 0;
}

/*
 * Pieces of a line, without printf: with 10,000 tunnels this command
 * prints 480,000 lines, and printf's parsing of its formats was most of
 * the time it took.
 */
static void
put_s(FILE *f, const char *s)
{
	fputs_unlocked(s, f);
}

/* A string literal: its length is known. */
#define PUT(f, lit)	fwrite_unlocked(lit, 1, sizeof(lit) - 1, f)

static void
put_u(FILE *f, unsigned long long v)
{
	char	b[24], *p = b + sizeof(b);

	*--p = '\0';
	do
		*--p = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	fputs_unlocked(p, f);
}

/* Upper case hex, at least width digits. */
static void
put_x(FILE *f, uint32_t v, int width)
{
	static const char	hex[] = "0123456789ABCDEF";
	char			b[12], *p = b + sizeof(b);

	*--p = '\0';
	do {
		*--p = hex[v & 15];
		width--;
	} while ((v >>= 4) != 0);
	while (width-- > 0)
		*--p = '0';
	fputs_unlocked(p, f);
}

/* An IPv4 address in network order, dotted. */
static void
put_v4(FILE *f, struct in_addr a)
{
	const uint8_t	*b = (const uint8_t *)&a.s_addr;

	put_u(f, b[0]);
	putc_unlocked('.', f);
	put_u(f, b[1]);
	putc_unlocked('.', f);
	put_u(f, b[2]);
	putc_unlocked('.', f);
	put_u(f, b[3]);
}

static void
put_addr(FILE *f, const struct k_addr *a)
{
	char	buf[INET6_ADDRSTRLEN];

	if (a->family == AF_INET)
		put_v4(f, a->u.v4);
	else
		put_s(f, show_addr(a, buf, sizeof(buf)));
}

static void
show_ipsec_ident(FILE *f, const char *side, const struct show_ident *id)
{
	PUT(f, "   ");
	put_s(f, side);
	PUT(f, " ident (addr/mask/prot/port): (");
	put_v4(f, id->addr);
	putc_unlocked('/', f);
	put_v4(f, id->mask);
	putc_unlocked('/', f);
	put_u(f, id->proto);
	putc_unlocked('/', f);
	put_u(f, id->port);
	PUT(f, ")\n");
}

static void
show_ipsec_errors(FILE *f, const struct k_sa_stats *in)
{
	PUT(f, "    #pkts no sa (send) 0, #pkts invalid sa (rcv) 0\n"
	    "    #pkts encaps failed (send) 0, #pkts decaps failed (rcv) 0\n"
	    "    #pkts invalid prot (recv) 0, #pkts verify failed: ");
	put_u(f, in->integrity_errs);
	PUT(f, "\n    #pkts invalid identity (recv) 0, #pkts invalid len "
	    "(rcv) 0\n    #pkts replay rollover (send): 0, #pkts replay "
	    "rollover (rcv) 0\n    ##pkts replay failed (rcv): ");
	put_u(f, in->replay_window_errs);
	PUT(f, "\n    #pkts tagged (send): 0, #pkts untagged (rcv): 0\n"
	    "    #pkts not tagged (send): 0, #pkts not untagged (rcv): 0\n"
	    "    #pkts internal err (send): 0, #pkts internal err (recv) "
	    "0\n");
}

/* "    #pkts encaps: N, #pkts encrypt: N, #pkts digest: N" */
static void
show_ipsec_three(FILE *f, const char *const w[3], unsigned long long n)
{
	int	i;

	for (i = 0; i < 3; i++) {
		put_s(f, i == 0 ? "    #pkts " : ", #pkts ");
		put_s(f, w[i]);
		PUT(f, ": ");
		put_u(f, n);
	}
	putc_unlocked('\n', f);
}

static void
show_ipsec_counters(FILE *f, const struct show_child *c, int detail)
{
	static const char *const	enc[3] = { "encaps", "encrypt",
					    "digest" };
	static const char *const	dec[3] = { "decaps", "decrypt",
					    "verify" };

	show_ipsec_three(f, enc, c->out.packets);
	show_ipsec_three(f, dec, c->in.packets);
	PUT(f, "    #pkts compressed: 0, #pkts decompressed: 0\n"
	    "    #pkts not compressed: 0, #pkts compr. failed: 0\n"
	    "    #pkts not decompressed: 0, #pkts decompress failed: 0\n");
	if (detail)
		show_ipsec_errors(f, &c->in);
	else {
		PUT(f, "    #send errors 0, #recv errors ");
		put_u(f, c->in.integrity_errs + c->in.replay_window_errs);
		putc_unlocked('\n', f);
	}
	putc_unlocked('\n', f);
}

/*
 * "Tunnel, ", "Transport UDP-Encaps, ", "Tunnel, esn, ": the in use
 * settings, each item followed by ", " as the template reads them.
 */
static void
show_ipsec_settings(FILE *f, const struct show_child *c)
{
	put_s(f, c->tunnel ? "Tunnel" : "Transport");
	if (c->udp_encap)
		PUT(f, " UDP-Encaps");
	PUT(f, ", ");
	if (c->esn)
		PUT(f, "esn, ");
}

static void
show_ipsec_one(FILE *f, const struct show_child *c, int out, int detail)
{
	const struct k_sa_stats	*st = out ? &c->out : &c->in;
	const char		*dir = out ? "outbound" : "inbound";
	uint32_t		 spi = out ? c->spi_out : c->spi_in;
	unsigned		 conn = out ? c->conn_id - 1 : c->conn_id;
	uint64_t		 kb, sec;

	show_child_left(c, st, &kb, &sec);
	PUT(f, "     ");
	put_s(f, dir);
	PUT(f, " esp sas:\n      spi: 0x");
	put_x(f, spi, 8);
	putc_unlocked('(', f);
	put_u(f, spi);
	PUT(f, ")\n        transform: ");
	put_s(f, c->transform);
	PUT(f, " ,\n        in use settings ={");
	show_ipsec_settings(f, c);
	PUT(f, "}\n        conn id: ");
	put_u(f, conn);
	PUT(f, ", flow_id: SW:");
	put_u(f, conn % 1000);
	PUT(f, ", sibling_flags 80000048, crypto map: ");
	put_s(f, c->tag);
	PUT(f, "\n        sa timing: remaining key lifetime (k/sec): (");
	put_u(f, kb);
	putc_unlocked('/', f);
	put_u(f, sec);
	PUT(f, ")\n        IV size: ");
	put_u(f, c->iv_size);
	PUT(f, " bytes\n        replay detection support: ");
	put_s(f, c->replay_window ? "Y" : "N");
	if (detail) {
		PUT(f, "  replay window size: ");
		put_u(f, c->replay_window);
	}
	PUT(f, "\n        Status: ACTIVE(ACTIVE)\n\n     ");
	put_s(f, dir);
	PUT(f, " ah sas:\n\n     ");
	put_s(f, dir);
	PUT(f, " pcp sas:\n\n");
}

static void
show_ipsec_child(FILE *f, const struct show_child *c, int detail)
{
	PUT(f, "interface: ");
	put_s(f, c->ifname);
	PUT(f, "\n    Crypto map tag: ");
	put_s(f, c->tag);
	PUT(f, ", local addr ");
	put_addr(f, &c->local);
	PUT(f, "\n\n   protected vrf: (none)\n");
	show_ipsec_ident(f, "local ", &c->lident);
	show_ipsec_ident(f, "remote", &c->rident);
	PUT(f, "   current_peer ");
	put_addr(f, &c->remote);
	PUT(f, " port ");
	put_u(f, c->remote_port);
	PUT(f, "\n     PERMIT, flags={origin_is_acl,}\n");
	show_ipsec_counters(f, c, detail);
	PUT(f, "     local crypto endpt.: ");
	put_addr(f, &c->local);
	PUT(f, ", remote crypto endpt.: ");
	put_addr(f, &c->remote);
	PUT(f, "\n     plaintext mtu ");
	put_u(f, c->plain_mtu);
	PUT(f, ", path mtu ");
	put_u(f, c->path_mtu);
	PUT(f, ", ip mtu ");
	put_u(f, c->path_mtu);
	PUT(f, ", ip mtu idb ");
	put_s(f, c->mtu_idb);
	PUT(f, "\n     current outbound spi: 0x");
	put_x(f, c->spi_out, 0);
	putc_unlocked('(', f);
	put_u(f, c->spi_out);
	PUT(f, ")\n     PFS (Y/N): ");
	if (c->pfs_group) {
		PUT(f, "Y, DH group: group");
		put_u(f, c->pfs_group);
	} else
		PUT(f, "N, DH group: none");
	PUT(f, "\n\n");
	show_ipsec_one(f, c, 0, detail);
	show_ipsec_one(f, c, 1, detail);
}

void
show_ipsec_sa(FILE *f, const struct show_child *c, size_t n, int detail)
{
	size_t	i;

	for (i = 0; i < n; i++)
		show_ipsec_child(f, &c[i], detail);
}
