/*
 * ike/ike_sa.c: one IKE SA and its Child SAs: state, keys, the
 * dispatch of received messages to the exchange modules, protected
 * sending, installing Child SAs through the kernel interface, and the
 * timers (rekeys, Child SAs still to create, liveness, keepalives).
 *
 * Each Child SA definition of the peer has a slot (struct ike_slot):
 * the first is made in IKE_AUTH, the others by CREATE_CHILD_SA once
 * the IKE SA is up, one after the other.  The initiator of the IKE SA
 * creates them at once; the responder only after IKE_CHILD_RETRY_MS,
 * for the definitions the initiator did not ask for.  A refused one is
 * tried again later, the wait doubling from 10 s up to 320 s.
 * XXX: a definition the peer does not have is asked for again every
 * 320 s while the IKE SA lives; IOS asks when traffic for it comes (a
 * kernel ACQUIRE for its reqid), which the router does not pass down.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/rand.h>

#include "ike/ike.h"

#define IKE_REKEY_MARGIN_MS	30000	/* see ike_sa_rekey_time */

static const char *const ike_sa_states[] = {
	[IKE_ST_IDLE] = "IDLE",
	[IKE_ST_INIT_SENT] = "INIT-SENT",
	[IKE_ST_INIT_DONE] = "INIT-DONE",
	[IKE_ST_AUTH_SENT] = "AUTH-SENT",
	[IKE_ST_ESTABLISHED] = "READY",
	[IKE_ST_DEAD] = "DELETED",
};

const char *
ike_sa_state_name(int st)
{
	if (st < IKE_ST_IDLE || st > IKE_ST_DEAD)
		return ("UNKNOWN");
	return (ike_sa_states[st]);
}

/* The DH group of our first IKE proposal: what we send KE for first. */
static uint16_t
ike_sa_first_group(const struct ike_peer *peer)
{
	size_t	i;

	for (i = 0; peer->nprops > 0 && i < peer->props[0].nxf; i++)
		if (peer->props[0].xf[i].type == IKE_XF_DH)
			return (peer->props[0].xf[i].id);
	return (0);
}

/* The path as configured: what we assume until datagrams say more. */
void
ike_sa_path_default(const struct ike_peer *peer, struct ike_path *p)
{
	p->local = peer->local;
	p->remote = peer->remote;
	p->lport = peer->local_port ? peer->local_port : IKE_PORT;
	p->rport = peer->remote_port ? peer->remote_port : IKE_PORT;
}

struct ike_sa *
ike_sa_new(const struct ike_peer *peer, struct kernel *kern,
    const struct ike_io *io, int initiator)
{
	struct ike_sa	*sa;
	size_t		 n = peer->nchild > 0 ? peer->nchild : 1;

	/* A slot per definition: most peers have one (a few hundred bytes). */
	if ((sa = calloc(1, sizeof(*sa) + n * sizeof(sa->slot[0]))) == NULL)
		return (NULL);
	sa->nslot = n;
	sa->peer = peer;
	sa->kern = kern;
	sa->io = *io;
	sa->initiator = initiator;
	sa->state = IKE_ST_IDLE;
	sa->group = ike_sa_first_group(peer);
	ike_sa_path_default(peer, &sa->seen);
	if (RAND_bytes(initiator ? sa->spii : sa->spir, 8) != 1) {
		free(sa);
		return (NULL);
	}
	return (sa);
}

void
ike_sa_free(struct ike_sa *sa)
{
	if (sa == NULL)
		return;
	ike_dh_free(sa->dh);
	ike_buf_free(sa->ni);
	ike_buf_free(sa->nr);
	ike_keys_free(&sa->keys);
	ike_child_rekey_clear(sa);
	free(sa->msg1);
	free(sa->msg2);
	ike_xchg_reset(&sa->x);
	free(sa);
}

