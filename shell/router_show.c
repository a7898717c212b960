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
#include <sys/ioctl.h>
#include <sys/socket.h>

#include <arpa/inet.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <event2/event.h>

#include "grammar/ios.h"
#include "shell/router_priv.h"
#include "shell/show.h"

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

/*
 * What one show command reads once rather than for each SA: the
 * policies by reqid (where each Child SA comes from), the underlay
 * interface of the last local address, the kernel's counters.
 */
struct show_run {
	struct router		*r;
	struct router_stats	 stats;
	const struct show_cache	*cache;
	struct show_ifprof {
		const char	*ifname;
		const char	*ike;	/* NULL: none */
	}			*ifp;	/* for show crypto session */
	size_t			 nifp;
	int			 ul_have;
	struct k_addr		 ul_addr;
	char			 ul_name[64];
	unsigned		 ul_mtu;
};

/*
 * Where each Child SA comes from, by reqid: the first policy of the
 * reqid that says, its interface and crypto map tag worked out once
 * for each apply (the router's generation), not for each command.
 */
struct show_orig {
	uint32_t	 reqid;
	size_t		 pol;		/* index in r->out.ks */
	char		 ifname[64];
	char		 tag[160];
};
struct show_cache {
	unsigned long	 gen;
	struct show_orig *orig;
	size_t		 norig;
};

static int
orig_cmp(const void *a, const void *b)
{
	const struct show_orig	*x = a, *y = b;

	if (x->reqid != y->reqid)
		return x->reqid < y->reqid ? -1 : 1;
	return x->pol < y->pol ? -1 : x->pol > y->pol;
}

static int
orig_key(const void *k, const void *e)
{
	uint32_t	reqid = *(const uint32_t *)k;
	uint32_t	x = ((const struct show_orig *)e)->reqid;

	return reqid < x ? -1 : reqid > x;
}

/* The interface that carries crypto map map (IOS shows the first). */
static void
cmap_if(const struct router *r, const char *map, char *buf, size_t len)
{
	const struct ios_if	*f;
	size_t			 i;

	for (i = 0; i < r->cfg->interfaces.n; i++) {
		f = r->cfg->interfaces.v[i];
		if (f->crypto_map != NULL && strcmp(f->crypto_map, map) == 0) {
			snprintf(buf, len, "%s", f->name);
			return;
		}
	}
}

/* "Tunnel0" and "Tunnel0-head-0", or a map's interface and name. */
static void
orig_names(const struct router *r, struct show_orig *e, char *lmap,
    size_t maplen, char *lif, size_t iflen)
{
	const struct kobj	*o;
	char			 map[128];

	o = kstate_get(r->out.ks, KOBJ_POLICY, e->pol);
	snprintf(e->ifname, sizeof(e->ifname), "(unknown)");
	snprintf(e->tag, sizeof(e->tag), "(none)");
	if (sscanf(o->origin, "interface %63[^: ]", e->ifname) == 1)
		snprintf(e->tag, sizeof(e->tag), "%s-head-0", e->ifname);
	else if (sscanf(o->origin, "crypto map %127s", map) == 1) {
		snprintf(e->tag, sizeof(e->tag), "%s", map);
		/* Maps repeat: the last one's interface is remembered. */
		if (strcmp(map, lmap) != 0) {
			snprintf(lif, iflen, "(unknown)");
			cmap_if(r, map, lif, iflen);
			snprintf(lmap, maplen, "%s", map);
		}
		snprintf(e->ifname, sizeof(e->ifname), "%s", lif);
	}
}

