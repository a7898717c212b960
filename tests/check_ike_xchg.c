/*
 * tests/check_ike_xchg.c: two instances of the exchange code against
 * each other in one process.  Datagrams pass through in-memory queues
 * (no sockets), time is a number the test advances, and each side's
 * kernel is a recording double.
 */
#include <arpa/inet.h>
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "ike/ike.h"
#include "tests/ike/krec.h"

#define WIRE_MAX	8

struct wire {
	uint8_t	pkt[WIRE_MAX][IKE_MAX_MSG];
	size_t	len[WIRE_MAX];
	int	n;
	int	sent;		/* datagrams ever sent */
	int	drop;		/* drop the datagram with this count, 1-based */
	int	flip;		/* flip a byte in that one instead */
};

struct side {
	struct ike_peer	 peer;
	struct krec	 k;
	struct wire	 out;
	struct ike_io	 io;
	struct ike_sa	*sa;
	int		 last_rv;
};

static struct side	I, R;
static uint64_t		now;
static struct ike_cookie *R_cookie;	/* the responder's cookie policy */
static int		log_lines[IKE_LOG_DEBUG + 1];

static char		log_status[256];	/* the last session line */

static void
log_count(int level, const char *line, void *arg)
{
	log_lines[level]++;
	if (strstr(line, "IKEV2_SESSION_STATUS") != NULL)
		snprintf(log_status, sizeof(log_status), "%s", line);
}

/* Every datagram sent, in order, for replays. */
static uint8_t	trace[8][IKE_MAX_MSG];
static size_t	tracelen[8];
static int	ntrace;

static int
wire_send(void *arg, const uint8_t *p, size_t len)
{
	struct wire	*w = arg;

	if (ntrace < 8) {
		memcpy(trace[ntrace], p, len);
		tracelen[ntrace++] = len;
	}
	w->sent++;
	if (w->sent == w->drop)
		return (0);
	ck_assert_int_lt(w->n, WIRE_MAX);
	memcpy(w->pkt[w->n], p, len);
	if (w->sent == w->flip)
		w->pkt[w->n][len - 20] ^= 0x04;	/* inside the SK body */
	w->len[w->n++] = len;
	return (0);
}

static void
addr4(struct k_addr *a, const char *s)
{
	memset(a, 0, sizeof(*a));
	a->family = AF_INET;
	inet_pton(AF_INET, s, &a->u.v4);
}

static void
fqdn(struct ike_id *id, const char *name)
{
	memset(id, 0, sizeof(*id));
	id->type = IKE_ID_FQDN;
	id->len = (uint8_t)strlen(name);
	memcpy(id->data, name, id->len);
}

static void
ike_prop(struct ike_prop *p, uint16_t encr, uint16_t bits, uint16_t integ,
    uint16_t dh1, uint16_t dh2)
{
	memset(p, 0, sizeof(*p));
	p->num = 1;
	p->proto = IKE_PROTO_IKE;
	ike_prop_add(p, IKE_XF_ENCR, encr, bits);
	ike_prop_add(p, IKE_XF_PRF, 5, 0);
	if (integ)
		ike_prop_add(p, IKE_XF_INTEG, integ, 0);
	ike_prop_add(p, IKE_XF_DH, dh1, 0);
	if (dh2)
		ike_prop_add(p, IKE_XF_DH, dh2, 0);
}

static void
esp_prop(struct ike_prop *p, uint16_t encr, uint16_t bits, uint16_t integ)
{
	memset(p, 0, sizeof(*p));
	p->num = 1;
	p->proto = IKE_PROTO_ESP;
	ike_prop_add(p, IKE_XF_ENCR, encr, bits);
	if (integ)
		ike_prop_add(p, IKE_XF_INTEG, integ, 0);
	ike_prop_add(p, IKE_XF_ESN, 0, 0);
}

static void
side_init(struct side *s, const char *me, const char *them, const char *id,
    const char *peer_id, const char *lnet, const char *rnet, uint32_t reqid)
{
	struct ike_peer		*p = &s->peer;
	struct ike_child_def	*d = &p->child[0];
	struct k_addr		 a;

	memset(s, 0, sizeof(*s));
	krec_init(&s->k);
	s->io.send = wire_send;
	s->io.arg = &s->out;
	snprintf(p->name, sizeof(p->name), "%s", them);
	addr4(&p->local, me);
	addr4(&p->remote, them);
	fqdn(&p->id_local, id);
	fqdn(&p->id_remote, peer_id);
	p->psk_local = ike_buf_dup("s3cret-psk", 10);
	p->psk_remote = ike_buf_dup("s3cret-psk", 10);
	p->nprops = 1;
	ike_prop(&p->props[0], 20, 256, 0, 19, 0);
	p->lifetime = 86400;
	p->nchild = 1;
	addr4(&a, lnet);
	ike_ts_from_prefix(&d->ts_local[0], &a, 16, 0, 0);
	addr4(&a, rnet);
	ike_ts_from_prefix(&d->ts_remote[0], &a, 16, 0, 0);
	d->nts_local = d->nts_remote = 1;
	d->nprops = 1;
	esp_prop(&d->props[0], 20, 256, 0);
	d->mode = K_MODE_TUNNEL;
	d->life_seconds = 3600;
	d->replay_window = 32;
	d->reqid = reqid;
}

static void
setup(void)
{
	now = 1000;
	R_cookie = NULL;
	memset(log_lines, 0, sizeof(log_lines));
	log_status[0] = '\0';
	ntrace = 0;
	ike_log_set_sink(log_count, NULL);
	side_init(&I, "192.0.2.1", "192.0.2.2", "left.example",
	    "right.example", "10.1.0.0", "10.2.0.0", 7);
	side_init(&R, "192.0.2.2", "192.0.2.1", "right.example",
	    "left.example", "10.2.0.0", "10.1.0.0", 9);
	I.sa = ike_sa_new(&I.peer, &I.k.k, &I.io, 1);
	ck_assert_ptr_nonnull(I.sa);
}

static void
teardown(void)
{
	if (I.sa)
		ike_sa_free(I.sa->rekeyed);
	if (R.sa)
		ike_sa_free(R.sa->rekeyed);
	ike_sa_free(I.sa);
	ike_sa_free(R.sa);
	ike_peer_free_secrets(&I.peer);
	ike_peer_free_secrets(&R.peer);
}

/* The SA a datagram is for: the old one or the one that replaced it. */
static struct ike_sa *
route(struct ike_sa *sa, const uint8_t *p)
{
	if (sa != NULL && sa->rekeyed != NULL &&
	    memcmp(p, sa->rekeyed->spii, 8) == 0)
		return (sa->rekeyed);
	return (sa);
}

/* Deliver everything queued, both ways, until the wires are quiet. */
static void
pump(void)
{
	struct wire	w;
	int		i, rounds;

	for (rounds = 0; rounds < 20 && (I.out.n || R.out.n); rounds++) {
		w = I.out;
		I.out.n = 0;
		for (i = 0; i < w.n; i++) {
			if (R.sa == NULL)
				R.sa = ike_init_accept(&R.peer, &R.k.k, &R.io,
				    w.pkt[i], w.len[i], R_cookie, now,
				    &R.last_rv);
			else
				R.last_rv = ike_sa_recv(route(R.sa, w.pkt[i]),
				    w.pkt[i], w.len[i], now);
		}
		w = R.out;
		R.out.n = 0;
		for (i = 0; i < w.n; i++)
			I.last_rv = ike_sa_recv(route(I.sa, w.pkt[i]),
			    w.pkt[i], w.len[i], now);
	}
}

static void
run(void)
{
	ck_assert_int_eq(ike_sa_start(I.sa, now), IKE_OK);
	pump();
}

static void
same_key(const struct ike_buf *a, const struct ike_buf *b)
{
	ck_assert_ptr_nonnull(a);
	ck_assert_int_eq(ike_buf_eq(a, b), 1);
}

/* Both ends derived the same SK_* keys. */
static void
check_ike_keys(void)
{
	same_key(I.sa->keys.d, R.sa->keys.d);
	same_key(I.sa->keys.ai, R.sa->keys.ai);
	same_key(I.sa->keys.ar, R.sa->keys.ar);
	same_key(I.sa->keys.ei, R.sa->keys.ei);
	same_key(I.sa->keys.er, R.sa->keys.er);
	same_key(I.sa->keys.pi, R.sa->keys.pi);
	same_key(I.sa->keys.pr, R.sa->keys.pr);
	ck_assert_int_eq(ike_buf_eq(I.sa->keys.ei, I.sa->keys.er), 0);
	ck_assert_int_eq(memcmp(I.sa->spir, R.sa->spir, 8), 0);
}

static const uint8_t *
sa_key(const struct krec_sa *s, size_t *len)
{
	if (s->sa.aead.name) {
		*len = s->sa.aead.keylen;
		return (s->sa.aead.key);
	}
	*len = s->sa.enc.keylen;
	return (s->sa.enc.key);
}

/*
 * Each side's outbound SA is the other's inbound one: same SPI, same
 * keys, addresses reversed.  KEYMAT order (RFC 7296 2.17): the
 * initiator's outbound SA uses the first encryption key of
 * prf+(SK_d, Ni | Nr), computed here independently.
 */
static void
check_child(void)
{
	const struct krec_sa	*io, *ri, *ii, *ro;
	struct ike_child_keys	 km;
	const uint8_t		*k1, *k2;
	size_t			 l1, l2;

	ck_assert_int_eq(I.k.nadd, 2);
	ck_assert_int_eq(R.k.nadd, 2);
	ck_assert_uint_eq(I.sa->slot[0].cur.spi_out, R.sa->slot[0].cur.spi_in);
	ck_assert_uint_eq(I.sa->slot[0].cur.spi_in, R.sa->slot[0].cur.spi_out);
	ck_assert_uint_ne(I.sa->slot[0].cur.spi_in, I.sa->slot[0].cur.spi_out);
	io = krec_find(&I.k, I.sa->slot[0].cur.spi_out);
	ri = krec_find(&R.k, I.sa->slot[0].cur.spi_out);
	ii = krec_find(&I.k, I.sa->slot[0].cur.spi_in);
	ro = krec_find(&R.k, I.sa->slot[0].cur.spi_in);
	ck_assert(io && ri && ii && ro);
	ck_assert_int_eq(memcmp(&io->sa.dst, &R.peer.local,
	    sizeof(struct k_addr)), 0);
	ck_assert_int_eq(memcmp(&ri->sa.dst, &R.peer.local,
	    sizeof(struct k_addr)), 0);
	ck_assert_int_eq(memcmp(&ii->sa.src, &R.peer.local,
	    sizeof(struct k_addr)), 0);
	k1 = sa_key(io, &l1);
	k2 = sa_key(ri, &l2);
	ck_assert_uint_eq(l1, l2);
	ck_assert_int_eq(memcmp(k1, k2, l1), 0);
	k1 = sa_key(ii, &l1);
	k2 = sa_key(ro, &l2);
	ck_assert_int_eq(memcmp(k1, k2, l1), 0);
	ck_assert_int_eq(ike_crypto_child_keys(&I.sa->slot[0].cur.suite,
	    I.sa->suite.prf, I.sa->keys.d, NULL, I.sa->ni, I.sa->nr, &km),
	    IKE_OK);
	k1 = sa_key(io, &l1);
	ck_assert_int_eq(ike_buf_eq_mem(km.ei, k1, l1), 1);
	k1 = sa_key(ii, &l1);
	ck_assert_int_eq(ike_buf_eq_mem(km.er, k1, l1), 1);
	if (io->sa.auth.name) {
		ck_assert_int_eq(ike_buf_eq_mem(km.ai, io->sa.auth.key,
		    io->sa.auth.keylen), 1);
		ck_assert_int_eq(ike_buf_eq_mem(km.ar, ii->sa.auth.key,
		    ii->sa.auth.keylen), 1);
	}
	ike_child_keys_free(&km);
	ck_assert_uint_eq(io->sa.reqid, 7);
	ck_assert_uint_eq(ri->sa.reqid, 9);
	ck_assert_uint_eq(io->sa.mode, K_MODE_TUNNEL);
	ck_assert_uint_eq(io->sa.replay_window, 32);
	ck_assert_uint_eq(io->sa.life.hard_seconds, 3600);
	/* Outbound selector: from our network to theirs. */
	ck_assert_uint_eq(io->sa.sel.src_plen, 16);
	ck_assert_uint_eq(io->sa.sel.src.u.bytes[1], 1);
	ck_assert_uint_eq(io->sa.sel.dst.u.bytes[1], 2);
	ck_assert_uint_eq(ii->sa.sel.src.u.bytes[1], 2);
}

