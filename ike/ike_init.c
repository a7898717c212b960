/*
 * ike/ike_init.c: IKE_SA_INIT (RFC 7296 1.2), both halves.
 *
 *   HDR, SAi1, KEi, Ni   -->
 *                        <--   HDR, SAr1, KEr, Nr
 *
 * The responder keeps no state for a request it refuses: it answers
 * NO_PROPOSAL_CHOSEN, or INVALID_KE_PAYLOAD naming the group it wants
 * (1.3), and the initiator retries with that group.  Under load it
 * first asks for a COOKIE (2.6) and keeps no state until it comes back.
 * Both messages carry the NAT detection notifies (ike_natd.c).
 */
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "ike/ike.h"

#define IKE_NONCE_LEN	32
#define IKE_KE_RETRIES	2

static uint8_t *
ike_init_copy(const uint8_t *p, size_t len)
{
	uint8_t	*c;

	if ((c = malloc(len)) != NULL)
		memcpy(c, p, len);
	return (c);
}

static void
ike_init_hdr(struct ike_hdr *h, const uint8_t *spii, const uint8_t *spir,
    uint8_t flags)
{
	memset(h, 0, sizeof(*h));
	memcpy(h->spii, spii, 8);
	if (spir != NULL)
		memcpy(h->spir, spir, 8);
	h->xchg = IKE_SA_INIT;
	h->flags = flags;
}

/* SA, KE and nonce after a header; returns the writer's error. */
static int
ike_init_body(struct ike_wr *w, const struct ike_hdr *h,
    const uint8_t *cookie, size_t cookielen, const struct ike_prop *props,
    size_t nprops, const struct ike_dhkey *dh, uint16_t group,
    const struct ike_buf *nonce, const struct ike_path *path)
{
	struct ike_chain c;
	uint8_t		 pub[512];
	size_t		 publen = ike_alg_dh(group)->publen;
	int		 rv;

	if ((rv = ike_dh_public(dh, pub, publen)) != IKE_OK)
		return (rv);
	ike_msg_put_hdr(w, h);
	ike_pld_chain(&c, w, 16);
	if (cookielen > 0)		/* first, as 2.6 requires */
		ike_pld_put_notify(&c, 0, IKE_N_COOKIE, cookie, cookielen);
	ike_pld_put_sa(&c, props, nprops);
	ike_pld_put_ke(&c, group, pub, publen);
	ike_pld_put_nonce(&c, nonce);
	ike_natd_put(&c, h->spii, h->spir, path);
	ike_wr_set_u32(w, 24, (uint32_t)w->off);
	return (w->err);
}

/* Initiator: send the request with a KE for sa->group. */
int
ike_init_request(struct ike_sa *sa, uint64_t now)
{
	const struct ike_dh	*dh = ike_alg_dh(sa->group);
	struct ike_hdr		 h;
	struct ike_wr		 w;
	uint8_t			 buf[IKE_MAX_MSG];
	int			 rv;

	if (dh == NULL)
		return (IKE_E_NOPROP);
	if (sa->dh == NULL && (rv = ike_dh_new(dh, &sa->dh)) != IKE_OK)
		return (rv);
	if (sa->ni == NULL && (sa->ni = ike_buf_random(IKE_NONCE_LEN)) == NULL)
		return (IKE_E_NOMEM);
	ike_init_hdr(&h, sa->spii, NULL, IKE_F_INITIATOR);
	h.msgid = sa->x.next_id;
	ike_wr_init(&w, buf, sizeof(buf));
	if ((rv = ike_init_body(&w, &h, sa->cookie, sa->cookielen,
	    sa->peer->props, sa->peer->nprops, sa->dh, sa->group, sa->ni,
	    &sa->seen)) != IKE_OK)
		return (rv);
	free(sa->msg1);
	if ((sa->msg1 = ike_init_copy(buf, w.off)) == NULL)
		return (IKE_E_NOMEM);
	sa->msg1len = w.off;
	if ((rv = ike_xchg_request(&sa->x, &sa->io, buf, w.off, now)) ==
	    IKE_OK)
		sa->state = IKE_ST_INIT_SENT;
	return (rv);
}

static int
ike_init_offers(const struct ike_peer *p, uint16_t group)
{
	size_t	i, j;

	for (i = 0; i < p->nprops; i++)
		for (j = 0; j < p->props[i].nxf; j++)
			if (p->props[i].xf[j].type == IKE_XF_DH &&
			    p->props[i].xf[j].id == group)
				return (1);
	return (0);
}