/* The session line an operator reads, in IOS's spirit. */
static void
ike_sa_log_status(const struct ike_sa *sa, const char *what)
{
	char		 addr[INET6_ADDRSTRLEN], id[IKE_MAX_ID + 1];
	const struct k_addr *a = &sa->peer->remote;

	inet_ntop(a->family, &a->u, addr, sizeof(addr));
	ike_log(IKE_LOG_INFO, "%%CRYPTO-5-IKEV2_SESSION_STATUS: Crypto "
	    "tunnel v2 is %s.  Peer %s:%u Id: %s", what, addr,
	    sa->seen.rport ? sa->seen.rport : IKE_PORT,
	    ike_show_id(&sa->peer_ident, id, sizeof(id)));
}

void
ike_sa_fail(struct ike_sa *sa, int err)
{
	ike_sa_uninstall_all(sa);
	if (sa->state == IKE_ST_ESTABLISHED && sa->rekeyed == NULL)
		ike_sa_log_status(sa, "DOWN");
	sa->state = IKE_ST_DEAD;
	sa->error = err;
	if (err == IKE_OK)
		ike_log(IKE_LOG_INFO, "peer %s: IKE SA deleted",
		    sa->peer->name);
	else
		ike_log(IKE_LOG_INFO, "peer %s: IKE SA failed: %s",
		    sa->peer->name, ike_strerror(err));
}

int
ike_sa_start(struct ike_sa *sa, uint64_t now)
{
	if (!sa->initiator || sa->state != IKE_ST_IDLE)
		return (IKE_E_STATE);
	sa->now = now;
	return (ike_init_request(sa, now));
}

/* Keys for what we send: SK_ei/SK_ai as initiator, SK_er/SK_ar else. */
struct ike_sk
ike_sa_sk_out(const struct ike_sa *sa)
{
	struct ike_sk	sk = { sa->suite.encr, sa->suite.integ,
	    sa->initiator ? sa->keys.ei : sa->keys.er,
	    sa->initiator ? sa->keys.ai : sa->keys.ar };

	return (sk);
}

struct ike_sk
ike_sa_sk_in(const struct ike_sa *sa)
{
	struct ike_sk	sk = { sa->suite.encr, sa->suite.integ,
	    sa->initiator ? sa->keys.er : sa->keys.ei,
	    sa->initiator ? sa->keys.ar : sa->keys.ai };

	return (sk);
}

/* Seal inner payloads into a message and send it as request or reply. */
int
ike_sa_send_enc(struct ike_sa *sa, uint8_t xchg, int response,
    uint32_t msgid, const uint8_t *inner, size_t len, uint8_t np,
    uint64_t now)
{
	struct ike_sk	sk = ike_sa_sk_out(sa);
	struct ike_hdr	h;
	uint8_t		out[IKE_MAX_MSG];
	size_t		outlen;
	int		rv;

	sa->now = now;
	memset(&h, 0, sizeof(h));
	memcpy(h.spii, sa->spii, 8);
	memcpy(h.spir, sa->spir, 8);
	h.xchg = xchg;
	h.flags = (sa->initiator ? IKE_F_INITIATOR : 0) |
	    (response ? IKE_F_RESPONSE : 0);
	h.msgid = msgid;
	if ((rv = ike_msg_seal(&sk, &h, np, inner, len, out, sizeof(out),
	    &outlen)) != IKE_OK)
		return (rv);
	if (response)
		return (ike_xchg_reply(&sa->x, &sa->io, out, outlen, msgid));
	return (ike_xchg_request(&sa->x, &sa->io, out, outlen, now));
}

/* ---- installing the Child SA (RFC 7296 2.17 for the key order) ---- */

static void
ike_sa_alg(struct k_sa *k, const struct ike_suite *s,
    const struct ike_buf *ek, const struct ike_buf *ak)
{
	if (s->encr->aead) {
		k->aead = (struct k_alg){ s->encr->xfrm, ek->p, ek->len,
		    s->encr->icvlen * 8 };
		return;
	}
	k->enc = (struct k_alg){ s->encr->xfrm, ek->p, ek->len, 0 };
	k->auth = (struct k_alg){ s->integ->xfrm, ak->p, ak->len,
	    s->integ->icvlen * 8 };
}

