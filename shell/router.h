/*
 * shell/router.h: the running config made real (see shell/router.c).
 */
#ifndef IOSH_SHELL_ROUTER_H
#define IOSH_SHELL_ROUTER_H

#include <stdint.h>

struct event_base;
struct ios_config;
struct kernel;
struct router;

/* plan_only: compile, but leave the kernel and the network alone. */
struct router	*router_new(struct event_base *, struct ios_config *,
		    int plan_only);

/*
 * A router on kernels of the caller's (the recording kernel, in tests
 * and benchmarks) and IKE on ports of its choosing; nothing is read
 * from or written to the real kernel.
 */
struct router_env {
	struct kernel	*kern;		/* links, policies, routes, SAs */
	uint16_t	 ike_port;	/* 0: 500 */
	uint16_t	 natt_port;	/* 0: 4500 */
	uint16_t	 peer_port;	/* 0: each peer's own, 500 by default */
};
struct router	*router_new_env(struct event_base *, struct ios_config *,
		    const struct router_env *);

/*
 * Where the router's log lines go (%LINK-3-UPDOWN, ...), with their
 * syslog priority; by default to syslog.
 */
typedef void	 router_log_fn(void *, int prio, const char *line);
void		 router_set_log(struct router *, router_log_fn *, void *);
void		 router_free(struct router *);
/* Apply now when the config changed since the last apply. */
int		 router_apply(struct router *);
/* The config may have changed: apply a moment from now. */
void		 router_changed(struct router *);
/* Tests of rekeying: no Child SA lives longer (0: as configured). */
void		 router_set_child_lifetime(struct router *,
		    unsigned long long);

/*
 * Whether the line protocol of the interface named so is up (1) or
 * down (0), as last logged; -1: not in the config.
 */
int		 router_link_proto(const struct router *, const char *);

/* The live show and clear commands (shell/router_show.c). */
struct cli;
int		 router_show_ikev2_sa(struct router *, struct cli *, int);
int		 router_show_ipsec_sa(struct router *, struct cli *,
		    const char *peer, int detail);
int		 router_show_session(struct router *, struct cli *, int);
int		 router_show_compile(struct router *, struct cli *, int diff);

/*
 * clear crypto sa | ikev2 sa | session: the IKE SAs whose peer has the
 * remote address (NULL: any) and the local one (NULL: any) are deleted
 * with their Child SAs, and the peer told; tunnels negotiate anew at
 * once, crypto maps when traffic asks.  Returns how many were cleared.
 */
int		 router_clear(struct router *, const char *remote,
		    const char *local);

#endif
