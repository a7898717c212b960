/*
 * shell/router.c: what makes ioshd a router: the running config
 * compiled, applied to the kernel, and negotiated by the IKE daemon.
 *
 * After a change at a console (or the startup-config at boot) the
 * config is compiled; when the compiled text differs from what was
 * last applied, the kernel objects are applied as one transaction and
 * the IKE peers are restarted.  Changes that come in a burst (a paste)
 * are applied once, a moment after the last of them.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include <event2/event.h>

#include "backend/compile.h"
#include "grammar/ios.h"
#include "shell/router_priv.h"

static void	router_tick(evutil_socket_t, short, void *);

/* A line for the log: to the router's sink, else to syslog. */
void
router_log(struct router *r, int prio, const char *fmt, ...)
{
	char	line[512];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (r->log != NULL)
		r->log(r->log_arg, prio, line);
	else
		syslog(prio, "%s", line);
}

void
router_set_log(struct router *r, router_log_fn *fn, void *arg)
{
	r->log = fn;
	r->log_arg = arg;
}

static void
router_diags(const struct compile_out *out)
{
	size_t	i;

	for (i = 0; i < out->ndiags; i++)
		syslog(out->diags[i].sev == COMPILE_NOTE ? LOG_NOTICE :
		    LOG_WARNING, "%% %s: %s (%s)",
		    compile_sev_name(out->diags[i].sev), out->diags[i].msg,
		    out->diags[i].line ? out->diags[i].line : "");
}

static void
router_ike_stop(struct router *r)
{
	size_t	i;

	if (!r->ike_up)
		return;
	/* The kernel's SAs go with the IKE SAs that made them. */
	for (i = 0; i < r->ike.nsa; i++)
		ike_sa_uninstall_all(r->ike.sa[i]);
	evtimer_del(r->ev_late);
	event_free(r->ev_ike);
	if (r->ev_natt != NULL)
		event_free(r->ev_natt);
	event_free(r->ev_tick);
	r->ev_ike = r->ev_natt = r->ev_tick = NULL;
	ike_ctx_free(&r->ike);
	ike_net_close(&r->net);
	r->ike_up = 0;
}

/* Timers of the IKE daemon: run them, then sleep until the next. */
void
router_arm(struct router *r)
{
	uint64_t	now = ike_net_now(), next = ike_ctx_tick(&r->ike, now);
	struct timeval	tv = { 1, 0 };

	if (next > now && next - now < 1000) {
		tv.tv_sec = 0;
		tv.tv_usec = (suseconds_t)((next - now) * 1000);
	} else if (next <= now)
		tv.tv_sec = 0;
	evtimer_add(r->ev_tick, &tv);
}

static void
router_tick(evutil_socket_t fd, short what, void *arg)
{
	router_arm(arg);
}

static void
router_datagram(evutil_socket_t fd, short what, void *arg)
{
	struct router	*r = arg;

	ike_net_poll(&r->net, 0, ike_net_now());
	router_arm(r);
}

/* Whether peer i protects a tunnel interface (its children have if_id). */
int
router_route_based(const struct ike_peer *p)
{
	size_t	i;

	for (i = 0; i < p->nchild; i++)
		if (p->child[i].if_id != 0)
			return 1;
	return 0;
}

/*
 * The IKE SA with peer i that is neither dead nor being deleted (after
 * a clear, the old SA waits for the peer's answer to its Delete while
 * a new one is negotiated).
 */
struct ike_sa *
router_live_sa(const struct router *r, size_t i)
{
	struct ike_sa	*sa = ike_ctx_find_peer(&r->ike, i);
	size_t		 j;

	if (sa == NULL || sa->pending != IKE_PEND_DEL_IKE)
		return sa;
	/* Rare: only while a cleared SA waits for its answer. */
	for (j = 0; j < r->ike.nsa; j++) {
		sa = r->ike.sa[j];
		if (sa->peer == &r->ike.peers[i] && sa->state != IKE_ST_DEAD &&
		    sa->pending != IKE_PEND_DEL_IKE)
			return sa;
	}
	return NULL;
}

/*
 * Something outside the IKE table acted on sa (clear sent its Delete or
 * failed it): the table looks at its timers again.
 */
void
router_ike_changed(struct router *r, struct ike_sa *sa)
{
	ike_ctx_changed(&r->ike, sa);
}

/* Negotiate with peer i unless an IKE SA with it is there already. */
static void
router_initiate(struct router *r, size_t i)
{
	if (router_live_sa(r, i) == NULL)
		ike_ctx_initiate(&r->ike, i, ike_net_now());
}

static void
router_late_cb(evutil_socket_t fd, short what, void *arg)
{
	struct router	*r = arg;
	size_t		 i;

	for (i = 0; r->ike_up && i < r->ike.npeers; i++)
		if (router_route_based(&r->ike.peers[i]))
			router_initiate(r, i);
	if (r->ike_up)
		router_arm(r);
}

/*
 * Both ends of a tunnel bring it up when it comes up; two iosh routers
 * doing so at once would make two IKE SAs.  So the end with the lower
 * address goes at once, the other a moment later, and only if nothing
 * came from its peer meanwhile: a peer that never initiates still gets
 * its tunnel.
 */