static void
ike_sa_life(struct k_sa *k, const struct ike_child_def *d)
{
	k->life.hard_seconds = d->life_seconds;
	k->life.soft_seconds = d->life_seconds - d->life_seconds / 10;
	k->life.hard_bytes = d->life_kbytes * 1024;
	k->life.soft_bytes = k->life.hard_bytes - k->life.hard_bytes / 10;
}

/* ESP in UDP (RFC 3948): the ports IKE uses now, 4500 if still 500. */
static void
ike_sa_encap(const struct ike_sa *sa, int out, struct k_sa *k)
{
	uint16_t	l = sa->seen.lport, r = sa->seen.rport;

	l = l == IKE_PORT ? IKE_NATT_PORT : l;
	r = r == IKE_PORT ? IKE_NATT_PORT : r;
	k->encap_sport = out ? l : r;
	k->encap_dport = out ? r : l;
}

/* One direction: out (local to remote) or in (remote to local). */
static int
ike_sa_add_dir(struct ike_sa *sa, const struct ike_child *c, int out,
    const struct ike_buf *ek, const struct ike_buf *ak)
{
	const struct ike_peer		*p = sa->peer;
	const struct ike_ts		*lts, *rts;
	struct k_sa			 k;

	memset(&k, 0, sizeof(k));
	k.src = out ? p->local : p->remote;
	k.dst = out ? p->remote : p->local;
	k.spi = out ? c->spi_out : c->spi_in;
	k.proto = IPPROTO_ESP;
	k.mode = c->def->mode;
	k.reqid = c->def->reqid;
	k.if_id = c->def->if_id;
	k.replay_window = c->def->replay_window;
	ike_sa_alg(&k, &c->suite, ek, ak);
	ike_sa_life(&k, c->def);
	if (sa->natt)
		ike_sa_encap(sa, out, &k);
	lts = c->we_init ? &c->tsi : &c->tsr;
	rts = c->we_init ? &c->tsr : &c->tsi;
	if (ike_ts_to_sel(out ? lts : rts, out ? rts : lts, &k.sel) != IKE_OK)
		memset(&k.sel, 0, sizeof(k.sel));
	if (sa->kern->ops->sa_add(sa->kern->arg, &k) != 0)
		return (IKE_E_KERNEL);
	return (IKE_OK);
}

/*
 * When to rekey something that lives for life seconds: a margin before
 * it expires of 10% of its life, but at least 30 s (a third of the life
 * when that is shorter), so that a rekey has time for its
 * retransmissions; less a random 0-5% of the life, so that two peers
 * with equal lifetimes rarely begin at the same moment.  When they do,
 * ike_child.c resolves it (2.8.1) for Child SAs and backs off for the
 * IKE SA.
 */
static uint64_t
ike_sa_rekey_time(uint64_t now, uint64_t life)
{
	uint64_t	ms = life * 1000, jitter = 0, margin;
	uint32_t	r;

	if (life == 0)
		return (0);
	margin = ms / 10;
	if (margin < IKE_REKEY_MARGIN_MS)
		margin = ms / 3 < IKE_REKEY_MARGIN_MS ? ms / 3 :
		    IKE_REKEY_MARGIN_MS;
	if (ms / 20 > 0 && RAND_bytes((uint8_t *)&r, sizeof(r)) == 1)
		jitter = r % (ms / 20);
	return (now + ms - margin - jitter);
}

/*
 * KEYMAT = prf+(SK_d, [g^ir (new) |] Ni | Nr): i->r keys first, where
 * i is whoever began the exchange that made this Child SA (2.17).  The
 * initiator sends with the i->r keys; the responder receives with them.
 */
