/*
 * shell/router_link.c: the state of each configured interface, and the
 * log lines IOS prints when it changes:
 *
 *	%LINK-3-UPDOWN: Interface GigabitEthernet1, changed state to up
 *	%LINK-5-CHANGED: Interface GigabitEthernet1, changed state to
 *	    administratively down
 *	%LINEPROTO-5-UPDOWN: Line protocol on Interface Tunnel0, changed
 *	    state to up
 *
 * An interface's status is administratively down when the config shuts
 * it, else up or down as its link is.  The link of a physical interface
 * is the Linux device's operational state (IFF_RUNNING), which the
 * kernel reports on a netlink socket watched from the event loop; a
 * Loopback's or a Tunnel's link is up unless shut.  The line protocol
 * follows the status, except on a tunnel with IPsec protection (an XFRM
 * interface): there it is up while the kernel holds SAs for the tunnel,
 * as IOS has it with tunnel protection (router_sa.c counts them).
 *
 * Changes are logged in a batch a moment after they happen, so that the
 * IKE daemon's own line (%CRYPTO-5-IKEV2_SESSION_STATUS) comes first,
 * as on IOS.  Interfaces new to the config start down, so that boot
 * logs each interface coming up, as IOS does.
 */
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include <event2/event.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/route/link.h>

#include "grammar/ios.h"
#include "shell/router_priv.h"

enum { RL_DOWN, RL_UP, RL_ADMIN_DOWN };

struct rl_ent {
	char		 name[64];	/* IOS */
	char		 dev[IF_NAMESIZE];	/* Linux, "" when none */
	uint32_t	 if_id;		/* XFRM interface, 0: none */
	int		 physical;	/* the link is a device's */
	int		 tunnel;
	char		 src[64];	/* a tunnel's source interface */
	long		 srci;		/* its entry, -1: none */
	int		 shut;
	int		 link_up;
	unsigned	 nsa;		/* the kernel's SAs for if_id */
	int		 status, proto;	/* as last logged */
	int		 dirty;
};

struct router_link {
	struct router	*r;
	struct rl_ent	*v;
	size_t		 n;
	size_t		*by_dev, *by_ifid, *by_name;	/* sorted */
	size_t		*dirty;
	size_t		 ndirty;
	int		 monitor;	/* watch the kernel's links */
	struct nl_sock	*nl;		/* RTNLGRP_LINK, NULL: none */
	struct event	*ev_nl, *ev_eval;
};

static struct rl_ent	*rl_sort_base;

static int
rl_cmp_dev(const void *a, const void *b)
{
	return strcmp(rl_sort_base[*(const size_t *)a].dev,
	    rl_sort_base[*(const size_t *)b].dev);
}

static int
rl_cmp_name(const void *a, const void *b)
{
	return strcmp(rl_sort_base[*(const size_t *)a].name,
	    rl_sort_base[*(const size_t *)b].name);
}

static int
rl_cmp_ifid(const void *a, const void *b)
{
	uint32_t	x = rl_sort_base[*(const size_t *)a].if_id;
	uint32_t	y = rl_sort_base[*(const size_t *)b].if_id;

	return x < y ? -1 : x > y;
}

