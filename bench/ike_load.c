/*
 * bench/ike_load.c: iosh's counterpart of charon's load-tester.  This
 * process initiates N IKE SAs, each with one Child SA (PSK), over UDP
 * on 127.0.0.1 to a responder process it forks, keeping at most W of
 * them unfinished at a time.  Both use the daemon's table and sockets
 * (ike_ctx, ike_net); their kernels only count the SAs they are given.
 * Nothing is sent anywhere but 127.0.0.1.
 *
 *   build/bench/ike_load [-n N] [-w W] [-p IKE-PROPOSAL]
 *
 * Prints the rate (first initiation to the last Child SA up at the
 * initiator) and each process's growth per IKE SA: resident memory
 * (VmRSS) and the heap in use (mallinfo2).  See bench/ike.md.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ike/ike.h"

struct mem {
	long	rss_kb;
	size_t	heap;
	size_t	ups;		/* Child SAs installed */
	double	cpu;		/* seconds, user and system */
};

static size_t			sa_adds;
static volatile sig_atomic_t	want_report, want_stop;

static int
k_add(void *arg, const struct k_sa *sa)
{
	sa_adds++;
	return (0);
}

static int
k_del(void *arg, const struct k_sa_id *id)
{
	return (0);
}

static int
k_stats(void *arg, const struct k_sa_id *id, struct k_sa_stats *st)
{
	memset(st, 0, sizeof(*st));
	return (0);
}

static const struct kernel_ops k_ops = {
	.sa_add = k_add, .sa_del = k_del, .sa_stats = k_stats
};

static void
quiet(int level, const char *line, void *arg)
{
}

static void
on_signal(int sig)
{
	if (sig == SIGUSR1)
		want_report = 1;
	else
		want_stop = 1;
}

static uint64_t
ns_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((uint64_t)ts.tv_sec * 1000000000 + (uint64_t)ts.tv_nsec);
}

static long
rss_kb(pid_t pid)
{
	char	path[64], line[256];
	FILE	*f;
	long	kb = -1;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	if ((f = fopen(path, "r")) == NULL)
		return (-1);
	while (fgets(line, sizeof(line), f) != NULL)
		if (sscanf(line, "VmRSS: %ld", &kb) == 1)
			break;
	fclose(f);
	return (kb);
}

static void
mem_now(struct mem *m)
{
	struct rusage	ru;

	getrusage(RUSAGE_SELF, &ru);
	m->cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_stime.tv_sec +
	    ((double)ru.ru_utime.tv_usec + (double)ru.ru_stime.tv_usec) / 1e6;
	m->rss_kb = rss_kb(getpid());
	m->heap = mallinfo2().uordblks;
	m->ups = sa_adds / 2;		/* inbound and outbound */
}

static int
peer_def(struct ike_peer *p, const char *ike, const char *id,
    uint16_t port)
{
	struct ike_child_def	*d = &p->child[0];

	memset(p, 0, sizeof(*p));
	snprintf(p->name, sizeof(p->name), "load");
	p->local.family = p->remote.family = AF_INET;
	inet_pton(AF_INET, "127.0.0.1", &p->local.u.v4);
	p->remote = p->local;
	p->remote_port = port;
	p->id_local.type = IKE_ID_FQDN;
	p->id_local.len = (uint8_t)strlen(id);
	memcpy(p->id_local.data, id, p->id_local.len);
	p->psk_local = ike_buf_dup("bench-key", 9);
	p->psk_remote = ike_buf_dup("bench-key", 9);
	if (ike_alg_parse(ike, IKE_PROTO_IKE, &p->props[0]) != IKE_OK ||
	    ike_alg_parse("aes256gcm16", IKE_PROTO_ESP, &d->props[0]) !=
	    IKE_OK)
		return (-1);
	p->nprops = 1;
	p->nchild = 1;
	d->nprops = 1;
	ike_ts_from_prefix(&d->ts_local[0], &p->local, 32, 0, 0);
	ike_ts_from_prefix(&d->ts_remote[0], &p->remote, 32, 0, 0);
	d->nts_local = d->nts_remote = 1;
	d->mode = K_MODE_TUNNEL;
	d->life_seconds = 3600;
	return (0);
}

