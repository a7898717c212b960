/*
 * shell/router_show.c: the live show and clear commands, in IOS's
 * layout (shared/reference/ios-reference.md, section 1.6), from the IKE
 * daemon's SAs and the kernel's XFRM counters.
 *
 * Where the data comes from Linux (docs/show-mapping.md):
 * - packet counts: the kernel's per-state lifetime counters (the
 *   outbound SA's for encaps/encrypt/digest, the inbound SA's for
 *   decaps/decrypt/verify);
 * - remaining key lifetime: the Child SA's configured lifetime minus
 *   the state's age, and the kilobytes left of its byte limit;
 * - error counters the kernel keeps per state (replay, integrity) go to
 *   #pkts replay failed and #pkts verify failed; the others stay 0.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/event.h>

#include "grammar/ios.h"
#include "shell/router_priv.h"

static const char *
ntop(const struct k_addr *a, char *buf, size_t len)
{
	if (inet_ntop(a->family, a->u.bytes, buf, (socklen_t)len) == NULL)
		snprintf(buf, len, "?");
	return buf;
}

int
router_show_ikev2_sa(struct router *r, struct cli *cli, int detailed)
{
	char		buf[2048];
	size_t		i;
	uint64_t	now = ike_net_now();

	ike_show_sa_header(AF_INET, buf, sizeof(buf));
	cli_puts(cli, buf);
	for (i = 0; r->ike_up && i < r->ike.nsa; i++) {
		if (r->ike.sa[i] == NULL ||
		    r->ike.sa[i]->peer->remote.family != AF_INET)
			continue;
		ike_show_sa(r->ike.sa[i], (unsigned)i + 1, now, buf,
		    sizeof(buf));
		cli_puts(cli, buf);
		if (detailed)
			cli_printf(cli, "      Initiator of SA : %s\n",
			    r->ike.sa[i]->initiator ? "Yes" : "No");
	}
	cli_puts(cli, "\n");
	ike_show_sa_header(AF_INET6, buf, sizeof(buf));
	/* Only the title: the column heads come with the first SA. */
	*strchr(buf, '\n') = '\0';
	cli_printf(cli, "%s\n\n", buf);
	return CLI_OK;
}

/* The IOS name of a negotiated ESP transform, as show prints it. */
static void
esp_name(const struct ike_suite *s, char *buf, size_t len)
{
	const char	*integ = "";

	if (s->integ != NULL)
		switch (s->integ->id) {
		case 2:
			integ = " esp-sha-hmac";
			break;
		case 12:
			integ = " esp-sha256-hmac";
			break;
		case 13:
			integ = " esp-sha384-hmac";
			break;
		case 14:
			integ = " esp-sha512-hmac";
			break;
		}
	if (s->encr == NULL)
		snprintf(buf, len, "esp-null%s", integ);
	else if (s->encr->aead)
		snprintf(buf, len, "esp-gcm %u", s->encr->keybits);
	else
		snprintf(buf, len, "esp-%u-aes%s", s->encr->keybits, integ);
}

/* Where the Child SA's policies came from: "Tunnel0" or a map's name. */
static void
child_origin(const struct router *r, uint32_t reqid, char *ifname,
    size_t iflen, char *tag, size_t taglen)
{
	const struct kobj	*o;
	size_t			 i, n = kstate_count(r->out.ks, KOBJ_POLICY);
	char			 map[128];

	snprintf(ifname, iflen, "(unknown)");
	snprintf(tag, taglen, "(none)");
	for (i = 0; i < n; i++) {
		o = kstate_get(r->out.ks, KOBJ_POLICY, i);
		if (o->u.policy.ntmpl == 0 ||
		    o->u.policy.tmpl[0].reqid != reqid || o->origin == NULL)
			continue;
		if (sscanf(o->origin, "interface %63[^: ]", ifname) == 1)
			snprintf(tag, taglen, "%s-head-0", ifname);
		else if (sscanf(o->origin, "crypto map %127s", map) == 1)
			snprintf(tag, taglen, "%s", map);
		return;
	}
}

static void
ident(struct cli *cli, const char *side, const struct ike_ts *ts)
{
	struct k_addr	a, b;
	uint32_t	s, e, mask;
	char		x[64], y[64];

	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	a.family = b.family = AF_INET;
	memcpy(&a.u.v4, ts->start, 4);
	memcpy(&s, ts->start, 4);
	memcpy(&e, ts->end, 4);
	mask = ~(ntohl(s) ^ ntohl(e));
	b.u.v4.s_addr = htonl(mask);
	cli_printf(cli, "   %s ident (addr/mask/prot/port): (%s/%s/%u/%u)\n",
	    side, ntop(&a, x, sizeof(x)), ntop(&b, y, sizeof(y)), ts->proto,
	    ts->sport == ts->eport ? ts->sport : 0);
}

