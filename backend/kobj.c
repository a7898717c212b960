/*
 * backend/kobj.c: one kernel object of any kind: its identity, its
 * comparison, and its text form as the equivalent `ip` command.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "backend/backend.h"

#define RT_TABLE_MAIN_ID	254

struct kobj_buf {
	char	*p;
	size_t	 size, off;
	int	 full;
};

static void
kobj_put(struct kobj_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
kobj_put(struct kobj_buf *b, const char *fmt, ...)
{
	va_list	ap;
	int	n;

	if (b->full)
		return;
	va_start(ap, fmt);
	n = vsnprintf(b->p + b->off, b->size - b->off, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= b->size - b->off) {
		b->full = 1;
		return;
	}
	b->off += n;
}

static size_t
kobj_alen(int family)
{
	return family == AF_INET6 ? 16 : family == AF_INET ? 4 : 0;
}

int
kobj_addr_cmp(const struct k_addr *a, const struct k_addr *b)
{
	if (a->family != b->family)
		return a->family < b->family ? -1 : 1;
	return memcmp(a->u.bytes, b->u.bytes, kobj_alen(a->family));
}

/* Compare two addresses of a known family, whatever they say. */
static int
kobj_bytes_cmp(int family, const struct k_addr *a, const struct k_addr *b)
{
	return memcmp(a->u.bytes, b->u.bytes, kobj_alen(family));
}

int
kobj_addr_fmt(const struct k_addr *a, char *buf, size_t len)
{
	if (a->family == 0) {
		snprintf(buf, len, "any");
		return 0;
	}
	if (inet_ntop(a->family, a->u.bytes, buf, len) == NULL)
		return -errno;
	return 0;
}

static void
kobj_put_addr(struct kobj_buf *b, int family, const struct k_addr *a)
{
	struct k_addr	tmp = *a;
	char		s[INET6_ADDRSTRLEN];

	tmp.family = family;
	if (kobj_addr_fmt(&tmp, s, sizeof(s)) != 0)
		snprintf(s, sizeof(s), "?");
	kobj_put(b, "%s", s);
}

const char *
kobj_kind_name(int kind)
{
	static const char *const names[KOBJ_NKINDS] = {
		[KOBJ_LINK] = "link",
		[KOBJ_ADDR] = "address",
		[KOBJ_ROUTE] = "route",
		[KOBJ_POLICY] = "policy",
	};

	if (kind < 0 || kind >= KOBJ_NKINDS)
		return "?";
	return names[kind];
}

#define KOBJ_CMP(a, b)	do {					\
	if ((a) != (b))						\
		return (a) < (b) ? -1 : 1;			\
} while (0)

static int
kobj_sel_cmp(const struct k_sel *a, const struct k_sel *b)
{
	int	c;

	KOBJ_CMP(a->family, b->family);
	KOBJ_CMP(a->src_plen, b->src_plen);
	KOBJ_CMP(a->dst_plen, b->dst_plen);
	if ((c = kobj_bytes_cmp(a->family, &a->src, &b->src)) != 0)
		return c;
	if ((c = kobj_bytes_cmp(a->family, &a->dst, &b->dst)) != 0)
		return c;
	KOBJ_CMP(a->proto, b->proto);
	KOBJ_CMP(a->sport, b->sport);
	KOBJ_CMP(a->sport_mask, b->sport_mask);
	KOBJ_CMP(a->dport, b->dport);
	KOBJ_CMP(a->dport_mask, b->dport_mask);
	return 0;
}

static int
kobj_policy_key(const struct k_policy *a, const struct k_policy *b)
{
	KOBJ_CMP(a->dir, b->dir);
	KOBJ_CMP(a->mark_mask, b->mark_mask);
	KOBJ_CMP(a->mark & a->mark_mask, b->mark & b->mark_mask);
	KOBJ_CMP(a->if_id, b->if_id);
	return kobj_sel_cmp(&a->sel, &b->sel);
}