static int
show_cache_build(const struct router *r, struct show_cache *c)
{
	const struct kobj	*o;
	size_t			 i, n, k = 0;
	char			 lmap[128] = "", lif[64] = "";

	free(c->orig);
	c->orig = NULL;
	c->norig = 0;
	c->gen = r->gen;
	if (!r->have_out)
		return 0;
	n = kstate_count(r->out.ks, KOBJ_POLICY);
	if ((c->orig = calloc(n + 1, sizeof(*c->orig))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		o = kstate_get(r->out.ks, KOBJ_POLICY, i);
		if (o->u.policy.ntmpl == 0 || o->origin == NULL)
			continue;
		c->orig[k].reqid = o->u.policy.tmpl[0].reqid;
		c->orig[k++].pol = i;
	}
	qsort(c->orig, k, sizeof(*c->orig), orig_cmp);
	for (i = 0, n = 0; i < k; i++)
		if (n == 0 || c->orig[n - 1].reqid != c->orig[i].reqid)
			c->orig[n++] = c->orig[i];
	c->norig = n;
	for (i = 0; i < n; i++)
		orig_names(r, &c->orig[i], lmap, sizeof(lmap), lif,
		    sizeof(lif));
	return 0;
}

/* The tables of the router as it was last applied. */
static const struct show_cache *
show_cache(struct router *r)
{
	if (r->show == NULL && (r->show = calloc(1, sizeof(*r->show))) ==
	    NULL)
		return NULL;
	if ((r->show->orig == NULL || r->show->gen != r->gen) &&
	    show_cache_build(r, r->show) != 0)
		return NULL;
	return r->show;
}

void
router_show_free(struct show_cache *c)
{
	if (c == NULL)
		return;
	free(c->orig);
	free(c);
}

static int
show_run_open(struct router *r, struct show_run *run)
{
	memset(run, 0, sizeof(*run));
	run->r = r;
	if ((run->cache = show_cache(r)) == NULL)
		return -1;
	/* Without the counters, show the rest (they read 0). */
	router_stats_read(r, &run->stats);
	return 0;
}

static void
show_run_close(struct show_run *run)
{
	router_stats_free(&run->stats);
	free(run->ifp);
}

/* Where the Child SA's policies came from: "Tunnel0" or a map's name. */
static void
child_origin(const struct show_run *run, uint32_t reqid, char *ifname,
    size_t iflen, char *tag, size_t taglen)
{
	const struct show_orig	*e;

	e = bsearch(&reqid, run->cache->orig, run->cache->norig,
	    sizeof(*run->cache->orig), orig_key);
	snprintf(ifname, iflen, "%s", e != NULL ? e->ifname : "(unknown)");
	snprintf(tag, taglen, "%s", e != NULL ? e->tag : "(none)");
}

/* The configured interface that holds addr: the "ip mtu idb". */
static void
underlay_if(const struct router *r, const struct k_addr *addr, char *buf,
    size_t len)
{
	const struct ios_if	*f;
	size_t			 i;

	snprintf(buf, len, "(none)");
	for (i = 0; addr->family == AF_INET && i < r->cfg->interfaces.n;
	    i++) {
		f = r->cfg->interfaces.v[i];
		if (f->has_addr && f->addr.s_addr == addr->u.v4.s_addr) {
			snprintf(buf, len, "%s", f->name);
			return;
		}
	}
}

/*
 * The MTU of the underlay interface's Linux device, 1500 when it has
 * none (yet) or the name maps to nothing.
 */
static unsigned
underlay_mtu(const struct router *r, const char *ios)
{
	struct ifreq	ifr;
	int		fd, mtu = 1500;

	memset(&ifr, 0, sizeof(ifr));
	if (compile_ifname(r->cfg, NULL, ios, ifr.ifr_name,
	    sizeof(ifr.ifr_name)) != 0)
		return 1500;
	if ((fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0)) == -1)
		return 1500;
	if (ioctl(fd, SIOCGIFMTU, &ifr) == 0 && ifr.ifr_mtu > 576)
		mtu = ifr.ifr_mtu;
	close(fd);
	return (unsigned)mtu;
}

static void
ts_ident(const struct ike_ts *ts, struct show_ident *id)
{
	uint32_t	s, e;

	memcpy(&s, ts->start, 4);
	memcpy(&e, ts->end, 4);
	id->addr.s_addr = s;
	id->mask.s_addr = htonl(~(ntohl(s) ^ ntohl(e)));
	id->proto = ts->proto;
	id->port = ts->sport == ts->eport ? ts->sport : 0;
}

/* The underlay of local address addr, and its MTU: for the last one. */
static void
show_run_underlay(struct show_run *run, const struct k_addr *addr,
    char *name, size_t len, unsigned *mtu)
{
	if (!run->ul_have || memcmp(&run->ul_addr, addr,
	    sizeof(*addr)) != 0) {
		underlay_if(run->r, addr, run->ul_name, sizeof(run->ul_name));
		run->ul_mtu = underlay_mtu(run->r, run->ul_name);
		run->ul_addr = *addr;
		run->ul_have = 1;
	}
	snprintf(name, len, "%s", run->ul_name);
	*mtu = run->ul_mtu;
}