static void
counters(struct cli *cli, const struct k_sa_stats *out,
    const struct k_sa_stats *in, int detail)
{
	cli_printf(cli, "    #pkts encaps: %llu, #pkts encrypt: %llu, "
	    "#pkts digest: %llu\n", (unsigned long long)out->packets,
	    (unsigned long long)out->packets,
	    (unsigned long long)out->packets);
	cli_printf(cli, "    #pkts decaps: %llu, #pkts decrypt: %llu, "
	    "#pkts verify: %llu\n", (unsigned long long)in->packets,
	    (unsigned long long)in->packets, (unsigned long long)in->packets);
	cli_puts(cli, "    #pkts compressed: 0, #pkts decompressed: 0\n"
	    "    #pkts not compressed: 0, #pkts compr. failed: 0\n"
	    "    #pkts not decompressed: 0, #pkts decompress failed: 0\n");
	if (!detail) {
		cli_puts(cli, "    #send errors 0, #recv errors 0\n\n");
		return;
	}
	cli_printf(cli, "    #pkts no sa (send) 0, #pkts invalid sa (rcv) 0\n"
	    "    #pkts encaps failed (send) 0, #pkts decaps failed (rcv) 0\n"
	    "    #pkts invalid prot (recv) 0, #pkts verify failed: %llu\n"
	    "    #pkts invalid identity (recv) 0, #pkts invalid len (rcv) 0\n"
	    "    #pkts replay rollover (send): 0, #pkts replay rollover "
	    "(rcv) 0\n    ##pkts replay failed (rcv): %llu\n"
	    "    #pkts tagged (send): 0, #pkts untagged (rcv): 0\n"
	    "    #pkts not tagged (send): 0, #pkts not untagged (rcv): 0\n"
	    "    #pkts internal err (send): 0, #pkts internal err (recv) 0\n"
	    "\n", (unsigned long long)in->integrity_errs,
	    (unsigned long long)in->replay_window_errs);
}

static void
one_sa(struct cli *cli, const char *dir, uint32_t spi, const char *xf,
    const struct ike_child *ch, const struct k_sa_stats *st,
    const char *tag, int detail, uint64_t now_s, int id)
{
	uint64_t	life = ch->def->life_seconds, age = 0, kb;

	if (st->add_time && now_s > st->add_time)
		age = now_s - st->add_time;
	kb = ch->def->life_kbytes ? ch->def->life_kbytes : 4608000;
	kb = kb > st->bytes / 1024 ? kb - st->bytes / 1024 : 0;
	cli_printf(cli, "     %s esp sas:\n      spi: 0x%08X(%u)\n"
	    "        transform: %s ,\n        in use settings ={%s, }\n"
	    "        conn id: %d, flow_id: SW:%d, sibling_flags 80000048, "
	    "crypto map: %s\n        sa timing: remaining key lifetime "
	    "(k/sec): (%llu/%llu)\n        IV size: %u bytes\n"
	    "        replay detection support: Y", dir, spi, spi, xf,
	    ch->def->mode == K_MODE_TUNNEL ? "Tunnel" : "Transport",
	    2000 + id, id, tag, (unsigned long long)kb,
	    (unsigned long long)(life > age ? life - age : 0),
	    ch->suite.encr ? ch->suite.encr->ivlen : 0);
	if (detail)
		cli_printf(cli, "  replay window size: %u",
		    ch->def->replay_window);
	cli_printf(cli, "\n        Status: ACTIVE(ACTIVE)\n\n"
	    "     %s ah sas:\n\n     %s pcp sas:\n\n", dir, dir);
}

static void
sa_stats(struct router *r, const struct k_addr *dst, uint32_t spi,
    struct k_sa_stats *st)
{
	struct k_sa_id	id;

	memset(st, 0, sizeof(*st));
	memset(&id, 0, sizeof(id));
	id.dst = *dst;
	id.spi = spi;
	id.proto = IPPROTO_ESP;
	if (r->ike_kern.ops != NULL && r->ike_kern.ops->sa_stats != NULL)
		r->ike_kern.ops->sa_stats(r->ike_kern.arg, &id, st);
}

