/*
 * ike/ike_auth.c: IKE_AUTH with pre-shared keys (RFC 7296 1.2, 2.15),
 * creating the first Child SA: the initiator asks for its first Child
 * SA definition; the responder takes the definition whose selectors
 * meet the proposed ones (ike_child_pick).  The others follow in
 * CREATE_CHILD_SA exchanges (ike_child.c).
 *
 *   HDR, SK {IDi, AUTH, SAi2, TSi, TSr}  -->
 *                                  <--  HDR, SK {IDr, AUTH, SAr2, TSi, TSr}
 *
 * Keys may differ by direction: each side signs with its local key and
 * checks the peer with its remote key.
 */
#include <string.h>

#include <openssl/crypto.h>

#include "ike/ike.h"

/* RFC 7296 2.15: the 17 ASCII octets, no terminator. */
static const char ike_auth_keypad[] = "Key Pad for IKEv2";
#define IKE_AUTH_KEYPAD_LEN	17
#define IKE_AUTH_MAX		64

/*
 * AUTH = prf(prf(Shared Secret, "Key Pad for IKEv2"), <SignedOctets>)
 * SignedOctets = RealMessage | Nonce | prf(SK_p, RestOfIDPayload)
 */
int
ike_auth_psk(const struct ike_prf *prf, const struct ike_buf *psk,
    const uint8_t *msg, size_t msglen, const struct ike_buf *nonce,
    const struct ike_buf *skp, const uint8_t *idb, size_t idlen,
    uint8_t *out)
{
	struct ike_chunk c[3];
	uint8_t		 key[IKE_AUTH_MAX], maced[IKE_AUTH_MAX];
	int		 rv;

	c[0] = (struct ike_chunk){ idb, idlen };
	if ((rv = ike_crypto_prf(prf, skp->p, skp->len, c, 1, maced)) != IKE_OK)
		goto done;
	c[0] = (struct ike_chunk){ ike_auth_keypad, IKE_AUTH_KEYPAD_LEN };
	if ((rv = ike_crypto_prf(prf, psk->p, psk->len, c, 1, key)) != IKE_OK)
		goto done;
	c[0] = (struct ike_chunk){ msg, msglen };
	c[1] = (struct ike_chunk){ nonce->p, nonce->len };
	c[2] = (struct ike_chunk){ maced, prf->outlen };
	rv = ike_crypto_prf(prf, key, prf->outlen, c, 3, out);
done:
	OPENSSL_cleanse(key, sizeof(key));
	OPENSSL_cleanse(maced, sizeof(maced));
	return (rv);
}

/* RestOfIDPayload: ID type, three reserved octets, the data (3.5). */
static size_t
ike_auth_id_body(const struct ike_id *id, uint8_t *b)
{
	b[0] = id->type;
	memset(b + 1, 0, 3);
	memcpy(b + 4, id->data, id->len);
	return (4 + (size_t)id->len);
}

/* Our AUTH: over our IKE_SA_INIT message and the peer's nonce. */
static int
ike_auth_ours(const struct ike_sa *sa, uint8_t *out)
{
	uint8_t	idb[4 + IKE_MAX_ID];
	size_t	idlen = ike_auth_id_body(&sa->peer->id_local, idb);

	if (sa->peer->psk_local == NULL)
		return (IKE_E_AUTH);
	return (ike_auth_psk(sa->suite.prf, sa->peer->psk_local,
	    sa->initiator ? sa->msg1 : sa->msg2,
	    sa->initiator ? sa->msg1len : sa->msg2len,
	    sa->initiator ? sa->nr : sa->ni,
	    sa->initiator ? sa->keys.pi : sa->keys.pr, idb, idlen, out));
}

static int
ike_auth_id_ok(const struct ike_id *want, const struct ike_id *got)
{
	if (want->type == 0)
		return (1);
	return (want->type == got->type && want->len == got->len &&
	    memcmp(want->data, got->data, got->len) == 0);
}

