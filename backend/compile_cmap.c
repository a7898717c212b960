/*
 * backend/compile_cmap.c: crypto maps (policy-based IPsec).
 *
 * For each interface with `crypto map NAME`, each entry of the map in
 * sequence order, each entry of its ACL in order: a permit becomes a
 * Child SA definition and the policies out, in and fwd that send its
 * traffic through that SA (tunnel mode between the interface address
 * and the peer); a deny becomes the same three policies with no
 * template, so that its traffic bypasses this map.  Priorities keep
 * the map sequence, then the ACL order (see compile.h).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "backend/compile_priv.h"

#define COMPILE_ACE_MAX		255

/* One crypto map entry being compiled on one interface. */
struct compile_cm {
	const struct cmap_entry	*e;
	const struct ios_acl	*acl;
	struct compile_ends	 ends;
	struct ike_child_def	 esp;		/* ESP side, a template */
	struct ike_peer		*peer;		/* NULL: IKE incomplete */
	size_t			 npeer;		/* its index */
	char			 line[COMPILE_LINE_MAX];
};

/* An ACE's selector (out direction); -1 (diagnosed) when impossible. */
static int
compile_ace_sel(struct compile_ctx *c, const struct ios_acl *acl,
    const struct ios_ace *a, struct k_sel *s, const char *line)
{
	int	sp = compile_wild_plen(a->src.wild);
	int	dp = acl->extended ? compile_wild_plen(a->dst.wild) : 0;

	memset(s, 0, sizeof(*s));
	if (sp < 0 || dp < 0) {
		compile_diag(c, COMPILE_WARN, line, "non-contiguous wildcard "
		    "masks cannot be compiled into a traffic selector; the "
		    "entry is skipped");
		return -1;
	}
	s->family = AF_INET;
	compile_addr4(&s->src, a->src.addr);
	s->src_plen = (uint8_t)sp;
	s->src.u.v4.s_addr &= sp ? htonl(~0u << (32 - sp)) : 0;
	compile_addr4(&s->dst, acl->extended ? a->dst.addr :
	    (struct in_addr){ 0 });
	s->dst_plen = (uint8_t)dp;
	s->dst.u.v4.s_addr &= dp ? htonl(~0u << (32 - dp)) : 0;
	s->proto = (uint8_t)(a->proto == ACE_PROTO_IP ? 0 : a->proto);
	if (a->sport.op == PORT_EQ) {
		s->sport = a->sport.lo;
		s->sport_mask = 0xffff;
	}
	if (a->dport.op == PORT_EQ) {
		s->dport = a->dport.lo;
		s->dport_mask = 0xffff;
	}
	if ((a->sport.op != PORT_NONE && a->sport.op != PORT_EQ) ||
	    (a->dport.op != PORT_NONE && a->dport.op != PORT_EQ) ||
	    a->icmp_type >= 0 || a->established)
		compile_diag(c, COMPILE_NOTE, line, "port ranges, ICMP types "
		    "and established are not compiled into kernel policies; "
		    "the policy covers all ports of the protocol");
	return 0;
}

/* The selector of the other direction. */
static void
compile_sel_mirror(const struct k_sel *s, struct k_sel *m)
{
	*m = *s;
	m->src = s->dst;
	m->dst = s->src;
	m->src_plen = s->dst_plen;
	m->dst_plen = s->src_plen;
	m->sport = s->dport;
	m->sport_mask = s->dport_mask;
	m->dport = s->sport;
	m->dport_mask = s->sport_mask;
}

/* A port range of an ACE for a traffic selector. */
static void
compile_ace_ports(const struct ace_port *p, uint16_t *lo, uint16_t *hi)
{
	*lo = 0;
	*hi = 0xffff;
	if (p->op == PORT_EQ)
		*lo = *hi = p->lo;
	else if (p->op == PORT_RANGE) {
		*lo = p->lo;
		*hi = p->hi;
	} else if (p->op == PORT_LT && p->lo > 0)
		*hi = (uint16_t)(p->lo - 1);
	else if (p->op == PORT_GT && p->lo < 0xffff)
		*lo = (uint16_t)(p->lo + 1);
}

/* The traffic selectors of a permit ACE. */
static void
compile_ace_ts(const struct ios_ace *a, const struct k_sel *s,
    struct ike_child_def *d)
{
	ike_ts_from_prefix(&d->ts_local[0], &s->src, s->src_plen, s->proto, 0);
	ike_ts_from_prefix(&d->ts_remote[0], &s->dst, s->dst_plen, s->proto,
	    0);
	compile_ace_ports(&a->sport, &d->ts_local[0].sport,
	    &d->ts_local[0].eport);
	compile_ace_ports(&a->dport, &d->ts_remote[0].sport,
	    &d->ts_remote[0].eport);
	d->nts_local = d->nts_remote = 1;
}

