/*
 * tests/check_ike_ctx.c: the table of SAs at scale.  Two tables in one
 * process, thousands of peers each (one remote address per peer, as a
 * hub has), datagrams passed in memory through one queue, and kernels
 * that count what they are asked to install and remove.
 */
#include <arpa/inet.h>
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "ike/ike.h"

#ifndef NPEERS
#define NPEERS		2000	/* -DNPEERS=10000 for a hub's worth */
#endif
#define T0		1000000		/* ms: any start of time */

struct dgram {
	struct ike_ctx	*to;
	struct ike_path	 path;
	uint8_t		*p;
	size_t		 len;
};

/* Datagrams in flight, first in first out. */
struct wire {
	struct dgram	*q;
	size_t		 head, n, cap;
	size_t		 sent;		/* ever, dropped ones too */
	int		 drop;		/* lose what is sent */
};

/* One peer's end: where its datagrams go. */
struct end {
	struct wire	*w;
	struct ike_ctx	*to;
	struct k_addr	 self, them;
};

/* Counts, and keeps (destination, SPI) of each SA it is given. */
struct kcount {
	struct kernel	 k;
	size_t		 nadd, ndel;
	uint64_t	*add;
};

struct side {
	struct ike_peer	*peers;
	struct end	*ends;
	struct ike_io	*io;
	struct kcount	 kc;
	struct ike_ctx	 ctx;
};

static int
wire_send(void *arg, const uint8_t *p, size_t len)
{
	struct end	*e = arg;
	struct wire	*w = e->w;
	struct dgram	*d;

	w->sent++;
	if (w->drop)
		return (0);
	if (w->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 256;
		ck_assert_ptr_nonnull(w->q = realloc(w->q, w->cap *
		    sizeof(*w->q)));
	}
	d = &w->q[w->n++];
	memset(d, 0, sizeof(*d));
	d->to = e->to;
	d->path.local = e->them;
	d->path.remote = e->self;
	d->path.lport = d->path.rport = IKE_PORT;
	ck_assert_ptr_nonnull(d->p = malloc(len));
	memcpy(d->p, p, len);
	d->len = len;
	return (0);
}

/* Deliver until nothing is in flight; returns how many went. */
static size_t
wire_pump(struct wire *w, uint64_t now)
{
	struct dgram	d;
	size_t		n = 0;

	while (w->head < w->n) {
		d = w->q[w->head++];
		ike_ctx_recv(d.to, &d.path, d.p, d.len, now);
		free(d.p);
		n++;
		ck_assert_uint_lt(n, 50 * NPEERS);	/* no endless loop */
	}
	w->head = w->n = 0;
	return (n);
}

static int
kc_add(void *arg, const struct k_sa *sa)
{
	struct kcount	*kc = arg;
	uint32_t	 dst;

	if (kc->nadd % 1024 == 0)
		ck_assert_ptr_nonnull(kc->add = realloc(kc->add,
		    (kc->nadd + 1024) * sizeof(*kc->add)));
	memcpy(&dst, sa->dst.u.bytes, 4);
	kc->add[kc->nadd++] = (uint64_t)dst << 32 | sa->spi;
	return (0);
}

static int
u64_cmp(const void *a, const void *b)
{
	uint64_t	x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x < y ? -1 : x > y);
}

/* Both kernels were given the same SAs: each Child SA at both ends. */
static void
kc_same(struct kcount *a, struct kcount *b)
{
	ck_assert_uint_eq(a->nadd, b->nadd);
	qsort(a->add, a->nadd, sizeof(*a->add), u64_cmp);
	qsort(b->add, b->nadd, sizeof(*b->add), u64_cmp);
	ck_assert_mem_eq(a->add, b->add, a->nadd * sizeof(*a->add));
}

static int
kc_del(void *arg, const struct k_sa_id *id)
{
	((struct kcount *)arg)->ndel++;
	return (0);
}

static int
kc_stats(void *arg, const struct k_sa_id *id, struct k_sa_stats *st)
{
	memset(st, 0, sizeof(*st));
	return (0);
}

static const struct kernel_ops kc_ops = {
	.sa_add = kc_add, .sa_del = kc_del, .sa_stats = kc_stats
};

/* 10.<net>.<i / 256>.<i % 256> */
static void
addr(struct k_addr *a, int net, size_t i)
{
	memset(a, 0, sizeof(*a));
	a->family = AF_INET;
	a->u.bytes[0] = 10;
	a->u.bytes[1] = (uint8_t)net;
	a->u.bytes[2] = (uint8_t)(i / 256);
	a->u.bytes[3] = (uint8_t)(i % 256);
}