static uint32_t
kobj_table(uint32_t t)
{
	return t == 0 ? RT_TABLE_MAIN_ID : t;
}

/* IPv6 takes metric 0 as 1024. */
static uint32_t
kobj_metric(const struct k_route *r)
{
	return r->dst.family == AF_INET6 && r->metric == 0 ? 1024 : r->metric;
}

static int
kobj_route_key(const struct k_route *a, const struct k_route *b)
{
	KOBJ_CMP(a->dst.family, b->dst.family);
	KOBJ_CMP(kobj_table(a->table), kobj_table(b->table));
	KOBJ_CMP(a->plen, b->plen);
	KOBJ_CMP(kobj_metric(a), kobj_metric(b));
	return kobj_addr_cmp(&a->dst, &b->dst);
}

static int
kobj_addr_key(const struct k_ifaddr *a, const struct k_ifaddr *b)
{
	int	c;

	if ((c = strcmp(a->dev, b->dev)) != 0)
		return c;
	KOBJ_CMP(a->plen, b->plen);
	return kobj_addr_cmp(&a->addr, &b->addr);
}

/* Order and identity of two objects; kinds order first. */
int
kobj_key_cmp(const struct kobj *a, const struct kobj *b)
{
	KOBJ_CMP(a->kind, b->kind);
	switch (a->kind) {
	case KOBJ_LINK:
		return strcmp(a->u.link.name, b->u.link.name);
	case KOBJ_ADDR:
		return kobj_addr_key(&a->u.addr, &b->u.addr);
	case KOBJ_ROUTE:
		return kobj_route_key(&a->u.route, &b->u.route);
	case KOBJ_POLICY:
		return kobj_policy_key(&a->u.policy, &b->u.policy);
	}
	return 0;
}

static int
kobj_tmpl_same(const struct k_tmpl *a, const struct k_tmpl *b)
{
	return kobj_addr_cmp(&a->src, &b->src) == 0 &&
	    kobj_addr_cmp(&a->dst, &b->dst) == 0 &&
	    a->proto == b->proto && a->mode == b->mode &&
	    a->reqid == b->reqid && a->optional == b->optional;
}

static int
kobj_policy_same(const struct k_policy *w, const struct k_policy *h)
{
	unsigned	i;

	if (w->action != h->action || w->priority != h->priority ||
	    w->ntmpl != h->ntmpl)
		return 0;
	if (w->index != 0 && w->index != h->index)
		return 0;
	for (i = 0; i < w->ntmpl && i < K_TMPL_MAX; i++)
		if (!kobj_tmpl_same(&w->tmpl[i], &h->tmpl[i]))
			return 0;
	return 1;
}

/* Whether a link must be removed and created again to become w. */
static int
kobj_link_readd(const struct k_link *w, const struct k_link *h)
{
	if (w->kind != h->kind)
		return 1;
	if (w->kind == K_LINK_PHYS)
		return 0;
	return strcmp(w->dev, h->dev) != 0 || w->if_id != h->if_id ||
	    kobj_addr_cmp(&w->local, &h->local) != 0 ||
	    kobj_addr_cmp(&w->remote, &h->remote) != 0;
}

static int
kobj_link_same(const struct k_link *w, const struct k_link *h)
{
	if (kobj_link_readd(w, h))
		return 0;
	if (w->mtu != 0 && w->mtu != h->mtu)
		return 0;
	if (w->up != K_UP_LEAVE && (w->up != 0) != (h->up != 0))
		return 0;
	return 1;
}

static int
kobj_route_same(const struct k_route *w, const struct k_route *h)
{
	/* Without a device, the kernel picks one: any will do. */
	return w->type == h->type && kobj_addr_cmp(&w->gw, &h->gw) == 0 &&
	    (w->oif[0] == '\0' || strcmp(w->oif, h->oif) == 0);
}