START_TEST(test_gcm_group19)
{
	run();
	/*
	 * IOS's session line, the initiator's the last one: the peer's
	 * address, port and identity.
	 */
	ck_assert_str_eq(log_status, "%CRYPTO-5-IKEV2_SESSION_STATUS: "
	    "Crypto tunnel v2 is UP.  Peer 192.0.2.2:500 Id: right.example");
	ck_assert_str_eq(ike_sa_state_name(I.sa->state), "READY");
	ck_assert_ptr_nonnull(R.sa);
	ck_assert_int_eq(R.sa->state, IKE_ST_ESTABLISHED);
	ck_assert_ptr_null(I.sa->suite.integ);
	ck_assert_uint_eq(I.sa->suite.dh->id, 19);
	check_ike_keys();
	check_child();
	ck_assert_str_eq(I.k.add[0].sa.aead.name, "rfc4106(gcm(aes))");
	ck_assert_uint_eq(I.k.add[0].sa.aead.keylen, 36);	/* key+salt */
	ck_assert_uint_eq(I.k.add[0].sa.aead.bits, 128);
	ck_assert_ptr_null(I.k.add[0].sa.enc.name);
}
END_TEST

/* AES-CBC-256/SHA-256/group 14, different keys in each direction. */
START_TEST(test_cbc_group14_asym_psk)
{
	ike_buf_free(I.peer.psk_local);
	ike_buf_free(I.peer.psk_remote);
	ike_buf_free(R.peer.psk_local);
	ike_buf_free(R.peer.psk_remote);
	I.peer.psk_local = ike_buf_dup("alpha-key", 9);
	I.peer.psk_remote = ike_buf_dup("bravo-key", 9);
	R.peer.psk_local = ike_buf_dup("bravo-key", 9);
	R.peer.psk_remote = ike_buf_dup("alpha-key", 9);
	ike_prop(&I.peer.props[0], 12, 256, 12, 14, 0);
	ike_prop(&R.peer.props[0], 12, 256, 12, 14, 0);
	esp_prop(&I.peer.child[0].props[0], 12, 128, 2);
	esp_prop(&R.peer.child[0].props[0], 12, 128, 2);
	run();
	ck_assert_int_eq(I.sa->state, IKE_ST_ESTABLISHED);
	ck_assert_int_eq(R.sa->state, IKE_ST_ESTABLISHED);
	ck_assert_uint_eq(R.sa->suite.integ->id, 12);
	check_ike_keys();
	check_child();
	ck_assert_str_eq(I.k.add[0].sa.enc.name, "cbc(aes)");
	ck_assert_uint_eq(I.k.add[0].sa.enc.keylen, 16);
	ck_assert_str_eq(I.k.add[0].sa.auth.name, "hmac(sha1)");
	ck_assert_uint_eq(I.k.add[0].sa.auth.bits, 96);
}
END_TEST

/* The initiator guesses group 19; the responder only takes 31 (1.3). */
START_TEST(test_invalid_ke_retry)
{
	ike_prop(&I.peer.props[0], 20, 256, 0, 19, 31);
	ike_prop(&R.peer.props[0], 20, 256, 0, 31, 0);
	run();
	ck_assert_uint_eq(I.sa->ke_retries, 1);
	ck_assert_uint_eq(I.sa->group, 31);
	ck_assert_int_eq(I.sa->state, IKE_ST_ESTABLISHED);
	ck_assert_int_eq(R.sa->state, IKE_ST_ESTABLISHED);
	ck_assert_uint_eq(R.sa->suite.dh->id, 31);
	check_ike_keys();
	check_child();
}
END_TEST

/* A group the initiator never offered is not followed. */
START_TEST(test_no_common_group)
{
	ike_prop(&I.peer.props[0], 20, 256, 0, 19, 0);
	ike_prop(&R.peer.props[0], 20, 256, 0, 31, 0);
	run();
	ck_assert_ptr_null(R.sa);
	ck_assert_int_eq(I.sa->state, IKE_ST_DEAD);
	ck_assert_int_eq(I.sa->error, IKE_E_NOPROP);
}
END_TEST

/* The responder's remote key differs: AUTHENTICATION_FAILED, no SAs. */
START_TEST(test_wrong_psk_responder)
{
	ike_buf_free(R.peer.psk_remote);
	R.peer.psk_remote = ike_buf_dup("not-the-key", 11);
	run();
	ck_assert_int_eq(R.sa->state, IKE_ST_DEAD);
	ck_assert_int_eq(R.sa->error, IKE_E_AUTH);
	ck_assert_int_eq(I.sa->state, IKE_ST_DEAD);
	ck_assert_int_eq(I.sa->error, IKE_E_AUTH);
	ck_assert_int_eq(I.k.nadd, 0);
	ck_assert_int_eq(R.k.nadd, 0);
	ck_assert_int_ge(log_lines[IKE_LOG_WARN], 2);	/* operator acts */
}
END_TEST

/* The initiator's check of the responder fails: nothing installed here. */
START_TEST(test_wrong_psk_initiator)
{
	ike_buf_free(I.peer.psk_remote);
	I.peer.psk_remote = ike_buf_dup("not-the-key", 11);
	run();
	ck_assert_int_eq(I.sa->state, IKE_ST_DEAD);
	ck_assert_int_eq(I.sa->error, IKE_E_AUTH);
	ck_assert_int_eq(I.k.nadd, 0);
}
END_TEST

/* The wrong identity is refused like a wrong key. */
START_TEST(test_wrong_identity)
{
	fqdn(&R.peer.id_remote, "someone.else");
	run();
	ck_assert_int_eq(R.sa->error, IKE_E_AUTH);
	ck_assert_int_eq(I.sa->error, IKE_E_AUTH);
}
END_TEST

/* The first IKE_AUTH request is lost; the retransmission completes. */
START_TEST(test_retransmit_request)
{
	I.out.drop = 2;
	run();
	ck_assert_int_eq(I.sa->state, IKE_ST_AUTH_SENT);
	ck_assert_int_eq(R.sa->state, IKE_ST_INIT_DONE);
	ck_assert_int_eq(ike_sa_tick(I.sa, now + 499), IKE_OK);
	ck_assert_int_eq(I.out.n, 0);			/* not yet due */
	now += 500;
	ck_assert_int_eq(ike_sa_tick(I.sa, now), IKE_OK);
	ck_assert_int_eq(I.out.n, 1);
	pump();
	ck_assert_int_eq(I.sa->state, IKE_ST_ESTABLISHED);
	ck_assert_int_eq(R.sa->state, IKE_ST_ESTABLISHED);
	check_child();
}
END_TEST

/*
 * The IKE_AUTH response is lost: the initiator resends, the responder
 * answers the duplicate from its cache and installs nothing twice.
 */
START_TEST(test_retransmit_response)
{
	R.out.drop = 2;
	run();
	ck_assert_int_eq(R.sa->state, IKE_ST_ESTABLISHED);
	ck_assert_int_eq(I.sa->state, IKE_ST_AUTH_SENT);
	now += 500;
	ike_sa_tick(I.sa, now);
	pump();
	ck_assert_int_eq(R.last_rv, IKE_E_DUP);
	ck_assert_int_eq(I.sa->state, IKE_ST_ESTABLISHED);
	check_child();
}
END_TEST

/* The IKE_SA_INIT response is lost: the same answer comes again. */
START_TEST(test_retransmit_init)
{
	R.out.drop = 1;
	run();
	ck_assert_int_eq(I.sa->state, IKE_ST_INIT_SENT);
	now += 500;
	ike_sa_tick(I.sa, now);
	pump();
	ck_assert_int_eq(I.sa->state, IKE_ST_ESTABLISHED);
	check_ike_keys();
}
END_TEST

/* Silence: backoff 0.5, 1, 2, 4, 8, 8, 8 s, then the SA is given up. */
START_TEST(test_retransmit_timeout)
{
	static const uint64_t	wait[] = { 500, 1000, 2000, 4000, 8000,
				    8000, 8000 };
	int			i;

	ck_assert_int_eq(ike_sa_start(I.sa, now), IKE_OK);
	I.out.n = 0;
	for (i = 0; i < 7; i++) {
		ck_assert_uint_eq(ike_xchg_next_due(&I.sa->x), now + wait[i]);
		now += wait[i];
		ck_assert_int_eq(ike_sa_tick(I.sa, now), IKE_OK);
		ck_assert_int_eq(I.out.n, 1);
		I.out.n = 0;
	}
	now += 7999;
	ck_assert_int_eq(ike_sa_tick(I.sa, now), IKE_OK);
	ck_assert_int_eq(I.out.n, 0);
	now += 1;
	ck_assert_int_eq(ike_sa_tick(I.sa, now), IKE_E_TIMEOUT);
	ck_assert_int_eq(I.sa->state, IKE_ST_DEAD);
}
END_TEST

/* A corrupted IKE_AUTH request is dropped; the retransmission works. */
START_TEST(test_bad_icv)
{
	I.out.flip = 2;
	run();
	ck_assert_int_eq(R.last_rv, IKE_E_ICV);
	ck_assert_int_eq(R.sa->state, IKE_ST_INIT_DONE);
	now += 500;
	ike_sa_tick(I.sa, now);
	pump();
	ck_assert_int_eq(R.sa->state, IKE_ST_ESTABLISHED);
	ck_assert_int_eq(I.sa->state, IKE_ST_ESTABLISHED);
	check_child();
}
END_TEST

/* A corrupted IKE_AUTH response does not stop the retransmissions. */
START_TEST(test_bad_icv_response)
{
	R.out.flip = 2;
	run();
	ck_assert_int_eq(I.last_rv, IKE_E_ICV);
	ck_assert_int_eq(I.sa->state, IKE_ST_AUTH_SENT);
	now += 500;
	ike_sa_tick(I.sa, now);
	pump();
	ck_assert_int_eq(I.sa->state, IKE_ST_ESTABLISHED);
	check_child();
}
END_TEST

/* No common ESP proposal: the IKE SA stands, no Child SA. */
START_TEST(test_child_no_proposal)
{
	esp_prop(&R.peer.child[0].props[0], 12, 256, 12);
	run();
	ck_assert_int_eq(I.sa->state, IKE_ST_ESTABLISHED);
	ck_assert_int_eq(R.sa->state, IKE_ST_ESTABLISHED);
	ck_assert_int_eq(I.last_rv, IKE_E_NOPROP);
	ck_assert_int_eq(I.k.nadd, 0);
	ck_assert_int_eq(R.k.nadd, 0);
}
END_TEST