static void
router_initiate_tunnel(struct router *r, size_t i)
{
	const struct ike_peer	*p = &r->ike.peers[i];
	struct timeval		 tv = { ROUTER_LATE_S, 0 };
	size_t			 len = p->local.family == AF_INET ? 4 : 16;

	if (memcmp(p->local.u.bytes, p->remote.u.bytes, len) < 0) {
		router_initiate(r, i);
		return;
	}
	evtimer_add(r->ev_late, &tv);
}

/*
 * Start the IKE daemon for the compiled peers: one pair of sockets on
 * the first peer's local address.  A tunnel interface's peer is
 * negotiated at once (the tunnel is up); a crypto map's peer when
 * traffic needs it, as IOS does: the kernel says so with an ACQUIRE.
 * XXX: one local address for all peers; peers with another local
 * address are not reached.
 */
static int
router_ike_start(struct router *r)
{
	struct ike_peer	*p = r->out.peers;
	size_t		 i, n = r->out.npeers;

	if (n == 0)
		return 0;
	if (ike_ctx_init(&r->ike, p, n, &r->ike_kern, NULL) != 0)
		return -1;
	if (ike_net_open(&r->net, &r->ike, &p[0].local, r->ike_port,
	    r->natt_port) != 0) {
		ike_ctx_free(&r->ike);
		return -1;
	}
	for (i = 0; i < n; i++)
		if (ike_net_io(&r->net, i, &p[i].remote, r->peer_port ?
		    r->peer_port : p[i].remote_port ? p[i].remote_port : 500,
		    &r->ike.io[i]) != 0) {
			ike_net_close(&r->net);
			ike_ctx_free(&r->ike);
			return -1;
		}
	r->ev_ike = event_new(r->base, r->net.fd_ike, EV_READ | EV_PERSIST,
	    router_datagram, r);
	event_add(r->ev_ike, NULL);
	if (r->net.fd_natt >= 0) {
		r->ev_natt = event_new(r->base, r->net.fd_natt,
		    EV_READ | EV_PERSIST, router_datagram, r);
		event_add(r->ev_natt, NULL);
	}
	r->ev_tick = evtimer_new(r->base, router_tick, r);
	r->ike_up = 1;
	for (i = 0; i < n; i++)
		if (router_route_based(&p[i]))
			router_initiate_tunnel(r, i);
	router_arm(r);
	return 0;
}

/* The kernel has traffic for a Child SA that is not there: negotiate. */
static void
router_acquire(void *arg, uint32_t reqid, int family)
{
	struct router	*r = arg;
	size_t		 i, c;

	if (!r->ike_up)
		return;
	for (i = 0; i < r->ike.npeers; i++)
		for (c = 0; c < r->ike.peers[i].nchild; c++)
			if (r->ike.peers[i].child[c].reqid == reqid) {
				router_initiate(r, i);
				router_arm(r);
				return;
			}
	syslog(LOG_DEBUG, "acquire: no peer for reqid %u (family %d)",
	    reqid, family);
}

static void
router_acquire_cb(evutil_socket_t fd, short what, void *arg)
{
	struct router	*r = arg;

	knl_acquire_read(r->acq);
}

static int
router_kernel(struct router *r, struct compile_out *out)
{
	struct kapply_report	rep;

	if (r->plan_only)
		return 0;
	memset(&rep, 0, sizeof(rep));
	if (kapply_run(&r->kern, out->ks, &rep) == 0) {
		syslog(LOG_INFO, "backend: applied (%zu kernel calls)",
		    rep.calls);
		return 0;
	}
	syslog(LOG_ERR, "backend: apply failed, nothing changed: %s: %s%s%s",
	    rep.what, strerror(-rep.err), rep.origin ? ", from: " : "",
	    rep.origin ? rep.origin : "");
	return -1;
}

/*
 * Whether the compiled peers are the same definitions as those the IKE
 * daemon runs on, keys included: then a change elsewhere in the config
 * (a hostname, a route) leaves the tunnels alone.
 */
static int
router_peers_same(const struct compile_out *a, const struct compile_out *b)
{
	struct ike_peer	x, y;
	size_t		i;

	if (a->npeers != b->npeers)
		return 0;
	for (i = 0; i < a->npeers; i++) {
		x = a->peers[i];
		y = b->peers[i];
		if (!ike_buf_eq(x.psk_local, y.psk_local) ||
		    !ike_buf_eq(x.psk_remote, y.psk_remote))
			return 0;
		x.psk_local = x.psk_remote = NULL;
		y.psk_local = y.psk_remote = NULL;
		if (memcmp(&x, &y, sizeof(x)) != 0)
			return 0;
	}
	return 1;
}

/*
 * The IKE daemon keeps pointing at the peers it runs on: they stay, and
 * the new compile's (the same) go where the old ones would have gone.
 */
static void
router_peers_swap(struct compile_out *cur, struct compile_out *next)
{
	struct ike_peer	*p = cur->peers;

	cur->peers = next->peers;
	next->peers = p;
}