/*
 * The plaintext that fits one packet of path mtu after ESP in tunnel
 * mode: outer header, ESP header, IV, ICV, padded to the block, less
 * the pad length and next header bytes.
 */
static unsigned
plain_mtu(const struct ike_suite *s, unsigned path)
{
	unsigned	iv = 0, icv = 0, block = 4, room;

	if (s->encr != NULL) {
		iv = s->encr->ivlen;
		icv = s->encr->aead ? s->encr->icvlen : 0;
		block = s->encr->blocklen > 4 ? s->encr->blocklen : 4;
	}
	if (s->integ != NULL)
		icv += s->integ->icvlen;
	room = path - 20 - 8 - iv - icv;
	return (room & ~(block - 1)) - 2;
}

/* The slot of an IKE SA's first Child SA in use, -1 when it has none. */
static int
sa_first_slot(const struct ike_sa *sa)
{
	size_t	j;

	for (j = 0; j < sa->peer->nchild && j < sa->nslot; j++)
		if (sa->slot[j].cur.installed)
			return (int)j;
	return -1;
}

/* The Child SA of IKE SA number id in slot j (the first: as before). */
static void
child_fill(struct show_run *run, const struct ike_sa *sa, size_t j,
    unsigned id,
    struct show_child *c)
{
	const struct ike_child	*ch = &sa->slot[j].cur;
	const struct ike_peer	*p = sa->peer;

	memset(c, 0, sizeof(*c));
	child_origin(run, ch->def->reqid, c->ifname, sizeof(c->ifname),
	    c->tag, sizeof(c->tag));
	show_run_underlay(run, &p->local, c->mtu_idb, sizeof(c->mtu_idb),
	    &c->path_mtu);
	c->local = p->local;
	c->remote = p->remote;
	c->remote_port = p->remote_port ? p->remote_port : 500;
	ts_ident(sa->initiator ? &ch->tsi : &ch->tsr, &c->lident);
	ts_ident(sa->initiator ? &ch->tsr : &ch->tsi, &c->rident);
	c->spi_in = ch->spi_in;
	c->spi_out = ch->spi_out;
	esp_name(&ch->suite, c->transform, sizeof(c->transform));
	c->tunnel = ch->def->mode == K_MODE_TUNNEL;
	c->udp_encap = c->remote_port == 4500;
	c->esn = ch->suite.esn;
	c->iv_size = ch->suite.encr ? ch->suite.encr->ivlen : 0;
	c->pfs_group = ch->def->pfs_group;
	c->replay_window = ch->def->replay_window;
	c->plain_mtu = plain_mtu(&ch->suite, c->path_mtu);
	router_stats_get(run->r, &run->stats, &p->local, ch->spi_in, &c->in);
	router_stats_get(run->r, &run->stats, &p->remote, ch->spi_out,
	    &c->out);
	c->life_kb = ch->def->life_kbytes;
	c->life_sec = ch->def->life_seconds;
	c->now = (uint64_t)time(NULL);
	c->conn_id = 2000 + 2 * ((id - 1) * IKE_MAX_CHILD + (unsigned)j + 1);
}

static ssize_t
router_show_write(void *cli, const char *buf, size_t len)
{
	cli_write(cli, buf, len);
	return (ssize_t)len;
}

/*
 * A stream into the console's output: the formatters write to a stdio
 * stream, and the console sends what they wrote in large pieces as it
 * comes (20 MB for show crypto ipsec sa with 10,000 tunnels).
 */
static FILE *
router_show_open(struct cli *cli)
{
	static const cookie_io_functions_t	io = {
		.write = router_show_write,
	};
	FILE					*f;

	if ((f = fopencookie(cli, "w", io)) != NULL)
		setvbuf(f, NULL, _IOFBF, 65536);
	return f;
}

static int
router_show_out(FILE *f)
{
	return fclose(f) == 0 ? CLI_OK : CLI_ERR_FAILED;
}