/* INVALID_KE_PAYLOAD: start again with the group asked for (1.3). */
static int
ike_init_retry_ke(struct ike_sa *sa, const struct ike_notify *n,
    uint64_t now)
{
	uint16_t	group;

	if (n->len != 2)
		return (IKE_E_SYNTAX);
	group = (uint16_t)(n->data[0] << 8 | n->data[1]);
	if (!ike_init_offers(sa->peer, group) || group == sa->group ||
	    sa->ke_retries >= IKE_KE_RETRIES) {
		ike_sa_fail(sa, IKE_E_KE);
		return (IKE_E_KE);
	}
	ike_debug("peer %s: responder asks for %s", sa->peer->name,
	    ike_alg_dh(group)->name);
	ike_dh_free(sa->dh);
	sa->dh = NULL;
	sa->group = group;
	sa->ke_retries++;
	ike_xchg_reset(&sa->x);
	sa->state = IKE_ST_IDLE;
	return (ike_init_request(sa, now));
}

/* COOKIE: send the request again, the cookie first (2.6). */
static int
ike_init_retry_cookie(struct ike_sa *sa, const struct ike_notify *n,
    uint64_t now)
{
	if (n->len == 0 || n->len > sizeof(sa->cookie) ||
	    sa->cookie_tries >= IKE_KE_RETRIES) {
		ike_sa_fail(sa, IKE_E_PEER);
		return (IKE_E_PEER);
	}
	memcpy(sa->cookie, n->data, n->len);
	sa->cookielen = (uint8_t)n->len;
	sa->cookie_tries++;
	ike_xchg_reset(&sa->x);
	sa->state = IKE_ST_IDLE;
	return (ike_init_request(sa, now));
}

/* Error notifies are types below 16384 (3.10.1). */
static const struct ike_notify *
ike_init_error(const struct ike_msg *m)
{
	size_t	i;

	for (i = 0; i < m->nn; i++)
		if (m->n[i].type < IKE_N_INITIAL_CONTACT)
			return (&m->n[i]);
	return (NULL);
}

/* Both sides: nonces in place, g^ir from the peer's KE, then SK_*. */
static int
ike_init_keys(struct ike_sa *sa, const struct ike_msg *m)
{
	struct ike_buf	*gir;
	int		 rv;

	if ((rv = ike_dh_derive(sa->dh, m->ke, m->kelen, &gir)) != IKE_OK)
		return (rv);
	rv = ike_crypto_ike_keys(&sa->suite, gir, sa->ni, sa->nr, sa->spii,
	    sa->spir, &sa->keys);
	ike_buf_free(gir);
	/* The DH secret has done its work: gone now, for PFS and memory. */
	ike_dh_free(sa->dh);
	sa->dh = NULL;
	return (rv);
}

/* Initiator: the response; on success IKE_AUTH goes out. */
int
ike_init_response(struct ike_sa *sa, const struct ike_msg *m,
    const uint8_t *p, size_t len, uint64_t now)
{
	const struct ike_notify	*n;
	int			 rv;

	if ((n = ike_msg_notify(m, IKE_N_COOKIE)) != NULL)
		return (ike_init_retry_cookie(sa, n, now));
	if ((n = ike_msg_notify(m, IKE_N_INVALID_KE_PAYLOAD)) != NULL)
		return (ike_init_retry_ke(sa, n, now));
	if ((n = ike_init_error(m)) != NULL) {
		ike_log(IKE_LOG_INFO, "peer %s: IKE_SA_INIT refused, notify "
		    "%u", sa->peer->name, n->type);
		ike_sa_fail(sa, n->type == IKE_N_NO_PROPOSAL_CHOSEN ?
		    IKE_E_NOPROP : IKE_E_PEER);
		return (sa->error);
	}
	if (!IKE_SEEN(m, IKE_PLD_SA) || !IKE_SEEN(m, IKE_PLD_KE) ||
	    !IKE_SEEN(m, IKE_PLD_NONCE) || m->nprops != 1)
		return (IKE_E_SYNTAX);
	if (ike_alg_match(sa->peer->props, sa->peer->nprops, m->props, 1,
	    &sa->suite) != IKE_OK || sa->suite.dh->id != sa->group ||
	    m->ke_group != sa->group) {
		ike_sa_fail(sa, IKE_E_NOPROP);
		return (IKE_E_NOPROP);
	}
	memcpy(sa->spir, m->hdr.spir, 8);
	if ((sa->nr = ike_buf_dup(m->nonce, m->noncelen)) == NULL ||
	    (sa->msg2 = ike_init_copy(p, len)) == NULL)
		return (IKE_E_NOMEM);
	sa->msg2len = len;
	if ((rv = ike_init_keys(sa, m)) != IKE_OK) {
		ike_sa_fail(sa, rv);
		return (rv);
	}
	if (ike_natd_check(sa, m) && sa->io.natt != NULL)
		sa->io.natt(sa->io.arg);	/* IKE_AUTH goes to 4500 */
	return (ike_auth_request(sa, now));
}

/* ---- responder ---- */