/* Disjoint selectors: TS_UNACCEPTABLE, the IKE SA stands. */
START_TEST(test_child_ts_unacceptable)
{
	struct k_addr	a;

	addr4(&a, "10.9.0.0");
	ike_ts_from_prefix(&R.peer.child[0].ts_remote[0], &a, 16, 0, 0);
	run();
	ck_assert_int_eq(I.sa->state, IKE_ST_ESTABLISHED);
	ck_assert_int_eq(I.last_rv, IKE_E_TS);
	ck_assert_int_eq(R.k.nadd, 0);
}
END_TEST

/* The responder narrows a wide proposal to its own /24 (2.9). */
START_TEST(test_child_narrowed)
{
	struct k_addr	a;

	addr4(&a, "10.2.5.0");
	ike_ts_from_prefix(&R.peer.child[0].ts_local[0], &a, 24, 0, 0);
	run();
	ck_assert_int_eq(I.sa->state, IKE_ST_ESTABLISHED);
	ck_assert_uint_eq(I.k.add[0].sa.sel.src_plen +
	    I.k.add[0].sa.sel.dst_plen, 16 + 24);
	ck_assert_uint_eq(I.sa->slot[0].cur.tsr.start[2], 5);
}
END_TEST

/* The kernel refusing an SA is reported, not ignored. */
START_TEST(test_kernel_refuses)
{
	R.k.fail = 1;
	run();
	ck_assert_int_eq(R.last_rv, IKE_E_KERNEL);
	ck_assert_int_eq(R.sa->slot[0].cur.installed, 0);
}
END_TEST


/*
 * Every datagram of a real exchange, truncated at every length and
 * with every byte flipped, fed to both established SAs and to a fresh
 * responder: errors only, never a crash, never a state change.
 */
START_TEST(test_malformed_replay)
{
	uint8_t		 b[IKE_MAX_MSG];
	struct ike_sa	*fresh;
	int		 t, rv;
	size_t		 i;

	run();
	ck_assert_int_eq(ntrace, 4);
	ck_assert_int_eq(I.sa->state, IKE_ST_ESTABLISHED);
	for (t = 0; t < ntrace; t++) {
		for (i = 0; i < tracelen[t]; i++) {
			memcpy(b, trace[t], tracelen[t]);
			ck_assert_int_ne(ike_sa_recv(I.sa, b, i, now), IKE_OK);
			ck_assert_int_ne(ike_sa_recv(R.sa, b, i, now), IKE_OK);
			b[i] ^= 0xff;
			rv = ike_sa_recv(I.sa, b, tracelen[t], now);
			ck_assert_int_ne(rv, IKE_OK);
			rv = ike_sa_recv(R.sa, b, tracelen[t], now);
			ck_assert(rv != IKE_OK);
			fresh = ike_init_accept(&R.peer, &R.k.k, &R.io, b,
			    tracelen[t], NULL, now, &rv);
			ike_sa_free(fresh);
			R.out.n = 0;
		}
	}
	I.out.n = 0;
	ck_assert_int_eq(I.sa->state, IKE_ST_ESTABLISHED);
	ck_assert_int_eq(R.sa->state, IKE_ST_ESTABLISHED);
	ck_assert_int_eq(I.k.nadd, 2);
	ck_assert_int_eq(R.k.nadd, 2);
}
END_TEST

/* An unknown critical payload in IKE_SA_INIT: UNSUPPORTED_CRITICAL_PAYLOAD. */
START_TEST(test_critical_init)
{
	uint8_t		b[IKE_MAX_MSG];
	size_t		len;
	struct ike_msg	m;
	int		err;

	ck_assert_int_eq(ike_sa_start(I.sa, now), IKE_OK);
	len = I.out.len[0];
	memcpy(b, I.out.pkt[0], len);
	/* Append a critical payload of type 60 behind the last notify. */
	ck_assert_int_eq(ike_msg_parse(b, len, &m), IKE_OK);
	ck_assert_uint_eq(m.n[m.nn - 1].type,
	    IKE_N_NAT_DETECTION_DESTINATION_IP);
	b[len] = 0;
	b[len + 1] = 0x80;
	b[len + 2] = 0;
	b[len + 3] = 4;
	b[(size_t)(m.n[m.nn - 1].data - b) - 8] = 60;	/* its next payload */
	len += 4;
	b[26] = (uint8_t)(len >> 8);
	b[27] = (uint8_t)len;
	ck_assert_ptr_null(ike_init_accept(&R.peer, &R.k.k, &R.io, b, len,
	    NULL, now, &err));
	ck_assert_int_eq(err, IKE_E_CRITICAL);
	ck_assert_int_eq(R.out.n, 1);
	ck_assert_int_eq(ike_msg_parse(R.out.pkt[0], R.out.len[0], &m),
	    IKE_OK);
	ck_assert_ptr_nonnull(ike_msg_notify(&m,
	    IKE_N_UNSUPPORTED_CRITICAL_PAYLOAD));
	ck_assert_uint_eq(m.n[0].data[0], 60);
}
END_TEST

/* Liveness check after dpd_interval of quiet, answered (2.4). */
START_TEST(test_dpd_alive)
{
	I.peer.dpd_interval = 10;
	run();
	ck_assert_int_eq(I.sa->state, IKE_ST_ESTABLISHED);
	ck_assert_int_eq(ike_sa_tick(I.sa, now + 9999), IKE_OK);
	ck_assert_int_eq(I.out.n, 0);
	now += 10000;
	ck_assert_int_eq(ike_sa_tick(I.sa, now), IKE_OK);
	ck_assert_int_eq(I.out.n, 1);
	ck_assert_uint_eq(I.sa->pending, IKE_PEND_DPD);
	pump();
	ck_assert_int_eq(R.last_rv, IKE_OK);
	ck_assert_int_eq(I.last_rv, IKE_OK);
	ck_assert_uint_eq(I.sa->last_rx, now);
	ck_assert_uint_eq(I.sa->pending, IKE_PEND_NONE);
	ck_assert_uint_eq(I.sa->x.next_id, 3);
	ck_assert_uint_eq(R.sa->x.peer_id, 3);
}
END_TEST

/* A silent peer: the checks go unanswered, the SAs come out. */
START_TEST(test_dpd_dead)
{
	int	i, rv = IKE_OK;

	I.peer.dpd_interval = 10;
	run();
	now += 10000;
	for (i = 0; i < 10 && rv == IKE_OK; i++, now += 20000) {
		rv = ike_sa_tick(I.sa, now);
		I.out.n = 0;			/* lost */
	}
	ck_assert_int_eq(rv, IKE_E_TIMEOUT);
	ck_assert_int_eq(I.sa->state, IKE_ST_DEAD);
	ck_assert_int_eq(I.k.ndel, 2);
	ck_assert_int_ge(log_lines[IKE_LOG_INFO], 2);	/* up, down */
}
END_TEST

/* Deleting the IKE SA takes both ends' Child SAs out (1.4.1). */
START_TEST(test_delete_ike)
{
	run();
	ck_assert_int_eq(ike_info_delete_ike(I.sa, now), IKE_OK);
	ck_assert_int_eq(I.k.ndel, 2);
	pump();
	ck_assert_int_eq(R.sa->state, IKE_ST_DEAD);
	ck_assert_int_eq(R.sa->error, IKE_OK);
	ck_assert_int_eq(R.k.ndel, 2);
	ck_assert_int_eq(I.sa->state, IKE_ST_DEAD);
	ck_assert_uint_eq(R.k.del[0].spi, R.sa->slot[0].cur.spi_in);
	ck_assert_uint_eq(R.k.del[1].spi, R.sa->slot[0].cur.spi_out);
}
END_TEST

/* Deleting the Child SA from the responder's side; the IKE SA stays. */
START_TEST(test_delete_child)
{
	run();
	ck_assert_int_eq(ike_info_delete_child(R.sa, &R.sa->slot[0].cur, now),
	    IKE_OK);
	ck_assert_int_eq(R.k.ndel, 2);
	pump();
	ck_assert_int_eq(I.k.ndel, 2);
	ck_assert_uint_eq(I.k.del[0].spi, I.sa->slot[0].cur.spi_in);
	ck_assert_uint_eq(I.k.del[1].spi, I.sa->slot[0].cur.spi_out);
	ck_assert_int_eq(I.sa->state, IKE_ST_ESTABLISHED);
	ck_assert_int_eq(R.sa->state, IKE_ST_ESTABLISHED);
	ck_assert_int_eq(ike_info_delete_child(R.sa, &R.sa->slot[0].cur, now),
	    IKE_E_STATE);
}
END_TEST

/* The installed pair of one child matches across the two sides. */
static void
check_pair(uint32_t i_in, uint32_t i_out)
{
	const struct krec_sa	*a, *b;
	const uint8_t		*k1, *k2;
	size_t			 l1, l2;

	a = krec_find(&I.k, i_out);
	b = krec_find(&R.k, i_out);
	ck_assert(a && b);
	k1 = sa_key(a, &l1);
	k2 = sa_key(b, &l2);
	ck_assert_uint_eq(l1, l2);
	ck_assert_int_eq(memcmp(k1, k2, l1), 0);
	a = krec_find(&I.k, i_in);
	b = krec_find(&R.k, i_in);
	ck_assert(a && b);
	k1 = sa_key(a, &l1);
	k2 = sa_key(b, &l2);
	ck_assert_int_eq(memcmp(k1, k2, l1), 0);
}

/* Rekey from either side, with or without PFS (1.3.3, 2.8, 2.17). */
static void
rekey(struct side *from, int pfs)
{
	uint32_t		 in0, out0;
	const struct krec_sa	*old, *new;
	const uint8_t		*k1, *k2;
	size_t			 l1, l2;

	/* As the backend compiles it: the ESP proposals without DH. */
	if (pfs)
		I.peer.child[0].pfs_group = R.peer.child[0].pfs_group = 31;
	run();
	ck_assert_int_eq(I.k.nadd, 2);
	in0 = I.sa->slot[0].cur.spi_in;
	out0 = I.sa->slot[0].cur.spi_out;
	ck_assert_int_eq(ike_child_rekey(from->sa, 0, now), IKE_OK);
	ck_assert_int_eq(ike_child_rekey(from->sa, 0, now), IKE_E_BUSY);
	pump();
	ck_assert_int_eq(I.k.nadd, 4);
	ck_assert_int_eq(R.k.nadd, 4);
	ck_assert_int_eq(I.k.ndel, 2);		/* the old pair, both ends */
	ck_assert_int_eq(R.k.ndel, 2);
	ck_assert_uint_eq(I.k.del[0].spi + I.k.del[1].spi, in0 + out0);
	ck_assert_uint_eq(I.sa->slot[0].cur.spi_out, R.sa->slot[0].cur.spi_in);
	ck_assert_uint_eq(I.sa->slot[0].cur.spi_in, R.sa->slot[0].cur.spi_out);
	ck_assert_uint_ne(I.sa->slot[0].cur.spi_in, in0);
	check_pair(I.sa->slot[0].cur.spi_in, I.sa->slot[0].cur.spi_out);
	old = krec_find(&I.k, out0);
	new = krec_find(&I.k, I.sa->slot[0].cur.spi_out);
	k1 = sa_key(old, &l1);
	k2 = sa_key(new, &l2);
	ck_assert_uint_eq(l1, l2);
	ck_assert_int_ne(memcmp(k1, k2, l1), 0);
	ck_assert_int_eq(I.sa->slot[0].old.installed, 0);
	ck_assert_int_eq(R.sa->slot[0].old.installed, 0);
	ck_assert_int_eq(I.sa->state, IKE_ST_ESTABLISHED);
	ck_assert_int_eq(R.sa->state, IKE_ST_ESTABLISHED);
	ck_assert_uint_eq(from->sa->x.next_id, from == &I ? 4 : 2);
}