/* The peer's identity and AUTH, checked with the remote key; kept. */
static int
ike_auth_check(struct ike_sa *sa, const struct ike_msg *m)
{
	const struct ike_id	*id = sa->initiator ? &m->idr : &m->idi;
	const uint8_t		*idb = sa->initiator ? m->idr_body :
				    m->idi_body;
	size_t			 idlen = sa->initiator ? m->idr_bodylen :
				    m->idi_bodylen;
	uint8_t			 want[IKE_AUTH_MAX];
	int			 ok;

	if (m->auth_method != IKE_AUTH_PSK || sa->peer->psk_remote == NULL ||
	    !ike_auth_id_ok(&sa->peer->id_remote, id) ||
	    m->authlen != sa->suite.prf->outlen)
		return (IKE_E_AUTH);
	if (ike_auth_psk(sa->suite.prf, sa->peer->psk_remote,
	    sa->initiator ? sa->msg2 : sa->msg1,
	    sa->initiator ? sa->msg2len : sa->msg1len,
	    sa->initiator ? sa->ni : sa->nr,
	    sa->initiator ? sa->keys.pr : sa->keys.pi, idb, idlen, want) !=
	    IKE_OK)
		return (IKE_E_CRYPTO);
	ok = CRYPTO_memcmp(want, m->auth, m->authlen) == 0;
	OPENSSL_cleanse(want, sizeof(want));
	if (ok)
		sa->peer_ident = *id;
	return (ok ? IKE_OK : IKE_E_AUTH);
}

/* ESP proposals without DH: IKE_AUTH carries no KE (1.2). */
static size_t
ike_auth_nodh(const struct ike_child_def *d, const uint8_t *spi,
    struct ike_prop *out)
{
	size_t	i, j;

	for (i = 0; i < d->nprops; i++) {
		out[i] = d->props[i];
		out[i].nxf = 0;
		out[i].spisize = spi ? 4 : 0;
		if (spi)
			memcpy(out[i].spi, spi, 4);
		for (j = 0; j < d->props[i].nxf; j++)
			if (d->props[i].xf[j].type != IKE_XF_DH)
				out[i].xf[out[i].nxf++] = d->props[i].xf[j];
	}
	return (d->nprops);
}

