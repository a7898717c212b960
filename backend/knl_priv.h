/*
 * backend/knl_priv.h: what the files of the netlink kernel share.
 * Not for use outside backend/knl*.c.
 */
#ifndef IOSH_BACKEND_KNL_PRIV_H
#define IOSH_BACKEND_KNL_PRIV_H

#include <netlink/netlink.h>
#include <netlink/msg.h>

#include "backend/backend.h"

/* A request sent and its outcome (0 or -errno). */
struct knl_req {
	uint32_t	seq;
	int		res;
};

struct knl {
	struct nl_sock	*rt;		/* NETLINK_ROUTE */
	struct nl_sock	*xfrm;		/* NETLINK_XFRM */

	/* Requests packed into one sendmsg, all on one socket. */
	struct nl_sock	*csock;
	uint8_t		*cbuf;
	size_t		 clen, clast, cn;
	int		 csecret;
	size_t		 cstart;	/* its first request in req[] */

	int		 batching;
	struct knl_req	*req;
	size_t		 nreq, capreq;

	/* One-entry caches for link names and indexes. */
	char		 ncache[K_NAMSIZ];
	int		 icache;

	struct knl_stats st;
};

typedef int	(*knl_msg_fn)(struct nlmsghdr *, void *);

int	knl_submit(struct knl *, struct nl_sock *, struct nl_msg *, int);
int	knl_dump(struct knl *, struct nl_sock *, int, const void *, size_t,
	    knl_msg_fn, void *);
int	knl_get(struct knl *, struct nl_sock *, struct nl_msg *, knl_msg_fn,
	    void *);
int	knl_ifindex(struct knl *, const char *);
void	knl_ifname(struct knl *, int, char *);
void	knl_forget_links(struct knl *);
int	knl_nlerr(int);

/* Message builders and parsers, also for tests/check_knl_msg.c. */
int	knl_xfrm_sa_msg(const struct k_sa *, struct nl_msg **);
int	knl_xfrm_policy_msg(const struct k_policy *, int, struct nl_msg **);
int	knl_xfrm_policy_parse(struct nlmsghdr *, struct k_policy *);

/* The operations each file offers, for the table in knl.c. */
int	knl_xfrm_sa_add(void *, const struct k_sa *);
int	knl_xfrm_sa_del(void *, const struct k_sa_id *);
int	knl_xfrm_sa_stats(void *, const struct k_sa_id *,
	    struct k_sa_stats *);
int	knl_xfrm_policy_add(void *, const struct k_policy *);
int	knl_xfrm_policy_update(void *, const struct k_policy *);
int	knl_xfrm_policy_del(void *, const struct k_policy *);
int	knl_xfrm_policy_list(void *, k_policy_fn, void *);

int	knl_route_add(void *, const struct k_route *);
int	knl_route_replace(void *, const struct k_route *);
int	knl_route_del(void *, const struct k_route *);
int	knl_route_list(void *, k_route_fn, void *);
int	knl_route_addr_add(void *, const struct k_ifaddr *);
int	knl_route_addr_del(void *, const struct k_ifaddr *);
int	knl_route_addr_list(void *, k_ifaddr_fn, void *);

int	knl_link_add(void *, const struct k_link *);
int	knl_link_change(void *, const struct k_link *);
int	knl_link_del(void *, const struct k_link *);
int	knl_link_get(void *, const char *, struct k_link *);
int	knl_link_list(void *, k_link_fn, void *);

#endif