START_TEST(test_rekey_child)
{
	rekey(&I, 0);
}
END_TEST

START_TEST(test_rekey_child_pfs)
{
	rekey(&I, 1);
	ck_assert_uint_eq(I.sa->slot[0].cur.suite.dh->id, 31);
}
END_TEST

START_TEST(test_rekey_child_by_responder)
{
	rekey(&R, 1);
}
END_TEST

/*
 * PFS wanted by the responder only: refused (IOS: "the peer must
 * perform a PFS exchange"), the old Child SA stays.
 */
START_TEST(test_rekey_child_refused)
{
	R.peer.child[0].pfs_group = 31;
	run();
	ck_assert_int_eq(ike_child_rekey(I.sa, 0, now), IKE_OK);
	pump();
	ck_assert_int_eq(I.last_rv, IKE_E_NOPROP);
	ck_assert_int_eq(I.k.nadd, 2);
	ck_assert_int_eq(I.k.ndel, 0);
	ck_assert_int_eq(I.sa->slot[0].cur.installed, 1);
	ck_assert_int_eq(I.sa->state, IKE_ST_ESTABLISHED);
}
END_TEST

/*
 * PFS wanted by the initiator only: the responder, which asks none,
 * accepts the peer's group (IOS: "it will accept any offer of PFS").
 */
START_TEST(test_rekey_child_pfs_offered)
{
	I.peer.child[0].pfs_group = 19;
	run();
	ck_assert_int_eq(ike_child_rekey(I.sa, 0, now), IKE_OK);
	pump();
	ck_assert_int_eq(I.k.nadd, 4);
	ck_assert_int_eq(R.k.nadd, 4);
	ck_assert_ptr_nonnull(I.sa->slot[0].cur.suite.dh);
	ck_assert_uint_eq(I.sa->slot[0].cur.suite.dh->id, 19);
	ck_assert_uint_eq(R.sa->slot[0].cur.suite.dh->id, 19);
	check_pair(I.sa->slot[0].cur.spi_in, I.sa->slot[0].cur.spi_out);
}
END_TEST

/* `show crypto ikev2 sa`, with names from the algorithm tables. */
START_TEST(test_show_sa)
{
	char	buf[1024];

	ike_prop(&I.peer.props[0], 12, 256, 12, 19, 0);
	ike_prop(&R.peer.props[0], 12, 256, 12, 19, 0);
	I.peer.lifetime = 86400;
	run();
	now += 735000;
	ike_show_sa_header(AF_INET, buf, sizeof(buf));
	ck_assert_str_eq(buf, " IPv4 Crypto IKEv2  SA\n\n"
	    "Tunnel-id Local                 Remote                "
	    "fvrf/ivrf            Status\n");
	ck_assert_int_gt(ike_show_sa(I.sa, 1, now, buf, sizeof(buf)), 0);
	ck_assert_str_eq(buf,
	    "1         192.0.2.1/500         192.0.2.2/500         "
	    "none/none            READY\n"
	    "      Encr: AES-CBC, keysize: 256, PRF: SHA256, Hash: SHA256, "
	    "DH Grp:19, Auth sign: PSK, Auth verify: PSK\n"
	    "      Life/Active Time: 86400/735 sec\n");
	/* A short buffer is cut, never overrun. */
	ck_assert_int_gt(ike_show_sa(I.sa, 1, now, buf, 40), 40);
	ck_assert_uint_eq(strlen(buf), 39);
}
END_TEST

/*
 * An authentic IKE_AUTH request carrying an unknown critical payload
 * (type 60, C bit set, 4 bytes): the responder answers, encrypted,
 * UNSUPPORTED_CRITICAL_PAYLOAD naming 60, and gives the SA up (2.5).
 */
START_TEST(test_critical_auth)
{
	static const uint8_t	inner[] = { 0x00, 0x80, 0x00, 0x04 };
	struct ike_sk		sk;
	struct ike_hdr		h;
	struct ike_msg		m;
	struct ike_buf		*pt;
	uint8_t			out[512];
	size_t			len;

	I.out.drop = 2;				/* our own IKE_AUTH */
	run();
	ck_assert_int_eq(R.sa->state, IKE_ST_INIT_DONE);
	sk = ike_sa_sk_out(I.sa);
	memset(&h, 0, sizeof(h));
	memcpy(h.spii, I.sa->spii, 8);
	memcpy(h.spir, I.sa->spir, 8);
	h.xchg = IKE_AUTH;
	h.flags = IKE_F_INITIATOR;
	h.msgid = 1;
	ck_assert_int_eq(ike_msg_seal(&sk, &h, 60, inner, sizeof(inner), out,
	    sizeof(out), &len), IKE_OK);
	ck_assert_int_eq(ike_sa_recv(R.sa, out, len, now), IKE_E_CRITICAL);
	ck_assert_int_eq(R.sa->state, IKE_ST_DEAD);
	ck_assert_int_eq(R.out.n, 1);
	sk = ike_sa_sk_in(I.sa);
	ck_assert_int_eq(ike_msg_parse(R.out.pkt[0], R.out.len[0], &m),
	    IKE_OK);
	ck_assert_int_eq(ike_msg_open(&sk, R.out.pkt[0], R.out.len[0], &m,
	    &pt), IKE_OK);
	ck_assert_ptr_nonnull(ike_msg_notify(&m,
	    IKE_N_UNSUPPORTED_CRITICAL_PAYLOAD));
	ck_assert_uint_eq(m.n[0].data[0], 60);
	ike_buf_free(pt);
}
END_TEST

/*
 * Rekeying the IKE SA (1.3.2, 2.18): a new SA on each side with new
 * SPIs and keys takes the Child SA over without touching the kernel;
 * the old SA is deleted; the new one carries on from message ID 0.
 */
START_TEST(test_rekey_ike)
{
	struct ike_sa	*in, *rn;

	run();
	ck_assert_int_eq(ike_child_rekey_ike(I.sa, now), IKE_OK);
	pump();
	in = I.sa->rekeyed;
	rn = R.sa->rekeyed;
	ck_assert_ptr_nonnull(in);
	ck_assert_ptr_nonnull(rn);
	ck_assert_int_eq(I.sa->state, IKE_ST_DEAD);
	ck_assert_int_eq(R.sa->state, IKE_ST_DEAD);
	ck_assert_int_eq(in->state, IKE_ST_ESTABLISHED);
	ck_assert_int_eq(rn->state, IKE_ST_ESTABLISHED);
	ck_assert_int_eq(in->initiator, 1);
	ck_assert_int_eq(memcmp(in->spii, rn->spii, 8), 0);
	ck_assert_int_eq(memcmp(in->spir, rn->spir, 8), 0);
	ck_assert_int_ne(memcmp(in->spii, I.sa->spii, 8), 0);
	same_key(in->keys.d, rn->keys.d);
	same_key(in->keys.ei, rn->keys.ei);
	same_key(in->keys.ar, rn->keys.ar);
	same_key(in->keys.pr, rn->keys.pr);
	ck_assert_int_eq(ike_buf_eq(in->keys.d, I.sa->keys.d), 0);
	ck_assert_int_eq(I.k.nadd, 2);		/* the Child SA stays */
	ck_assert_int_eq(I.k.ndel, 0);
	ck_assert_int_eq(R.k.ndel, 0);
	ck_assert_int_eq(in->slot[0].cur.installed, 1);
	ck_assert_uint_eq(in->slot[0].cur.spi_out, rn->slot[0].cur.spi_in);
	/* The new IKE SA works: a Child SA rekey over it, IDs from 0. */
	ck_assert_uint_eq(in->x.next_id, 0);
	ck_assert_int_eq(ike_child_rekey(in, 0, now), IKE_OK);
	pump();
	ck_assert_int_eq(I.k.nadd, 4);
	ck_assert_int_eq(R.k.nadd, 4);
	ck_assert_int_eq(R.k.ndel, 2);
	ck_assert_uint_eq(in->slot[0].cur.spi_out, rn->slot[0].cur.spi_in);
	check_pair(in->slot[0].cur.spi_in, in->slot[0].cur.spi_out);
}
END_TEST

/* The responder may begin the IKE SA rekey; it becomes the initiator. */
START_TEST(test_rekey_ike_by_responder)
{
	run();
	ck_assert_int_eq(ike_child_rekey_ike(R.sa, now), IKE_OK);
	pump();
	ck_assert_ptr_nonnull(R.sa->rekeyed);
	ck_assert_int_eq(R.sa->rekeyed->initiator, 1);
	ck_assert_int_eq(I.sa->rekeyed->initiator, 0);
	ck_assert_int_eq(I.sa->rekeyed->state, IKE_ST_ESTABLISHED);
	same_key(I.sa->rekeyed->keys.ei, R.sa->rekeyed->keys.ei);
	ck_assert_int_eq(I.sa->state, IKE_ST_DEAD);
	ck_assert_int_eq(ike_info_dpd(I.sa->rekeyed, now), IKE_OK);
	pump();
	ck_assert_int_eq(I.last_rv, IKE_OK);
}
END_TEST

/* A 60 s Child SA: a third of its life is the margin, 20 s. */
START_TEST(test_rekey_short_life)
{
	I.peer.child[0].life_seconds = 60;
	run();
	ck_assert_uint_ge(I.sa->slot[0].cur.rekey_at, now + 37000);
	ck_assert_uint_le(I.sa->slot[0].cur.rekey_at, now + 40000);
}
END_TEST

/*
 * Lifetimes drive rekeying: the IKE SA at 85-90% of its life; the
 * Child SA, whose 100 s make 10% too short a margin, 30 s and 0-5 s
 * before it expires; each side's timers are its own.
 */
START_TEST(test_rekey_on_lifetime)
{
	uint64_t	t0, due;

	I.peer.child[0].life_seconds = 100;
	I.peer.lifetime = 1000;
	R.peer.lifetime = 0;			/* never from this side */
	R.peer.child[0].life_seconds = 0;
	run();
	t0 = now;
	due = I.sa->slot[0].cur.rekey_at;
	ck_assert_uint_ge(due, t0 + 65000);
	ck_assert_uint_le(due, t0 + 70000);
	ck_assert_uint_eq(ike_sa_next_due(I.sa), due);
	ck_assert_uint_eq(R.sa->slot[0].cur.rekey_at, 0);
	now = due - 1;
	ike_sa_tick(I.sa, now);
	ck_assert_int_eq(I.out.n, 0);
	now = due;
	ike_sa_tick(I.sa, now);
	ck_assert_int_eq(I.out.n, 1);
	pump();
	ck_assert_int_eq(I.k.nadd, 4);
	ck_assert_int_eq(R.k.ndel, 2);
	ck_assert_uint_ge(I.sa->slot[0].cur.rekey_at, now + 65000);
	/* The IKE SA's turn. */
	due = I.sa->rekey_at;
	ck_assert_uint_ge(due, t0 + 850000);
	ck_assert_uint_le(due, t0 + 900000);
	while (now < due) {
		now = ike_sa_next_due(I.sa) < due ? ike_sa_next_due(I.sa) : due;
		ike_sa_tick(I.sa, now);
		pump();
	}
	ck_assert_ptr_nonnull(I.sa->rekeyed);
	ck_assert_int_eq(I.sa->rekeyed->state, IKE_ST_ESTABLISHED);
	ck_assert_int_eq(R.sa->rekeyed->state, IKE_ST_ESTABLISHED);
	ck_assert_uint_gt(I.sa->rekeyed->rekey_at, now);
}
END_TEST

