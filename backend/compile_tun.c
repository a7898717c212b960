/*
 * backend/compile_tun.c: tunnel interfaces.
 *
 * `tunnel mode ipsec ipv4|ipv6` with `tunnel protection ipsec profile`
 * (a static VTI): an XFRM interface with the tunnel's if_id on the
 * tunnel source's device, any-to-any policies bound to that if_id and
 * a Child SA 0/0 <-> 0/0 with the same if_id.  `tunnel mode gre ip`:
 * a GRE link; with protection, ESP for protocol 47 between the tunnel
 * endpoints (transport mode when the transform-set asks for it).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "backend/compile_priv.h"

/* One tunnel interface being compiled. */
struct compile_tn {
	const struct ios_if		*f;
	int				 vti;	/* else GRE */
	uint32_t			 if_id;
	char				 dev[K_NAMSIZ];	/* tunnel source's */
	char				 name[K_NAMSIZ];
	struct compile_ends		 ends;
	int				 has_dst;
	char				 line[COMPILE_LINE_MAX];
};

/* Find the interface that owns address a, for its device. */
static const struct ios_if *
compile_tn_owner(struct compile_ctx *c, const struct k_addr *a)
{
	struct k_addr	m;
	size_t		i;

	for (i = 0; i < c->cfg->interfaces.n; i++) {
		const struct ios_if	*f = c->cfg->interfaces.v[i];

		if (compile_if_addr(f, a->family, &m) == 0 &&
		    kobj_addr_cmp(&m, a) == 0)
			return f;
	}
	return NULL;
}

/* The source address and device; -1 (diagnosed) when there is none. */
static int
compile_tn_source(struct compile_ctx *c, struct compile_tn *t)
{
	const struct ios_if	*f = t->f, *src = NULL;
	int			 af = f->tun_dst.af ? f->tun_dst.af :
				    f->tun_mode == TUN_IPSEC_IPV6 ? AF_INET6 :
				    AF_INET;

	if (f->tun_src_if != NULL) {
		if ((src = compile_if_find(c, f->tun_src_if)) == NULL ||
		    compile_if_addr(src, af, &t->ends.local) != 0) {
			compile_diag(c, COMPILE_WARN, t->line, "tunnel source "
			    "%s %s", f->tun_src_if, src == NULL ?
			    "does not exist" : "has no address");
			return -1;
		}
	} else if (compile_addr_ios(&t->ends.local, &f->tun_src) == 0)
		src = compile_tn_owner(c, &t->ends.local);
	else {
		compile_diag(c, COMPILE_WARN, t->line, "%s has no tunnel "
		    "source; it is not compiled", f->name);
		return -1;
	}
	if (src != NULL && compile_if_id(src->name) == 0 &&
	    compile_ifname(c->cfg, c->opts, src->name, t->dev,
	    sizeof(t->dev)) != 0)
		t->dev[0] = '\0';
	return 0;
}

static int
compile_tn_dest(struct compile_ctx *c, struct compile_tn *t)
{
	if (compile_addr_ios(&t->ends.remote, &t->f->tun_dst) == 0)
		return (t->has_dst = 1) - 1;
	if (t->f->tun_dst_host != NULL)
		compile_diag(c, COMPILE_WARN, t->line, "tunnel destination "
		    "%s: iosh does not resolve host names", t->f->tun_dst_host);
	else
		compile_diag(c, COMPILE_WARN, t->line, "%s has no tunnel "
		    "destination; it stays down", t->f->name);
	return -1;
}

