/*
 * backend/kernel.h: the narrow interface between iosh and the kernel.
 *
 * A table of operations on the kernel objects iosh owns: XFRM states
 * (SAs) and policies, links, addresses and routes.  One implementation
 * speaks netlink through libnl-3 (backend/knl.c); another records the
 * calls for unit tests (backend/krec.c).  The IKE daemon installs and
 * removes Child SAs through the same table.
 *
 * Callers own every buffer they pass in; an implementation copies what
 * it keeps and wipes key material it copied before freeing it.
 */
#ifndef IOSH_BACKEND_KERNEL_H
#define IOSH_BACKEND_KERNEL_H

#include <netinet/in.h>
#include <stddef.h>
#include <stdint.h>

struct k_addr {
	int		family;		/* AF_INET or AF_INET6 */
	union {
		struct in_addr	v4;
		struct in6_addr	v6;
		uint8_t		bytes[16];
	} u;
};

/* A traffic selector, as XFRM has it. */
struct k_sel {
	int		family;
	struct k_addr	src, dst;
	uint8_t		src_plen, dst_plen;
	uint8_t		proto;		/* 0: any */
	uint16_t	sport, sport_mask;	/* host byte order */
	uint16_t	dport, dport_mask;
};

#define K_MODE_TRANSPORT	0
#define K_MODE_TUNNEL		1

/* One algorithm as the kernel names it ("cbc(aes)", "hmac(sha256)"). */
struct k_alg {
	const char	*name;		/* NULL: not used */
	const uint8_t	*key;
	size_t		 keylen;	/* bytes; for AEAD includes the salt */
	unsigned	 bits;		/* ICV or truncation length in bits */
};

struct k_lifetime {
	uint64_t	soft_bytes, hard_bytes;		/* 0: none */
	uint64_t	soft_packets, hard_packets;
	uint64_t	soft_seconds, hard_seconds;
};

/* A Child SA in one direction (an XFRM state). */
struct k_sa {
	struct k_addr		src, dst;	/* outer addresses */
	uint32_t		spi;		/* host order */
	uint8_t			proto;		/* IPPROTO_ESP */
	uint8_t			mode;		/* K_MODE_* */
	uint32_t		reqid;
	uint32_t		if_id;		/* 0: none */
	struct k_alg		enc;		/* cipher, or */
	struct k_alg		aead;		/* combined mode (GCM) */
	struct k_alg		auth;
	uint32_t		replay_window;
	struct k_lifetime	life;
	struct k_sel		sel;		/* may be all zero */
	uint16_t		encap_sport;	/* UDP encapsulation (NAT-T), */
	uint16_t		encap_dport;	/* 0: none */
};

/* What identifies an SA for deletion and statistics. */
struct k_sa_id {
	struct k_addr	dst;
	uint32_t	spi;
	uint8_t		proto;
};

struct k_sa_stats {
	uint64_t	bytes, packets;
	uint64_t	replay_window_errs, integrity_errs;
	uint64_t	add_time, use_time;
};

/*
 * Marks of ownership.  The applier lists, changes and removes only
 * objects that carry one of them, and never touches anything else:
 *
 * - routes and addresses: protocol K_RTPROT_IOSH (rtm_protocol and
 *   IFA_PROTO).  171 is in no iproute2 rt_protos file and used by no
 *   routing daemon we know of.
 * - XFRM policies: a priority within [K_PRIO_MIN, K_PRIO_MAX].  The
 *   compiler maps its own order (crypto map sequence, ACL line) into
 *   that band; lower values win, as in the kernel.
 * - links iosh creates (XFRM interfaces, GRE): names beginning with
 *   K_LINK_PREFIX.  Physical links are never created nor removed; only
 *   their MTU and up/down state are set.
 */
#define K_RTPROT_IOSH	171
#define K_PRIO_MIN	0x10000000u
#define K_PRIO_MAX	0x10ffffffu
#define K_LINK_PREFIX	"iosh"

#define K_NAMSIZ	16		/* IFNAMSIZ */

/* Policy direction and action, with the kernel's values. */
#define K_DIR_IN	0
#define K_DIR_OUT	1
#define K_DIR_FWD	2
#define K_ACT_ALLOW	0
#define K_ACT_BLOCK	1

#define K_TMPL_MAX	4

/* One template of a policy: which SA the traffic must go through. */
struct k_tmpl {
	struct k_addr	src, dst;	/* tunnel endpoints; family 0 */
					/* for transport mode */
	uint8_t		proto;		/* IPPROTO_ESP */
	uint8_t		mode;		/* K_MODE_* */
	uint32_t	reqid;
	uint8_t		optional;	/* 1: use, not require */
};

