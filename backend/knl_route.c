/*
 * backend/knl_route.c: routes and interface addresses through
 * libnl-route.  Both carry iosh's protocol number; for addresses
 * that is IFA_PROTO, which libnl 3.7 does not know, so it is added to
 * libnl's message with nla_put_u8 and read back with nlmsg_parse.
 *
 * XXX: kernels before 6.1 ignore IFA_PROTO; there iosh would not
 * recognise its own addresses and a second apply would fail to add
 * them again (EEXIST).  Debian 12 runs 6.1.
 */
#include <errno.h>
#include <string.h>

#include <linux/if_addr.h>
#include <linux/rtnetlink.h>
#include <netlink/attr.h>
#include <netlink/route/addr.h>
#include <netlink/route/route.h>

#include "backend/knl_priv.h"

static size_t
knl_route_alen(int family)
{
	return family == AF_INET6 ? 16 : family == AF_INET ? 4 : 0;
}

static struct nl_addr *
knl_route_nladdr(const struct k_addr *a, int plen)
{
	struct nl_addr	*n;

	n = nl_addr_build(a->family, a->u.bytes, knl_route_alen(a->family));
	if (n != NULL)
		nl_addr_set_prefixlen(n, plen);
	return n;
}

static void
knl_route_kaddr(struct k_addr *a, struct nl_addr *n)
{
	memset(a, 0, sizeof(*a));
	if (n == NULL || nl_addr_get_len(n) > sizeof(a->u.bytes) ||
	    nl_addr_get_len(n) != knl_route_alen(nl_addr_get_family(n)))
		return;
	a->family = nl_addr_get_family(n);
	memcpy(a->u.bytes, nl_addr_get_binary_addr(n), nl_addr_get_len(n));
}

/* The route's identity; with its next hop unless del. */
static int
knl_route_fill(struct knl *k, struct rtnl_route *rt, const struct k_route *r,
    int del)
{
	struct rtnl_nexthop	*nh;
	struct nl_addr		*a;
	int			 idx = 0;

	rtnl_route_set_family(rt, r->dst.family);
	rtnl_route_set_table(rt, r->table ? r->table : RT_TABLE_MAIN);
	rtnl_route_set_protocol(rt, K_RTPROT_IOSH);
	rtnl_route_set_priority(rt, r->metric);
	rtnl_route_set_type(rt, r->type == K_RT_BLACKHOLE ? RTN_BLACKHOLE :
	    RTN_UNICAST);
	if ((a = knl_route_nladdr(&r->dst, r->plen)) == NULL)
		return -ENOMEM;
	rtnl_route_set_dst(rt, a);
	nl_addr_put(a);
	if (del) {
		rtnl_route_set_scope(rt, RT_SCOPE_NOWHERE);
		return 0;
	}
	if (r->type == K_RT_BLACKHOLE)
		return 0;
	if (r->oif[0] != '\0' && (idx = knl_ifindex(k, r->oif)) < 0)
		return idx;
	if ((nh = rtnl_route_nh_alloc()) == NULL)
		return -ENOMEM;
	if (idx > 0)
		rtnl_route_nh_set_ifindex(nh, idx);
	if (r->gw.family != 0) {
		if ((a = knl_route_nladdr(&r->gw, 8 * knl_route_alen(
		    r->gw.family))) == NULL) {
			rtnl_route_nh_free(nh);
			return -ENOMEM;
		}
		rtnl_route_nh_set_gateway(nh, a);
		nl_addr_put(a);
	}
	rtnl_route_add_nexthop(rt, nh);
	return 0;
}

static int
knl_route_send(struct knl *k, const struct k_route *r, int cmd, int flags)
{
	struct rtnl_route	*rt;
	struct nl_msg		*msg = NULL;
	int			 error;

	if ((rt = rtnl_route_alloc()) == NULL)
		return -ENOMEM;
	error = knl_route_fill(k, rt, r, cmd == RTM_DELROUTE);
	if (error == 0 && cmd == RTM_DELROUTE)
		error = knl_nlerr(rtnl_route_build_del_request(rt, flags,
		    &msg));
	else if (error == 0)
		error = knl_nlerr(rtnl_route_build_add_request(rt, flags,
		    &msg));
	rtnl_route_put(rt);
	if (error != 0)
		return error;
	return knl_submit(k, k->rt, msg, 0);
}

int
knl_route_add(void *arg, const struct k_route *r)
{
	return knl_route_send(arg, r, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL);
}

int
knl_route_replace(void *arg, const struct k_route *r)
{
	return knl_route_send(arg, r, RTM_NEWROUTE,
	    NLM_F_CREATE | NLM_F_REPLACE);
}

int
knl_route_del(void *arg, const struct k_route *r)
{
	return knl_route_send(arg, r, RTM_DELROUTE, 0);
}

struct knl_route_list {
	struct knl	*k;
	k_route_fn	 rfn;
	k_ifaddr_fn	 afn;
	void		*arg;
};

