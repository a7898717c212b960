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

static void
show_ipsec_ident(FILE *f, const char *side, const struct show_ident *id)
{
	char	a[INET_ADDRSTRLEN], m[INET_ADDRSTRLEN];

	inet_ntop(AF_INET, &id->addr, a, sizeof(a));
	inet_ntop(AF_INET, &id->mask, m, sizeof(m));
	fprintf(f, "   %s ident (addr/mask/prot/port): (%s/%s/%u/%u)\n",
	    side, a, m, id->proto, id->port);
}

static void
show_ipsec_errors(FILE *f, const struct k_sa_stats *in)
{
	fprintf(f, "    #pkts no sa (send) 0, #pkts invalid sa (rcv) 0\n"
	    "    #pkts encaps failed (send) 0, #pkts decaps failed (rcv) 0\n"
	    "    #pkts invalid prot (recv) 0, #pkts verify failed: %llu\n"
	    "    #pkts invalid identity (recv) 0, #pkts invalid len (rcv) 0\n"
	    "    #pkts replay rollover (send): 0, #pkts replay rollover "
	    "(rcv) 0\n    ##pkts replay failed (rcv): %llu\n"
	    "    #pkts tagged (send): 0, #pkts untagged (rcv): 0\n"
	    "    #pkts not tagged (send): 0, #pkts not untagged (rcv): 0\n"
	    "    #pkts internal err (send): 0, #pkts internal err (recv) 0\n",
	    (unsigned long long)in->integrity_errs,
	    (unsigned long long)in->replay_window_errs);
}

static void
show_ipsec_counters(FILE *f, const struct show_child *c, int detail)
{
	unsigned long long	o = c->out.packets, i = c->in.packets;

	fprintf(f, "    #pkts encaps: %llu, #pkts encrypt: %llu, "
	    "#pkts digest: %llu\n", o, o, o);
	fprintf(f, "    #pkts decaps: %llu, #pkts decrypt: %llu, "
	    "#pkts verify: %llu\n", i, i, i);
	fputs("    #pkts compressed: 0, #pkts decompressed: 0\n"
	    "    #pkts not compressed: 0, #pkts compr. failed: 0\n"
	    "    #pkts not decompressed: 0, #pkts decompress failed: 0\n", f);
	if (detail)
		show_ipsec_errors(f, &c->in);
	else
		fprintf(f, "    #send errors 0, #recv errors %llu\n",
		    (unsigned long long)(c->in.integrity_errs +
		    c->in.replay_window_errs));
	fputs("\n", f);
}

/*
 * "Tunnel, ", "Transport UDP-Encaps, ", "Tunnel, esn, ": the in use
 * settings, each item followed by ", " as the template reads them.
 */
static void
show_ipsec_settings(const struct show_child *c, char *buf, size_t len)
{
	snprintf(buf, len, "%s%s, %s", c->tunnel ? "Tunnel" : "Transport",
	    c->udp_encap ? " UDP-Encaps" : "", c->esn ? "esn, " : "");
}

static void
show_ipsec_one(FILE *f, const struct show_child *c, int out, int detail)
{
	const struct k_sa_stats	*st = out ? &c->out : &c->in;
	const char		*dir = out ? "outbound" : "inbound";
	uint32_t		 spi = out ? c->spi_out : c->spi_in;
	unsigned		 conn = out ? c->conn_id - 1 : c->conn_id;
	uint64_t		 kb, sec;
	char			 set[64];

	show_child_left(c, st, &kb, &sec);
	show_ipsec_settings(c, set, sizeof(set));
	fprintf(f, "     %s esp sas:\n      spi: 0x%08X(%u)\n"
	    "        transform: %s ,\n        in use settings ={%s}\n"
	    "        conn id: %u, flow_id: SW:%u, sibling_flags 80000048, "
	    "crypto map: %s\n", dir, spi, spi, c->transform, set, conn,
	    conn % 1000, c->tag);
	fprintf(f, "        sa timing: remaining key lifetime (k/sec): "
	    "(%llu/%llu)\n        IV size: %u bytes\n"
	    "        replay detection support: %s", (unsigned long long)kb,
	    (unsigned long long)sec, c->iv_size,
	    c->replay_window ? "Y" : "N");
	if (detail)
		fprintf(f, "  replay window size: %u", c->replay_window);
	fprintf(f, "\n        Status: ACTIVE(ACTIVE)\n\n"
	    "     %s ah sas:\n\n     %s pcp sas:\n\n", dir, dir);
}

static void
show_ipsec_child(FILE *f, const struct show_child *c, int detail)
{
	char	l[INET6_ADDRSTRLEN], r[INET6_ADDRSTRLEN];

	show_addr(&c->local, l, sizeof(l));
	show_addr(&c->remote, r, sizeof(r));
	fprintf(f, "interface: %s\n    Crypto map tag: %s, local addr %s\n\n"
	    "   protected vrf: (none)\n", c->ifname, c->tag, l);
	show_ipsec_ident(f, "local ", &c->lident);
	show_ipsec_ident(f, "remote", &c->rident);
	fprintf(f, "   current_peer %s port %u\n     PERMIT, "
	    "flags={origin_is_acl,}\n", r, c->remote_port);
	show_ipsec_counters(f, c, detail);
	fprintf(f, "     local crypto endpt.: %s, remote crypto endpt.: %s\n"
	    "     plaintext mtu %u, path mtu %u, ip mtu %u, ip mtu idb %s\n"
	    "     current outbound spi: 0x%X(%u)\n", l, r, c->plain_mtu,
	    c->path_mtu, c->path_mtu, c->mtu_idb, c->spi_out, c->spi_out);
	if (c->pfs_group)
		fprintf(f, "     PFS (Y/N): Y, DH group: group%u\n\n",
		    c->pfs_group);
	else
		fputs("     PFS (Y/N): N, DH group: none\n\n", f);
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