int
ike_sa_install(struct ike_sa *sa, struct ike_child *c,
    const struct ike_buf *gir, const struct ike_buf *ni,
    const struct ike_buf *nr)
{
	struct ike_child_keys	k;
	size_t			i;
	int			rv, first = 1;

	for (i = 0; i < sa->nslot; i++)
		if (ike_sa_slot_up(sa, i))
			first = 0;

	if ((rv = ike_crypto_child_keys(&c->suite, sa->suite.prf,
	    sa->keys.d, gir, ni, nr, &k)) != IKE_OK)
		return (rv);
	if (c->we_init)
		rv = ike_sa_add_dir(sa, c, 0, k.er, k.ar) ||
		    ike_sa_add_dir(sa, c, 1, k.ei, k.ai);
	else
		rv = ike_sa_add_dir(sa, c, 0, k.ei, k.ai) ||
		    ike_sa_add_dir(sa, c, 1, k.er, k.ar);
	rv = rv ? IKE_E_KERNEL : IKE_OK;
	ike_child_keys_free(&k);
	if (rv == IKE_OK) {
		c->installed = 1;
		c->rekey_at = ike_sa_rekey_time(sa->now, c->def->life_seconds);
		if (first)
			ike_sa_log_status(sa, "UP");
	}
	return (rv);
}