static int
compile_tn_link(struct compile_ctx *c, struct compile_tn *t)
{
	struct kobj	o = { .kind = KOBJ_LINK };
	struct k_link	*l = &o.u.link;

	if (strncmp(t->name, K_LINK_PREFIX, strlen(K_LINK_PREFIX)) != 0) {
		compile_diag(c, COMPILE_WARN, t->line, "%s maps to device %s; "
		    "iosh creates only links named %s*", t->f->name, t->name,
		    K_LINK_PREFIX);
		return -1;
	}
	snprintf(l->name, sizeof(l->name), "%s", t->name);
	l->kind = t->vti ? K_LINK_XFRM : K_LINK_GRE;
	l->up = t->f->shutdown ? 0 : 1;
	l->mtu = (uint32_t)(t->f->ip_mtu ? t->f->ip_mtu : t->f->mtu);
	if (t->vti) {
		snprintf(l->dev, sizeof(l->dev), "%s", t->dev);
		l->if_id = t->if_id;
	} else {
		l->local = t->ends.local;
		l->remote = t->ends.remote;
	}
	if (!t->vti && t->f->has_tun_key)
		/* XXX: struct k_link has no GRE key. */
		compile_diag(c, COMPILE_WARN, t->line, "tunnel key is not "
		    "compiled");
	return compile_add(c, &o, t->line) == 0 ? 0 : -1;
}

/* The policies out, in (and fwd for a VTI) of a protected tunnel. */
static void
compile_tn_policies(struct compile_ctx *c, const struct compile_tn *t,
    uint32_t reqid, int transport, int inner)
{
	struct kobj	o = { .kind = KOBJ_POLICY };
	struct k_policy	*p = &o.u.policy;
	const struct k_addr *lo = &t->ends.local, *re = &t->ends.remote;
	uint8_t		dir;

	for (dir = K_DIR_IN; dir <= (t->vti ? K_DIR_FWD : K_DIR_OUT); dir++) {
		memset(p, 0, sizeof(*p));
		p->dir = dir;
		p->action = K_ACT_ALLOW;
		p->ntmpl = 1;
		p->tmpl[0].proto = IPPROTO_ESP;
		p->tmpl[0].reqid = reqid;
		p->tmpl[0].mode = transport ? K_MODE_TRANSPORT : K_MODE_TUNNEL;
		if (!transport) {
			p->tmpl[0].src = dir == K_DIR_OUT ? *lo : *re;
			p->tmpl[0].dst = dir == K_DIR_OUT ? *re : *lo;
		}
		if (t->vti) {
			p->sel.family = inner;
			p->sel.src.family = p->sel.dst.family = inner;
			p->if_id = t->if_id;
			p->priority = K_PRIO_MAX;
		} else {
			p->sel.family = lo->family;
			p->sel.src = dir == K_DIR_OUT ? *lo : *re;
			p->sel.dst = dir == K_DIR_OUT ? *re : *lo;
			p->sel.src_plen = p->sel.dst_plen =
			    lo->family == AF_INET ? 32 : 128;
			p->sel.proto = IPPROTO_GRE;
			p->priority = K_PRIO_MIN + 1 + (t->if_id - 1 < 0xfe ?
			    t->if_id - 1 : 0xfe);
		}
		if (compile_add(c, &o, t->line) == -EEXIST)
			compile_diag(c, COMPILE_WARN, t->line, "another tunnel "
			    "protects the same traffic; this one is skipped");
	}
}

static const struct ipsec_profile *
compile_tn_profile(struct compile_ctx *c, const char *name)
{
	return model_ipsec_profile(CFG_LOOKUP(c->cfg), name, 0);
}

/* The Child SA definition's selectors. */
static void
compile_tn_ts(const struct compile_tn *t, int inner, struct ike_child_def *d)
{
	struct k_addr	any = { .family = inner };
	int		plen = t->ends.local.family == AF_INET ? 32 : 128;

	if (t->vti) {
		ike_ts_from_prefix(&d->ts_local[0], &any, 0, 0, 0);
		ike_ts_from_prefix(&d->ts_remote[0], &any, 0, 0, 0);
	} else {
		ike_ts_from_prefix(&d->ts_local[0], &t->ends.local, plen,
		    IPPROTO_GRE, 0);
		ike_ts_from_prefix(&d->ts_remote[0], &t->ends.remote, plen,
		    IPPROTO_GRE, 0);
	}
	d->nts_local = d->nts_remote = 1;
}