/* The three policies of one ACE; -EEXIST when it repeats a selector. */
static int
compile_ace_policies(struct compile_ctx *c, const struct compile_cm *m,
    const struct k_sel *s, uint32_t prio, uint32_t reqid, const char *line)
{
	static const uint8_t	dirs[] = { K_DIR_OUT, K_DIR_IN, K_DIR_FWD };
	struct kobj		o = { .kind = KOBJ_POLICY };
	struct k_policy		*p = &o.u.policy;
	size_t			i;
	int			error;

	for (i = 0; i < sizeof(dirs); i++) {
		memset(p, 0, sizeof(*p));
		p->dir = dirs[i];
		if (p->dir == K_DIR_OUT)
			p->sel = *s;
		else
			compile_sel_mirror(s, &p->sel);
		p->action = K_ACT_ALLOW;
		p->priority = prio;
		if (reqid != 0) {
			p->ntmpl = 1;
			p->tmpl[0].src = p->dir == K_DIR_OUT ? m->ends.local :
			    m->ends.remote;
			p->tmpl[0].dst = p->dir == K_DIR_OUT ? m->ends.remote :
			    m->ends.local;
			p->tmpl[0].proto = IPPROTO_ESP;
			p->tmpl[0].mode = K_MODE_TUNNEL;
			p->tmpl[0].reqid = reqid;
		}
		if ((error = compile_add(c, &o, line)) != 0)
			return error;
	}
	return 0;
}

static void
compile_cm_ace(struct compile_ctx *c, struct compile_cm *m,
    const struct ios_ace *a, size_t pos)
{
	struct ike_child_def	d;
	struct k_sel		s;
	char			line[COMPILE_LINE_MAX * 2 + 2];
	char			ace[COMPILE_LINE_MAX], name[COMPILE_LINE_MAX];
	uint32_t		reqid = 0;

	compile_ace_line(m->acl, a, ace, sizeof(ace));
	snprintf(line, sizeof(line), "%s: %s", m->line, ace);
	if (compile_ace_sel(c, m->acl, a, &s, line) != 0)
		return;
	if (a->action == ACE_PERMIT) {
		snprintf(name, sizeof(name), "map %s %d ace %u", m->e->map,
		    m->e->seq, a->seq);
		reqid = compile_reqid(c, name);
	}
	if (compile_ace_policies(c, m, &s, K_PRIO_MIN +
	    ((uint32_t)m->e->seq << 8) + (uint32_t)pos, reqid,
	    line) == -EEXIST) {
		compile_diag(c, COMPILE_WARN, line, "the traffic of this "
		    "entry is already matched by an earlier crypto map "
		    "entry; skipped");
		return;
	}
	if (reqid == 0 || m->peer == NULL)
		return;
	d = m->esp;
	d.reqid = reqid;
	compile_ace_ts(a, &s, &d);
	/* compile_peer may have moved the array: refetch by index. */
	compile_child_add(c, &c->out->peers[m->npeer], &d, line);
}

static const struct ios_acl *
compile_acl_find(const struct ios_config *cfg, const char *name)
{
	return model_acl(CFG_LOOKUP(cfg), name, 0);
}

/*
 * IKE between the interface and the peer passes in clear whatever the
 * ACL says (IOS never protects its own IKE): UDP from port 500 and
 * 4500 out, to port 500 and 4500 in, ahead of every map entry.
 */
static void
compile_cm_ike_bypass(struct compile_ctx *c, const struct compile_cm *m)
{
	static const uint16_t	ports[] = { 500, 4500 };
	struct kobj		o = { .kind = KOBJ_POLICY };
	struct k_policy		*p = &o.u.policy;
	const struct k_addr	*lo = &m->ends.local, *re = &m->ends.remote;
	int			plen = lo->family == AF_INET ? 32 : 128;
	size_t			i;
	uint8_t			dir;

	for (i = 0; i < 2; i++) {
		for (dir = K_DIR_IN; dir <= K_DIR_OUT; dir++) {
			memset(p, 0, sizeof(*p));
			p->dir = dir;
			p->action = K_ACT_ALLOW;
			p->priority = K_PRIO_MIN;
			p->sel.family = lo->family;
			p->sel.src = dir == K_DIR_OUT ? *lo : *re;
			p->sel.dst = dir == K_DIR_OUT ? *re : *lo;
			p->sel.src_plen = p->sel.dst_plen = (uint8_t)plen;
			p->sel.proto = IPPROTO_UDP;
			if (dir == K_DIR_OUT) {
				p->sel.sport = ports[i];
				p->sel.sport_mask = 0xffff;
			} else {
				p->sel.dport = ports[i];
				p->sel.dport_mask = 0xffff;
			}
			/* A second entry to the same peer: already there. */
			(void)compile_add(c, &o, m->line);
		}
	}
}

