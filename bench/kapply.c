/*
 * bench/kapply.c: the applier against `ip -batch` on the same objects,
 * each run in a fresh network namespace this program creates.
 *
 * usage: kapply [-s] [-n count] [-r rounds]
 *
 * -s: no batching; each request waits for its answer, as `ip` does.
 *
 * For policies alone, routes alone, and both: the time `ip -batch`
 * takes to add them (from the canonical text form of the same desired
 * state), the time kapply_run takes from an empty namespace, and the
 * time and kernel requests of a second kapply_run of the unchanged
 * state.  Then, for both together, the time to change every object,
 * to fail such a change at its very last request (and roll all of it
 * back), and to remove everything.  Needs root.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "backend/backend.h"

#define BENCH_POLICIES	0x1
#define BENCH_ROUTES	0x2

static int	bench_single;	/* -s: no batching */
static int	bench_variant;	/* objects changed: gateway, priority */
static int	bench_bad = -1;	/* this route's gateway is unreachable */
static struct kernel_ops bench_ops;

static double
bench_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A fresh namespace with v0 (192.0.2.1/24) up. */
static int
bench_netns(void)
{
	if (unshare(CLONE_NEWNET) != 0) {
		fprintf(stderr, "kapply: unshare: %s\n", strerror(errno));
		return -1;
	}
	if (system("ip link set lo up && "
	    "ip link add v0 type veth peer name v1 && "
	    "ip link set v0 up && ip link set v1 up && "
	    "ip address add 192.0.2.1/24 dev v0") != 0) {
		fprintf(stderr, "kapply: cannot set up the namespace\n");
		return -1;
	}
	return 0;
}

static void
bench_v4(struct k_addr *a, uint32_t host)
{
	memset(a, 0, sizeof(*a));
	a->family = AF_INET;
	a->u.v4.s_addr = htonl(host);
}

/* Policy i: like a crypto map entry, 10.a.b.0/24 to 172.16.0.0/24. */
static void
bench_policy(struct k_policy *p, unsigned i)
{
	memset(p, 0, sizeof(*p));
	p->sel.family = AF_INET;
	bench_v4(&p->sel.src, 0x0a000000u + (i << 8));
	bench_v4(&p->sel.dst, 0xac100000u);
	p->sel.src_plen = p->sel.dst_plen = 24;
	p->dir = K_DIR_OUT;
	p->priority = K_PRIO_MIN + i + (bench_variant ? 0x10000 : 0);
	p->ntmpl = 1;
	bench_v4(&p->tmpl[0].src, 0xc0000201u);
	bench_v4(&p->tmpl[0].dst, 0xc0000202u);
	p->tmpl[0].proto = IPPROTO_ESP;
	p->tmpl[0].mode = K_MODE_TUNNEL;
	p->tmpl[0].reqid = 1 + i;
}

/* Route i: 100.64.0.0/10 cut in /24s, via 192.0.2.254 on v0. */
static void
bench_route(struct k_route *r, unsigned i)
{
	memset(r, 0, sizeof(*r));
	bench_v4(&r->dst, 0x64400000u + (i << 8));
	r->plen = 24;
	bench_v4(&r->gw, (int)i == bench_bad ? 0x0a636301u :
	    bench_variant ? 0xc00002fdu : 0xc00002feu);
	snprintf(r->oif, sizeof(r->oif), "v0");
}

static struct kstate *
bench_state(unsigned n, int what)
{
	struct kstate	*ks = kstate_new();
	struct k_policy	 p;
	struct k_route	 r;
	unsigned	 i;

	for (i = 0; ks != NULL && i < n; i++) {
		bench_policy(&p, i);
		bench_route(&r, i);
		if (((what & BENCH_POLICIES) &&
		    kstate_add_policy(ks, &p, NULL) != 0) ||
		    ((what & BENCH_ROUTES) &&
		    kstate_add_route(ks, &r, NULL) != 0)) {
			kstate_free(ks);
			return NULL;
		}
	}
	return ks;
}

/*
 * An `ip -batch` file: the canonical text of ks (k NULL), or what an
 * apply of ks would do now (k), without the leading "ip ".
 */