/* tunnel protection ipsec profile: peer, Child SA and policies. */
static void
compile_tn_protect(struct compile_ctx *c, struct compile_tn *t)
{
	const struct ipsec_profile	*pp;
	struct ike_child_def		 d;
	struct ike_peer			*peer;
	char				 pl[COMPILE_LINE_MAX];
	int				 transport = 0, inner;

	if ((pp = compile_tn_profile(c, t->f->tun_profile)) == NULL) {
		compile_diag(c, COMPILE_WARN, t->line, "tunnel protection "
		    "ipsec profile %s: the profile does not exist",
		    t->f->tun_profile);
		return;
	}
	snprintf(pl, sizeof(pl), "crypto ipsec profile %s", pp->name);
	memset(&d, 0, sizeof(d));
	if (compile_esp(c, &(struct compile_prot){ pl, pp->ts, pp->pfs,
	    &pp->life, pp->ikev2_profile, pp->isakmp_profile }, &d,
	    &transport) != 0)
		return;
	transport = !t->vti && transport;
	inner = t->f->tun_mode == TUN_IPSEC_IPV6 ? AF_INET6 : AF_INET;
	d.mode = transport ? K_MODE_TRANSPORT : K_MODE_TUNNEL;
	d.reqid = compile_reqid(c, t->line);
	d.if_id = t->vti ? t->if_id : 0;
	compile_tn_ts(t, inner, &d);
	compile_tn_policies(c, t, d.reqid, transport, inner);
	peer = compile_peer(c, &t->ends, &(struct compile_prot){ pl, pp->ts,
	    pp->pfs, &pp->life, pp->ikev2_profile, pp->isakmp_profile });
	if (peer != NULL)
		compile_child_add(c, peer, &d, t->line);
	else
		compile_diag(c, COMPILE_WARN, t->line, "no IKE peer for %s; "
		    "nothing passes it until the IKE side is complete",
		    t->f->name);
}

static void
compile_tn(struct compile_ctx *c, const struct ios_if *f)
{
	struct compile_tn	t = { .f = f };

	snprintf(t.line, sizeof(t.line), "interface %s", f->name);
	t.if_id = (uint32_t)compile_if_id(f->name);
	if (f->tun_mode != TUN_IPSEC_IPV4 && f->tun_mode != TUN_IPSEC_IPV6 &&
	    f->tun_mode != TUN_GRE_IP) {
		compile_diag(c, COMPILE_WARN, t.line, "%s: only tunnel mode "
		    "ipsec ipv4, ipsec ipv6 and gre ip are compiled", f->name);
		return;
	}
	t.vti = f->tun_mode != TUN_GRE_IP;
	t.ends.line = t.line;
	if (compile_ifname(c->cfg, c->opts, f->name, t.name,
	    sizeof(t.name)) != 0 || compile_tn_source(c, &t) != 0)
		return;
	if (compile_tn_dest(c, &t) != 0 && !t.vti)
		return;
	if (compile_tn_link(c, &t) != 0 || !t.has_dst)
		return;
	if (f->tun_profile != NULL)
		compile_tn_protect(c, &t);
	else if (t.vti)
		compile_diag(c, COMPILE_WARN, t.line, "%s has tunnel mode "
		    "ipsec but no tunnel protection; nothing passes it",
		    f->name);
}

/* Every TunnelN interface. */
void
compile_tunnels(struct compile_ctx *c)
{
	size_t	i;

	for (i = 0; i < c->cfg->interfaces.n; i++) {
		const struct ios_if	*f = c->cfg->interfaces.v[i];

		if (compile_if_id(f->name) != 0)
			compile_tn(c, f);
	}
}