static void
peer_def(struct ike_peer *p, const struct k_addr *self,
    const struct k_addr *them)
{
	struct ike_child_def	*d = &p->child[0];

	memset(p, 0, sizeof(*p));
	inet_ntop(AF_INET, &them->u.v4, p->name, sizeof(p->name));
	p->local = *self;
	p->remote = *them;
	p->id_local.type = IKE_ID_IPV4_ADDR;
	p->id_local.len = 4;
	memcpy(p->id_local.data, self->u.bytes, 4);
	p->psk_local = ike_buf_dup("many-peers", 10);
	p->psk_remote = ike_buf_dup("many-peers", 10);
	ck_assert_int_eq(ike_alg_parse("aes256gcm16-prfsha256-x25519",
	    IKE_PROTO_IKE, &p->props[0]), IKE_OK);
	p->nprops = 1;
	p->nchild = 1;
	ck_assert_int_eq(ike_alg_parse("aes256gcm16", IKE_PROTO_ESP,
	    &d->props[0]), IKE_OK);
	d->nprops = 1;
	ike_ts_from_prefix(&d->ts_local[0], self, 32, 0, 0);
	ike_ts_from_prefix(&d->ts_remote[0], them, 32, 0, 0);
	d->nts_local = d->nts_remote = 1;
	d->mode = K_MODE_TUNNEL;
	d->life_seconds = 3600;
}

/* Side `net` (1 or 2) of n peers whose datagrams go to `to`. */
static void
quiet(int level, const char *line, void *arg)
{
}

static void
side_open(struct side *s, int net, size_t n, struct wire *w,
    struct ike_ctx *to)
{
	struct k_addr	self, them;
	size_t		i;

	ck_assert_ptr_nonnull(s->peers = calloc(n, sizeof(*s->peers)));
	ck_assert_ptr_nonnull(s->ends = calloc(n, sizeof(*s->ends)));
	ck_assert_ptr_nonnull(s->io = calloc(n, sizeof(*s->io)));
	for (i = 0; i < n; i++) {
		addr(&self, net, i);
		addr(&them, 3 - net, i);
		peer_def(&s->peers[i], &self, &them);
		s->ends[i].w = w;
		s->ends[i].to = to;
		s->ends[i].self = self;
		s->ends[i].them = them;
		s->io[i].send = wire_send;
		s->io[i].arg = &s->ends[i];
	}
	ike_log_set_sink(quiet, NULL);
	s->kc.k.ops = &kc_ops;
	s->kc.k.arg = &s->kc;
	s->kc.nadd = s->kc.ndel = 0;
	s->kc.add = NULL;
	ck_assert_int_eq(ike_ctx_init(&s->ctx, s->peers, n, &s->kc.k, s->io),
	    IKE_OK);
}

static void
side_close(struct side *s, size_t n)
{
	size_t	i;

	ike_ctx_free(&s->ctx);
	free(s->kc.add);
	for (i = 0; i < n; i++)
		ike_peer_free_secrets(&s->peers[i]);
	free(s->peers);
	free(s->ends);
	free(s->io);
}

static void
wire_free(struct wire *w)
{
	while (w->head < w->n)
		free(w->q[w->head++].p);
	free(w->q);
}

/* Every peer of a has an established SA, and b the same SA. */
static void
check_established(struct side *a, struct side *b, size_t n, int step)
{
	struct ike_sa	*sa, *sb;
	size_t		 i;

	for (i = 0; i < n; i++) {
		sa = ike_ctx_find_peer(&a->ctx, i);
		sb = ike_ctx_find_peer(&b->ctx, i);
		if (step > 0 && i % step == 0) {
			ck_assert_ptr_null(sa);
			ck_assert_ptr_null(sb);
			continue;
		}
		ck_assert_ptr_nonnull(sa);
		ck_assert_ptr_nonnull(sb);
		ck_assert_ptr_eq(sa->peer, &a->peers[i]);
		ck_assert_ptr_eq(sb->peer, &b->peers[i]);
		ck_assert_int_eq(sa->state, IKE_ST_ESTABLISHED);
		ck_assert_int_eq(sb->state, IKE_ST_ESTABLISHED);
		ck_assert_int_eq(sa->initiator, 1);
		ck_assert_int_eq(sb->initiator, 0);
		ck_assert_mem_eq(sa->spii, sb->spii, 8);
		ck_assert_mem_eq(sa->spir, sb->spir, 8);
	}
}