static int
bench_batch_file(struct kernel *k, struct kstate *ks, const char *path)
{
	char	*buf = NULL, *line, *save;
	size_t	 len = 0;
	FILE	*m = open_memstream(&buf, &len), *f = NULL;
	int	 error;

	if (m == NULL)
		return -ENOMEM;
	error = k == NULL ? kstate_write(ks, m) : kapply_plan(k, ks, m);
	fclose(m);
	if (error == 0 && (f = fopen(path, "w")) == NULL)
		error = -errno;
	for (line = strtok_r(buf, "\n", &save); error == 0 && line != NULL;
	    line = strtok_r(NULL, "\n", &save))
		fprintf(f, "%s\n", strncmp(line, "ip ", 3) ? line : line + 3);
	if (error == 0)
		fclose(f);
	free(buf);
	return error;
}

/* Time `ip -batch` of ks (see bench_batch_file), in a fresh netns. */
static double
bench_ip_batch(struct kernel *k, struct kstate *ks, int fresh)
{
	char	path[] = "/tmp/kapply-bench-XXXXXX", cmd[128];
	double	t0, t;
	int	fd;

	if ((fd = mkstemp(path)) < 0)
		return -1;
	close(fd);
	if (bench_batch_file(k, ks, path) != 0 ||
	    (fresh && bench_netns() != 0)) {
		unlink(path);
		return -1;
	}
	snprintf(cmd, sizeof(cmd), "ip -batch %s", path);
	t0 = bench_now();
	t = system(cmd) == 0 ? bench_now() - t0 : -1;
	unlink(path);
	return t;
}

/* The netlink kernel, without its batching under -s. */
static void
bench_kernel(struct knl *nl, struct kernel *k)
{
	knl_kernel(nl, k);
	if (!bench_single)
		return;
	bench_ops = *k->ops;
	bench_ops.batch_begin = NULL;
	bench_ops.batch_end = NULL;
	k->ops = &bench_ops;
}

struct bench_iosh {
	double		first, second;
	unsigned long	requests, dumps2, requests2;
};

static int
bench_kapply(struct kstate *ks, struct kstate *again, struct bench_iosh *r)
{
	struct kapply_report	 rep;
	struct knl_stats	 s0, s1, s2;
	struct kernel		 k;
	struct knl		*nl;
	double			 t0;
	int			 error;

	if (bench_netns() != 0 || (error = knl_open(&nl)) != 0)
		return -1;
	bench_kernel(nl, &k);
	knl_stats(nl, &s0);
	t0 = bench_now();
	error = kapply_run(&k, ks, &rep);
	r->first = bench_now() - t0;
	knl_stats(nl, &s1);
	if (error == 0) {
		t0 = bench_now();
		error = kapply_run(&k, again, &rep);
		r->second = bench_now() - t0;
	}
	knl_stats(nl, &s2);
	knl_close(nl);
	if (error != 0) {
		fprintf(stderr, "kapply: %s: %s\n", strerror(-error),
		    rep.what);
		return -1;
	}
	r->requests = s1.requests - s0.requests;
	r->requests2 = s2.requests - s1.requests;
	r->dumps2 = s2.dumps - s1.dumps;
	return 0;
}

static int
bench_one(unsigned n, int what, const char *name, int rounds)
{
	struct kstate		*ks = bench_state(n, what);
	struct kstate		*again = bench_state(n, what);
	struct bench_iosh	 r, best = { 1e9, 1e9, 0, 0, 0 };
	double			 ip, bip = 1e9;
	size_t			 objs;
	int			 i, error = -1;

	if (ks == NULL || again == NULL)
		goto done;
	objs = kstate_count(ks, KOBJ_POLICY) + kstate_count(ks, KOBJ_ROUTE);
	for (i = 0; i < rounds; i++) {
		if ((ip = bench_ip_batch(NULL, ks, 1)) < 0 ||
		    bench_kapply(ks, again, &r) != 0)
			goto done;
		bip = ip < bip ? ip : bip;
		if (r.first < best.first)
			best = r;
	}
	printf("%-9s %6zu objects  ip -batch %7.1f ms %8.0f/s   "
	    "iosh %7.1f ms %8.0f/s (%lu requests)   "
	    "again %6.1f ms, %lu requests, %lu dumps\n", name, objs,
	    bip * 1e3, objs / bip, best.first * 1e3, objs / best.first,
	    best.requests, best.second * 1e3, best.requests2, best.dumps2);
	error = 0;
done:
	kstate_free(ks);
	kstate_free(again);
	return error;
}

static double
bench_timed(struct kernel *k, struct kstate *ks, int *error)
{
	struct kapply_report	rep;
	double			t0 = bench_now();

	*error = kapply_run(k, ks, &rep);
	return bench_now() - t0;
}