/* An XFRM policy. Selector, dir, mark and if_id identify it. */
struct k_policy {
	struct k_sel	sel;
	uint8_t		dir;		/* K_DIR_* */
	uint8_t		action;		/* K_ACT_* */
	uint32_t	priority;	/* in the band above */
	uint32_t	index;		/* 0: the kernel picks */
	uint32_t	if_id;		/* 0: none */
	uint32_t	mark, mark_mask;	/* mask 0: no mark */
	unsigned	ntmpl;
	struct k_tmpl	tmpl[K_TMPL_MAX];
};

#define K_LINK_PHYS	0	/* exists already: mtu and up only */
#define K_LINK_XFRM	1	/* XFRM interface */
#define K_LINK_GRE	2	/* GRE over IPv4 */

#define K_UP_LEAVE	(-1)

/* A link.  The name identifies it. */
struct k_link {
	char		name[K_NAMSIZ];
	int		kind;		/* K_LINK_* */
	char		dev[K_NAMSIZ];	/* underlying link, or "" */
	uint32_t	if_id;		/* K_LINK_XFRM */
	struct k_addr	local, remote;	/* K_LINK_GRE */
	uint32_t	mtu;		/* 0: leave as it is */
	int		up;		/* 1, 0, or K_UP_LEAVE */
};

/* An interface address, identified by all of its fields. */
struct k_ifaddr {
	char		dev[K_NAMSIZ];
	struct k_addr	addr;
	uint8_t		plen;
};

#define K_RT_UNICAST	0
#define K_RT_BLACKHOLE	1

/* A route, identified by family, table, destination and metric. */
struct k_route {
	struct k_addr	dst;
	uint8_t		plen;
	uint8_t		type;		/* K_RT_* */
	struct k_addr	gw;		/* family 0: none */
	char		oif[K_NAMSIZ];	/* "": none */
	uint32_t	metric;
	uint32_t	table;		/* 0: main */
};

/* Called once per owned object by the list operations. */
typedef int	(*k_policy_fn)(void *, const struct k_policy *);
typedef int	(*k_link_fn)(void *, const struct k_link *);
typedef int	(*k_ifaddr_fn)(void *, const struct k_ifaddr *);
typedef int	(*k_route_fn)(void *, const struct k_route *);

/*
 * The table of operations.  Each returns 0 or a negative errno and
 * takes the implementation's own state as its first argument.  The SA
 * operations are what the IKE daemon uses; the backend adds the
 * policy, link, address and route operations below them.
 */
struct kernel_ops {
	int	(*sa_add)(void *, const struct k_sa *);
	int	(*sa_del)(void *, const struct k_sa_id *);
	int	(*sa_stats)(void *, const struct k_sa_id *,
		    struct k_sa_stats *);

	/*
	 * Policies: add fails if one with the same identity exists;
	 * update changes priority, action and templates in place; del
	 * finds it by identity (selector, dir, mark, if_id).
	 */
	int	(*policy_add)(void *, const struct k_policy *);
	int	(*policy_update)(void *, const struct k_policy *);
	int	(*policy_del)(void *, const struct k_policy *);
	int	(*policy_list)(void *, k_policy_fn, void *);

	/*
	 * Links: add and del only for names with K_LINK_PREFIX; change
	 * sets mtu and up (K_UP_LEAVE and mtu 0 leave them); get reads
	 * any link by name (-ENODEV when there is none); list gives the
	 * links that carry the prefix.
	 */
	int	(*link_add)(void *, const struct k_link *);
	int	(*link_change)(void *, const struct k_link *);
	int	(*link_del)(void *, const struct k_link *);
	int	(*link_get)(void *, const char *, struct k_link *);
	int	(*link_list)(void *, k_link_fn, void *);

	int	(*addr_add)(void *, const struct k_ifaddr *);
	int	(*addr_del)(void *, const struct k_ifaddr *);
	int	(*addr_list)(void *, k_ifaddr_fn, void *);

	/* Routes: replace changes gateway, device or type in place. */
	int	(*route_add)(void *, const struct k_route *);
	int	(*route_replace)(void *, const struct k_route *);
	int	(*route_del)(void *, const struct k_route *);
	int	(*route_list)(void *, k_route_fn, void *);

	/*
	 * Optional pipelining; both NULL when not offered.  Between
	 * batch_begin and batch_end the add, update, change, replace
	 * and del operations may only queue their request and return 0
	 * (or an error of their own, before anything was sent); the
	 * kernel still executes them in call order, but a request that
	 * names a link is resolved when it is queued, so a link added
	 * in the same batch is not yet known.  batch_end waits for all
	 * of them, stores the result of the i-th queued call in res[i]
	 * (when i < nres) and returns the number of calls queued.
	 */
	int	(*batch_begin)(void *);
	int	(*batch_end)(void *, int *res, size_t nres);
};

struct kernel {
	const struct kernel_ops	*ops;
	void			*arg;
};

#endif
