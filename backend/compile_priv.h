/*
 * backend/compile_priv.h: what the compile_*.c files share.
 *
 * One compile runs in one struct compile_ctx: the config, the options,
 * the output being built, and the bookkeeping that keeps identities
 * unique (reqids, kernel object keys).
 */
#ifndef IOSH_BACKEND_COMPILE_PRIV_H
#define IOSH_BACKEND_COMPILE_PRIV_H

#include <stdarg.h>
#include <stdint.h>

#include "backend/compile.h"
#include "grammar/model.h"

#define COMPILE_LINE_MAX	256

/*
 * The model's lookups (model_acl(cfg, name, 0), ...) take a config
 * they could change; with create 0 they only read its index.
 * XXX: until grammar/model.h offers const lookups.
 */
#define CFG_LOOKUP(cfg)	((struct ios_config *)(uintptr_t)(cfg))

/* A set of kernel object identities, for duplicates. */
struct compile_seen {
	struct kobj	*v;		/* origin unused */
	uint8_t		*used;
	size_t		 n, cap;
};

/* A set of reqids handed out (open addressing, 0: free). */
struct compile_ids {
	uint32_t	*v;
	size_t		 n, cap;
};

/* Peers by their two addresses: index + 1 into out->peers, 0: free. */
struct compile_pidx {
	size_t		*v;
	size_t		 cap;
};

struct compile_v1keys;

/* What IKE settings a peer was made from (names, NULL: none). */
struct compile_psrc {
	const char	*ikev2_profile;
	const char	*isakmp_profile;
};

struct compile_ctx {
	const struct ios_config		*cfg;
	const struct compile_opts	*opts;
	struct compile_out		*out;
	size_t				 cap_peers, cap_diags;
	struct compile_seen		 seen;
	struct compile_ids		 reqids;
	struct compile_pidx		 pidx;
	struct compile_psrc		*psrc;	/* one per peer */
	struct compile_v1keys		*v1keys;	/* built on first use */
	int				 err;	/* sticky -ENOMEM */
};

/*
 * What an IPsec protection names: the settings of a crypto map entry
 * or an ipsec profile, resolved to objects.
 */
struct compile_prot {
	const char			*line;	/* its config line */
	char *const			*ts;	/* IOS_MAX_TS names */
	int				 pfs;
	const struct ios_sa_life	*life;
	const char			*ikev2_profile;
	const char			*isakmp_profile;
};

/* The two ends of an IKE SA and where they come from. */
struct compile_ends {
	struct k_addr	local, remote;
	const char	*line;		/* the object that asks for it */
};

/* compile_diag.c */
void	compile_diag(struct compile_ctx *, int, const char *, const char *,
	    ...) __attribute__((format(printf, 4, 5)));
char	*compile_cmap_line(const struct cmap_entry *, char *, size_t);
char	*compile_ace_line(const struct ios_acl *, const struct ios_ace *,
	    char *, size_t);
const char *compile_addr_str(const struct k_addr *, char *, size_t);

/* compile_id.c */
uint32_t compile_hash(const void *, size_t, uint32_t);
uint32_t compile_reqid(struct compile_ctx *, const char *);
int	compile_seen_add(struct compile_ctx *, const struct kobj *);
void	compile_seen_free(struct compile_seen *);
int	compile_add(struct compile_ctx *, struct kobj *, const char *);
int	compile_if_id(const char *);

/* compile_addr.c */
void	compile_addr4(struct k_addr *, struct in_addr);
void	compile_addr6(struct k_addr *, const struct in6_addr *);
int	compile_addr_ios(struct k_addr *, const struct ios_addr *);
int	compile_wild_plen(struct in_addr);
int	compile_mask_plen(struct in_addr);
int	compile_addr_in(const struct k_addr *, const struct k_addr *, int);
int	compile_addr_any(const struct k_addr *);

/* compile_if.c */
void	compile_if(struct compile_ctx *);
void	compile_routes(struct compile_ctx *);
const struct ios_if *compile_if_find(struct compile_ctx *, const char *);
int	compile_if_dev(struct compile_ctx *, const struct ios_if *, char *,
	    size_t);
int	compile_if_addr(const struct ios_if *, int, struct k_addr *);

/* compile_ike.c */
struct ike_peer *compile_peer(struct compile_ctx *, const struct
	    compile_ends *, const struct compile_prot *);
void	compile_pidx_free(struct compile_pidx *);
int	compile_child_add(struct compile_ctx *, struct ike_peer *,
	    const struct ike_child_def *, const char *);
void	compile_v1_check(struct compile_ctx *);

/* compile_v1.c: IKEv1 (isakmp) syntax negotiated with IKEv2 */
int	compile_v1_peer(struct compile_ctx *, struct ike_peer *,
	    const struct compile_ends *, const struct isakmp_profile *);
void	compile_v1_free(struct compile_ctx *);

/* compile_v2.c: IKEv2 syntax */
int	compile_v2_peer(struct compile_ctx *, struct ike_peer *,
	    const struct compile_ends *, const struct ikev2_profile *);
int	compile_v2_props(struct compile_ctx *, struct ike_peer *,
	    const struct k_addr *, const char *);
void	compile_v2_check(struct compile_ctx *);
void	compile_v2_default_props(struct ike_peer *);
int	compile_v2_id(struct ike_id *, int, const char *);
void	compile_id_addr(struct ike_id *, const struct k_addr *);
int	compile_xf(struct ike_prop *, uint8_t, uint16_t, uint16_t);

/* compile_esp.c: transform-sets, PFS, lifetimes of a Child SA */
int	compile_esp(struct compile_ctx *, const struct compile_prot *,
	    struct ike_child_def *, int *);

/* compile_cmap.c, compile_tun.c */
void	compile_cmaps(struct compile_ctx *);
void	compile_tunnels(struct compile_ctx *);

#endif