/* Compile and apply now, if the config changed since the last time. */
int
router_apply(struct router *r)
{
	struct compile_out	 out;
	char			*text = ios_print_string(r->cfg, NULL);
	int			 keep;

	if (text == NULL)
		return -1;
	if (r->applied != NULL && strcmp(text, r->applied) == 0) {
		free(text);
		return 0;
	}
	memset(&out, 0, sizeof(out));
	if (compile_config(r->cfg, &r->copts, &out) != 0) {
		free(text);
		return -1;
	}
	router_diags(&out);
	if (router_kernel(r, &out) != 0) {
		compile_out_free(&out);
		free(text);
		return -1;
	}
	keep = r->ike_up && r->have_out && router_peers_same(&r->out, &out);
	if (keep)
		router_peers_swap(&r->out, &out);
	else
		router_ike_stop(r);
	if (r->have_out)
		compile_out_free(&r->out);
	r->out = out;
	r->have_out = 1;
	r->gen++;
	free(r->applied);
	r->applied = text;
	if (!keep && !r->plan_only && router_ike_start(r) != 0)
		syslog(LOG_ERR, "ike: cannot listen on UDP %u/%u",
		    r->ike_port, r->natt_port);
	router_link_apply(r);
	return 0;
}

static void
router_apply_cb(evutil_socket_t fd, short what, void *arg)
{
	router_apply(arg);
}

/*
 * A moment after the last change; but lines that keep coming (a
 * console pressing Enter every while) put the apply off by at most
 * APPLY_MAX_MS.
 */
void
router_changed(struct router *r)
{
	struct timeval	tv = { 0, APPLY_DELAY_MS * 1000 };
	uint64_t	now = ike_net_now();

	if (!evtimer_pending(r->ev_apply, NULL))
		r->apply_first = now;
	else if (now - r->apply_first >= APPLY_MAX_MS)
		return;
	evtimer_add(r->ev_apply, &tv);
}

static int
router_open_kernel(struct router *r)
{
	struct kernel	ike;

	if (knl_open(&r->knl) != 0 || knl_open(&r->ike_knl) != 0 ||
	    knl_acquire_open(&r->acq, router_acquire, r) != 0)
		return -1;
	knl_kernel(r->knl, &r->kern);
	knl_kernel(r->ike_knl, &ike);
	router_sa_init(&r->sa, &ike, &r->ike_kern);
	r->ev_acq = event_new(r->base, knl_acquire_fd(r->acq),
	    EV_READ | EV_PERSIST, router_acquire_cb, r);
	event_add(r->ev_acq, NULL);
	return 0;
}

static struct router *
router_alloc(struct event_base *base, struct ios_config *cfg)
{
	struct router	*r = calloc(1, sizeof(*r));

	if (r == NULL)
		return NULL;
	r->base = base;
	r->cfg = cfg;
	r->ike_port = IKE_PORT;
	r->natt_port = IKE_NATT_PORT;
	r->ev_apply = evtimer_new(base, router_apply_cb, r);
	r->ev_late = evtimer_new(base, router_late_cb, r);
	return r;
}

struct router *
router_new(struct event_base *base, struct ios_config *cfg, int plan_only)
{
	struct router	*r = router_alloc(base, cfg);

	if (r == NULL)
		return NULL;
	r->plan_only = plan_only;
	if (!plan_only && router_open_kernel(r) != 0) {
		syslog(LOG_WARNING, "backend: no netlink access (%s): "
		    "planning only", strerror(errno));
		r->plan_only = 1;
	}
	if (r->plan_only)
		syslog(LOG_NOTICE, "backend: planning only, the kernel is "
		    "left as it is");
	router_link_open(r, 1);
	return r;
}

struct router *
router_new_env(struct event_base *base, struct ios_config *cfg,
    const struct router_env *env)
{
	struct router	*r = router_alloc(base, cfg);

	if (r == NULL)
		return NULL;
	r->kern = *env->kern;
	router_sa_init(&r->sa, env->kern, &r->ike_kern);
	if (env->ike_port != 0)
		r->ike_port = env->ike_port;
	if (env->natt_port != 0)
		r->natt_port = env->natt_port;
	r->peer_port = env->peer_port;
	router_link_open(r, 0);
	return r;
}

/* Tests of rekeying: cap every Child SA's lifetime (0: as configured). */
void
router_set_child_lifetime(struct router *r, unsigned long long seconds)
{
	r->copts.child_life_max = seconds;
}

void
router_free(struct router *r)
{
	if (r == NULL)
		return;
	router_ike_stop(r);
	router_link_free(r->link);
	router_sa_free(&r->sa);
	router_show_free(r->show);
	if (r->have_out)
		compile_out_free(&r->out);
	event_free(r->ev_apply);
	event_free(r->ev_late);
	if (r->ev_acq != NULL)
		event_free(r->ev_acq);
	knl_acquire_close(r->acq);
	if (r->knl != NULL)
		knl_close(r->knl);
	if (r->ike_knl != NULL)
		knl_close(r->ike_knl);
	free(r->applied);
	free(r);
}