static void
show_child(struct router *r, struct cli *cli, const struct ike_sa *sa,
    int detail, int id)
{
	const struct ike_child	*ch = &sa->child;
	const struct ike_peer	*p = sa->peer;
	struct k_sa_stats	 in, out;
	char			 ifn[64], tag[160], l[64], rm[64], xf[64];
	uint64_t		 now_s = (uint64_t)time(NULL);

	child_origin(r, ch->def->reqid, ifn, sizeof(ifn), tag, sizeof(tag));
	sa_stats(r, &p->local, ch->spi_in, &in);
	sa_stats(r, &p->remote, ch->spi_out, &out);
	esp_name(&ch->suite, xf, sizeof(xf));
	cli_printf(cli, "interface: %s\n    Crypto map tag: %s, local addr "
	    "%s\n\n   protected vrf: (none)\n", ifn, tag,
	    ntop(&p->local, l, sizeof(l)));
	ident(cli, "local ", sa->initiator ? &ch->tsi : &ch->tsr);
	ident(cli, "remote", sa->initiator ? &ch->tsr : &ch->tsi);
	cli_printf(cli, "   current_peer %s port %u\n     PERMIT, "
	    "flags={origin_is_acl,}\n", ntop(&p->remote, rm, sizeof(rm)),
	    p->remote_port ? p->remote_port : 500);
	counters(cli, &out, &in, detail);
	cli_printf(cli, "     local crypto endpt.: %s, remote crypto endpt.: "
	    "%s\n     plaintext mtu 1438, path mtu 1500, ip mtu 1500, ip mtu "
	    "idb %s\n     current outbound spi: 0x%X(%u)\n", l, rm, ifn,
	    ch->spi_out, ch->spi_out);
	if (ch->def->pfs_group)
		cli_printf(cli, "     PFS (Y/N): Y, DH group: group%u\n\n",
		    ch->def->pfs_group);
	else
		cli_puts(cli, "     PFS (Y/N): N, DH group: none\n\n");
	one_sa(cli, "inbound", ch->spi_in, xf, ch, &in, tag, detail, now_s,
	    2 * id);
	one_sa(cli, "outbound", ch->spi_out, xf, ch, &out, tag, detail, now_s,
	    2 * id - 1);
}

int
router_show_ipsec_sa(struct router *r, struct cli *cli, const char *peer,
    int detail)
{
	const struct ike_sa	*sa;
	char			 rm[64];
	size_t			 i;

	for (i = 0; r->ike_up && i < r->ike.nsa; i++) {
		sa = r->ike.sa[i];
		if (sa == NULL || !sa->child.installed)
			continue;
		if (peer != NULL && strcmp(peer, ntop(&sa->peer->remote, rm,
		    sizeof(rm))) != 0)
			continue;
		show_child(r, cli, sa, detail, (int)i + 1);
	}
	return CLI_OK;
}

int
router_show_session(struct router *r, struct cli *cli, int detail)
{
	const struct ike_sa	*sa;
	char			 l[64], rm[64], ifn[64], tag[160];
	size_t			 i;

	cli_puts(cli, "Crypto session current status\n\n");
	for (i = 0; r->ike_up && i < r->ike.nsa; i++) {
		if ((sa = r->ike.sa[i]) == NULL)
			continue;
		child_origin(r, sa->child.def ? sa->child.def->reqid : 0,
		    ifn, sizeof(ifn), tag, sizeof(tag));
		cli_printf(cli, "Interface: %s\nSession status: %s\n"
		    "Peer: %s port %u\n", ifn, sa->state ==
		    IKE_ST_ESTABLISHED && sa->child.installed ? "UP-ACTIVE" :
		    sa->state == IKE_ST_ESTABLISHED ? "UP-IDLE" :
		    "DOWN-NEGOTIATING", ntop(&sa->peer->remote, rm,
		    sizeof(rm)), sa->peer->remote_port ?
		    sa->peer->remote_port : 500);
		cli_printf(cli, "  Session ID: %zu\n  IKEv2 SA: local %s/500 "
		    "remote %s/500 %s\n\n", i + 1, ntop(&sa->peer->local, l,
		    sizeof(l)), rm, sa->state == IKE_ST_ESTABLISHED ?
		    "Active" : "Inactive");
	}
	(void)detail;	/* XXX: the detail legend and flows are missing. */
	return CLI_OK;
}

int
router_show_compile(struct router *r, struct cli *cli, int diff)
{
	struct compile_out	 out;
	char			*buf = NULL;
	size_t			 len = 0;
	FILE			*f = open_memstream(&buf, &len);
	int			 rc = 0;

	if (f == NULL)
		return CLI_ERR_FAILED;
	memset(&out, 0, sizeof(out));
	if (compile_config(r->cfg, router_opts(r), &out) != 0)
		rc = -1;
	else if (diff && r->plan_only)
		fputs("% planning only: the kernel is not read\n", f);
	else if (diff)
		rc = kapply_plan(&r->kern, out.ks, f);
	else
		rc = compile_print(&out, f);
	compile_out_free(&out);
	fclose(f);
	if (buf != NULL)
		cli_puts(cli, buf);
	free(buf);
	return rc == 0 ? CLI_OK : CLI_ERR_FAILED;
}

/* clear crypto sa [peer A]: drop the SAs; the peers negotiate anew. */
int
router_clear(struct router *r, struct cli *cli, const char *peer)
{
	char		*applied = r->applied;

	(void)cli;
	(void)peer;	/* XXX: clears every peer, not only the one named. */
	r->applied = NULL;
	router_apply(r);
	free(applied);
	return CLI_OK;
}