static struct rl_ent *
rl_by_dev(struct router_link *l, const char *dev)
{
	size_t	lo = 0, hi = l->n, mid;
	int	c;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		c = strcmp(dev, l->v[l->by_dev[mid]].dev);
		if (c == 0)
			return &l->v[l->by_dev[mid]];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

static const struct rl_ent *
rl_by_name(const struct router_link *l, const char *name)
{
	size_t	lo = 0, hi = l->n, mid;
	int	c;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		c = strcmp(name, l->v[l->by_name[mid]].name);
		if (c == 0)
			return &l->v[l->by_name[mid]];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

static struct rl_ent *
rl_by_ifid(struct router_link *l, uint32_t if_id)
{
	size_t		lo = 0, hi = l->n, mid;
	uint32_t	x;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		x = l->v[l->by_ifid[mid]].if_id;
		if (x == if_id)
			return &l->v[l->by_ifid[mid]];
		if (if_id < x)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

static void
rl_mark(struct router_link *l, struct rl_ent *e)
{
	struct timeval	tv = { 0, 0 };

	if (!e->dirty) {
		e->dirty = 1;
		l->dirty[l->ndirty++] = (size_t)(e - l->v);
	}
	evtimer_add(l->ev_eval, &tv);
}

/* The tunnels whose source e is: their link follows e's status. */
static void
rl_mark_tunnels(struct router_link *l, const struct rl_ent *e)
{
	long	i, me = (long)(e - l->v);

	for (i = 0; i < (long)l->n; i++)
		if (l->v[i].srci == me)
			rl_mark(l, &l->v[i]);
}

/* Log what changed on e since it was last logged. */
static void
rl_eval_one(struct router_link *l, struct rl_ent *e)
{
	struct router	*r = l->r;
	int		 status, proto, link = e->link_up;

	e->dirty = 0;
	if (e->tunnel && e->srci >= 0)
		link = l->v[e->srci].status == RL_UP;
	status = e->shut ? RL_ADMIN_DOWN : link ? RL_UP : RL_DOWN;
	proto = status == RL_UP && (e->if_id == 0 || e->nsa > 0);
	if (status != e->status && status == RL_ADMIN_DOWN)
		router_log(r, LOG_NOTICE, "%%LINK-5-CHANGED: Interface %s, "
		    "changed state to administratively down", e->name);
	else if (status != e->status)
		router_log(r, LOG_ERR, "%%LINK-3-UPDOWN: Interface %s, "
		    "changed state to %s", e->name, status == RL_UP ? "up" :
		    "down");
	if (proto != e->proto)
		router_log(r, LOG_NOTICE, "%%LINEPROTO-5-UPDOWN: Line "
		    "protocol on Interface %s, changed state to %s", e->name,
		    proto ? "up" : "down");
	if (status != e->status && !e->tunnel) {
		e->status = status;
		rl_mark_tunnels(l, e);
	}
	e->status = status;
	e->proto = proto;
}

static void
rl_eval(evutil_socket_t fd, short what, void *arg)
{
	struct router_link	*l = arg;
	size_t			 i;

	/* Marks made meanwhile (a source's tunnels) join the same round. */
	for (i = 0; i < l->ndirty; i++)
		rl_eval_one(l, &l->v[l->dirty[i]]);
	l->ndirty = 0;
}

/* The SA table changed for if_id (router_sa.c). */
static void
rl_sa(void *arg, uint32_t if_id, int delta)
{
	struct router_link	*l = arg;
	struct rl_ent		*e;
	int			 was;

	if (if_id == 0 || (e = rl_by_ifid(l, if_id)) == NULL)
		return;
	was = e->nsa > 0;
	if (delta < 0 && e->nsa < (unsigned)-delta)
		e->nsa = 0;
	else
		e->nsa += (unsigned)delta;
	if ((e->nsa > 0) != was)
		rl_mark(l, e);
}

/* ------------------------------------------------- the kernel's links */

static int
rl_nl_valid(struct nl_msg *msg, void *arg)
{
	struct router_link	*l = arg;
	struct nlmsghdr		*h = nlmsg_hdr(msg);
	struct nlattr		*tb[IFLA_MAX + 1];
	struct ifinfomsg	*ifi;
	struct rl_ent		*e;
	int			 up;

	if ((h->nlmsg_type != RTM_NEWLINK && h->nlmsg_type != RTM_DELLINK) ||
	    nlmsg_parse(h, sizeof(*ifi), tb, IFLA_MAX, NULL) < 0 ||
	    tb[IFLA_IFNAME] == NULL)
		return NL_OK;
	ifi = nlmsg_data(h);
	if ((e = rl_by_dev(l, nla_get_string(tb[IFLA_IFNAME]))) == NULL ||
	    !e->physical)
		return NL_OK;
	up = h->nlmsg_type == RTM_NEWLINK && (ifi->ifi_flags & IFF_UP) &&
	    (ifi->ifi_flags & IFF_RUNNING);
	if (up != e->link_up) {
		e->link_up = up;
		rl_mark(l, e);
	}
	return NL_OK;
}

static void	rl_read_links(struct router_link *);

/*
 * The kernel's link messages.  An apply that makes 10,000 tunnel links
 * can overrun the socket: then what was lost is read again, whole.
 */
static void
rl_nl_read(evutil_socket_t fd, short what, void *arg)
{
	struct router_link	*l = arg;
	size_t			 i;
	int			 rc;

	/* ENOBUFS comes as -NLE_NOMEM; any failure: read it all again. */
	if ((rc = nl_recvmsgs_default(l->nl)) >= 0 || rc == -NLE_AGAIN)
		return;
	rl_read_links(l);
	for (i = 0; i < l->n; i++)
		if (l->v[i].physical)
			rl_mark(l, &l->v[i]);
}

/* Watch the kernel's link changes; reading them needs no privilege. */
static int
rl_nl_open(struct router_link *l)
{
	if ((l->nl = nl_socket_alloc()) == NULL)
		return -1;
	nl_socket_disable_seq_check(l->nl);
	nl_socket_modify_cb(l->nl, NL_CB_VALID, NL_CB_CUSTOM, rl_nl_valid, l);
	if (nl_connect(l->nl, NETLINK_ROUTE) < 0 ||
	    nl_socket_add_membership(l->nl, RTNLGRP_LINK) < 0 ||
	    nl_socket_set_buffer_size(l->nl, 1 << 20, 0) < 0 ||
	    nl_socket_set_nonblocking(l->nl) < 0) {
		nl_socket_free(l->nl);
		l->nl = NULL;
		return -1;
	}
	l->ev_nl = event_new(l->r->base, nl_socket_get_fd(l->nl),
	    EV_READ | EV_PERSIST, rl_nl_read, l);
	event_add(l->ev_nl, NULL);
	return 0;
}

/*
 * The links of the physical interfaces as they are now: one dump when
 * the kernel is watched, else the kernel table's link_get (the
 * recording kernel in tests).
 */
static void
rl_read_links(struct router_link *l)
{
	struct nl_sock		*sk;
	struct nl_cache		*cache = NULL;
	struct rtnl_link	*lk;
	const struct kernel	*k = &l->r->kern;
	struct k_link		 kl;
	size_t			 i;
	unsigned		 fl;

	if (l->nl != NULL && (sk = nl_socket_alloc()) != NULL) {
		if (nl_connect(sk, NETLINK_ROUTE) < 0 ||
		    rtnl_link_alloc_cache(sk, AF_UNSPEC, &cache) < 0)
			cache = NULL;
		nl_socket_free(sk);
	}
	for (i = 0; i < l->n; i++) {
		if (!l->v[i].physical || l->v[i].dev[0] == '\0')
			continue;
		if (cache != NULL) {
			lk = rtnl_link_get_by_name(cache, l->v[i].dev);
			fl = lk != NULL ? rtnl_link_get_flags(lk) : 0;
			l->v[i].link_up = (fl & IFF_UP) && (fl & IFF_RUNNING);
			if (lk != NULL)
				rtnl_link_put(lk);
		} else if (l->nl == NULL && k->ops != NULL &&
		    k->ops->link_get != NULL)
			l->v[i].link_up = k->ops->link_get(k->arg,
			    l->v[i].dev, &kl) == 0 && kl.up == 1;
	}
	if (cache != NULL)
		nl_cache_free(cache);
}

/* -------------------------------------------- the config's interfaces */

/* The XFRM interfaces the backend makes: their if_id by device name. */
static uint32_t
rl_xfrm_if_id(const struct router *r, const char *dev)
{
	const struct kobj	*o;
	size_t			 i, n;

	if (!r->have_out)
		return 0;
	n = kstate_count(r->out.ks, KOBJ_LINK);
	for (i = 0; i < n; i++) {
		o = kstate_get(r->out.ks, KOBJ_LINK, i);
		if (o->u.link.kind == K_LINK_XFRM &&
		    strcmp(o->u.link.name, dev) == 0)
			return o->u.link.if_id;
	}
	return 0;
}

static void
rl_fill(const struct router *r, const struct ios_if *f, struct rl_ent *e)
{
	const char	*type = ios_iftypes[f->type].name;

	memset(e, 0, sizeof(*e));
	snprintf(e->name, sizeof(e->name), "%s", f->name);
	if (compile_ifname(r->cfg, NULL, f->name, e->dev,
	    sizeof(e->dev)) != 0)
		e->dev[0] = '\0';
	e->tunnel = strcmp(type, "Tunnel") == 0;
	e->physical = !e->tunnel && strcmp(type, "Loopback") != 0;
	if (e->tunnel && f->tun_src_if != NULL)
		snprintf(e->src, sizeof(e->src), "%s", f->tun_src_if);
	e->srci = -1;
	e->shut = f->shutdown;
	e->link_up = !e->physical;
	e->status = RL_DOWN;
}

/*
 * After an apply: the interfaces of the config, the links they have,
 * and the SAs their tunnels hold; log what changed.
 */
void
router_link_apply(struct router *r)
{
	struct router_link	*l = r->link;
	const struct rl_ent	*o;
	struct rl_ent		*v;
	size_t			 i, n = r->cfg->interfaces.n;
	size_t			*by_dev, *by_ifid, *by_name, *dirty;

	if (l == NULL)
		return;
	/*
	 * Watched from the first apply on: a router never applied (the
	 * one iosh hosts itself, which only plans) needs no socket.
	 */
	if (l->monitor && l->nl == NULL) {
		l->monitor = 0;
		if (rl_nl_open(l) != 0)
			syslog(LOG_WARNING, "router: cannot watch the "
			    "kernel's links");
	}
	v = calloc(n + 1, sizeof(*v));
	by_dev = calloc(n + 1, sizeof(*by_dev));
	by_ifid = calloc(n + 1, sizeof(*by_ifid));
	by_name = calloc(n + 1, sizeof(*by_name));
	/* A tunnel may be marked again once in a round, by its source. */
	dirty = calloc(2 * n + 1, sizeof(*dirty));
	if (v == NULL || by_dev == NULL || by_ifid == NULL ||
	    by_name == NULL || dirty == NULL) {
		free(v);
		free(by_dev);
		free(by_ifid);
		free(by_name);
		free(dirty);
		return;
	}
	for (i = 0; i < n; i++) {
		rl_fill(r, r->cfg->interfaces.v[i], &v[i]);
		if (!v[i].physical && v[i].dev[0] != '\0')
			v[i].if_id = rl_xfrm_if_id(r, v[i].dev);
		by_dev[i] = by_ifid[i] = by_name[i] = i;
	}
	/* The state of an interface carries over from the last apply. */
	for (i = 0; i < n; i++)
		if ((o = rl_by_name(l, v[i].name)) != NULL) {
			v[i].status = o->status;
			v[i].proto = o->proto;
		}
	rl_sort_base = v;
	qsort(by_dev, n, sizeof(*by_dev), rl_cmp_dev);
	qsort(by_ifid, n, sizeof(*by_ifid), rl_cmp_ifid);
	qsort(by_name, n, sizeof(*by_name), rl_cmp_name);
	free(l->v);
	free(l->by_dev);
	free(l->by_ifid);
	free(l->by_name);
	free(l->dirty);
	l->v = v;
	l->n = n;
	l->by_dev = by_dev;
	l->by_ifid = by_ifid;
	l->by_name = by_name;
	l->dirty = dirty;
	l->ndirty = 0;
	for (i = 0; i < n; i++)
		if (v[i].src[0] != '\0' &&
		    (o = rl_by_name(l, v[i].src)) != NULL)
			v[i].srci = (long)(o - v);
	rl_read_links(l);
	router_sa_each(&r->sa, rl_sa, l);
	for (i = 0; i < n; i++)
		rl_mark(l, &v[i]);
}

/* monitor: watch the kernel's links (else ask the kernel table). */
int
router_link_open(struct router *r, int monitor)
{
	struct router_link	*l = calloc(1, sizeof(*l));

	if (l == NULL)
		return -1;
	l->r = r;
	l->ev_eval = evtimer_new(r->base, rl_eval, l);
	l->monitor = monitor;
	r->link = l;
	router_sa_notify(&r->sa, rl_sa, l);
	return 0;
}

/* Whether the line protocol of the interface named so is up. */
int
router_link_proto(const struct router *r, const char *name)
{
	const struct rl_ent	*e;

	if (r->link == NULL || (e = rl_by_name(r->link, name)) == NULL)
		return -1;
	return e->proto;
}

void
router_link_free(struct router_link *l)
{
	if (l == NULL)
		return;
	if (l->ev_nl != NULL)
		event_free(l->ev_nl);
	if (l->nl != NULL)
		nl_socket_free(l->nl);
	event_free(l->ev_eval);
	free(l->v);
	free(l->by_dev);
	free(l->by_ifid);
	free(l->by_name);
	free(l->dirty);
	free(l);
}