/*
 * A loaded responder asks for a cookie and keeps no state; the
 * initiator repeats its request with the cookie first (2.6).
 */
START_TEST(test_cookie)
{
	static const uint8_t	secret[IKE_COOKIE_SECRET] = { 1, 2, 3 };
	struct ike_cookie	ck = { 1, secret, &I.peer.local, NULL };
	struct ike_msg		m;
	uint8_t			c1[33], c2[33];

	R_cookie = &ck;
	ck_assert_int_eq(ike_sa_start(I.sa, now), IKE_OK);
	ck_assert_int_eq(ike_msg_parse(I.out.pkt[0], I.out.len[0], &m),
	    IKE_OK);
	ck_assert_ptr_null(ike_msg_notify(&m, IKE_N_COOKIE));
	pump();
	ck_assert_ptr_nonnull(R.sa);
	ck_assert_uint_eq(I.sa->cookie_tries, 1);
	ck_assert_uint_eq(I.sa->cookielen, 33);
	ck_assert_int_eq(I.sa->state, IKE_ST_ESTABLISHED);
	ck_assert_int_eq(R.sa->state, IKE_ST_ESTABLISHED);
	check_child();
	/* The second request carried it first; the AUTH covered that one. */
	ck_assert_int_eq(ike_msg_parse(trace[2], tracelen[2], &m), IKE_OK);
	ck_assert_uint_eq(m.hdr.np, IKE_PLD_NOTIFY);
	ck_assert_uint_eq(m.n[0].type, IKE_N_COOKIE);
	/* Cookies depend on the nonce, the address and SPIi. */
	ck_assert_int_eq(ike_init_cookie(&ck, m.nonce, m.noncelen, m.hdr.spii,
	    c1), IKE_OK);
	ck.from = &R.peer.local;
	ck_assert_int_eq(ike_init_cookie(&ck, m.nonce, m.noncelen, m.hdr.spii,
	    c2), IKE_OK);
	ck_assert_int_ne(memcmp(c1, c2, sizeof(c1)), 0);
}
END_TEST

/* A wrong cookie is answered with the right one, never accepted. */
START_TEST(test_cookie_wrong)
{
	static const uint8_t	secret[IKE_COOKIE_SECRET] = { 9 };
	struct ike_cookie	ck = { 1, secret, &I.peer.local, NULL };

	R_cookie = &ck;
	ck_assert_int_eq(ike_sa_start(I.sa, now), IKE_OK);
	I.sa->cookielen = 33;			/* a stale cookie */
	memset(I.sa->cookie, 0x42, 33);
	ike_xchg_reset(&I.sa->x);
	I.sa->state = IKE_ST_IDLE;
	I.out.n = 0;
	ck_assert_int_eq(ike_init_request(I.sa, now), IKE_OK);
	pump();
	ck_assert_uint_eq(I.sa->cookie_tries, 1);	/* replaced it once */
	ck_assert_int_eq(I.sa->state, IKE_ST_ESTABLISHED);
}
END_TEST

static void
addr6(struct k_addr *a, const char *s)
{
	memset(a, 0, sizeof(*a));
	a->family = AF_INET6;
	inet_pton(AF_INET6, s, &a->u.v6);
}

/* IPv6 outer addresses, IPv6 selectors, IPv6 address identities. */
static void
side_v6(struct side *s, const char *me, const char *them, const char *lnet,
    const char *rnet)
{
	struct k_addr	a;

	addr6(&s->peer.local, me);
	addr6(&s->peer.remote, them);
	s->peer.id_local.type = IKE_ID_IPV6_ADDR;
	s->peer.id_local.len = 16;
	memcpy(s->peer.id_local.data, s->peer.local.u.bytes, 16);
	s->peer.id_remote.type = IKE_ID_IPV6_ADDR;
	s->peer.id_remote.len = 16;
	memcpy(s->peer.id_remote.data, s->peer.remote.u.bytes, 16);
	addr6(&a, lnet);
	ike_ts_from_prefix(&s->peer.child[0].ts_local[0], &a, 48, 0, 0);
	addr6(&a, rnet);
	ike_ts_from_prefix(&s->peer.child[0].ts_remote[0], &a, 48, 0, 0);
}

START_TEST(test_ipv6)
{
	const struct krec_sa	*o;

	side_v6(&I, "2001:db8::1", "2001:db8::2", "2001:db8:1::",
	    "2001:db8:2::");
	side_v6(&R, "2001:db8::2", "2001:db8::1", "2001:db8:2::",
	    "2001:db8:1::");
	run();
	ck_assert_int_eq(I.sa->state, IKE_ST_ESTABLISHED);
	ck_assert_int_eq(R.sa->state, IKE_ST_ESTABLISHED);
	ck_assert_uint_eq(I.sa->slot[0].cur.tsi.type, IKE_TS_IPV6);
	o = krec_find(&I.k, I.sa->slot[0].cur.spi_out);
	ck_assert_ptr_nonnull(o);
	ck_assert_int_eq(o->sa.dst.family, AF_INET6);
	ck_assert_int_eq(o->sa.sel.family, AF_INET6);
	ck_assert_uint_eq(o->sa.sel.src_plen, 48);
	ck_assert_uint_eq(o->sa.sel.dst.u.bytes[5], 2);
	check_pair(I.sa->slot[0].cur.spi_in, I.sa->slot[0].cur.spi_out);
}
END_TEST

/* Selectors that are ranges, not prefixes, still narrow (2.9). */
START_TEST(test_ts_ranges)
{
	struct ike_ts	a, b, out;
	struct k_sel	sel;
	struct k_addr	x;

	addr4(&x, "10.0.0.0");
	ike_ts_from_prefix(&a, &x, 8, 6, 0);		/* TCP, any port */
	addr4(&x, "10.1.2.0");
	ike_ts_from_prefix(&b, &x, 24, 0, 443);		/* any proto, 443 */
	ck_assert_int_eq(ike_ts_narrow(&a, 1, &b, 1, &out), IKE_OK);
	ck_assert_uint_eq(out.proto, 6);
	ck_assert_uint_eq(out.sport, 443);
	ck_assert_uint_eq(out.eport, 443);
	ck_assert_uint_eq(out.start[2], 2);
	ck_assert_int_eq(ike_ts_to_sel(&out, &a, &sel), IKE_OK);
	ck_assert_uint_eq(sel.src_plen, 24);
	ck_assert_uint_eq(sel.sport, 443);
	ck_assert_uint_eq(sel.sport_mask, 0xffff);
	ck_assert_uint_eq(sel.dport_mask, 0);
	/* 10.0.0.1-10.0.0.5 is no prefix: the kernel cannot take it. */
	out.start[3] = 1;
	out.end[3] = 5;
	ck_assert_int_eq(ike_ts_to_sel(&out, &a, &sel), IKE_E_TS);
	/* Different families never meet. */
	addr6(&x, "2001:db8::");
	ike_ts_from_prefix(&b, &x, 32, 0, 0);
	ck_assert_int_eq(ike_ts_narrow(&a, 1, &b, 1, &out), IKE_E_TS);
}
END_TEST

/* Installed children of one side for definition i. */
static int
n_installed(const struct ike_sa *sa, size_t i)
{
	const struct ike_slot	*s = &sa->slot[i];

	return (s->cur.installed + s->old.installed + s->extra.installed);
}

/*
 * Both ends rekey the Child SA at the same moment (2.8.1): each
 * answers the other, four new SAs exist for a moment, the exchange with
 * the lowest nonce loses its pair, the old pair goes, and one pair -
 * the same on both ends - remains.  Run many times: either side wins.
 */
START_TEST(test_rekey_collision)
{
	uint32_t	in0, out0;

	run();
	in0 = I.sa->slot[0].cur.spi_in;
	out0 = I.sa->slot[0].cur.spi_out;
	ck_assert_int_eq(ike_child_rekey(I.sa, 0, now), IKE_OK);
	ck_assert_int_eq(ike_child_rekey(R.sa, 0, now), IKE_OK);
	pump();
	ck_assert_int_eq(I.k.nadd, 6);
	ck_assert_int_eq(R.k.nadd, 6);
	ck_assert_int_eq(I.k.ndel, 4);
	ck_assert_int_eq(R.k.ndel, 4);
	ck_assert_int_eq(n_installed(I.sa, 0), 1);
	ck_assert_int_eq(n_installed(R.sa, 0), 1);
	ck_assert_int_eq(I.sa->slot[0].cur.installed, 1);
	ck_assert_int_eq(R.sa->slot[0].cur.installed, 1);
	ck_assert_uint_eq(I.sa->slot[0].cur.spi_out, R.sa->slot[0].cur.spi_in);
	ck_assert_uint_eq(I.sa->slot[0].cur.spi_in, R.sa->slot[0].cur.spi_out);
	ck_assert_uint_ne(I.sa->slot[0].cur.spi_in, in0);
	ck_assert_uint_ne(I.sa->slot[0].cur.spi_out, out0);
	check_pair(I.sa->slot[0].cur.spi_in, I.sa->slot[0].cur.spi_out);
	ck_assert_ptr_null(I.sa->coll_min);
	ck_assert_ptr_null(R.sa->coll_min);
	ck_assert_int_eq(I.sa->state, IKE_ST_ESTABLISHED);
	ck_assert_int_eq(R.sa->state, IKE_ST_ESTABLISHED);
}
END_TEST

/* A responder whose initiator never sends IKE_AUTH gives up. */
START_TEST(test_halfopen_timeout)
{
	I.out.drop = 2;
	run();
	ck_assert_int_eq(R.sa->state, IKE_ST_INIT_DONE);
	ck_assert_uint_eq(ike_sa_next_due(R.sa), now + IKE_HALFOPEN_MS);
	ck_assert_int_eq(ike_sa_tick(R.sa, now + IKE_HALFOPEN_MS - 1),
	    IKE_OK);
	ck_assert_int_eq(ike_sa_tick(R.sa, now + IKE_HALFOPEN_MS),
	    IKE_E_TIMEOUT);
	ck_assert_int_eq(R.sa->state, IKE_ST_DEAD);
}
END_TEST

/* ---- NAT traversal: the initiator sits behind a NAT ---- */
static int	natt_calls, keepalives;

static void
hook_natt(void *arg)
{
	natt_calls++;
}

static void
hook_keepalive(void *arg)
{
	keepalives++;
}

/* The paths as each side sees them; after the float, 4500 and 31001. */
static void
nat_paths(struct ike_path *at_r, struct ike_path *at_i)
{
	int	f = natt_calls > 0;

	addr4(&at_r->local, "192.0.2.2");
	addr4(&at_r->remote, "203.0.113.9");		/* the NAT's outside */
	at_r->lport = f ? IKE_NATT_PORT : IKE_PORT;
	at_r->rport = f ? 31001 : 31000;
	at_i->local = I.peer.local;			/* inside, untouched */
	at_i->remote = I.peer.remote;
	at_i->lport = at_i->rport = f ? IKE_NATT_PORT : IKE_PORT;
}