START_TEST(test_ctx_many)
{
	struct wire	 w;
	struct side	 a, b;
	struct ike_path	 path;
	struct ike_sa	*sa;
	uint8_t		 junk[IKE_HDR_LEN];
	uint64_t	 now = T0;
	size_t		 i, ndel = 0;

	memset(&w, 0, sizeof(w));
	side_open(&a, 1, NPEERS, &w, &b.ctx);
	side_open(&b, 2, NPEERS, &w, &a.ctx);

	/* All at once: past halfopen_max the responder asks for cookies. */
	for (i = 0; i < NPEERS; i++)
		ck_assert_int_eq(ike_ctx_initiate(&a.ctx, i, now), IKE_OK);
	ck_assert_uint_eq(a.ctx.nsa, NPEERS);
	wire_pump(&w, now);
	ck_assert_uint_eq(a.ctx.nsa, NPEERS);
	ck_assert_uint_eq(b.ctx.nsa, NPEERS);
	ck_assert_uint_eq(ike_ctx_halfopen(&b.ctx), 0);
	check_established(&a, &b, NPEERS, 0);
	ck_assert_uint_eq(a.kc.nadd, 2 * NPEERS);
	kc_same(&a.kc, &b.kc);
	ck_assert_uint_gt(w.sent, 4 * NPEERS);		/* cookies */

	/* A request for an SPI nobody has goes nowhere. */
	memset(junk, 0x5a, sizeof(junk));
	junk[17] = 0x20;			/* version 2.0 */
	junk[18] = IKE_INFORMATIONAL;
	junk[19] = IKE_F_INITIATOR;
	memset(junk + 24, 0, 4);
	junk[27] = IKE_HDR_LEN;
	ike_sa_path_default(&b.peers[7], &path);
	ck_assert_int_eq(ike_ctx_recv(&b.ctx, &path, junk, sizeof(junk), now),
	    IKE_E_STATE);
	ck_assert_uint_eq(b.ctx.nsa, NPEERS);

	/* Timers: nothing is due until the Child SAs' rekeys. */
	ck_assert_uint_gt(ike_ctx_tick(&a.ctx, now), now);
	ck_assert_uint_eq(w.n, 0);

	/* Delete every third IKE SA from a's side. */
	for (i = 0; i < NPEERS; i += 3) {
		sa = ike_ctx_find_peer(&a.ctx, i);
		ck_assert_int_eq(ike_info_delete_ike(sa, now), IKE_OK);
		ike_ctx_changed(&a.ctx, sa);
		ndel++;
	}
	wire_pump(&w, ++now);
	ike_ctx_tick(&a.ctx, ++now);
	ike_ctx_tick(&b.ctx, now);
	ck_assert_uint_eq(a.ctx.nsa, NPEERS - ndel);
	ck_assert_uint_eq(b.ctx.nsa, NPEERS - ndel);
	ck_assert_uint_eq(a.kc.ndel, 2 * ndel);
	ck_assert_uint_eq(b.kc.ndel, 2 * ndel);
	check_established(&a, &b, NPEERS, 3);

	/* And they come back. */
	for (i = 0; i < NPEERS; i += 3)
		ck_assert_int_eq(ike_ctx_initiate(&a.ctx, i, now), IKE_OK);
	wire_pump(&w, ++now);
	check_established(&a, &b, NPEERS, 0);
	ck_assert_uint_eq(b.ctx.nsa, NPEERS);

	/* An SA failed from outside is reaped at the next tick once the
	 * table is told. */
	sa = ike_ctx_find_peer(&a.ctx, 1);
	ike_sa_fail(sa, IKE_E_TIMEOUT);
	ike_ctx_changed(&a.ctx, sa);
	ike_ctx_tick(&a.ctx, ++now);
	ck_assert_uint_eq(a.ctx.nsa, NPEERS - 1);
	ck_assert_ptr_null(ike_ctx_find_peer(&a.ctx, 1));
	ck_assert_ptr_nonnull(ike_ctx_find_peer(&a.ctx, 2));

	side_close(&a, NPEERS);
	side_close(&b, NPEERS);
	wire_free(&w);
}
END_TEST

