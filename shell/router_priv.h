/*
 * shell/router_priv.h: the router's state, shared by router.c (apply,
 * IKE) and router_show.c (the live show commands).
 */
#ifndef IOSH_SHELL_ROUTER_PRIV_H
#define IOSH_SHELL_ROUTER_PRIV_H

#include "backend/compile.h"
#include "shell/router.h"

#define APPLY_DELAY_MS	200
#define APPLY_MAX_MS	1000	/* put off by lines at most this long */
#define ROUTER_LATE_S	5	/* the higher address waits this long */

/* router_sa.c: the IKE daemon's kernel, counting SAs per if_id. */
struct router_sa_ent {
	struct k_addr	 dst;
	uint32_t	 spi;
	uint32_t	 if_id;
	int		 used;
};
typedef void	router_sa_fn(void *, uint32_t if_id, int delta);
struct router_sa {
	struct kernel		 inner;
	struct router_sa_ent	*v;
	size_t			 cap, n;
	router_sa_fn		*fn;
	void			*arg;
};
void	router_sa_init(struct router_sa *, const struct kernel *,
	    struct kernel *);
void	router_sa_notify(struct router_sa *, router_sa_fn *, void *);
void	router_sa_each(const struct router_sa *, router_sa_fn *, void *);
void	router_sa_free(struct router_sa *);

struct router {
	struct event_base	*base;
	struct ios_config	*cfg;
	int			 plan_only;
	struct knl		*knl;		/* for the applier */
	struct kernel		 kern;
	struct knl		*ike_knl;	/* for the IKE daemon */
	struct kernel		 ike_kern;
	char			*applied;	/* the config last applied */
	struct compile_opts	 copts;		/* --child-lifetime */
	struct compile_out	 out;
	int			 have_out;
	struct ike_ctx		 ike;
	struct ike_net		 net;
	int			 ike_up;
	struct event		*ev_apply, *ev_ike, *ev_natt, *ev_tick;
	struct event		*ev_late;	/* the higher end's turn */
	struct knl_acq		*acq;		/* the kernel asking for SAs */
	struct event		*ev_acq;
	uint64_t		 apply_first;	/* ms: first change pending */
	uint16_t		 ike_port, natt_port, peer_port;
	struct router_sa	 sa;		/* what ike_kern passes to */
	struct router_link	*link;		/* interface states */
	router_log_fn		*log;
	void			*log_arg;
	unsigned long		 gen;		/* applies so far */
	struct show_cache	*show;		/* router_show.c's tables */
};

/* router.c */
void	router_log(struct router *, int prio, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
void	router_arm(struct router *);
int	router_route_based(const struct ike_peer *);
struct ike_sa *router_live_sa(const struct router *, size_t);
void	router_ike_changed(struct router *, struct ike_sa *);

/* router_show.c */
struct show_cache;
void	router_show_free(struct show_cache *);

/* router_stats.c: the kernel's SA counters, for one show command */
struct router_stat {
	struct k_addr		 dst;
	uint32_t		 spi;
	uint8_t			 proto;
	struct k_sa_stats	 st;
};
struct router_stats {
	struct router_stat	*v;
	size_t			 n, cap;
	int			 dumped;
};
int	router_stats_read(struct router *, struct router_stats *);
int	router_stats_parse(struct router_stats *, const void *, size_t,
	    uint32_t);
void	router_stats_done(struct router_stats *);
void	router_stats_get(struct router *, const struct router_stats *,
	    const struct k_addr *, uint32_t, struct k_sa_stats *);
void	router_stats_free(struct router_stats *);

/* router_link.c: interface states and their log lines */
struct router_link;
int	router_link_open(struct router *, int monitor);
void	router_link_apply(struct router *);
void	router_link_free(struct router_link *);

#endif