static void
pump_nat(void)
{
	struct ike_cookie	ck = { 0, NULL, NULL, NULL };
	struct ike_path		at_r, at_i;
	struct wire		w;
	int			i, rounds;

	for (rounds = 0; rounds < 20 && (I.out.n || R.out.n); rounds++) {
		w = I.out;
		I.out.n = 0;
		for (i = 0; i < w.n; i++) {
			nat_paths(&at_r, &at_i);
			ck.path = &at_r;
			if (R.sa == NULL)
				R.sa = ike_init_accept(&R.peer, &R.k.k, &R.io,
				    w.pkt[i], w.len[i], &ck, now, &R.last_rv);
			else
				R.last_rv = ike_sa_recv_path(R.sa, &at_r,
				    w.pkt[i], w.len[i], now);
		}
		w = R.out;
		R.out.n = 0;
		for (i = 0; i < w.n; i++) {
			nat_paths(&at_r, &at_i);
			I.last_rv = ike_sa_recv_path(I.sa, &at_i, w.pkt[i],
			    w.len[i], now);
		}
	}
}

/*
 * NAT detection (2.23): each side learns where the NAT is, the
 * initiator floats to 4500 for IKE_AUTH, the Child SAs get UDP
 * encapsulation with the ports seen, and the side behind the NAT sends
 * keepalives (RFC 3948).
 */
START_TEST(test_nat)
{
	const struct krec_sa	*io, *ro;

	natt_calls = keepalives = 0;
	I.sa->io.natt = hook_natt;
	I.sa->io.keepalive = hook_keepalive;
	I.peer.nat_keepalive = 20;
	ck_assert_int_eq(ike_sa_start(I.sa, now), IKE_OK);
	pump_nat();
	ck_assert_int_eq(I.sa->state, IKE_ST_ESTABLISHED);
	ck_assert_int_eq(R.sa->state, IKE_ST_ESTABLISHED);
	ck_assert_int_eq(natt_calls, 1);
	ck_assert_int_eq(I.sa->nat_local, 1);
	ck_assert_int_eq(I.sa->nat_remote, 0);
	ck_assert_int_eq(R.sa->nat_remote, 1);
	ck_assert_int_eq(R.sa->nat_local, 0);
	io = krec_find(&I.k, I.sa->slot[0].cur.spi_out);
	ro = krec_find(&R.k, R.sa->slot[0].cur.spi_out);
	ck_assert_uint_eq(io->sa.encap_sport, IKE_NATT_PORT);
	ck_assert_uint_eq(io->sa.encap_dport, IKE_NATT_PORT);
	ck_assert_uint_eq(ro->sa.encap_sport, IKE_NATT_PORT);
	ck_assert_uint_eq(ro->sa.encap_dport, 31001);	/* as the NAT maps */
	ck_assert_uint_eq(R.sa->seen.rport, 31001);
	check_pair(I.sa->slot[0].cur.spi_in, I.sa->slot[0].cur.spi_out);
	/* Keepalives from behind the NAT only, every 20 s. */
	ike_sa_tick(I.sa, now + 1);
	ike_sa_tick(I.sa, now + 1 + 20000);
	ck_assert_int_eq(keepalives, 1);
	ck_assert_uint_eq(ike_sa_next_due(I.sa), now + 1 + 40000);
}
END_TEST

/* Without a NAT the notifies match: no float, no encapsulation. */
START_TEST(test_no_nat)
{
	I.sa->io.natt = hook_natt;
	natt_calls = 0;
	run();
	ck_assert_int_eq(natt_calls, 0);
	ck_assert_int_eq(I.sa->natt, 0);
	ck_assert_int_eq(R.sa->natt, 0);
	ck_assert_uint_eq(I.k.add[0].sa.encap_sport, 0);
}
END_TEST

/* Only an exact copy of the last request draws the answer again. */
START_TEST(test_dup_exact)
{
	uint8_t	b[IKE_MAX_MSG];
	size_t	len;

	run();
	ck_assert_int_eq(ntrace, 4);
	len = tracelen[2];			/* our IKE_AUTH request */
	memcpy(b, trace[2], len);
	b[len - 1] ^= 1;
	ck_assert_int_eq(ike_sa_recv(R.sa, b, len, now), IKE_E_STATE);
	ck_assert_int_eq(R.out.n, 0);
	b[len - 1] ^= 1;
	ck_assert_int_eq(ike_sa_recv(R.sa, b, len, now), IKE_E_DUP);
	ck_assert_int_eq(R.out.n, 1);
	ck_assert_uint_eq(R.out.len[0], tracelen[3]);
	ck_assert_int_eq(memcmp(R.out.pkt[0], trace[3], tracelen[3]), 0);
}
END_TEST

/*
 * Both ends rekey the IKE SA at once: each answers TEMPORARY_FAILURE,
 * both keep the old SA and try again 10 s later; one going first wins.
 */
START_TEST(test_rekey_ike_collision)
{
	run();
	ck_assert_int_eq(ike_child_rekey_ike(I.sa, now), IKE_OK);
	ck_assert_int_eq(ike_child_rekey_ike(R.sa, now), IKE_OK);
	pump();
	ck_assert_int_eq(I.last_rv, IKE_E_BUSY);
	ck_assert_int_eq(R.last_rv, IKE_E_BUSY);
	ck_assert_ptr_null(I.sa->rekeyed);
	ck_assert_ptr_null(R.sa->rekeyed);
	ck_assert_int_eq(I.sa->state, IKE_ST_ESTABLISHED);
	ck_assert_int_eq(R.sa->state, IKE_ST_ESTABLISHED);
	ck_assert_uint_eq(I.sa->rekey_at, now + 10000);
	ck_assert_uint_eq(R.sa->rekey_at, now + 10000);
	R.sa->rekey_at = now + 15000;		/* as jitter would have it */
	now += 10000;
	ike_sa_tick(I.sa, now);
	pump();
	ck_assert_ptr_nonnull(I.sa->rekeyed);
	ck_assert_ptr_nonnull(R.sa->rekeyed);
	ck_assert_int_eq(R.sa->state, IKE_ST_DEAD);
	same_key(I.sa->rekeyed->keys.d, R.sa->rekeyed->keys.d);
}
END_TEST

/* ---- several Child SA definitions (a crypto map ACL of several lines) */

/* Another definition on side s: lnet/16 to rnet/16, like the first. */
static void
add_def(struct side *s, const char *lnet, const char *rnet, uint32_t reqid)
{
	struct ike_peer		*p = &s->peer;
	struct ike_child_def	*d = &p->child[p->nchild];
	struct k_addr		 a;

	*d = p->child[0];
	addr4(&a, lnet);
	ike_ts_from_prefix(&d->ts_local[0], &a, 16, 0, 0);
	addr4(&a, rnet);
	ike_ts_from_prefix(&d->ts_remote[0], &a, 16, 0, 0);
	d->reqid = reqid;
	p->nchild++;
	/* An IKE SA has a slot per definition: the initiator's anew. */
	if (s == &I && I.sa != NULL && I.sa->state == IKE_ST_IDLE) {
		ike_sa_free(I.sa);
		I.sa = ike_sa_new(&I.peer, &I.k.k, &I.io, 1);
		ck_assert_ptr_nonnull(I.sa);
	}
}

/* Both ends: 10.1/16 - 10.2/16 (reqids 7, 9), 10.1/16 - 10.4/16 (17, 19). */
static void
two_defs(void)
{
	add_def(&I, "10.1.0.0", "10.4.0.0", 17);
	add_def(&R, "10.4.0.0", "10.1.0.0", 19);
}

/* I's Child SA of slot i is R's of slot j: SPIs crossed, same keys. */
static void
check_slots(size_t i, size_t j)
{
	const struct ike_child	*a = &I.sa->slot[i].cur;
	const struct ike_child	*b = &R.sa->slot[j].cur;

	ck_assert_int_eq(a->installed, 1);
	ck_assert_int_eq(b->installed, 1);
	ck_assert_uint_eq(a->spi_out, b->spi_in);
	ck_assert_uint_eq(a->spi_in, b->spi_out);
	check_pair(a->spi_in, a->spi_out);
}

/* The SA with this SPI on side s: reqid, selector from net a to net b. */
static void
check_sel(const struct side *s, uint32_t spi, uint32_t reqid, uint8_t a,
    uint8_t b)
{
	const struct krec_sa	*k = krec_find(&s->k, spi);

	ck_assert_ptr_nonnull(k);
	ck_assert_uint_eq(k->sa.reqid, reqid);
	ck_assert_uint_eq(k->sa.sel.src_plen, 16);
	ck_assert_uint_eq(k->sa.sel.dst_plen, 16);
	ck_assert_uint_eq(k->sa.sel.src.u.bytes[0], 10);
	ck_assert_uint_eq(k->sa.sel.src.u.bytes[1], a);
	ck_assert_uint_eq(k->sa.sel.dst.u.bytes[1], b);
}

/*
 * Two definitions: the first Child SA in IKE_AUTH, the second right
 * after in CREATE_CHILD_SA (1.3.1) with its own selectors, reqids and
 * KEYMAT (from that exchange's nonces, so unlike the first's).
 */
START_TEST(test_multi_two)
{
	const struct krec_sa	*k0, *k1;
	const uint8_t		*a, *b;
	size_t			 la, lb;

	two_defs();
	run();
	ck_assert_int_eq(I.sa->state, IKE_ST_ESTABLISHED);
	ck_assert_int_eq(I.k.nadd, 4);
	ck_assert_int_eq(R.k.nadd, 4);
	ck_assert_int_eq(I.k.ndel, 0);
	check_slots(0, 0);
	check_slots(1, 1);
	ck_assert_uint_eq(I.sa->x.next_id, 3);	/* INIT, AUTH, CREATE */
	check_sel(&I, I.sa->slot[0].cur.spi_out, 7, 1, 2);
	check_sel(&I, I.sa->slot[0].cur.spi_in, 7, 2, 1);
	check_sel(&I, I.sa->slot[1].cur.spi_out, 17, 1, 4);
	check_sel(&I, I.sa->slot[1].cur.spi_in, 17, 4, 1);
	check_sel(&R, R.sa->slot[1].cur.spi_out, 19, 4, 1);
	check_sel(&R, R.sa->slot[1].cur.spi_in, 19, 1, 4);
	check_sel(&R, R.sa->slot[0].cur.spi_in, 9, 1, 2);
	k0 = krec_find(&I.k, I.sa->slot[0].cur.spi_out);
	k1 = krec_find(&I.k, I.sa->slot[1].cur.spi_out);
	a = sa_key(k0, &la);
	b = sa_key(k1, &lb);
	ck_assert_uint_eq(la, lb);
	ck_assert_int_ne(memcmp(a, b, la), 0);
	ck_assert_uint_eq(I.sa->slot[1].create_at, 0);
	ck_assert_uint_eq(R.sa->slot[1].create_at, 0);
	ck_assert_uint_eq(ike_sa_next_due(R.sa), R.sa->slot[0].cur.rekey_at <
	    R.sa->slot[1].cur.rekey_at ? R.sa->slot[0].cur.rekey_at :
	    R.sa->slot[1].cur.rekey_at);	/* nothing left to create */
}
END_TEST

/* Three definitions with PFS: one CREATE_CHILD_SA after the other. */
START_TEST(test_multi_three_pfs)
{
	two_defs();
	add_def(&I, "10.1.0.0", "10.6.0.0", 27);
	add_def(&R, "10.6.0.0", "10.1.0.0", 29);
	I.peer.child[2].pfs_group = R.peer.child[2].pfs_group = 31;
	run();
	ck_assert_int_eq(I.k.nadd, 6);
	ck_assert_int_eq(R.k.nadd, 6);
	check_slots(0, 0);
	check_slots(1, 1);
	check_slots(2, 2);
	ck_assert_ptr_null(I.sa->slot[1].cur.suite.dh);
	ck_assert_uint_eq(I.sa->slot[2].cur.suite.dh->id, 31);
	check_sel(&R, R.sa->slot[2].cur.spi_out, 29, 6, 1);
}
END_TEST

