/*
 * bench/show_bench.c: a hub router with N live tunnels, serving the
 * console socket, so that bench/show.sh can time the show commands
 * through the real path (iosh -> socket -> engine -> router -> socket).
 *
 *   build/bench/show_bench CONFIG SOCKET
 *
 * CONFIG is a hub config (bench/show-config.sh N): tunnel i goes from
 * 127.0.0.1 to 127.1.A.B.  The hub is the router ioshd runs, on a
 * recording kernel (this machine's kernel has no ESP) whose SA
 * counters are made up from the SPI, so that they have digits to print.
 * The far end of each tunnel is a one-peer IKE daemon of its own, on
 * its own loopback address (one socket each), its peer definition
 * mirrored from the hub's; all of them run in this one thread.
 * When every tunnel is up (or after 300 s), it prints "ready N/M" and
 * serves consoles until SIGTERM.
 */
#include <arpa/inet.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <event2/event.h>

#include "grammar/ios.h"
#include "shell/live.h"
#include "shell/router_priv.h"
#include "shell/server.h"

struct far {
	struct ike_peer	 peer;
	struct ike_ctx	 ctx;
	struct ike_net	 net;
	struct ike_io	 io;
	struct event	*ev;
};

static struct far	*fars;
static size_t		 nfar;
static struct kernel	 hub_kern;	/* the recording kernel's */

static int
null_sa_add(void *arg, const struct k_sa *sa)
{
	return 0;
}

static int
null_sa_del(void *arg, const struct k_sa_id *id)
{
	return 0;
}

static int
null_sa_stats(void *arg, const struct k_sa_id *id, struct k_sa_stats *st)
{
	memset(st, 0, sizeof(*st));
	return 0;
}

static const struct kernel_ops	null_ops = {
	.sa_add = null_sa_add,
	.sa_del = null_sa_del,
	.sa_stats = null_sa_stats,
};
static struct kernel		null_kern = { &null_ops, NULL };

/* SA calls to the recording kernel; counters made up from the SPI. */
static int
hub_sa_add(void *arg, const struct k_sa *sa)
{
	return hub_kern.ops->sa_add(hub_kern.arg, sa);
}

static int
hub_sa_del(void *arg, const struct k_sa_id *id)
{
	return hub_kern.ops->sa_del(hub_kern.arg, id);
}

static int
hub_sa_stats(void *arg, const struct k_sa_id *id, struct k_sa_stats *st)
{
	memset(st, 0, sizeof(*st));
	st->packets = id->spi % 1000003;
	st->bytes = st->packets * 1400;
	st->add_time = (uint64_t)time(NULL) - id->spi % 3000;
	return 0;
}

static void
quiet(int level, const char *msg, void *arg)
{
}

static void
quiet_router(void *arg, int prio, const char *line)
{
}

/* The far end of hub peer h: the same definition, seen from there. */
static void
far_peer(const struct ike_peer *h, struct ike_peer *p)
{
	size_t	c;

	*p = *h;
	p->local = h->remote;
	p->remote = h->local;
	/*
	 * Ports as the hub has them (500, as configured): the NAT
	 * detection hashes agree, and nobody moves to the NAT-T port.
	 */
	p->local_port = h->remote_port;
	p->remote_port = h->local_port;
	p->id_local = h->id_remote;
	p->id_remote = h->id_local;
	p->psk_local = ike_buf_dup(h->psk_remote->p, h->psk_remote->len);
	p->psk_remote = ike_buf_dup(h->psk_local->p, h->psk_local->len);
	for (c = 0; c < h->nchild; c++) {
		memcpy(p->child[c].ts_local, h->child[c].ts_remote,
		    sizeof(p->child[c].ts_local));
		memcpy(p->child[c].ts_remote, h->child[c].ts_local,
		    sizeof(p->child[c].ts_remote));
		p->child[c].nts_local = h->child[c].nts_remote;
		p->child[c].nts_remote = h->child[c].nts_local;
		p->child[c].if_id = 0;
	}
}

static void
far_read(evutil_socket_t fd, short what, void *arg)
{
	struct far	*f = arg;
	uint64_t	 now = ike_net_now();

	ike_net_poll(&f->net, 0, now);
	ike_ctx_tick(&f->ctx, now);
}

static int
far_open(struct event_base *base, struct far *f, const struct ike_peer *h,
    uint16_t port)
{
	far_peer(h, &f->peer);
	ike_ctx_init(&f->ctx, &f->peer, 1, &null_kern, &f->io);
	if (ike_net_open(&f->net, &f->ctx, &f->peer.local, port, 0) !=
	    IKE_OK)
		return -1;
	ike_net_io(&f->net, 0, &f->peer.remote, port, &f->ctx.io[0]);
	f->ev = event_new(base, f->net.fd_ike, EV_READ | EV_PERSIST,
	    far_read, f);
	event_add(f->ev, NULL);
	return 0;
}