/* An unprotected error answer; SPIr stays zero (1.3). */
static void
ike_init_notify(const struct ike_io *io, const struct ike_hdr *req,
    uint16_t type, const uint8_t *data, size_t len)
{
	struct ike_hdr	 h;
	struct ike_wr	 w;
	struct ike_chain c;
	uint8_t		 buf[256];

	ike_init_hdr(&h, req->spii, NULL, IKE_F_RESPONSE);
	ike_wr_init(&w, buf, sizeof(buf));
	ike_msg_put_hdr(&w, &h);
	ike_pld_chain(&c, &w, 16);
	ike_pld_put_notify(&c, 0, type, data, len);
	ike_wr_set_u32(&w, 24, (uint32_t)w.off);
	if (w.err == IKE_OK)
		io->send(io->arg, buf, w.off);
}

/* The peer's proposals with DH narrowed to the group of its KE. */
static size_t
ike_init_for_ke(const struct ike_msg *m, struct ike_prop *out)
{
	size_t	i, j, n = 0;

	for (i = 0; i < m->nprops; i++) {
		out[n] = m->props[i];
		out[n].nxf = 0;
		for (j = 0; j < m->props[i].nxf; j++)
			if (m->props[i].xf[j].type != IKE_XF_DH ||
			    m->props[i].xf[j].id == m->ke_group)
				out[n].xf[out[n].nxf++] = m->props[i].xf[j];
		n++;
	}
	return (n);
}

/*
 * Choose: a proposal that works with the KE the peer sent if there is
 * one, else any; IKE_E_KE when the group must change.
 */
static int
ike_init_choose(const struct ike_peer *p, const struct ike_msg *m,
    struct ike_suite *s)
{
	struct ike_prop	props[IKE_MAX_PROPS];
	size_t		n = ike_init_for_ke(m, props);

	if (ike_alg_match(p->props, p->nprops, props, n, s) == IKE_OK)
		return (IKE_OK);
	if (ike_alg_match(p->props, p->nprops, m->props, m->nprops, s) !=
	    IKE_OK)
		return (IKE_E_NOPROP);
	return (IKE_E_KE);
}

/* Answer a request we accept; the SA keeps both messages for AUTH. */
static int
ike_init_respond(struct ike_sa *sa, const struct ike_msg *m,
    const uint8_t *p, size_t len)
{
	struct ike_prop	prop;
	struct ike_hdr	h;
	struct ike_wr	w;
	uint8_t		buf[IKE_MAX_MSG];
	int		rv;

	if ((sa->ni = ike_buf_dup(m->nonce, m->noncelen)) == NULL ||
	    (sa->nr = ike_buf_random(IKE_NONCE_LEN)) == NULL ||
	    (sa->msg1 = ike_init_copy(p, len)) == NULL)
		return (IKE_E_NOMEM);
	sa->msg1len = len;
	if ((rv = ike_dh_new(sa->suite.dh, &sa->dh)) != IKE_OK)
		return (rv);
	ike_alg_suite_prop(&sa->suite, IKE_PROTO_IKE, NULL, 0, &prop);
	ike_init_hdr(&h, sa->spii, sa->spir, IKE_F_RESPONSE);
	ike_wr_init(&w, buf, sizeof(buf));
	if ((rv = ike_init_body(&w, &h, NULL, 0, &prop, 1, sa->dh, sa->group,
	    sa->nr, &sa->seen)) != IKE_OK ||
	    (rv = ike_init_keys(sa, m)) != IKE_OK)
		return (rv);
	if ((sa->msg2 = ike_init_copy(buf, w.off)) == NULL)
		return (IKE_E_NOMEM);
	sa->msg2len = w.off;
	sa->state = IKE_ST_INIT_DONE;
	ike_xchg_note(&sa->x, p, len);
	return (ike_xchg_reply(&sa->x, &sa->io, buf, w.off, 0));
}

/*
 * Cookie = version | SHA-256(Ni | IPi | SPIi | secret), 33 bytes
 * (2.6).  XXX: one secret, version 0; it should change now and then.
 */
int
ike_init_cookie(const struct ike_cookie *ck, const uint8_t *ni,
    size_t nilen, const uint8_t *spii, uint8_t *out)
{
	uint8_t	buf[256 + 16 + 8 + IKE_COOKIE_SECRET];
	size_t	alen = ck->from->family == AF_INET ? 4 : 16, n = 0;

	if (nilen > 256)
		return (IKE_E_INVAL);
	memcpy(buf + n, ni, nilen);
	n += nilen;
	memcpy(buf + n, ck->from->u.bytes, alen);
	n += alen;
	memcpy(buf + n, spii, 8);
	n += 8;
	memcpy(buf + n, ck->secret, IKE_COOKIE_SECRET);
	n += IKE_COOKIE_SECRET;
	out[0] = 0;
	if (ike_crypto_hash("SHA256", buf, n, out + 1) != IKE_OK) {
		OPENSSL_cleanse(buf, sizeof(buf));
		return (IKE_E_CRYPTO);
	}
	OPENSSL_cleanse(buf, sizeof(buf));
	return (IKE_OK);
}