static void
knl_route_from(struct knl *k, struct rtnl_route *rt, struct k_route *r)
{
	struct rtnl_nexthop	*nh;

	memset(r, 0, sizeof(*r));
	knl_route_kaddr(&r->dst, rtnl_route_get_dst(rt));
	if (r->dst.family == 0)
		r->dst.family = rtnl_route_get_family(rt);
	r->plen = nl_addr_get_prefixlen(rtnl_route_get_dst(rt));
	r->type = rtnl_route_get_type(rt) == RTN_BLACKHOLE ? K_RT_BLACKHOLE :
	    K_RT_UNICAST;
	r->metric = rtnl_route_get_priority(rt);
	r->table = rtnl_route_get_table(rt);
	if (r->table == RT_TABLE_MAIN)
		r->table = 0;
	if ((nh = rtnl_route_nexthop_n(rt, 0)) == NULL)
		return;
	knl_route_kaddr(&r->gw, rtnl_route_nh_get_gateway(nh));
	if (rtnl_route_nh_get_ifindex(nh) > 0 && r->type == K_RT_UNICAST)
		knl_ifname(k, rtnl_route_nh_get_ifindex(nh), r->oif);
}

static int
knl_route_one(struct nlmsghdr *h, void *arg)
{
	struct knl_route_list	*l = arg;
	struct rtmsg		*rtm = nlmsg_data(h);
	struct rtnl_route	*rt;
	struct k_route		 r;

	if (h->nlmsg_type != RTM_NEWROUTE ||
	    nlmsg_datalen(h) < (int)sizeof(*rtm) ||
	    rtm->rtm_protocol != K_RTPROT_IOSH)
		return 0;
	if (rtnl_route_parse(h, &rt) < 0)
		return -EPROTO;
	knl_route_from(l->k, rt, &r);
	rtnl_route_put(rt);
	return l->rfn(l->arg, &r);
}

int
knl_route_list(void *arg, k_route_fn fn, void *fnarg)
{
	struct knl		*k = arg;
	struct knl_route_list	 l = { k, fn, NULL, fnarg };
	struct rtmsg		 rtm;

	memset(&rtm, 0, sizeof(rtm));
	return knl_dump(k, k->rt, RTM_GETROUTE, &rtm, sizeof(rtm),
	    knl_route_one, &l);
}

static int
knl_route_addr_send(struct knl *k, const struct k_ifaddr *a, int del)
{
	struct rtnl_addr	*ra;
	struct nl_addr		*na;
	struct nl_msg		*msg = NULL;
	int			 idx, error;

	if ((idx = knl_ifindex(k, a->dev)) < 0)
		return idx;
	if ((ra = rtnl_addr_alloc()) == NULL)
		return -ENOMEM;
	rtnl_addr_set_ifindex(ra, idx);
	rtnl_addr_set_family(ra, a->addr.family);
	if ((na = knl_route_nladdr(&a->addr, a->plen)) == NULL) {
		rtnl_addr_put(ra);
		return -ENOMEM;
	}
	error = knl_nlerr(rtnl_addr_set_local(ra, na));
	nl_addr_put(na);
	rtnl_addr_set_prefixlen(ra, a->plen);
	if (error == 0 && del)
		error = knl_nlerr(rtnl_addr_build_delete_request(ra, 0, &msg));
	else if (error == 0)
		error = knl_nlerr(rtnl_addr_build_add_request(ra,
		    NLM_F_CREATE | NLM_F_EXCL, &msg));
	rtnl_addr_put(ra);
	if (error == 0 && !del && nla_put_u8(msg, IFA_PROTO,
	    K_RTPROT_IOSH) < 0)
		error = -EMSGSIZE;
	if (error != 0) {
		if (msg != NULL)
			nlmsg_free(msg);
		return error;
	}
	return knl_submit(k, k->rt, msg, 0);
}

int
knl_route_addr_add(void *arg, const struct k_ifaddr *a)
{
	return knl_route_addr_send(arg, a, 0);
}

int
knl_route_addr_del(void *arg, const struct k_ifaddr *a)
{
	return knl_route_addr_send(arg, a, 1);
}

static int
knl_route_addr_one(struct nlmsghdr *h, void *arg)
{
	struct knl_route_list	*l = arg;
	struct nlattr		*tb[IFA_MAX + 1], *at;
	struct ifaddrmsg	*ifa;
	struct k_ifaddr		 a;

	if (h->nlmsg_type != RTM_NEWADDR ||
	    nlmsg_parse(h, sizeof(*ifa), tb, IFA_MAX, NULL) < 0 ||
	    tb[IFA_PROTO] == NULL || nla_get_u8(tb[IFA_PROTO]) !=
	    K_RTPROT_IOSH)
		return 0;
	ifa = nlmsg_data(h);
	if ((at = tb[IFA_LOCAL]) == NULL && (at = tb[IFA_ADDRESS]) == NULL)
		return 0;
	if (nla_len(at) != (int)knl_route_alen(ifa->ifa_family))
		return 0;
	memset(&a, 0, sizeof(a));
	a.addr.family = ifa->ifa_family;
	memcpy(a.addr.u.bytes, nla_data(at), nla_len(at));
	a.plen = ifa->ifa_prefixlen;
	knl_ifname(l->k, ifa->ifa_index, a.dev);
	return l->afn(l->arg, &a);
}

int
knl_route_addr_list(void *arg, k_ifaddr_fn fn, void *fnarg)
{
	struct knl		*k = arg;
	struct knl_route_list	 l = { k, NULL, fn, fnarg };
	struct ifaddrmsg	 ifa;

	memset(&ifa, 0, sizeof(ifa));
	return knl_dump(k, k->rt, RTM_GETADDR, &ifa, sizeof(ifa),
	    knl_route_addr_one, &l);
}