static uint16_t
free_port(void)
{
	struct sockaddr_in	sin;
	socklen_t		len = sizeof(sin);
	int			fd = socket(AF_INET, SOCK_DGRAM, 0);

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sin, sizeof(sin)) != 0 ||
	    getsockname(fd, (struct sockaddr *)&sin, &len) != 0)
		return 0;
	close(fd);
	return ntohs(sin.sin_port);
}

static size_t
tunnels_up(const struct router *r)
{
	size_t	i, n = 0;

	for (i = 0; r->ike_up && i < r->ike.nsa; i++)
		n += r->ike.sa[i]->state == IKE_ST_ESTABLISHED &&
		    r->ike.sa[i]->slot[0].cur.installed;
	return n;
}

static void
on_signal(evutil_socket_t sig, short what, void *arg)
{
	event_base_loopbreak(arg);
}

static void
errors(void *arg, const char *buf, size_t len)
{
	fwrite(buf, 1, len, stderr);
}

int
main(int argc, char **argv)
{
	static const struct kernel_ops	 hub_ops = {
		.sa_add = hub_sa_add,
		.sa_del = hub_sa_del,
		.sa_stats = hub_sa_stats,
	};
	struct rlimit			 rl = { 1 << 18, 1 << 18 };
	struct event_base		*base;
	struct cli_engine		*eng;
	struct ios_config		*cfg;
	struct router_env		 env;
	struct router			*r;
	struct server			*srv;
	struct krec			*k;
	struct kobj			 eth;
	struct event			*sig;
	char				 err[256];
	uint16_t			 port, natt;
	uint64_t			 t0, end;
	size_t				 i, up = 0;
	int				 big = 64 << 20;

	if (argc != 3) {
		fprintf(stderr, "usage: show_bench CONFIG SOCKET\n");
		return 2;
	}
	setrlimit(RLIMIT_NOFILE, &rl);
	signal(SIGPIPE, SIG_IGN);
	ike_log_set_sink(quiet, NULL);
	base = event_base_new();
	eng = cli_engine_new(live_grammar(), err, sizeof(err));
	cfg = ios_config_new();
	if (base == NULL || eng == NULL || cfg == NULL)
		return 1;
	ios_config_set_engine(cfg, eng);
	if (ios_config_load(cfg, eng, argv[1], errors, NULL) != 0)
		return 1;

	k = krec_new();
	memset(&eth, 0, sizeof(eth));
	eth.kind = KOBJ_LINK;
	snprintf(eth.u.link.name, sizeof(eth.u.link.name), "eth0");
	eth.u.link.kind = K_LINK_PHYS;
	eth.u.link.up = 1;
	krec_seed(k, &eth, 0);
	krec_kernel(k, &hub_kern);
	port = free_port();
	while ((natt = free_port()) == port)
		;
	memset(&env, 0, sizeof(env));
	env.kern = &hub_kern;
	env.ike_port = port;
	env.natt_port = natt;
	env.peer_port = port;
	if ((r = router_new_env(base, cfg, &env)) == NULL)
		return 1;
	/* The IKE daemon's SA calls: the recording kernel, counters made up. */
	r->sa.inner.ops = &hub_ops;
	router_set_log(r, quiet_router, NULL);
	t0 = ike_net_now();
	if (router_apply(r) != 0 || !r->ike_up) {
		fprintf(stderr, "show_bench: the hub did not start\n");
		return 1;
	}
	setsockopt(r->net.fd_ike, SOL_SOCKET, SO_RCVBUFFORCE, &big,
	    sizeof(big));
	setsockopt(r->net.fd_natt, SOL_SOCKET, SO_RCVBUFFORCE, &big,
	    sizeof(big));
	nfar = r->ike.npeers;
	if ((fars = calloc(nfar + 1, sizeof(*fars))) == NULL)
		return 1;
	for (i = 0; i < nfar; i++)
		if (far_open(base, &fars[i], &r->ike.peers[i], port) != 0) {
			fprintf(stderr, "show_bench: far end %zu\n", i);
			return 1;
		}
	end = t0 + 300000;
	while (ike_net_now() < end && (up = tunnels_up(r)) < nfar)
		event_base_loop(base, EVLOOP_ONCE);
	fprintf(stderr, "show_bench: %zu of %zu tunnels up in %.1f s "
	    "(%zu in the config)\n", up, nfar,
	    (double)(ike_net_now() - t0) / 1000, cfg->interfaces.n - 1);

	live_set_router(r);
	srv = server_new(base, eng, cfg, IOS_M_USER, IOS_M_PRIV);
	if (srv == NULL || server_listen(srv, argv[2], -1) != 0)
		return 1;
	sig = evsignal_new(base, SIGTERM, on_signal, base);
	evsignal_add(sig, NULL);
	printf("ready %zu/%zu\n", up, cfg->interfaces.n - 1);
	fflush(stdout);
	event_base_dispatch(base);
	unlink(argv[2]);
	return 0;
}
