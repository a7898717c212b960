/*
 * shell/router.h: the running config made real (see shell/router.c).
 */
#ifndef IOSH_SHELL_ROUTER_H
#define IOSH_SHELL_ROUTER_H

struct event_base;
struct ios_config;
struct router;

/* plan_only: compile, but leave the kernel and the network alone. */
struct router	*router_new(struct event_base *, struct ios_config *,
		    int plan_only);
void		 router_free(struct router *);
/* Apply now when the config changed since the last apply. */
int		 router_apply(struct router *);
/* The config may have changed: apply a moment from now. */
void		 router_changed(struct router *);
/* Tests of rekeying: no Child SA lives longer (0: as configured). */
void		 router_set_child_lifetime(struct router *,
		    unsigned long long);

/* The live show and clear commands (shell/router_show.c). */
struct cli;
int		 router_show_ikev2_sa(struct router *, struct cli *, int);
int		 router_show_ipsec_sa(struct router *, struct cli *,
		    const char *peer, int detail);
int		 router_show_session(struct router *, struct cli *, int);
int		 router_show_compile(struct router *, struct cli *, int diff);
int		 router_clear(struct router *, struct cli *, const char *);

#endif
