/*
 * backend/knl_link.c: links through libnl-route.  iosh creates and
 * removes only XFRM interfaces and GRE links whose names begin with
 * K_LINK_PREFIX; any other link it only reads and sets up, down or to
 * an MTU.
 */
#include <errno.h>
#include <net/if.h>
#include <string.h>

#include <netlink/cache.h>
#include <netlink/route/link.h>
#include <netlink/route/link/ipgre.h>
#include <netlink/route/link/xfrmi.h>

#include "backend/knl_priv.h"

static int
knl_link_ours(const char *name)
{
	return strncmp(name, K_LINK_PREFIX, strlen(K_LINK_PREFIX)) == 0;
}

static void
knl_link_set_state(struct rtnl_link *l, const struct k_link *kl)
{
	if (kl->mtu != 0)
		rtnl_link_set_mtu(l, kl->mtu);
	if (kl->up == 1)
		rtnl_link_set_flags(l, IFF_UP);
	else if (kl->up == 0)
		rtnl_link_unset_flags(l, IFF_UP);
}

/* A new XFRM interface or GRE link as libnl builds it. */
static int
knl_link_new(struct knl *k, const struct k_link *kl, struct rtnl_link **lp)
{
	struct rtnl_link	*l;
	int			 idx = 0;

	*lp = NULL;
	if (kl->dev[0] != '\0' && (idx = knl_ifindex(k, kl->dev)) < 0)
		return idx;
	if (kl->kind == K_LINK_XFRM) {
		if ((l = rtnl_link_xfrmi_alloc()) == NULL)
			return -ENOMEM;
		rtnl_link_xfrmi_set_if_id(l, kl->if_id);
		if (idx > 0)
			rtnl_link_xfrmi_set_link(l, idx);
	} else {
		if (kl->local.family != AF_INET ||
		    kl->remote.family != AF_INET)
			return -EAFNOSUPPORT;
		if ((l = rtnl_link_ipgre_alloc()) == NULL)
			return -ENOMEM;
		rtnl_link_ipgre_set_local(l, kl->local.u.v4.s_addr);
		rtnl_link_ipgre_set_remote(l, kl->remote.u.v4.s_addr);
		if (idx > 0)
			rtnl_link_ipgre_set_link(l, idx);
	}
	rtnl_link_set_name(l, kl->name);
	knl_link_set_state(l, kl);
	*lp = l;
	return 0;
}

int
knl_link_add(void *arg, const struct k_link *kl)
{
	struct knl		*k = arg;
	struct rtnl_link	*l;
	struct nl_msg		*msg;
	int			 error;

	if (kl->kind == K_LINK_PHYS || !knl_link_ours(kl->name))
		return -EPERM;
	if ((error = knl_link_new(k, kl, &l)) != 0)
		return error;
	error = knl_nlerr(rtnl_link_build_add_request(l,
	    NLM_F_CREATE | NLM_F_EXCL, &msg));
	rtnl_link_put(l);
	if (error != 0)
		return error;
	knl_forget_links(k);
	return knl_submit(k, k->rt, msg, 0);
}

int
knl_link_change(void *arg, const struct k_link *kl)
{
	struct knl		*k = arg;
	struct rtnl_link	*orig, *chg;
	struct nl_msg		*msg = NULL;
	int			 idx, error = -ENOMEM;

	if ((idx = knl_ifindex(k, kl->name)) < 0)
		return idx;
	orig = rtnl_link_alloc();
	chg = rtnl_link_alloc();
	if (orig != NULL && chg != NULL) {
		rtnl_link_set_ifindex(orig, idx);
		knl_link_set_state(chg, kl);
		error = knl_nlerr(rtnl_link_build_change_request(orig, chg, 0,
		    &msg));
	}
	if (orig != NULL)
		rtnl_link_put(orig);
	if (chg != NULL)
		rtnl_link_put(chg);
	if (error != 0)
		return error;
	return knl_submit(k, k->rt, msg, 0);
}

int
knl_link_del(void *arg, const struct k_link *kl)
{
	struct knl		*k = arg;
	struct rtnl_link	*l;
	struct nl_msg		*msg;
	int			 error;

	if (!knl_link_ours(kl->name))
		return -EPERM;
	if ((l = rtnl_link_alloc()) == NULL)
		return -ENOMEM;
	rtnl_link_set_name(l, kl->name);
	error = knl_nlerr(rtnl_link_build_delete_request(l, &msg));
	rtnl_link_put(l);
	if (error != 0)
		return error;
	knl_forget_links(k);
	return knl_submit(k, k->rt, msg, 0);
}

static void
knl_link_from(struct knl *k, struct rtnl_link *l, struct k_link *kl)
{
	const char	*type = rtnl_link_get_type(l);
	uint32_t	 v = 0;

	memset(kl, 0, sizeof(*kl));
	snprintf(kl->name, sizeof(kl->name), "%s", rtnl_link_get_name(l));
	kl->mtu = rtnl_link_get_mtu(l);
	kl->up = (rtnl_link_get_flags(l) & IFF_UP) != 0;
	kl->kind = K_LINK_PHYS;
	if (!knl_link_ours(kl->name) || type == NULL)
		return;
	if (strcmp(type, "xfrm") == 0) {
		kl->kind = K_LINK_XFRM;
		rtnl_link_xfrmi_get_if_id(l, &kl->if_id);
		rtnl_link_xfrmi_get_link(l, &v);
	} else if (strcmp(type, "gre") == 0) {
		kl->kind = K_LINK_GRE;
		kl->local.family = kl->remote.family = AF_INET;
		kl->local.u.v4.s_addr = rtnl_link_ipgre_get_local(l);
		kl->remote.u.v4.s_addr = rtnl_link_ipgre_get_remote(l);
		v = rtnl_link_ipgre_get_link(l);
	}
	if (v != 0)
		knl_ifname(k, v, kl->dev);
}

int
knl_link_get(void *arg, const char *name, struct k_link *kl)
{
	struct knl		*k = arg;
	struct rtnl_link	*l;
	int			 error;

	k->st.dumps++;
	if ((error = rtnl_link_get_kernel(k->rt, 0, name, &l)) < 0)
		return error == -NLE_OBJ_NOTFOUND || error == -NLE_NODEV ?
		    -ENODEV : knl_nlerr(error);
	knl_link_from(k, l, kl);
	rtnl_link_put(l);
	return 0;
}

struct knl_link_walk {
	struct knl	*k;
	k_link_fn	 fn;
	void		*arg;
	int		 error;
};

static void
knl_link_one(struct nl_object *o, void *arg)
{
	struct knl_link_walk	*w = arg;
	struct rtnl_link	*l = (struct rtnl_link *)o;
	struct k_link		 kl;

	if (w->error != 0 || !knl_link_ours(rtnl_link_get_name(l)))
		return;
	knl_link_from(w->k, l, &kl);
	if (kl.kind != K_LINK_PHYS)
		w->error = w->fn(w->arg, &kl);
}

int
knl_link_list(void *arg, k_link_fn fn, void *fnarg)
{
	struct knl		*k = arg;
	struct knl_link_walk	 w = { k, fn, fnarg, 0 };
	struct nl_cache		*cache;
	int			 error;

	k->st.dumps++;
	if ((error = rtnl_link_alloc_cache(k->rt, AF_UNSPEC, &cache)) < 0)
		return knl_nlerr(error);
	nl_cache_foreach(cache, knl_link_one, &w);
	nl_cache_free(cache);
	return w.error;
}
