/*
 * bench/ike_bench.c: IKE SAs established per second, and heap per
 * established IKE SA with one Child SA, in one process: an initiator
 * and a responder exchange datagrams in memory (both sides' crypto on
 * this one thread), the kernel is a counter.
 *
 *   build/bench/ike_bench [count [proposal]]	(see bench/ike.md)
 *
 * With a proposal, only that one runs (count SAs); without, the three
 * below.
 */
#include <arpa/inet.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "ike/ike.h"

#define BENCH_Q		4

struct q {
	uint8_t	pkt[BENCH_Q][IKE_MAX_MSG];
	size_t	len[BENCH_Q];
	int	n;
};

static int	sa_adds;

static int
q_send(void *arg, const uint8_t *p, size_t len)
{
	struct q	*q = arg;

	if (q->n < BENCH_Q) {
		memcpy(q->pkt[q->n], p, len);
		q->len[q->n++] = len;
	}
	return (0);
}

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
	return (0);
}

static const struct kernel_ops k_ops = {
	.sa_add = k_add, .sa_del = k_del, .sa_stats = k_stats
};

static void
peer(struct ike_peer *p, const char *ike, const char *me, const char *them)
{
	struct ike_child_def	*d = &p->child[0];
	struct k_addr		 a;

	memset(p, 0, sizeof(*p));
	snprintf(p->name, sizeof(p->name), "%s", them);
	p->local.family = p->remote.family = AF_INET;
	inet_pton(AF_INET, me, &p->local.u.v4);
	inet_pton(AF_INET, them, &p->remote.u.v4);
	p->id_local.type = IKE_ID_IPV4_ADDR;
	p->id_local.len = 4;
	memcpy(p->id_local.data, &p->local.u.v4, 4);
	p->psk_local = ike_buf_dup("bench-key", 9);
	p->psk_remote = ike_buf_dup("bench-key", 9);
	ike_alg_parse(ike, IKE_PROTO_IKE, &p->props[0]);
	p->nprops = 1;
	p->nchild = 1;
	ike_alg_parse("aes256gcm16", IKE_PROTO_ESP, &d->props[0]);
	d->nprops = 1;
	a = p->local;
	ike_ts_from_prefix(&d->ts_local[0], &a, 24, 0, 0);
	a = p->remote;
	ike_ts_from_prefix(&d->ts_remote[0], &a, 24, 0, 0);
	d->nts_local = d->nts_remote = 1;
	d->life_seconds = 3600;
	d->mode = K_MODE_TUNNEL;
}

/* One IKE SA with its Child SA; the two SAs stay alive. */
static int
handshake(struct ike_peer *pi, struct ike_peer *pr, struct kernel *k,
    struct ike_sa **si, struct ike_sa **sr)
{
	static struct q	qi, qr;
	struct ike_io	ioi = { q_send, &qi, NULL, NULL };
	struct ike_io	ior = { q_send, &qr, NULL, NULL };
	int		i, err, rounds;

	qi.n = qr.n = 0;
	*sr = NULL;
	if ((*si = ike_sa_new(pi, k, &ioi, 1)) == NULL ||
	    ike_sa_start(*si, 0) != IKE_OK)
		return (-1);
	for (rounds = 0; rounds < 4 && (qi.n || qr.n); rounds++) {
		for (i = 0; i < qi.n; i++) {
			if (*sr == NULL)
				*sr = ike_init_accept(pr, k, &ior, qi.pkt[i],
				    qi.len[i], NULL, 0, &err);
			else
				ike_sa_recv(*sr, qi.pkt[i], qi.len[i], 0);
		}
		qi.n = 0;
		for (i = 0; i < qr.n; i++)
			ike_sa_recv(*si, qr.pkt[i], qr.len[i], 0);
		qr.n = 0;
	}
	return (*sr && (*si)->state == IKE_ST_ESTABLISHED &&
	    (*sr)->state == IKE_ST_ESTABLISHED ? 0 : -1);
}

static double
secs(clockid_t clk)
{
	struct timespec	ts;

	clock_gettime(clk, &ts);
	return ((double)ts.tv_sec + (double)ts.tv_nsec / 1e9);
}

static void
run(const char *ike, int n)
{
	struct ike_peer	 pi, pr;
	struct kernel	 k = { &k_ops, NULL };
	struct ike_sa	**si, **sr;
	struct mallinfo2 m0, m1;
	double		 t0, t1, c0, c1;
	int		 i, ok = 0;

	peer(&pi, ike, "192.0.2.1", "192.0.2.2");
	peer(&pr, ike, "192.0.2.2", "192.0.2.1");
	si = calloc((size_t)n, sizeof(*si));
	sr = calloc((size_t)n, sizeof(*sr));
	handshake(&pi, &pr, &k, &si[0], &sr[0]);	/* warm up */
	ike_sa_free(si[0]);
	ike_sa_free(sr[0]);
	m0 = mallinfo2();
	t0 = secs(CLOCK_MONOTONIC);
	c0 = secs(CLOCK_PROCESS_CPUTIME_ID);
	for (i = 0; i < n; i++)
		ok += handshake(&pi, &pr, &k, &si[i], &sr[i]) == 0;
	c1 = secs(CLOCK_PROCESS_CPUTIME_ID);
	t1 = secs(CLOCK_MONOTONIC);
	m1 = mallinfo2();
	printf("%-30s %5d IKE SAs: %6.0f/s wall, %6.0f/s per CPU second "
	    "(both ends on one thread); heap per SA end with one Child SA: "
	    "%zu bytes\n", ike, ok, ok / (t1 - t0), ok / (c1 - c0),
	    (m1.uordblks - m0.uordblks) / (2 * (size_t)n));
	for (i = 0; i < n; i++) {
		ike_sa_free(si[i]);
		ike_sa_free(sr[i]);
	}
	free(si);
	free(sr);
	ike_peer_free_secrets(&pi);
	ike_peer_free_secrets(&pr);
}

static void
quiet(int level, const char *line, void *arg)
{
}

int
main(int argc, char **argv)
{
	int	n = argc > 1 ? atoi(argv[1]) : 2000;

	ike_log_set_sink(quiet, NULL);
	printf("sizeof(struct ike_sa) = %zu bytes\n", sizeof(struct ike_sa));
	if (argc > 2) {
		run(argv[2], n);
		return (0);
	}
	run("aes256gcm16-prfsha256-ecp256", n);
	run("aes256gcm16-prfsha256-x25519", n);
	run("aes256-sha256-modp2048", n / 10 > 0 ? n / 10 : 1);
	return (0);
}