int
router_show_ipsec_sa(struct router *r, struct cli *cli, const char *peer,
    int detail)
{
	const struct ike_sa	*sa;
	struct show_child	 c;
	char			 rm[64];
	size_t			 i, j;
	FILE			*f;
	struct show_run		 run;

	if (show_run_open(r, &run) != 0)
		return CLI_ERR_FAILED;
	if ((f = router_show_open(cli)) == NULL) {
		show_run_close(&run);
		return CLI_ERR_FAILED;
	}
	for (i = 0; r->ike_up && i < r->ike.nsa; i++) {
		sa = r->ike.sa[i];
		if (sa == NULL || sa_first_slot(sa) < 0)
			continue;
		if (peer != NULL && strcmp(peer, show_addr(&sa->peer->remote,
		    rm, sizeof(rm))) != 0)
			continue;
		for (j = 0; j < sa->peer->nchild && j < sa->nslot; j++) {
			if (!sa->slot[j].cur.installed)
				continue;
			child_fill(&run, sa, j, (unsigned)i + 1, &c);
			show_ipsec_sa(f, &c, 1, detail);
		}
	}
	show_run_close(&run);
	return router_show_out(f);
}

static int
prof_cmp(const void *a, const void *b)
{
	const struct ipsec_profile *const	*x = a, *const *y = b;

	return strcmp((*x)->name, (*y)->name);
}

static int
prof_key(const void *k, const void *e)
{
	return strcmp(k, (*(const struct ipsec_profile *const *)e)->name);
}

/* The IKE profile of an IPsec profile: its IKEv2 one, else its ISAKMP. */
static const char *
profile_ike(const struct ipsec_profile **v, size_t n, const char *name)
{
	const struct ipsec_profile	**e;

	e = bsearch(name, v, n, sizeof(*v), prof_key);
	if (e == NULL)
		return NULL;
	return (*e)->ikev2_profile != NULL ? (*e)->ikev2_profile :
	    (*e)->isakmp_profile;
}

static int
ifprof_cmp(const void *a, const void *b)
{
	return strcmp(((const struct show_ifprof *)a)->ifname,
	    ((const struct show_ifprof *)b)->ifname);
}

/*
 * The tunnel interfaces with protection, by name, with the IKE profile
 * each one's IPsec profile names (found once for each IPsec profile).
 */
static int
show_run_profiles(struct show_run *run)
{
	const struct ios_config		 *cfg = run->r->cfg;
	const struct ios_if		 *f;
	const struct ipsec_profile	**pv;
	size_t				  i, n = 0;
	size_t				  np = cfg->ipsec_profiles.n;

	run->ifp = calloc(cfg->interfaces.n + 1, sizeof(*run->ifp));
	if (run->ifp == NULL || (pv = calloc(np + 1, sizeof(*pv))) == NULL)
		return -1;
	for (i = 0; i < np; i++)
		pv[i] = cfg->ipsec_profiles.v[i];
	qsort(pv, np, sizeof(*pv), prof_cmp);
	for (i = 0; i < cfg->interfaces.n; i++) {
		f = cfg->interfaces.v[i];
		if (f->tun_profile == NULL)
			continue;
		run->ifp[n].ifname = f->name;
		run->ifp[n++].ike = profile_ike(pv, np, f->tun_profile);
	}
	free(pv);
	qsort(run->ifp, n, sizeof(*run->ifp), ifprof_cmp);
	run->nifp = n;
	return 0;
}

/* The IKE profile of the tunnel interface ifname's IPsec profile. */
static void
session_profile(const struct show_run *run, const char *ifname, char *buf,
    size_t len)
{
	struct show_ifprof		 key = { ifname, NULL };
	const struct show_ifprof	*e;

	buf[0] = '\0';
	e = bsearch(&key, run->ifp, run->nifp, sizeof(*run->ifp),
	    ifprof_cmp);
	if (e != NULL && e->ike != NULL)
		snprintf(buf, len, "%s", e->ike);
}