/* Retransmission and the half-open timeout run from the timer heap. */
START_TEST(test_ctx_timers)
{
	struct wire	 w;
	struct side	 a, b;
	uint64_t	 now = T0, next;
	uint64_t	 t2 = now + 3 * IKE_RETX_BASE_MS;	/* 2nd resend */
	size_t		 sent;
	size_t		 i;

	memset(&w, 0, sizeof(w));
	side_open(&a, 1, NPEERS, &w, &b.ctx);
	side_open(&b, 2, NPEERS, &w, &a.ctx);
	b.ctx.halfopen_max = NPEERS;		/* no cookies here */

	w.drop = 1;
	for (i = 0; i < NPEERS; i++)
		ck_assert_int_eq(ike_ctx_initiate(&a.ctx, i, now), IKE_OK);
	ck_assert_uint_eq(w.sent, NPEERS);
	next = ike_ctx_tick(&a.ctx, now);
	ck_assert_uint_eq(next, now + IKE_RETX_BASE_MS);
	ike_ctx_tick(&a.ctx, now + IKE_RETX_BASE_MS - 1);
	ck_assert_uint_eq(w.sent, NPEERS);
	next = ike_ctx_tick(&a.ctx, now + IKE_RETX_BASE_MS);
	ck_assert_uint_eq(w.sent, 2 * NPEERS);	/* each once */
	ck_assert_uint_gt(next, now + IKE_RETX_BASE_MS);
	ck_assert_uint_le(next, t2);
	ike_ctx_tick(&a.ctx, t2 - 1);
	ck_assert_uint_eq(w.sent, 2 * NPEERS);

	/* The responder gets the second resend; its answers are lost. */
	w.drop = 0;
	sent = w.sent;
	ike_ctx_tick(&a.ctx, t2);
	ck_assert_uint_eq(w.sent - sent, NPEERS);
	ck_assert_uint_eq(w.n, NPEERS);
	for (i = 0; i < NPEERS; i++) {
		ck_assert_ptr_eq(w.q[i].to, &b.ctx);
		ike_ctx_recv(&b.ctx, &w.q[i].path, w.q[i].p, w.q[i].len, t2);
	}
	ck_assert_uint_eq(w.n, 2 * NPEERS);	/* b's answers, not sent */
	wire_free(&w);
	memset(&w, 0, sizeof(w));
	ck_assert_uint_eq(b.ctx.nsa, NPEERS);
	ck_assert_uint_eq(ike_ctx_halfopen(&b.ctx), NPEERS);
	ike_ctx_tick(&b.ctx, t2 + IKE_HALFOPEN_MS - 1);
	ck_assert_uint_eq(b.ctx.nsa, NPEERS);
	ike_ctx_tick(&b.ctx, t2 + IKE_HALFOPEN_MS);
	ck_assert_uint_eq(b.ctx.nsa, 0);
	ck_assert_uint_eq(ike_ctx_halfopen(&b.ctx), 0);

	side_close(&a, NPEERS);
	side_close(&b, NPEERS);
	wire_free(&w);
}
END_TEST

/* A table of no peers, and peers sharing one address. */
START_TEST(test_ctx_peer_addr)
{
	struct ike_peer	 p[3];
	struct ike_ctx	 ctx;
	struct k_addr	 x, y;

	addr(&x, 1, 1);
	addr(&y, 2, 1);
	ck_assert_int_eq(ike_ctx_init(&ctx, NULL, 0, NULL, NULL), IKE_OK);
	ck_assert_int_eq(ike_ctx_peer_next(&ctx, &x, -1), -1);
	ck_assert_ptr_null(ike_ctx_find_peer(&ctx, 0));
	ck_assert_int_eq(ike_ctx_initiate(&ctx, 0, T0), IKE_E_INVAL);
	ike_ctx_free(&ctx);

	peer_def(&p[0], &x, &y);
	peer_def(&p[1], &y, &x);
	peer_def(&p[2], &x, &y);
	ck_assert_int_eq(ike_ctx_init(&ctx, p, 3, NULL, NULL), IKE_OK);
	ck_assert_int_eq(ike_ctx_peer_next(&ctx, &y, -1), 0);
	ck_assert_int_eq(ike_ctx_peer_next(&ctx, &y, 0), 2);
	ck_assert_int_eq(ike_ctx_peer_next(&ctx, &y, 2), -1);
	ck_assert_int_eq(ike_ctx_peer_next(&ctx, &x, -1), 1);
	ike_ctx_free(&ctx);
	ike_ctx_free(&ctx);			/* twice is harmless */
	ike_peer_free_secrets(&p[0]);
	ike_peer_free_secrets(&p[1]);
	ike_peer_free_secrets(&p[2]);
}
END_TEST

int
main(void)
{
	Suite	*s = suite_create("ike_ctx");
	TCase	*tc = tcase_create("table");
	SRunner	*sr;
	int	 failed;

	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, test_ctx_peer_addr);
	tcase_add_test(tc, test_ctx_many);
	tcase_add_test(tc, test_ctx_timers);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return (failed ? EXIT_FAILURE : EXIT_SUCCESS);
}
