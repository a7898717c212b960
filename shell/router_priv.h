/*
 * shell/router_priv.h: the router's state, shared by router.c (apply,
 * IKE) and router_show.c (the live show commands).
 */
#ifndef IOSH_SHELL_ROUTER_PRIV_H
#define IOSH_SHELL_ROUTER_PRIV_H

#include "backend/compile.h"
#include "shell/router.h"

#define APPLY_DELAY_MS	200
#define ROUTER_LATE_S	5	/* the higher address waits this long */

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
};

#endif