/* One end: a table of one peer on a socket of 127.0.0.1. */
struct end {
	struct ike_peer	peer;
	struct kernel	k;
	struct ike_ctx	ctx;
	struct ike_net	net;
};

static int
end_open(struct end *e, const char *ike, const char *id)
{
	e->k.ops = &k_ops;
	e->k.arg = NULL;
	if (peer_def(&e->peer, ike, id, 0) != 0 ||
	    ike_ctx_init(&e->ctx, &e->peer, 1, &e->k, NULL) != IKE_OK ||
	    ike_net_open(&e->net, &e->ctx, &e->peer.local, 0, 0) != IKE_OK)
		return (-1);
	e->ctx.halfopen_max = (size_t)-1;	/* no cookies, as charon here */
	return (0);
}

static int
end_peer_port(struct end *e, uint16_t port)
{
	e->peer.remote_port = port;
	return (ike_net_io(&e->net, 0, &e->peer.remote, port, &e->ctx.io[0]));
}

/* The forked responder: answer until told to stop, report when asked. */
static int
responder(const char *ike, uint16_t iport, int out)
{
	struct end	e;
	struct mem	m;
	uint16_t	port;

	if (end_open(&e, ike, "resp.load") != 0 ||
	    end_peer_port(&e, iport) != IKE_OK)
		return (1);
	port = ike_net_port(&e.net);
	mem_now(&m);
	if (write(out, &port, sizeof(port)) != sizeof(port) ||
	    write(out, &m, sizeof(m)) != sizeof(m))
		return (1);
	while (!want_stop) {
		ike_net_step(&e.net, 100);
		if (want_report) {
			want_report = 0;
			mem_now(&m);
			if (write(out, &m, sizeof(m)) != sizeof(m))
				return (1);
		}
	}
	return (0);
}

static int
read_all(int fd, void *p, size_t len)
{
	ssize_t	n;
	size_t	got = 0;

	while (got < len) {
		if ((n = read(fd, (uint8_t *)p + got, len - got)) < 0 &&
		    errno == EINTR)
			continue;
		if (n <= 0)
			return (-1);
		got += (size_t)n;
	}
	return (0);
}

static void
report(const char *ike, size_t n, size_t ups, double secs,
    const struct mem *i0, const struct mem *i1, const struct mem *r0,
    const struct mem *r1)
{
	double	cpu = i1->cpu - i0->cpu + r1->cpu - r0->cpu;

	printf("iosh %s: %zu of %zu IKE SAs (one Child SA each) in %.3f s: "
	    "%.0f/s; %.3f CPU s in both processes: %.0f per CPU second\n",
	    ike, ups, n, secs, (double)ups / secs, cpu, (double)ups / cpu);
	printf("iosh %s: responder per IKE SA: %.0f bytes RSS, %.0f bytes "
	    "heap; initiator: %.0f bytes RSS, %.0f bytes heap\n", ike,
	    (double)(r1->rss_kb - r0->rss_kb) * 1024 / (double)n,
	    ((double)r1->heap - (double)r0->heap) / (double)n,
	    (double)(i1->rss_kb - i0->rss_kb) * 1024 / (double)n,
	    ((double)i1->heap - (double)i0->heap) / (double)n);
}

/*
 * What a tick costs with n SAs in the table: with nothing due (the heap
 * says so at once), and at the once-a-second sweep, which looks at each
 * SA's timers as every tick did before the heap.
 */