/* The second Child SA's lifetime runs out first: only it is rekeyed. */
START_TEST(test_multi_rekey_second)
{
	uint32_t	in0, out0, in1, out1;

	two_defs();
	I.peer.child[1].life_seconds = 100;
	R.peer.child[1].life_seconds = 0;
	run();
	in0 = I.sa->slot[0].cur.spi_in;
	out0 = I.sa->slot[0].cur.spi_out;
	in1 = I.sa->slot[1].cur.spi_in;
	out1 = I.sa->slot[1].cur.spi_out;
	ck_assert_uint_lt(I.sa->slot[1].cur.rekey_at,
	    I.sa->slot[0].cur.rekey_at);
	ck_assert_uint_eq(ike_sa_next_due(I.sa), I.sa->slot[1].cur.rekey_at);
	now = I.sa->slot[1].cur.rekey_at;
	ck_assert_int_eq(ike_sa_tick(I.sa, now), IKE_OK);
	ck_assert_uint_eq(I.sa->pending, IKE_PEND_REKEY_CHILD);
	ck_assert_uint_eq(I.sa->xslot, 1);
	pump();
	ck_assert_int_eq(I.k.nadd, 6);
	ck_assert_int_eq(R.k.nadd, 6);
	ck_assert_int_eq(I.k.ndel, 2);
	ck_assert_int_eq(R.k.ndel, 2);
	ck_assert_uint_eq(I.k.del[0].spi + I.k.del[1].spi, in1 + out1);
	ck_assert_uint_eq(I.sa->slot[0].cur.spi_in, in0);
	ck_assert_uint_eq(I.sa->slot[0].cur.spi_out, out0);
	ck_assert_uint_ne(I.sa->slot[1].cur.spi_in, in1);
	check_slots(0, 0);
	check_slots(1, 1);
	check_sel(&I, I.sa->slot[1].cur.spi_out, 17, 1, 4);
	check_sel(&R, R.sa->slot[1].cur.spi_out, 19, 4, 1);
	ck_assert_int_eq(n_installed(I.sa, 1), 1);
	ck_assert_int_eq(n_installed(R.sa, 1), 1);
	/* A rekey of the second by the responder, with the REKEY_SA SPI. */
	ck_assert_int_eq(ike_child_rekey(R.sa, 1, now), IKE_OK);
	pump();
	ck_assert_int_eq(I.k.ndel, 4);
	ck_assert_uint_eq(I.sa->slot[0].cur.spi_in, in0);
	check_slots(1, 1);
	ck_assert_int_eq(ike_child_rekey(R.sa, 2, now), IKE_E_STATE);
}
END_TEST

/*
 * Both ends rekey the second Child SA at once (2.8.1): resolved within
 * that slot; the first Child SA is not touched.
 */
START_TEST(test_multi_collision_second)
{
	uint32_t	in0, in1;

	two_defs();
	run();
	in0 = I.sa->slot[0].cur.spi_in;
	in1 = I.sa->slot[1].cur.spi_in;
	ck_assert_int_eq(ike_child_rekey(I.sa, 1, now), IKE_OK);
	ck_assert_int_eq(ike_child_rekey(R.sa, 1, now), IKE_OK);
	pump();
	ck_assert_int_eq(I.k.nadd, 8);
	ck_assert_int_eq(R.k.nadd, 8);
	ck_assert_int_eq(I.k.ndel, 4);
	ck_assert_int_eq(R.k.ndel, 4);
	ck_assert_int_eq(n_installed(I.sa, 1), 1);
	ck_assert_int_eq(n_installed(R.sa, 1), 1);
	ck_assert_int_eq(n_installed(I.sa, 0), 1);
	ck_assert_uint_eq(I.sa->slot[0].cur.spi_in, in0);
	ck_assert_uint_ne(I.sa->slot[1].cur.spi_in, in1);
	check_slots(0, 0);
	check_slots(1, 1);
	ck_assert_ptr_null(I.sa->coll_min);
	ck_assert_ptr_null(R.sa->coll_min);
}
END_TEST

/*
 * A rekey of the first while the peer rekeys the second is no
 * collision: each exchange replaces its own Child SA.
 */
START_TEST(test_multi_rekey_both)
{
	two_defs();
	run();
	ck_assert_int_eq(ike_child_rekey(I.sa, 0, now), IKE_OK);
	ck_assert_int_eq(ike_child_rekey(R.sa, 1, now), IKE_OK);
	pump();
	ck_assert_int_eq(I.k.nadd, 8);
	ck_assert_int_eq(I.k.ndel, 4);
	ck_assert_int_eq(R.k.ndel, 4);
	ck_assert_int_eq(n_installed(I.sa, 0), 1);
	ck_assert_int_eq(n_installed(I.sa, 1), 1);
	ck_assert_int_eq(n_installed(R.sa, 0), 1);
	ck_assert_int_eq(n_installed(R.sa, 1), 1);
	check_slots(0, 0);
	check_slots(1, 1);
}
END_TEST

/*
 * The peer deletes one of two Child SAs: only that pair leaves the
 * kernel, the IKE SA and the other stay; 10 s later it is made again.
 */
START_TEST(test_multi_peer_deletes)
{
	uint32_t	in0, in1, out1;

	two_defs();
	run();
	in0 = I.sa->slot[0].cur.spi_in;
	in1 = I.sa->slot[1].cur.spi_in;
	out1 = I.sa->slot[1].cur.spi_out;
	ck_assert_int_eq(ike_info_delete_child(R.sa, &R.sa->slot[1].cur, now),
	    IKE_OK);
	pump();
	ck_assert_int_eq(I.k.ndel, 2);
	ck_assert_int_eq(R.k.ndel, 2);
	ck_assert_uint_eq(I.k.del[0].spi + I.k.del[1].spi, in1 + out1);
	ck_assert_int_eq(I.sa->slot[1].cur.installed, 0);
	ck_assert_int_eq(I.sa->slot[0].cur.installed, 1);
	ck_assert_uint_eq(I.sa->slot[0].cur.spi_in, in0);
	ck_assert_int_eq(I.sa->state, IKE_ST_ESTABLISHED);
	ck_assert_int_eq(R.sa->state, IKE_ST_ESTABLISHED);
	ck_assert_uint_eq(I.sa->slot[1].create_at, now + 10000);
	ck_assert_uint_eq(R.sa->slot[1].create_at, 0);	/* it chose to */
	now += 10000;
	ck_assert_int_eq(ike_sa_tick(I.sa, now), IKE_OK);
	pump();
	ck_assert_int_eq(I.k.nadd, 6);
	check_slots(0, 0);
	check_slots(1, 1);
	ck_assert_uint_ne(I.sa->slot[1].cur.spi_in, in1);
	/* A Delete naming both pairs takes both. */
	ck_assert_int_eq(ike_info_delete_child(R.sa, &R.sa->slot[0].cur, now),
	    IKE_OK);
	pump();
	ck_assert_int_eq(I.k.ndel, 4);
	ck_assert_int_eq(I.sa->slot[0].cur.installed, 0);
	ck_assert_int_eq(I.sa->slot[1].cur.installed, 1);
}
END_TEST

/*
 * The responder holds its definitions in the other order: it picks
 * each by the proposed selectors, in IKE_AUTH and in CREATE_CHILD_SA.
 */
START_TEST(test_multi_responder_picks)
{
	struct k_addr	a;

	add_def(&I, "10.1.0.0", "10.4.0.0", 17);
	add_def(&R, "10.2.0.0", "10.1.0.0", 9);	/* as the first now */
	addr4(&a, "10.4.0.0");
	ike_ts_from_prefix(&R.peer.child[0].ts_local[0], &a, 16, 0, 0);
	R.peer.child[0].reqid = 19;
	run();
	ck_assert_int_eq(I.k.nadd, 4);
	ck_assert_int_eq(R.k.nadd, 4);
	check_slots(0, 1);
	check_slots(1, 0);
	check_sel(&R, R.sa->slot[1].cur.spi_out, 9, 2, 1);
	check_sel(&R, R.sa->slot[0].cur.spi_out, 19, 4, 1);
	check_sel(&I, I.sa->slot[1].cur.spi_out, 17, 1, 4);
}
END_TEST

/*
 * A definition the responder has not: TS_UNACCEPTABLE.  The IKE SA and
 * the first Child SA stay; the second is asked for again after 10 s,
 * 20 s, ..., and made once the responder has it.
 */
START_TEST(test_multi_refused)
{
	add_def(&I, "10.1.0.0", "10.4.0.0", 17);
	/* The responder's second: 10.5/16 for now, which the peer's is not. */
	add_def(&R, "10.5.0.0", "10.1.0.0", 19);
	run();
	ck_assert_int_eq(I.last_rv, IKE_E_TS);
	ck_assert_int_eq(I.sa->state, IKE_ST_ESTABLISHED);
	ck_assert_int_eq(R.sa->state, IKE_ST_ESTABLISHED);
	ck_assert_int_eq(I.k.nadd, 2);
	ck_assert_int_eq(I.k.ndel, 0);
	check_slots(0, 0);
	ck_assert_int_eq(I.sa->slot[1].cur.installed, 0);
	ck_assert_uint_eq(I.sa->slot[1].create_at, now + 10000);
	ck_assert_uint_eq(ike_sa_next_due(I.sa), now + 10000);
	now += 10000;
	ike_sa_tick(I.sa, now);
	pump();
	ck_assert_int_eq(I.last_rv, IKE_E_TS);
	ck_assert_uint_eq(I.sa->slot[1].tries, 2);
	ck_assert_uint_eq(I.sa->slot[1].create_at, now + 20000);
	/* NO_PROPOSAL_CHOSEN the same way: its selectors now, not its ESP. */
	R.peer.child[1].ts_local[0] = I.peer.child[1].ts_remote[0];
	esp_prop(&R.peer.child[1].props[0], 12, 256, 12);
	now += 20000;
	ike_sa_tick(I.sa, now);
	pump();
	ck_assert_int_eq(I.last_rv, IKE_E_NOPROP);
	ck_assert_uint_eq(I.sa->slot[1].create_at, now + 40000);
	ck_assert_int_eq(I.k.nadd, 2);
	R.peer.child[1].props[0] = R.peer.child[0].props[0];
	now += 40000;
	ike_sa_tick(I.sa, now);
	pump();
	ck_assert_int_eq(I.k.nadd, 4);
	check_slots(0, 0);
	check_slots(1, 1);
	ck_assert_uint_eq(I.sa->slot[1].tries, 0);
	ck_assert_uint_eq(I.sa->slot[1].create_at, 0);
}
END_TEST

/* A first Child SA refused in IKE_AUTH is asked for again later. */
START_TEST(test_multi_first_again)
{
	struct ike_ts	ts = R.peer.child[0].ts_remote[0];
	struct k_addr	a;

	addr4(&a, "10.9.0.0");
	ike_ts_from_prefix(&R.peer.child[0].ts_remote[0], &a, 16, 0, 0);
	run();
	ck_assert_int_eq(I.last_rv, IKE_E_TS);
	ck_assert_int_eq(I.k.nadd, 0);
	ck_assert_uint_eq(I.sa->slot[0].create_at, now + 10000);
	R.peer.child[0].ts_remote[0] = ts;
	now += 10000;
	ike_sa_tick(I.sa, now);
	pump();
	ck_assert_int_eq(I.k.nadd, 2);
	check_slots(0, 0);
}
END_TEST