/* Whether h (in the kernel) already is w (wanted); keys are equal. */
int
kobj_same(const struct kobj *w, const struct kobj *h)
{
	switch (w->kind) {
	case KOBJ_LINK:
		return kobj_link_same(&w->u.link, &h->u.link);
	case KOBJ_ADDR:
		return 1;
	case KOBJ_ROUTE:
		return kobj_route_same(&w->u.route, &h->u.route);
	case KOBJ_POLICY:
		return kobj_policy_same(&w->u.policy, &h->u.policy);
	}
	return 0;
}

/* Whether h cannot be changed in place into w. */
int
kobj_needs_readd(const struct kobj *w, const struct kobj *h)
{
	switch (w->kind) {
	case KOBJ_LINK:
		return kobj_link_readd(&w->u.link, &h->u.link);
	case KOBJ_POLICY:
		return w->u.policy.index != 0 &&
		    w->u.policy.index != h->u.policy.index;
	}
	return 0;
}

/* Whether the object carries iosh's mark, so iosh may manage it. */
int
kobj_owned(const struct kobj *o)
{
	switch (o->kind) {
	case KOBJ_LINK:
		return o->u.link.kind == K_LINK_PHYS ||
		    strncmp(o->u.link.name, K_LINK_PREFIX,
		    strlen(K_LINK_PREFIX)) == 0;
	case KOBJ_POLICY:
		return o->u.policy.priority >= K_PRIO_MIN &&
		    o->u.policy.priority <= K_PRIO_MAX;
	}
	return 1;
}

static void
kobj_fmt_sel(struct kobj_buf *b, const struct k_sel *s)
{
	kobj_put(b, "src ");
	kobj_put_addr(b, s->family, &s->src);
	kobj_put(b, "/%u dst ", s->src_plen);
	kobj_put_addr(b, s->family, &s->dst);
	kobj_put(b, "/%u", s->dst_plen);
	if (s->proto != 0)
		kobj_put(b, " proto %u", s->proto);
	if (s->proto != 0 && s->sport_mask != 0)
		kobj_put(b, " sport %u", s->sport);
	if (s->proto != 0 && s->dport_mask != 0)
		kobj_put(b, " dport %u", s->dport);
}

static void
kobj_fmt_tmpl(struct kobj_buf *b, const struct k_tmpl *t)
{
	kobj_put(b, " tmpl");
	if (t->src.family != 0) {
		kobj_put(b, " src ");
		kobj_put_addr(b, t->src.family, &t->src);
	}
	if (t->dst.family != 0) {
		kobj_put(b, " dst ");
		kobj_put_addr(b, t->dst.family, &t->dst);
	}
	kobj_put(b, " proto %s reqid %u mode %s",
	    t->proto == IPPROTO_ESP ? "esp" :
	    t->proto == IPPROTO_AH ? "ah" : "comp", t->reqid,
	    t->mode == K_MODE_TUNNEL ? "tunnel" : "transport");
	if (t->optional)
		kobj_put(b, " level use");
}

static void
kobj_fmt_policy(struct kobj_buf *b, const struct k_policy *p, int verb)
{
	static const char *const dirs[] = { "in", "out", "fwd" };
	unsigned	i;

	kobj_put(b, "ip xfrm policy %s ", verb == KOBJ_ADD ? "add" :
	    verb == KOBJ_CHANGE ? "update" : "delete");
	kobj_fmt_sel(b, &p->sel);
	kobj_put(b, " dir %s", p->dir < 3 ? dirs[p->dir] : "?");
	if (p->mark_mask != 0)
		kobj_put(b, " mark %#x mask %#x", p->mark, p->mark_mask);
	if (p->if_id != 0)
		kobj_put(b, " if_id %u", p->if_id);
	if (verb == KOBJ_DEL)
		return;
	if (p->index != 0)
		kobj_put(b, " index %u", p->index);
	kobj_put(b, " priority %u", p->priority);
	if (p->action == K_ACT_BLOCK)
		kobj_put(b, " action block");
	for (i = 0; i < p->ntmpl && i < K_TMPL_MAX; i++)
		kobj_fmt_tmpl(b, &p->tmpl[i]);
}