static void
tick_cost(struct end *e)
{
	uint64_t	now = ike_net_now() + 2000, t0;
	double		idle, sweep;
	int		i;

	ike_ctx_tick(&e->ctx, now);		/* sweeps; the next is +1 s */
	t0 = ns_now();
	for (i = 0; i < 100000; i++)
		ike_ctx_tick(&e->ctx, now);
	idle = (double)(ns_now() - t0) / 100000;
	t0 = ns_now();
	for (i = 1; i <= 20; i++)
		ike_ctx_tick(&e->ctx, now + (uint64_t)i * 1000);
	sweep = (double)(ns_now() - t0) / 20;
	printf("iosh table of %zu SAs: a tick with nothing due %.0f ns, "
	    "the once-a-second sweep %.2f ms\n", e->ctx.nsa, idle,
	    sweep / 1e6);
}

/* Initiate n, at most w unfinished; returns Child SAs up. */
static size_t
initiate(struct end *e, size_t n, size_t w, double *secs)
{
	uint64_t	t0, now, last;
	size_t		started = 0, up = 0;

	t0 = last = ike_net_now();
	while (up < n) {
		now = ike_net_now();
		while (started < n && started - up < w) {
			ike_ctx_initiate(&e->ctx, 0, now);
			started++;
		}
		ike_net_step(&e->net, 10);
		if (sa_adds / 2 > up) {
			up = sa_adds / 2;
			last = ike_net_now();
		} else if (ike_net_now() - last > 30000)
			break;		/* nothing for 30 s: give up */
	}
	*secs = (double)(last - t0) / 1000.0;
	return (up);
}

int
main(int argc, char **argv)
{
	const char	*ike = "aes256gcm16-prfsha256-ecp256";
	struct end	 e;
	struct mem	 i0, i1, r0, r1;
	size_t		 n = 10000, w = 64, up;
	double		 secs;
	uint16_t	 rport, iport;
	pid_t		 pid;
	int		 c, fds[2], status;

	while ((c = getopt(argc, argv, "n:w:p:")) != -1) {
		if (c == 'n')
			n = strtoul(optarg, NULL, 10);
		else if (c == 'w')
			w = strtoul(optarg, NULL, 10);
		else if (c == 'p')
			ike = optarg;
		else {
			fprintf(stderr, "usage: ike_load [-n N] [-w W] "
			    "[-p IKE-PROPOSAL]\n");
			return (2);
		}
	}
	ike_log_set_sink(quiet, NULL);
	signal(SIGUSR1, on_signal);
	signal(SIGTERM, on_signal);
	if (n == 0 || w == 0 || end_open(&e, ike, "init.load") != 0 ||
	    pipe(fds) != 0) {
		fprintf(stderr, "ike_load: cannot set up (proposal %s)\n", ike);
		return (1);
	}
	iport = ike_net_port(&e.net);
	if ((pid = fork()) == 0) {
		close(fds[0]);
		ike_net_close(&e.net);
		_exit(responder(ike, iport, fds[1]));
	}
	close(fds[1]);
	if (pid < 0 || read_all(fds[0], &rport, sizeof(rport)) != 0 ||
	    read_all(fds[0], &r0, sizeof(r0)) != 0 ||
	    end_peer_port(&e, rport) != IKE_OK) {
		fprintf(stderr, "ike_load: the responder did not start\n");
		return (1);
	}
	mem_now(&i0);
	up = initiate(&e, n, w, &secs);
	mem_now(&i1);
	kill(pid, SIGUSR1);
	if (read_all(fds[0], &r1, sizeof(r1)) != 0)
		memset(&r1, 0, sizeof(r1));
	kill(pid, SIGTERM);
	waitpid(pid, &status, 0);
	report(ike, n, up, secs, &i0, &i1, &r0, &r1);
	if (r1.ups != up)
		printf("iosh %s: the responder has %zu Child SAs\n", ike,
		    r1.ups);
	tick_cost(&e);
	ike_net_close(&e.net);
	ike_ctx_free(&e.ctx);
	ike_peer_free_secrets(&e.peer);
	return (up == n ? 0 : 1);
}