/* A fresh inbound SPI; values below 256 are reserved (RFC 4303 2.1). */
uint32_t
ike_sa_new_spi(uint8_t *b)
{
	if (RAND_bytes(b, 4) != 1)
		return (0);
	b[0] |= 0xc0;
	return ((uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
	    (uint32_t)b[2] << 8 | b[3]);
}

static void
ike_sa_del_dir(struct ike_sa *sa, const struct k_addr *dst, uint32_t spi)
{
	struct k_sa_id	id;

	memset(&id, 0, sizeof(id));
	id.dst = *dst;
	id.spi = spi;
	id.proto = IPPROTO_ESP;
	if (sa->kern->ops->sa_del(sa->kern->arg, &id) != 0)
		ike_log(IKE_LOG_WARN, "peer %s: kernel kept SA %08x",
		    sa->peer->name, spi);
}

/* Remove a Child SA from the kernel, both directions. */
void
ike_sa_uninstall(struct ike_sa *sa, struct ike_child *c)
{
	if (!c->installed)
		return;
	ike_sa_del_dir(sa, &sa->peer->local, c->spi_in);
	ike_sa_del_dir(sa, &sa->peer->remote, c->spi_out);
	c->installed = 0;
}

void
ike_sa_uninstall_all(struct ike_sa *sa)
{
	size_t	i;

	for (i = 0; i < sa->nslot; i++) {
		ike_sa_uninstall(sa, &sa->slot[i].cur);
		ike_sa_uninstall(sa, &sa->slot[i].old);
		ike_sa_uninstall(sa, &sa->slot[i].extra);
	}
}

/* Put c where dst is; what dst held leaves the kernel unless it is c. */
void
ike_sa_retire(struct ike_sa *sa, struct ike_child *dst,
    const struct ike_child *c)
{
	if (dst->installed && !(c->installed && dst->spi_in == c->spi_in))
		ike_sa_uninstall(sa, dst);
	*dst = *c;
}

/* Has slot i any Child SA in the kernel? */
int
ike_sa_slot_up(const struct ike_sa *sa, size_t i)
{
	const struct ike_slot	*s = &sa->slot[i];

	return (s->cur.installed || s->old.installed || s->extra.installed);
}

/*
 * Create slot i's Child SA later: in 10 s, and after refusals in a row
 * in 10, 20, 40 ... 320 s.
 */
void
ike_sa_plan_create(struct ike_sa *sa, size_t i, uint64_t now)
{
	struct ike_slot	*s = &sa->slot[i];
	unsigned	 shift = s->tries < 6 ? (s->tries ? s->tries - 1 : 0) :
			    5;

	s->create_at = now + ((uint64_t)IKE_CHILD_RETRY_MS << shift);
}

/* ---- receiving ---- */

static int
ike_sa_spi_ok(const struct ike_sa *sa, const struct ike_hdr *h)
{
	static const uint8_t	zero[8];

	if (memcmp(h->spii, sa->spii, 8) != 0)
		return (0);
	/* The IKE_SA_INIT response is where the initiator learns SPIr. */
	if (sa->initiator && sa->state == IKE_ST_INIT_SENT)
		return (1);
	/* A retransmitted IKE_SA_INIT request still has SPIr zero. */
	if (!sa->initiator && h->xchg == IKE_SA_INIT && h->msgid == 0 &&
	    memcmp(h->spir, zero, 8) == 0)
		return (1);
	return (memcmp(h->spir, sa->spir, 8) == 0);
}

/* A response to our request. */
static int
ike_sa_recv_response(struct ike_sa *sa, struct ike_msg *m,
    const uint8_t *p, size_t len, uint64_t now)
{
	struct ike_sk	 sk = ike_sa_sk_in(sa);
	struct ike_buf	*pt = NULL;
	int		 rv;

	if (m->hdr.xchg == IKE_SA_INIT && sa->state == IKE_ST_INIT_SENT) {
		ike_xchg_response(&sa->x, &m->hdr);
		return (ike_init_response(sa, m, p, len, now));
	}
	if (sa->state == IKE_ST_INIT_SENT || sa->state == IKE_ST_IDLE)
		return (IKE_E_STATE);
	/* Only an authentic response stops the retransmissions. */
	if ((rv = ike_msg_open(&sk, p, len, m, &pt)) != IKE_OK) {
		ike_buf_free(pt);
		return (rv);
	}
	ike_xchg_response(&sa->x, &m->hdr);
	if (m->hdr.xchg == IKE_AUTH && sa->state == IKE_ST_AUTH_SENT)
		rv = ike_auth_recv_response(sa, m);
	else if (m->hdr.xchg == IKE_INFORMATIONAL)
		rv = ike_info_recv_response(sa, m);
	else if (m->hdr.xchg == IKE_CREATE_CHILD_SA)
		rv = ike_child_recv_response(sa, m, now);
	else
		rv = IKE_E_STATE;
	ike_buf_free(pt);
	return (rv);
}

/*
 * An authentic request whose inner payloads we refuse (2.5, 2.21):
 * UNSUPPORTED_CRITICAL_PAYLOAD naming the type, else INVALID_SYNTAX.
 * Refusing IKE_AUTH ends the IKE SA.
 */
static void
ike_sa_refuse(struct ike_sa *sa, const struct ike_msg *m, int err,
    uint64_t now)
{
	uint8_t		 inner[64];
	struct ike_wr	 w;
	struct ike_chain c;

	ike_wr_init(&w, inner, sizeof(inner));
	ike_pld_chain(&c, &w, IKE_CHAIN_FIRST);
	if (err == IKE_E_CRITICAL)
		ike_pld_put_notify(&c, 0, IKE_N_UNSUPPORTED_CRITICAL_PAYLOAD,
		    &m->crit_type, 1);
	else
		ike_pld_put_notify(&c, 0, IKE_N_INVALID_SYNTAX, NULL, 0);
	ike_sa_send_enc(sa, m->hdr.xchg, 1, m->hdr.msgid, inner, w.off,
	    c.first, now);
	if (sa->state == IKE_ST_INIT_DONE)
		ike_sa_fail(sa, err);
}

/* A request from the peer. */
static int
ike_sa_recv_request(struct ike_sa *sa, struct ike_msg *m,
    const uint8_t *p, size_t len, uint64_t now)
{
	struct ike_sk	 sk = ike_sa_sk_in(sa);
	struct ike_buf	*pt = NULL;
	int		 rv;

	if (sa->state != IKE_ST_INIT_DONE &&
	    sa->state != IKE_ST_ESTABLISHED)
		return (IKE_E_STATE);
	if ((rv = ike_msg_open(&sk, p, len, m, &pt)) != IKE_OK) {
		if (pt != NULL)		/* authentic, but malformed inside */
			ike_sa_refuse(sa, m, rv, now);
		ike_buf_free(pt);
		return (rv);
	}
	if (m->hdr.xchg == IKE_AUTH && sa->state == IKE_ST_INIT_DONE)
		rv = ike_auth_recv_request(sa, m, now);
	else if (m->hdr.xchg == IKE_INFORMATIONAL &&
	    sa->state == IKE_ST_ESTABLISHED)
		rv = ike_info_recv_request(sa, m, now);
	else if (m->hdr.xchg == IKE_CREATE_CHILD_SA &&
	    sa->state == IKE_ST_ESTABLISHED)
		rv = ike_child_recv_request(sa, m, now);
	else
		rv = IKE_E_STATE;
	ike_buf_free(pt);
	return (rv);
}

/*
 * Up: the IKE_SA_INIT copies were only needed for AUTH (2.15).  The
 * Child SAs IKE_AUTH did not make are planned: at once by the
 * initiator, later by the responder (see the top of this file).
 */
static void
ike_sa_ready(struct ike_sa *sa, uint64_t now)
{
	size_t	i;

	for (i = 0; i < sa->peer->nchild && i < sa->nslot; i++) {
		if (ike_sa_slot_up(sa, i))
			continue;
		if (sa->initiator && i > 0)
			sa->slot[i].create_at = now;
		else
			ike_sa_plan_create(sa, i, now);
	}
	sa->up_since = now;
	sa->rekey_at = ike_sa_rekey_time(now, sa->peer->lifetime);
	free(sa->msg1);
	free(sa->msg2);
	sa->msg1 = sa->msg2 = NULL;
	sa->msg1len = sa->msg2len = 0;
}

/*
 * A datagram for this SA.  Anything malformed, unexpected or failing
 * its integrity check is logged at debug and dropped; the error says
 * why.  IKE_E_DUP: a retransmitted request, answered again.
 */
int
ike_sa_recv(struct ike_sa *sa, const uint8_t *p, size_t len, uint64_t now)
{
	struct ike_msg	m;
	int		rv;

	if (sa->state == IKE_ST_DEAD)
		return (IKE_E_STATE);
	sa->now = now;
	if ((rv = ike_msg_parse(p, len, &m)) != IKE_OK)
		goto drop;
	if (!ike_sa_spi_ok(sa, &m.hdr) ||
	    !!(m.hdr.flags & IKE_F_INITIATOR) == !!sa->initiator) {
		rv = IKE_E_STATE;
		goto drop;
	}
	if (m.hdr.flags & IKE_F_RESPONSE) {
		if ((rv = ike_xchg_match(&sa->x, &m.hdr)) != IKE_OK)
			goto drop;
		rv = ike_sa_recv_response(sa, &m, p, len, now);
	} else {
		if ((rv = ike_xchg_incoming(&sa->x, &sa->io, &m.hdr, p,
		    len)) != IKE_OK)
			return (rv);
		rv = ike_sa_recv_request(sa, &m, p, len, now);
	}
	if (sa->state == IKE_ST_ESTABLISHED && sa->up_since == 0)
		ike_sa_ready(sa, now);
	/* Our window is free again: the next Child SA still to create. */
	if (m.hdr.flags & IKE_F_RESPONSE)
		ike_child_create_due(sa, now);
	if (rv == IKE_OK) {
		sa->last_rx = now;
		return (rv);
	}
drop:
	ike_debug("peer %s: dropped message: %s", sa->peer->name,
	    ike_strerror(rv));
	return (rv);
}

/*
 * A datagram and the path it came along.  The path is kept only when
 * the message is accepted, so that a forged one cannot move us.
 */
int
ike_sa_recv_path(struct ike_sa *sa, const struct ike_path *path,
    const uint8_t *p, size_t len, uint64_t now)
{
	struct ike_path	old = sa->seen;
	int		rv;

	sa->seen = *path;
	if ((rv = ike_sa_recv(sa, p, len, now)) != IKE_OK && rv != IKE_E_DUP)
		sa->seen = old;
	return (rv);
}

/* When tick next has work for this SA; UINT64_MAX: nothing planned. */
uint64_t
ike_sa_next_due(const struct ike_sa *sa)
{
	uint64_t		 due = ike_xchg_next_due(&sa->x);
	uint64_t		 ival = (uint64_t)sa->peer->dpd_interval * 1000;
	const struct ike_slot	*s;
	size_t			 i;

	if (sa->state == IKE_ST_ESTABLISHED && ival && sa->x.req == NULL &&
	    sa->last_rx + ival < due)
		due = sa->last_rx + ival;
	/* While a request is out its answer, not the clock, starts more. */
	for (i = 0; sa->state == IKE_ST_ESTABLISHED && sa->x.req == NULL &&
	    i < sa->nslot; i++) {
		s = &sa->slot[i];
		if (s->cur.installed && s->cur.rekey_at &&
		    s->cur.rekey_at < due)
			due = s->cur.rekey_at;
		if (s->create_at && s->create_at < due)
			due = s->create_at;
	}
	if (sa->state == IKE_ST_ESTABLISHED && sa->x.req == NULL &&
	    sa->rekey_at && sa->rekey_at < due)
		due = sa->rekey_at;
	if (sa->state == IKE_ST_INIT_DONE && sa->born + IKE_HALFOPEN_MS < due)
		due = sa->born + IKE_HALFOPEN_MS;
	if (sa->state == IKE_ST_ESTABLISHED && sa->ka_at && sa->ka_at < due)
		due = sa->ka_at;
	return (sa->state == IKE_ST_DEAD ? UINT64_MAX : due);
}

/*
 * Begin what is due: a Child SA rekey first, then a Child SA still to
 * create, then the IKE SA rekey; IKE_E_STATE when nothing is.
 */
static int
ike_sa_rekey_due(struct ike_sa *sa, uint64_t now)
{
	struct ike_child	*c;
	size_t			 i;
	int			 rv;

	if (sa->state != IKE_ST_ESTABLISHED || sa->x.req != NULL ||
	    sa->rekeyed != NULL)
		return (IKE_E_STATE);
	for (i = 0; i < sa->peer->nchild && i < sa->nslot; i++) {
		c = &sa->slot[i].cur;
		if (c->installed && c->rekey_at && now >= c->rekey_at) {
			c->rekey_at = 0;	/* once; the new one resets */
			return (ike_child_rekey(sa, i, now));
		}
	}
	if ((rv = ike_child_create_due(sa, now)) != IKE_E_STATE)
		return (rv);
	if (sa->rekey_at && now >= sa->rekey_at) {
		sa->rekey_at = 0;
		return (ike_child_rekey_ike(sa, now));
	}
	return (IKE_E_STATE);
}

/* Behind a NAT: a one-octet keepalive keeps the mapping (RFC 3948 2.3). */
static void
ike_sa_keepalive(struct ike_sa *sa, uint64_t now)
{
	uint64_t	ival = (uint64_t)sa->peer->nat_keepalive * 1000;

	if (sa->state != IKE_ST_ESTABLISHED || !sa->nat_local || ival == 0 ||
	    sa->io.keepalive == NULL)
		return;
	if (sa->ka_at == 0)
		sa->ka_at = now + ival;
	if (now < sa->ka_at)
		return;
	sa->io.keepalive(sa->io.arg);
	sa->ka_at = now + ival;
}

/* Is a liveness check due (RFC 7296 2.4)? */
static int
ike_sa_dpd_due(const struct ike_sa *sa, uint64_t now)
{
	uint64_t	ival = (uint64_t)sa->peer->dpd_interval * 1000;

	return (sa->state == IKE_ST_ESTABLISHED && ival != 0 &&
	    sa->x.req == NULL && now >= sa->last_rx + ival);
}

/*
 * Retransmit what is due, check liveness when the peer has been quiet,
 * give the SA up when it stays silent.
 * XXX: dpd_retries is not used; retransmission limits apply.
 */
int
ike_sa_tick(struct ike_sa *sa, uint64_t now)
{
	int	rv;

	if (sa->state == IKE_ST_DEAD)
		return (IKE_E_STATE);
	sa->now = now;
	if (sa->state == IKE_ST_INIT_DONE && now >= sa->born +
	    IKE_HALFOPEN_MS) {
		ike_debug("peer %s: no IKE_AUTH came", sa->peer->name);
		ike_sa_fail(sa, IKE_E_TIMEOUT);
		return (IKE_E_TIMEOUT);
	}
	if ((rv = ike_sa_rekey_due(sa, now)) != IKE_E_STATE)
		return (rv);
	ike_sa_keepalive(sa, now);
	if (ike_sa_dpd_due(sa, now))
		return (ike_info_dpd(sa, now));
	if ((rv = ike_xchg_tick(&sa->x, &sa->io, now)) != IKE_OK)
		ike_sa_fail(sa, rv);
	return (rv);
}