static void
session_fill(struct show_run *run, const struct ike_sa *sa, unsigned id,
    const struct show_child *c, struct show_session *s)
{
	int			 j = sa_first_slot(sa);
	const struct ike_child	*ch = j < 0 ? NULL : &sa->slot[j].cur;
	uint64_t		 now = ike_net_now(), up = 0;
	char			 tag[160];

	memset(s, 0, sizeof(*s));
	child_origin(run, ch != NULL ? ch->def->reqid : 0, s->ifname,
	    sizeof(s->ifname), tag, sizeof(tag));
	session_profile(run, s->ifname, s->profile, sizeof(s->profile));
	s->status = sa->state != IKE_ST_ESTABLISHED ? "DOWN-NEGOTIATING" :
	    ch != NULL ? "UP-ACTIVE" : "UP-IDLE";
	s->local = sa->peer->local;
	s->remote = sa->peer->remote;
	s->local_port = sa->peer->local_port ? sa->peer->local_port : 500;
	s->remote_port = sa->peer->remote_port ? sa->peer->remote_port : 500;
	/* The identity the peer proved; its address until it has. */
	if (sa->peer_ident.type != 0)
		ike_show_id(&sa->peer_ident, s->phase1_id,
		    sizeof(s->phase1_id));
	else
		show_addr(&sa->peer->remote, s->phase1_id,
		    sizeof(s->phase1_id));
	s->id = s->conn_id = id;
	s->ike_active = sa->state == IKE_ST_ESTABLISHED;
	snprintf(s->caps, sizeof(s->caps), "%s%s",
	    sa->peer->dpd_interval ? "D" : "", s->remote_port == 4500 ?
	    "N" : "");
	if (sa->up_since && now > sa->up_since)
		up = (now - sa->up_since) / 1000;
	s->uptime = up;
	s->ike_left = sa->peer->lifetime > up ? sa->peer->lifetime - up : 0;
	/* XXX: one flow per session: the first Child SA only. */
	s->child = ch != NULL ? c : NULL;
}

/* A compiled peer with no IKE SA: a DOWN session, its first flow. */
static void
down_fill(struct show_run *run, const struct ike_peer *p,
    struct show_child *c, struct show_session *s)
{
	const struct ike_child_def	*d = p->nchild ? &p->child[0] : NULL;
	char				 tag[160];

	memset(s, 0, sizeof(*s));
	memset(c, 0, sizeof(*c));
	child_origin(run, d != NULL ? d->reqid : 0, s->ifname,
	    sizeof(s->ifname), tag, sizeof(tag));
	session_profile(run, s->ifname, s->profile, sizeof(s->profile));
	s->status = "DOWN";
	s->no_sa = 1;
	s->local = p->local;
	s->remote = p->remote;
	s->local_port = p->local_port ? p->local_port : 500;
	s->remote_port = p->remote_port ? p->remote_port : 500;
	show_addr(&p->remote, s->phase1_id, sizeof(s->phase1_id));
	if (d != NULL && d->nts_local > 0 && d->nts_remote > 0) {
		ts_ident(&d->ts_local[0], &c->lident);
		ts_ident(&d->ts_remote[0], &c->rident);
		s->child = c;
	}
}

int
router_show_session(struct router *r, struct cli *cli, int detail)
{
	const struct ike_sa	*sa;
	int			 j;
	struct show_child	*c;
	struct show_session	*s;
	size_t			 i, n = 0, nsa = r->ike.nsa;
	FILE			*f = NULL;
	struct show_run		 run;
	int			 rc = CLI_ERR_FAILED;

	c = calloc(nsa + r->out.npeers + 1, sizeof(*c));
	s = calloc(nsa + r->out.npeers + 1, sizeof(*s));
	if (c == NULL || s == NULL || show_run_open(r, &run) != 0)
		goto done;
	if (show_run_profiles(&run) != 0 ||
	    (f = router_show_open(cli)) == NULL) {
		show_run_close(&run);
		goto done;
	}
	for (i = 0; r->ike_up && i < nsa; i++) {
		if ((sa = r->ike.sa[i]) == NULL)
			continue;
		if ((j = sa_first_slot(sa)) >= 0)
			child_fill(&run, sa, (size_t)j, (unsigned)i + 1,
			    &c[n]);
		session_fill(&run, sa, (unsigned)i + 1, &c[n], &s[n]);
		n++;
	}
	/* Configured peers with no IKE SA, as IOS lists them: DOWN. */
	for (i = 0; i < r->out.npeers && r->have_out; i++)
		if (!r->ike_up || ike_ctx_find_peer(&r->ike, i) == NULL) {
			down_fill(&run, &r->out.peers[i], &c[n], &s[n]);
			n++;
		}
	show_session(f, s, n, detail);
	show_run_close(&run);
	rc = router_show_out(f);
done:
	free(c);
	free(s);
	return rc;
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
	if (compile_config(r->cfg, &r->copts, &out) != 0)
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