/*
 * The responder has a definition its initiator did not ask for: it
 * creates that Child SA itself, 10 s after the IKE SA came up, and the
 * initiator picks its definition by the selectors.
 */
START_TEST(test_multi_responder_creates)
{
	two_defs();
	I.peer.nchild = 1;		/* asks for none beside the first */
	run();
	ck_assert_int_eq(I.k.nadd, 2);
	ck_assert_uint_eq(R.sa->slot[1].create_at, now + 10000);
	ck_assert_uint_eq(R.sa->slot[0].create_at, 0);
	I.peer.nchild = 2;
	now += 10000;
	ck_assert_int_eq(ike_sa_tick(R.sa, now), IKE_OK);
	pump();
	ck_assert_int_eq(I.k.nadd, 4);
	ck_assert_int_eq(R.k.nadd, 4);
	check_slots(0, 0);
	check_slots(1, 1);
	ck_assert_int_eq(I.sa->slot[1].cur.we_init, 0);
	check_sel(&I, I.sa->slot[1].cur.spi_out, 17, 1, 4);
}
END_TEST

/*
 * Both ends create the second Child SA at once: as a rekey collision,
 * the lower nonce's Child SA goes and one pair remains.
 */
START_TEST(test_multi_create_collision)
{
	two_defs();
	I.peer.nchild = 1;
	run();
	I.peer.nchild = 2;
	R.sa->slot[1].create_at = 0;
	ck_assert_int_eq(ike_child_create(I.sa, 1, now), IKE_OK);
	ck_assert_int_eq(ike_child_create(R.sa, 1, now), IKE_OK);
	ck_assert_int_eq(ike_child_create(R.sa, 0, now), IKE_E_STATE);
	pump();
	ck_assert_int_eq(I.k.nadd, 6);
	ck_assert_int_eq(R.k.nadd, 6);
	ck_assert_int_eq(I.k.ndel, 2);
	ck_assert_int_eq(R.k.ndel, 2);
	ck_assert_int_eq(n_installed(I.sa, 1), 1);
	ck_assert_int_eq(n_installed(R.sa, 1), 1);
	check_slots(0, 0);
	check_slots(1, 1);
	ck_assert_ptr_null(I.sa->coll_min);
}
END_TEST

/*
 * The initiator's CREATE_CHILD_SA is lost; the responder creates the
 * Child SA itself after 10 s; the retransmission then comes to a
 * responder that has one.  Either way both ends use the same pair.
 */
START_TEST(test_multi_create_late)
{
	two_defs();
	I.out.drop = 3;				/* INIT, AUTH, CREATE */
	run();
	ck_assert_int_eq(I.k.nadd, 2);
	ck_assert_uint_eq(I.sa->pending, IKE_PEND_NEW_CHILD);
	now += 10000;
	ck_assert_int_eq(ike_sa_tick(R.sa, now), IKE_OK);
	pump();
	check_slots(1, 1);
	ck_assert_int_eq(ike_sa_tick(I.sa, now), IKE_OK);	/* resent */
	pump();
	ck_assert_int_eq(I.sa->state, IKE_ST_ESTABLISHED);
	ck_assert_uint_eq(I.sa->pending, IKE_PEND_NONE);
	check_slots(0, 0);
	check_slots(1, 1);
	ck_assert_ptr_null(I.sa->coll_min);
	/* The second Child SA rekeys from either end afterwards. */
	ck_assert_int_eq(ike_child_rekey(R.sa, 1, now), IKE_OK);
	pump();
	check_slots(1, 1);
	ck_assert_int_eq(ike_child_rekey(I.sa, 1, now), IKE_OK);
	pump();
	ck_assert_int_eq(I.last_rv, IKE_OK);
	check_slots(1, 1);
}
END_TEST

/*
 * Three definitions, the first CREATE_CHILD_SA lost: the third waits
 * for the second's answer, and the timers do not ask for a tick before
 * the retransmission is due.
 */
START_TEST(test_multi_window)
{
	two_defs();
	add_def(&I, "10.1.0.0", "10.6.0.0", 27);
	add_def(&R, "10.6.0.0", "10.1.0.0", 29);
	I.out.drop = 3;
	run();
	ck_assert_uint_eq(I.sa->xslot, 1);
	ck_assert_uint_eq(I.sa->slot[2].create_at, now);
	ck_assert_uint_eq(ike_sa_next_due(I.sa), now + 500);
	ck_assert_int_eq(ike_child_create(I.sa, 2, now), IKE_E_BUSY);
	now += 500;
	ck_assert_int_eq(ike_sa_tick(I.sa, now), IKE_OK);	/* resent */
	pump();
	ck_assert_int_eq(I.k.nadd, 6);
	check_slots(1, 1);
	check_slots(2, 2);
	ck_assert_uint_eq(I.sa->slot[2].create_at, 0);
}
END_TEST

/*
 * Rekeying the IKE SA moves both Child SAs to the new one, untouched;
 * they rekey over it; deleting it takes all four SAs out on each end.
 */
START_TEST(test_multi_rekey_ike)
{
	struct ike_sa	*in, *rn;
	uint32_t	 in1;

	two_defs();
	run();
	in1 = I.sa->slot[1].cur.spi_in;
	ck_assert_int_eq(ike_child_rekey_ike(I.sa, now), IKE_OK);
	pump();
	in = I.sa->rekeyed;
	rn = R.sa->rekeyed;
	ck_assert_ptr_nonnull(in);
	ck_assert_ptr_nonnull(rn);
	ck_assert_int_eq(I.sa->state, IKE_ST_DEAD);
	ck_assert_int_eq(R.sa->state, IKE_ST_DEAD);
	ck_assert_int_eq(I.k.nadd, 4);
	ck_assert_int_eq(I.k.ndel, 0);
	ck_assert_int_eq(R.k.ndel, 0);
	ck_assert_int_eq(in->slot[0].cur.installed, 1);
	ck_assert_int_eq(in->slot[1].cur.installed, 1);
	ck_assert_int_eq(rn->slot[1].cur.installed, 1);
	ck_assert_uint_eq(in->slot[1].cur.spi_in, in1);
	ck_assert_uint_eq(in->slot[1].cur.spi_out, rn->slot[1].cur.spi_in);
	ck_assert_int_eq(I.sa->slot[1].cur.installed, 0);
	ck_assert_int_eq(ike_child_rekey(in, 1, now), IKE_OK);
	pump();
	ck_assert_int_eq(R.k.ndel, 2);
	ck_assert_uint_eq(in->slot[1].cur.spi_out, rn->slot[1].cur.spi_in);
	check_pair(in->slot[1].cur.spi_in, in->slot[1].cur.spi_out);
	ck_assert_int_eq(ike_info_delete_ike(in, now), IKE_OK);
	ck_assert_int_eq(I.k.ndel, 6);
	pump();
	ck_assert_int_eq(rn->state, IKE_ST_DEAD);
	ck_assert_int_eq(R.k.ndel, 6);
	ck_assert_int_eq(n_installed(rn, 0) + n_installed(rn, 1), 0);
}
END_TEST

/* The IKE SA deleted: all Child SAs of every definition leave the kernel. */
START_TEST(test_multi_delete_ike)
{
	two_defs();
	run();
	ck_assert_int_eq(ike_info_delete_ike(R.sa, now), IKE_OK);
	ck_assert_int_eq(R.k.ndel, 4);
	pump();
	ck_assert_int_eq(I.sa->state, IKE_ST_DEAD);
	ck_assert_int_eq(I.k.ndel, 4);
	ck_assert_int_eq(n_installed(I.sa, 0) + n_installed(I.sa, 1), 0);
}
END_TEST

int
main(void)
{
	Suite	*s = suite_create("ike_xchg");
	TCase	*tc = tcase_create("two peers");
	SRunner	*sr;
	int	 failed;

	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_gcm_group19);
	tcase_add_test(tc, test_cbc_group14_asym_psk);
	tcase_add_test(tc, test_invalid_ke_retry);
	tcase_add_test(tc, test_no_common_group);
	tcase_add_test(tc, test_wrong_psk_responder);
	tcase_add_test(tc, test_wrong_psk_initiator);
	tcase_add_test(tc, test_wrong_identity);
	tcase_add_test(tc, test_retransmit_request);
	tcase_add_test(tc, test_retransmit_response);
	tcase_add_test(tc, test_retransmit_init);
	tcase_add_test(tc, test_retransmit_timeout);
	tcase_add_test(tc, test_bad_icv);
	tcase_add_test(tc, test_bad_icv_response);
	tcase_add_test(tc, test_child_no_proposal);
	tcase_add_test(tc, test_child_ts_unacceptable);
	tcase_add_test(tc, test_child_narrowed);
	tcase_add_test(tc, test_kernel_refuses);
	tcase_add_test(tc, test_malformed_replay);
	tcase_add_test(tc, test_critical_init);
	tcase_add_test(tc, test_critical_auth);
	tcase_add_test(tc, test_dpd_alive);
	tcase_add_test(tc, test_dpd_dead);
	tcase_add_test(tc, test_delete_ike);
	tcase_add_test(tc, test_delete_child);
	tcase_add_test(tc, test_rekey_child);
	tcase_add_test(tc, test_rekey_child_pfs);
	tcase_add_test(tc, test_rekey_child_pfs_offered);
	tcase_add_test(tc, test_rekey_child_by_responder);
	tcase_add_test(tc, test_rekey_child_refused);
	tcase_add_test(tc, test_show_sa);
	tcase_add_test(tc, test_rekey_ike);
	tcase_add_test(tc, test_rekey_ike_by_responder);
	tcase_add_test(tc, test_rekey_on_lifetime);
	tcase_add_test(tc, test_rekey_short_life);
	tcase_add_test(tc, test_cookie);
	tcase_add_test(tc, test_cookie_wrong);
	tcase_add_test(tc, test_ipv6);
	tcase_add_test(tc, test_ts_ranges);
	tcase_add_loop_test(tc, test_rekey_collision, 0, 16);
	tcase_add_test(tc, test_halfopen_timeout);
	tcase_add_test(tc, test_nat);
	tcase_add_test(tc, test_no_nat);
	tcase_add_test(tc, test_dup_exact);
	tcase_add_test(tc, test_rekey_ike_collision);
	tcase_add_test(tc, test_multi_two);
	tcase_add_test(tc, test_multi_three_pfs);
	tcase_add_test(tc, test_multi_rekey_second);
	tcase_add_loop_test(tc, test_multi_collision_second, 0, 16);
	tcase_add_test(tc, test_multi_rekey_both);
	tcase_add_test(tc, test_multi_peer_deletes);
	tcase_add_test(tc, test_multi_responder_picks);
	tcase_add_test(tc, test_multi_refused);
	tcase_add_test(tc, test_multi_first_again);
	tcase_add_test(tc, test_multi_responder_creates);
	tcase_add_loop_test(tc, test_multi_create_collision, 0, 16);
	tcase_add_loop_test(tc, test_multi_create_late, 0, 16);
	tcase_add_test(tc, test_multi_window);
	tcase_add_test(tc, test_multi_rekey_ike);
	tcase_add_test(tc, test_multi_delete_ike);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return (failed ? EXIT_FAILURE : EXIT_SUCCESS);
}
