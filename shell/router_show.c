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
	for (i = 0; r->have_out && i < n; i++) {
		o = kstate_get(r->out.ks, KOBJ_POLICY, i);
		if (o->u.policy.ntmpl == 0 ||
		    o->u.policy.tmpl[0].reqid != reqid || o->origin == NULL)
			continue;
		if (sscanf(o->origin, "interface %63[^: ]", ifname) == 1)
			snprintf(tag, taglen, "%s-head-0", ifname);
		else if (sscanf(o->origin, "crypto map %127s", map) == 1) {
			snprintf(tag, taglen, "%s", map);
			cmap_if(r, map, ifname, iflen);
		}
		return;
	}
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

	for (j = 0; j < sa->peer->nchild && j < IKE_MAX_CHILD; j++)
		if (sa->slot[j].cur.installed)
			return (int)j;
	return -1;
}

/* The Child SA of IKE SA number id in slot j (the first: as before). */
static void
child_fill(struct router *r, const struct ike_sa *sa, size_t j, unsigned id,
    struct show_child *c)
{
	const struct ike_child	*ch = &sa->slot[j].cur;
	const struct ike_peer	*p = sa->peer;

	memset(c, 0, sizeof(*c));
	child_origin(r, ch->def->reqid, c->ifname, sizeof(c->ifname), c->tag,
	    sizeof(c->tag));
	underlay_if(r, &p->local, c->mtu_idb, sizeof(c->mtu_idb));
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
	c->path_mtu = underlay_mtu(r, c->mtu_idb);
	c->plain_mtu = plain_mtu(&ch->suite, c->path_mtu);
	sa_stats(r, &p->local, ch->spi_in, &c->in);
	sa_stats(r, &p->remote, ch->spi_out, &c->out);
	c->life_kb = ch->def->life_kbytes;
	c->life_sec = ch->def->life_seconds;
	c->now = (uint64_t)time(NULL);
	c->conn_id = 2000 + 2 * ((id - 1) * IKE_MAX_CHILD + (unsigned)j + 1);
}

/* Into a memory stream, then to the console in one piece. */
static int
router_show_out(struct cli *cli, FILE *f, char **bufp)
{
	fclose(f);	/* sets *bufp */
	if (*bufp != NULL)
		cli_puts(cli, *bufp);
	free(*bufp);
	return CLI_OK;
}

int
router_show_ipsec_sa(struct router *r, struct cli *cli, const char *peer,
    int detail)
{
	const struct ike_sa	*sa;
	struct show_child	 c;
	char			 rm[64], *buf = NULL;
	size_t			 i, j, len = 0;
	FILE			*f = open_memstream(&buf, &len);

	if (f == NULL)
		return CLI_ERR_FAILED;
	for (i = 0; r->ike_up && i < r->ike.nsa; i++) {
		sa = r->ike.sa[i];
		if (sa == NULL || sa_first_slot(sa) < 0)
			continue;
		if (peer != NULL && strcmp(peer, show_addr(&sa->peer->remote,
		    rm, sizeof(rm))) != 0)
			continue;
		for (j = 0; j < sa->peer->nchild && j < IKE_MAX_CHILD; j++) {
			if (!sa->slot[j].cur.installed)
				continue;
			child_fill(r, sa, j, (unsigned)i + 1, &c);
			show_ipsec_sa(f, &c, 1, detail);
		}
	}
	return router_show_out(cli, f, &buf);
}

/* The IKE profile of the tunnel interface ifname's IPsec profile. */
static void
session_profile(const struct router *r, const char *ifname, char *buf,
    size_t len)
{
	const struct ios_if		*f;
	const struct ipsec_profile	*pr;
	size_t				 i, j;

	buf[0] = '\0';
	for (i = 0; i < r->cfg->interfaces.n; i++) {
		f = r->cfg->interfaces.v[i];
		if (strcmp(f->name, ifname) != 0 || f->tun_profile == NULL)
			continue;
		for (j = 0; j < r->cfg->ipsec_profiles.n; j++) {
			pr = r->cfg->ipsec_profiles.v[j];
			if (strcmp(pr->name, f->tun_profile) != 0)
				continue;
			if (pr->ikev2_profile != NULL)
				snprintf(buf, len, "%s", pr->ikev2_profile);
			else if (pr->isakmp_profile != NULL)
				snprintf(buf, len, "%s", pr->isakmp_profile);
		}
	}
}

static void
session_fill(struct router *r, const struct ike_sa *sa, unsigned id,
    const struct show_child *c, struct show_session *s)
{
	int			 j = sa_first_slot(sa);
	const struct ike_child	*ch = j < 0 ? NULL : &sa->slot[j].cur;
	uint64_t		 now = ike_net_now(), up = 0;
	char			 tag[160];

	memset(s, 0, sizeof(*s));
	child_origin(r, ch != NULL ? ch->def->reqid : 0, s->ifname,
	    sizeof(s->ifname), tag, sizeof(tag));
	session_profile(r, s->ifname, s->profile, sizeof(s->profile));
	s->status = sa->state != IKE_ST_ESTABLISHED ? "DOWN-NEGOTIATING" :
	    ch != NULL ? "UP-ACTIVE" : "UP-IDLE";
	s->local = sa->peer->local;
	s->remote = sa->peer->remote;
	s->local_port = sa->peer->local_port ? sa->peer->local_port : 500;
	s->remote_port = sa->peer->remote_port ? sa->peer->remote_port : 500;
	show_addr(&sa->peer->remote, s->phase1_id, sizeof(s->phase1_id));
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

int
router_show_session(struct router *r, struct cli *cli, int detail)
{
	const struct ike_sa	*sa;
	int			 j;
	struct show_child	*c;
	struct show_session	*s;
	char			*buf = NULL;
	size_t			 i, n = 0, len = 0;
	FILE			*f;

	c = calloc(r->ike.nsa + 1, sizeof(*c));
	s = calloc(r->ike.nsa + 1, sizeof(*s));
	if (c == NULL || s == NULL || (f = open_memstream(&buf, &len)) ==
	    NULL) {
		free(c);
		free(s);
		return CLI_ERR_FAILED;
	}
	for (i = 0; r->ike_up && i < r->ike.nsa; i++) {
		if ((sa = r->ike.sa[i]) == NULL)
			continue;
		if ((j = sa_first_slot(sa)) >= 0)
			child_fill(r, sa, (size_t)j, (unsigned)i + 1, &c[n]);
		session_fill(r, sa, (unsigned)i + 1, &c[n], &s[n]);
		n++;
	}
	show_session(f, s, n, detail);
	free(c);
	free(s);
	return router_show_out(cli, f, &buf);
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