static uint32_t
ike_auth_spi_val(const uint8_t *b)
{
	return ((uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
	    (uint32_t)b[2] << 8 | b[3]);
}

/* SA, TSi, TSr, and the transport mode wish, for the first Child SA. */
static void
ike_auth_put_child(struct ike_chain *c, const struct ike_prop *props,
    size_t n, const struct ike_ts *tsi, size_t ntsi,
    const struct ike_ts *tsr, size_t ntsr, uint8_t mode)
{
	if (mode == K_MODE_TRANSPORT)
		ike_pld_put_notify(c, 0, IKE_N_USE_TRANSPORT_MODE, NULL, 0);
	ike_pld_put_sa(c, props, n);
	ike_pld_put_ts(c, IKE_PLD_TSI, tsi, ntsi);
	ike_pld_put_ts(c, IKE_PLD_TSR, tsr, ntsr);
}

/* Initiator: the request, right after IKE_SA_INIT completes. */
int
ike_auth_request(struct ike_sa *sa, uint64_t now)
{
	const struct ike_peer		*p = sa->peer;
	const struct ike_child_def	*d = p->nchild ? &p->child[0] : NULL;
	struct ike_prop			 props[IKE_MAX_PROPS];
	uint8_t				 inner[IKE_MAX_MSG], auth[IKE_AUTH_MAX];
	uint8_t				 spi[4];
	struct ike_wr			 w;
	struct ike_chain		 c;
	int				 rv;

	if ((rv = ike_auth_ours(sa, auth)) != IKE_OK)
		return (rv);
	ike_wr_init(&w, inner, sizeof(inner));
	ike_pld_chain(&c, &w, IKE_CHAIN_FIRST);
	ike_pld_put_id(&c, IKE_PLD_IDI, &p->id_local);
	ike_pld_put_auth(&c, IKE_AUTH_PSK, auth, sa->suite.prf->outlen);
	if (d != NULL) {
		sa->child_spi = ike_sa_new_spi(spi);
		ike_auth_put_child(&c, props, ike_auth_nodh(d, spi, props),
		    d->ts_local, d->nts_local, d->ts_remote, d->nts_remote,
		    d->mode);
	}
	if (w.err != IKE_OK)
		return (w.err);
	if ((rv = ike_sa_send_enc(sa, IKE_AUTH, 0, sa->x.next_id, inner,
	    w.off, c.first, now)) == IKE_OK)
		sa->state = IKE_ST_AUTH_SENT;
	return (rv);
}

/*
 * Responder: choose the Child SA from the request.  Returns the error
 * notify to send instead (0: none), and writes SA, TSi, TSr when chosen;
 * *slot is then the slot it is for (-1: none asked for).
 */
static uint16_t
ike_auth_child_choose(struct ike_sa *sa, const struct ike_msg *m,
    struct ike_chain *c, int *slot)
{
	const struct ike_child_def	*d;
	struct ike_child		*ch;
	struct ike_ts			 tsi, tsr;
	struct ike_prop			 props[IKE_MAX_PROPS], prop;
	uint8_t				 spi[4];
	int				 i;

	*slot = -1;
	if (!IKE_SEEN(m, IKE_PLD_SA) || !IKE_SEEN(m, IKE_PLD_TSI) ||
	    !IKE_SEEN(m, IKE_PLD_TSR))
		return (0);			/* none asked for */
	if (sa->peer->nchild == 0)
		return (IKE_N_NO_PROPOSAL_CHOSEN);
	if ((i = ike_child_pick(sa, m->tsi, m->ntsi, m->tsr, m->ntsr, &tsi,
	    &tsr)) < 0)
		return (IKE_N_TS_UNACCEPTABLE);
	d = &sa->peer->child[i];
	ch = &sa->slot[i].cur;
	if (ike_alg_match(props, ike_auth_nodh(d, NULL, props), m->props,
	    m->nprops, &ch->suite) != IKE_OK || ch->suite.spisize != 4)
		return (IKE_N_NO_PROPOSAL_CHOSEN);
	ch->tsi = tsi;
	ch->tsr = tsr;
	ch->def = d;
	*slot = i;
	ch->spi_out = ike_auth_spi_val(ch->suite.spi);
	ch->spi_in = ike_sa_new_spi(spi);
	ike_alg_suite_prop(&ch->suite, IKE_PROTO_ESP, spi, 4, &prop);
	ike_auth_put_child(c, &prop, 1, &ch->tsi, 1, &ch->tsr, 1, d->mode);
	return (0);
}

/* Responder: an encrypted answer carrying only an error notify. */
static int
ike_auth_refuse(struct ike_sa *sa, const struct ike_msg *m, uint16_t type,
    uint64_t now)
{
	uint8_t		 inner[64];
	struct ike_wr	 w;
	struct ike_chain c;

	ike_wr_init(&w, inner, sizeof(inner));
	ike_pld_chain(&c, &w, IKE_CHAIN_FIRST);
	ike_pld_put_notify(&c, 0, type, NULL, 0);
	return (ike_sa_send_enc(sa, IKE_AUTH, 1, m->hdr.msgid, inner, w.off,
	    c.first, now));
}

/* Responder: check the initiator, answer, install the Child SA. */
int
ike_auth_recv_request(struct ike_sa *sa, const struct ike_msg *m,
    uint64_t now)
{
	uint8_t		 inner[IKE_MAX_MSG], auth[IKE_AUTH_MAX];
	uint16_t	 refuse;
	struct ike_wr	 w;
	struct ike_chain c;
	int		 rv, slot;

	if (!IKE_SEEN(m, IKE_PLD_IDI) || !IKE_SEEN(m, IKE_PLD_AUTH))
		return (IKE_E_SYNTAX);
	if ((rv = ike_auth_check(sa, m)) != IKE_OK) {
		ike_log(IKE_LOG_WARN, "peer %s: authentication failed",
		    sa->peer->name);
		ike_auth_refuse(sa, m, IKE_N_AUTHENTICATION_FAILED, now);
		ike_sa_fail(sa, IKE_E_AUTH);
		return (IKE_E_AUTH);
	}
	if ((rv = ike_auth_ours(sa, auth)) != IKE_OK)
		return (rv);
	ike_wr_init(&w, inner, sizeof(inner));
	ike_pld_chain(&c, &w, IKE_CHAIN_FIRST);
	ike_pld_put_id(&c, IKE_PLD_IDR, &sa->peer->id_local);
	ike_pld_put_auth(&c, IKE_AUTH_PSK, auth, sa->suite.prf->outlen);
	if ((refuse = ike_auth_child_choose(sa, m, &c, &slot)) != 0)
		ike_pld_put_notify(&c, 0, refuse, NULL, 0);
	if (w.err != IKE_OK)
		return (w.err);
	if ((rv = ike_sa_send_enc(sa, IKE_AUTH, 1, m->hdr.msgid, inner, w.off,
	    c.first, now)) != IKE_OK)
		return (rv);
	sa->state = IKE_ST_ESTABLISHED;
	if (refuse == 0 && slot >= 0)
		return (ike_sa_install(sa, &sa->slot[slot].cur, NULL, sa->ni,
		    sa->nr));
	return (IKE_OK);
}

/* Initiator: what the responder chose for the Child SA. */
static int
ike_auth_child_accept(struct ike_sa *sa, const struct ike_msg *m)
{
	const struct ike_child_def	*d = &sa->peer->child[0];
	struct ike_child		*ch = &sa->slot[0].cur;
	struct ike_prop			 props[IKE_MAX_PROPS];

	if (ike_msg_notify(m, IKE_N_NO_PROPOSAL_CHOSEN))
		return (IKE_E_NOPROP);
	if (ike_msg_notify(m, IKE_N_TS_UNACCEPTABLE))
		return (IKE_E_TS);
	if (!IKE_SEEN(m, IKE_PLD_SA) || m->nprops != 1 ||
	    !IKE_SEEN(m, IKE_PLD_TSI) || !IKE_SEEN(m, IKE_PLD_TSR))
		return (IKE_E_SYNTAX);
	if (ike_alg_match(props, ike_auth_nodh(d, NULL, props), m->props, 1,
	    &ch->suite) != IKE_OK || ch->suite.spisize != 4)
		return (IKE_E_NOPROP);
	/* What comes back must lie within what we proposed. */
	if (ike_ts_narrow(m->tsi, 1, d->ts_local, d->nts_local, &ch->tsi) ||
	    ike_ts_narrow(m->tsr, 1, d->ts_remote, d->nts_remote, &ch->tsr))
		return (IKE_E_TS);
	ch->def = d;
	ch->we_init = 1;
	ch->spi_in = sa->child_spi;
	ch->spi_out = ike_auth_spi_val(ch->suite.spi);
	return (ike_sa_install(sa, ch, NULL, sa->ni, sa->nr));
}

/* Initiator: the response.  The IKE SA stands even if the child fails. */
int
ike_auth_recv_response(struct ike_sa *sa, const struct ike_msg *m)
{
	int	rv;

	if (ike_msg_notify(m, IKE_N_AUTHENTICATION_FAILED) != NULL) {
		ike_log(IKE_LOG_WARN, "peer %s: peer refused our "
		    "authentication", sa->peer->name);
		ike_sa_fail(sa, IKE_E_AUTH);
		return (IKE_E_AUTH);
	}
	if (!IKE_SEEN(m, IKE_PLD_IDR) || !IKE_SEEN(m, IKE_PLD_AUTH) ||
	    ike_auth_check(sa, m) != IKE_OK) {
		/* XXX: should tell the peer in an INFORMATIONAL exchange. */
		ike_log(IKE_LOG_WARN, "peer %s: authentication failed",
		    sa->peer->name);
		ike_sa_fail(sa, IKE_E_AUTH);
		return (IKE_E_AUTH);
	}
	sa->state = IKE_ST_ESTABLISHED;
	if (sa->peer->nchild == 0)
		return (IKE_OK);
	if ((rv = ike_auth_child_accept(sa, m)) != IKE_OK)
		ike_log(IKE_LOG_INFO, "peer %s: Child SA not created: %s",
		    sa->peer->name, ike_strerror(rv));
	return (rv);
}