/* The same changes and removal through `ip -batch` of the plans. */
static int
bench_churn_ip(struct kstate *a, struct kstate *b, struct kstate *none,
    double *tc, double *tr)
{
	struct kernel	 k;
	struct knl	*nl = NULL;
	int		 error = -1;

	if (bench_netns() != 0 || knl_open(&nl) != 0)
		goto done;
	knl_kernel(nl, &k);
	bench_timed(&k, a, &error);
	if (error != 0 || (*tc = bench_ip_batch(&k, b, 0)) < 0 ||
	    (*tr = bench_ip_batch(&k, none, 0)) < 0)
		error = -1;
done:
	knl_close(nl);
	return error;
}

/* Change everything, fail such a change at the end, remove all. */
static int
bench_churn(unsigned n)
{
	struct kstate	*a, *b, *bad, *none;
	struct kernel	 k;
	struct knl	*nl = NULL;
	double		 tc, tf, tr, ic = 0, ir = 0;
	int		 e1, e2, e3, e4, error = -1;

	a = bench_state(n, BENCH_POLICIES | BENCH_ROUTES);
	bench_variant = 1;
	b = bench_state(n, BENCH_POLICIES | BENCH_ROUTES);
	bench_variant = 0;
	bench_bad = n - 1;
	bad = bench_state(n, BENCH_POLICIES | BENCH_ROUTES);
	bench_bad = -1;
	none = kstate_new();
	if (a == NULL || b == NULL || bad == NULL || none == NULL ||
	    bench_churn_ip(a, b, none, &ic, &ir) != 0 ||
	    bench_netns() != 0 || knl_open(&nl) != 0)
		goto done;
	bench_kernel(nl, &k);
	bench_timed(&k, a, &e1);
	tc = bench_timed(&k, b, &e2);
	tf = bench_timed(&k, bad, &e3);
	tr = bench_timed(&k, none, &e4);
	if (e1 != 0 || e2 != 0 || e3 != -ENETUNREACH || e4 != 0) {
		fprintf(stderr, "kapply: churn: %d %d %d %d\n", e1, e2, e3,
		    e4);
		goto done;
	}
	printf("change    %6u objects  ip -batch %7.1f ms %8.0f/s   "
	    "iosh %7.1f ms %8.0f/s\n", 2 * n, ic * 1e3, 2 * n / ic,
	    tc * 1e3, 2 * n / tc);
	printf("remove    %6u objects  ip -batch %7.1f ms %8.0f/s   "
	    "iosh %7.1f ms %8.0f/s\n", 2 * n, ir * 1e3, 2 * n / ir,
	    tr * 1e3, 2 * n / tr);
	printf("rollback  %6u routes   changed back but the last: "
	    "failed and undone in %.1f ms\n", n, tf * 1e3);
	error = 0;
done:
	knl_close(nl);
	kstate_free(a);
	kstate_free(b);
	kstate_free(bad);
	kstate_free(none);
	return error;
}

int
main(int argc, char *argv[])
{
	unsigned	n = 10000;
	int		c, rounds = 3;

	while ((c = getopt(argc, argv, "n:r:s")) != -1) {
		switch (c) {
		case 's':
			bench_single = 1;
			break;
		case 'n':
			n = strtoul(optarg, NULL, 10);
			break;
		case 'r':
			rounds = atoi(optarg);
			break;
		default:
			fprintf(stderr, "usage: kapply [-s] [-n count] "
			    "[-r rounds]\n");
			return 2;
		}
	}
	if (n == 0 || n > 0x3fff || rounds < 1) {
		fprintf(stderr, "kapply: count 1..16383, rounds >= 1\n");
		return 2;
	}
	if (geteuid() != 0) {
		fprintf(stderr, "kapply: needs root for a network namespace\n");
		return 77;
	}
	printf("best of %d rounds, each in a fresh network namespace%s\n",
	    rounds, bench_single ? "; iosh without batching" : "");
	if (bench_one(n, BENCH_POLICIES, "policies", rounds) != 0 ||
	    bench_one(n, BENCH_ROUTES, "routes", rounds) != 0 ||
	    bench_one(n, BENCH_POLICIES | BENCH_ROUTES, "both", rounds) != 0 ||
	    bench_churn(n) != 0)
		return 1;
	return 0;
}