static void
kobj_fmt_route(struct kobj_buf *b, const struct k_route *r, int verb)
{
	kobj_put(b, "ip route %s ", verb == KOBJ_ADD ? "add" :
	    verb == KOBJ_CHANGE ? "replace" : "del");
	if (r->type == K_RT_BLACKHOLE)
		kobj_put(b, "blackhole ");
	kobj_put_addr(b, r->dst.family, &r->dst);
	kobj_put(b, "/%u", r->plen);
	if (verb != KOBJ_DEL && r->gw.family != 0) {
		kobj_put(b, " via ");
		kobj_put_addr(b, r->gw.family, &r->gw);
	}
	if (verb != KOBJ_DEL && r->oif[0] != '\0')
		kobj_put(b, " dev %s", r->oif);
	if (kobj_table(r->table) != RT_TABLE_MAIN_ID)
		kobj_put(b, " table %u", r->table);
	kobj_put(b, " proto %u metric %u", K_RTPROT_IOSH, r->metric);
}

static void
kobj_fmt_addr(struct kobj_buf *b, const struct k_ifaddr *a, int verb)
{
	kobj_put(b, "ip address %s ", verb == KOBJ_DEL ? "del" : "add");
	kobj_put_addr(b, a->addr.family, &a->addr);
	kobj_put(b, "/%u dev %s", a->plen, a->dev);
}

static void
kobj_fmt_link_set(struct kobj_buf *b, const struct k_link *l)
{
	kobj_put(b, "ip link set %s", l->name);
	if (l->mtu != 0)
		kobj_put(b, " mtu %u", l->mtu);
	if (l->up != K_UP_LEAVE)
		kobj_put(b, " %s", l->up ? "up" : "down");
}

static void
kobj_fmt_link(struct kobj_buf *b, const struct k_link *l, int verb)
{
	if (verb == KOBJ_DEL) {
		kobj_put(b, "ip link del %s", l->name);
		return;
	}
	if (verb == KOBJ_CHANGE || l->kind == K_LINK_PHYS) {
		kobj_fmt_link_set(b, l);
		return;
	}
	kobj_put(b, "ip link add %s type %s", l->name,
	    l->kind == K_LINK_XFRM ? "xfrm" : "gre");
	if (l->kind == K_LINK_GRE) {
		kobj_put(b, " local ");
		kobj_put_addr(b, l->local.family, &l->local);
		kobj_put(b, " remote ");
		kobj_put_addr(b, l->remote.family, &l->remote);
	}
	if (l->dev[0] != '\0')
		kobj_put(b, " dev %s", l->dev);
	if (l->kind == K_LINK_XFRM)
		kobj_put(b, " if_id %u", l->if_id);
	if (l->mtu == 0 && l->up == K_UP_LEAVE)
		return;
	kobj_put(b, "\n");
	kobj_fmt_link_set(b, l);
}

/* The object as the `ip` command(s) that do verb; -ENOSPC if cut. */
int
kobj_fmt(const struct kobj *o, int verb, char *buf, size_t len)
{
	struct kobj_buf	b = { buf, len, 0, 0 };

	if (len == 0)
		return -ENOSPC;
	buf[0] = '\0';
	switch (o->kind) {
	case KOBJ_LINK:
		kobj_fmt_link(&b, &o->u.link, verb);
		break;
	case KOBJ_ADDR:
		kobj_fmt_addr(&b, &o->u.addr, verb);
		break;
	case KOBJ_ROUTE:
		kobj_fmt_route(&b, &o->u.route, verb);
		break;
	case KOBJ_POLICY:
		kobj_fmt_policy(&b, &o->u.policy, verb);
		break;
	default:
		return -EINVAL;
	}
	return b.full ? -ENOSPC : 0;
}
