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
	uint16_t	sport, sport_mask;	/* network order not used: host */
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
	/* XXX: policy, link, address and route operations to come. */
};

struct kernel {
	const struct kernel_ops	*ops;
	void			*arg;
};

#endif