/* The ACL, peer and ESP side of an entry; -1 (diagnosed) if missing. */
static int
compile_cm_resolve(struct compile_ctx *c, struct compile_cm *m)
{
	const struct cmap_entry	*e = m->e;
	struct ios_addr		 pa;
	int			 t;

	if (e->manual || e->dynmap != NULL) {
		/* XXX: manual keys and dynamic maps are not compiled. */
		compile_diag(c, COMPILE_WARN, m->line, "%s crypto map entries "
		    "are not compiled", e->manual ? "ipsec-manual" :
		    "dynamic");
		return -1;
	}
	if (e->peers.n == 0 || e->acl == NULL) {
		compile_diag(c, COMPILE_WARN, m->line, "crypto map entry %s "
		    "%d is incomplete: %s; it stays disabled", e->map, e->seq,
		    e->peers.n == 0 ? "no peer set" : "no match address");
		return -1;
	}
	if ((m->acl = compile_acl_find(c->cfg, e->acl)) == NULL) {
		compile_diag(c, COMPILE_WARN, m->line, "match address %s: "
		    "access list %s does not exist; the entry stays disabled",
		    e->acl, e->acl);
		return -1;
	}
	if (inet_pton(AF_INET, e->peers.v[0], &pa.v4) == 1)
		pa.af = AF_INET;
	else if (inet_pton(AF_INET6, e->peers.v[0], &pa.v6) == 1)
		pa.af = AF_INET6;
	else {
		compile_diag(c, COMPILE_WARN, m->line, "set peer %s: iosh "
		    "does not resolve host names; the entry stays disabled",
		    (const char *)e->peers.v[0]);
		return -1;
	}
	if (e->reverse_route)
		/* XXX: policy-based traffic needs no route on Linux. */
		compile_diag(c, COMPILE_NOTE, m->line, "reverse-route is not "
		    "compiled; the kernel policies steer this traffic");
	if (e->peers.n > 1)
		compile_diag(c, COMPILE_NOTE, m->line, "only the first peer "
		    "(%s) is used; iosh does not fail over between peers",
		    (const char *)e->peers.v[0]);
	compile_addr_ios(&m->ends.remote, &pa);
	return compile_esp(c, &(struct compile_prot){ m->line, e->ts,
	    e->pfs, &e->life, e->ikev2_profile, e->isakmp_profile },
	    &m->esp, &t);
}

static void
compile_cm_entry(struct compile_ctx *c, const struct ios_if *f,
    const struct cmap_entry *e, const struct k_addr *local)
{
	struct compile_cm	m = { .e = e };
	size_t			i, pos = 0;

	compile_cmap_line(e, m.line, sizeof(m.line));
	m.ends.local = *local;
	m.ends.line = m.line;
	if (compile_cm_resolve(c, &m) != 0)
		return;
	if (m.ends.remote.family != local->family &&
	    compile_if_addr(f, m.ends.remote.family, &m.ends.local) != 0) {
		compile_diag(c, COMPILE_WARN, m.line, "%s has no address of "
		    "the family of peer %s; the entry stays disabled", f->name,
		    (const char *)e->peers.v[0]);
		return;
	}
	m.peer = compile_peer(c, &m.ends, &(struct compile_prot){ m.line,
	    e->ts, e->pfs, &e->life, e->ikev2_profile, e->isakmp_profile });
	if (m.peer != NULL) {
		m.npeer = (size_t)(m.peer - c->out->peers);
		compile_cm_ike_bypass(c, &m);
	} else
		compile_diag(c, COMPILE_WARN, m.line, "no IKE peer for crypto "
		    "map %s %d; its traffic is dropped, not sent in clear, "
		    "until the IKE side is complete", e->map, e->seq);
	for (i = 0; i < m.acl->aces.n; i++) {
		const struct ios_ace	*a = m.acl->aces.v[i];

		if (a->action == ACE_REMARK)
			continue;
		if (pos == COMPILE_ACE_MAX) {
			compile_diag(c, COMPILE_WARN, m.line, "access list %s "
			    "has more than %d entries; the rest are not "
			    "compiled", m.acl->name, COMPILE_ACE_MAX);
			break;
		}
		compile_cm_ace(c, &m, a, pos++);
	}
}

/* Every crypto map applied to an interface. */
void
compile_cmaps(struct compile_ctx *c)
{
	char		line[COMPILE_LINE_MAX];
	struct k_addr	local;
	size_t		i, j, n;

	for (i = 0; i < c->cfg->interfaces.n; i++) {
		const struct ios_if	*f = c->cfg->interfaces.v[i];

		if (f->crypto_map == NULL)
			continue;
		snprintf(line, sizeof(line), "interface %s: crypto map %s",
		    f->name, f->crypto_map);
		if (compile_if_addr(f, 0, &local) != 0) {
			compile_diag(c, COMPILE_WARN, line, "%s has no IP "
			    "address; crypto map %s is not compiled", f->name,
			    f->crypto_map);
			continue;
		}
		for (j = n = 0; j < c->cfg->cmap_entries.n; j++) {
			const struct cmap_entry	*e = c->cfg->cmap_entries.v[j];

			if (strcmp(e->map, f->crypto_map) != 0)
				continue;
			n++;
			compile_cm_entry(c, f, e, &local);
		}
		if (n == 0)
			compile_diag(c, COMPILE_WARN, line, "crypto map %s "
			    "does not exist", f->crypto_map);
	}
}