/* Under load: a request without the right cookie gets one, no state. */
static int
ike_init_cookie_ok(const struct ike_io *io, const struct ike_msg *m,
    const struct ike_cookie *ck)
{
	const struct ike_notify	*n;
	uint8_t			 want[33];

	if (ck == NULL || !ck->required)
		return (1);
	if (ike_init_cookie(ck, m->nonce, m->noncelen, m->hdr.spii, want) !=
	    IKE_OK)
		return (0);
	n = ike_msg_notify(m, IKE_N_COOKIE);
	if (n != NULL && n->len == sizeof(want) &&
	    CRYPTO_memcmp(n->data, want, sizeof(want)) == 0)
		return (1);
	ike_init_notify(io, &m->hdr, IKE_N_COOKIE, want, sizeof(want));
	return (0);
}

/* Is this an IKE_SA_INIT request at all (3.1)? */
static int
ike_init_is_request(const struct ike_msg *m)
{
	static const uint8_t	zero[8];

	return (m->hdr.xchg == IKE_SA_INIT && m->hdr.msgid == 0 &&
	    (m->hdr.flags & IKE_F_INITIATOR) &&
	    !(m->hdr.flags & IKE_F_RESPONSE) &&
	    memcmp(m->hdr.spir, zero, 8) == 0);
}

/* Refuse without state: the answer the initiator needs, if any. */
static void
ike_init_refuse(const struct ike_io *io, const struct ike_msg *m, int err,
    const struct ike_suite *s)
{
	uint8_t	g[2];

	if (err == IKE_E_NOPROP)
		ike_init_notify(io, &m->hdr, IKE_N_NO_PROPOSAL_CHOSEN, NULL, 0);
	else if (err == IKE_E_KE) {
		g[0] = (uint8_t)(s->dh->id >> 8);
		g[1] = (uint8_t)s->dh->id;
		ike_init_notify(io, &m->hdr, IKE_N_INVALID_KE_PAYLOAD, g, 2);
	} else if (err == IKE_E_CRITICAL)
		ike_init_notify(io, &m->hdr,
		    IKE_N_UNSUPPORTED_CRITICAL_PAYLOAD, &m->crit_type, 1);
}

/*
 * Responder: a datagram that may start a new IKE SA with this peer.
 * NULL when refused or malformed; *err says why.
 */
struct ike_sa *
ike_init_accept(const struct ike_peer *peer, struct kernel *kern,
    const struct ike_io *io, const uint8_t *p, size_t len,
    const struct ike_cookie *ck, uint64_t now, int *err)
{
	struct ike_msg	 m;
	struct ike_suite s;
	struct ike_sa	*sa;

	if ((*err = ike_msg_parse(p, len, &m)) != IKE_OK) {
		if (*err == IKE_E_CRITICAL && ike_init_is_request(&m))
			ike_init_refuse(io, &m, *err, NULL);
		ike_debug("%s: dropped: %s", __func__, ike_strerror(*err));
		return (NULL);
	}
	if (!ike_init_is_request(&m) || !IKE_SEEN(&m, IKE_PLD_SA) ||
	    !IKE_SEEN(&m, IKE_PLD_KE) || !IKE_SEEN(&m, IKE_PLD_NONCE)) {
		*err = IKE_E_SYNTAX;
		return (NULL);
	}
	if (!ike_init_cookie_ok(io, &m, ck)) {
		*err = IKE_E_BUSY;
		return (NULL);
	}
	if ((*err = ike_init_choose(peer, &m, &s)) != IKE_OK) {
		/* The operator must act on this one: say it by its name. */
		if (*err == IKE_E_NOPROP)
			ike_log(IKE_LOG_WARN, "peer %s: IKE_SA_INIT refused: "
			    "NO_PROPOSAL_CHOSEN (none of the peer's %u "
			    "proposals matches ours)", peer->name,
			    (unsigned)m.nprops);
		ike_init_refuse(io, &m, *err, &s);
		return (NULL);
	}
	if ((sa = ike_sa_new(peer, kern, io, 0)) == NULL) {
		*err = IKE_E_NOMEM;
		return (NULL);
	}
	memcpy(sa->spii, m.hdr.spii, 8);
	sa->suite = s;
	sa->group = s.dh->id;
	sa->now = sa->born = now;
	if (ck != NULL && ck->path != NULL)
		sa->seen = *ck->path;
	ike_natd_check(sa, &m);
	if ((*err = ike_init_respond(sa, &m, p, len)) != IKE_OK) {
		ike_sa_free(sa);
		return (NULL);
	}
	return (sa);
}
