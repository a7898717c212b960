/*
 * ike/ike_xchg.c: the exchange manager of one IKE SA (RFC 7296 2.1-2.3).
 *
 * Message IDs in both directions, a window of one (one request of ours
 * outstanding), retransmission of that request with exponential
 * backoff, and the last response kept so that a retransmitted request
 * gets the same answer again.  Time is whatever clock the caller
 * passes, in milliseconds, so that tests are deterministic.
 */
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "ike/ike.h"

static uint8_t *
ike_xchg_copy(const uint8_t *p, size_t len)
{
	uint8_t	*c;

	if ((c = malloc(len)) != NULL)
		memcpy(c, p, len);
	return (c);
}

/* Send a request built with msgid x->next_id and keep it for resending. */
int
ike_xchg_request(struct ike_xchg *x, const struct ike_io *io,
    const uint8_t *p, size_t len, uint64_t now)
{
	if (x->req != NULL)
		return (IKE_E_BUSY);
	if ((x->req = ike_xchg_copy(p, len)) == NULL)
		return (IKE_E_NOMEM);
	x->reqlen = len;
	x->req_id = x->next_id++;
	x->tries = 1;
	x->due = now + IKE_RETX_BASE_MS;
	io->send(io->arg, p, len);
	return (IKE_OK);
}

/* A response arrived: is it the one we wait for? */
int
ike_xchg_match(const struct ike_xchg *x, const struct ike_hdr *h)
{
	if (x->req == NULL || h->msgid != x->req_id)
		return (IKE_E_STATE);
	return (IKE_OK);
}

/* The awaited response arrived: stop resending. */
int
ike_xchg_response(struct ike_xchg *x, const struct ike_hdr *h)
{
	if (ike_xchg_match(x, h) != IKE_OK)
		return (IKE_E_STATE);
	free(x->req);
	x->req = NULL;
	x->reqlen = 0;
	return (IKE_OK);
}

/* Remember the request about to be answered (its SHA-256). */
void
ike_xchg_note(struct ike_xchg *x, const uint8_t *p, size_t len)
{
	if (ike_crypto_hash("SHA256", p, len, x->in_hash) != IKE_OK)
		memset(x->in_hash, 0, sizeof(x->in_hash));
}

/*
 * A request arrived.  A byte-for-byte copy of the one we answered last
 * gets the same answer again (IKE_E_DUP, RFC 7296 2.1); anything but
 * the next one is dropped, and so is a forged copy of the last one.
 */
int
ike_xchg_incoming(struct ike_xchg *x, const struct ike_io *io,
    const struct ike_hdr *h, const uint8_t *p, size_t len)
{
	uint8_t	hash[32];

	if (x->have_resp && h->msgid == x->resp_id) {
		if (ike_crypto_hash("SHA256", p, len, hash) != IKE_OK ||
		    CRYPTO_memcmp(hash, x->resp_hash, sizeof(hash)) != 0)
			return (IKE_E_STATE);
		io->send(io->arg, x->resp, x->resplen);
		return (IKE_E_DUP);
	}
	if (h->msgid != x->peer_id)
		return (IKE_E_STATE);
	ike_xchg_note(x, p, len);
	return (IKE_OK);
}

/* Send our response to request msgid and keep it. */
int
ike_xchg_reply(struct ike_xchg *x, const struct ike_io *io,
    const uint8_t *p, size_t len, uint32_t msgid)
{
	uint8_t	*c;

	if ((c = ike_xchg_copy(p, len)) == NULL)
		return (IKE_E_NOMEM);
	free(x->resp);
	x->resp = c;
	x->resplen = len;
	x->resp_id = msgid;
	x->have_resp = 1;
	memcpy(x->resp_hash, x->in_hash, sizeof(x->resp_hash));
	x->peer_id = msgid + 1;
	io->send(io->arg, p, len);
	return (IKE_OK);
}

/*
 * Resend when due, doubling the wait up to IKE_RETX_MAX_MS;
 * IKE_E_TIMEOUT when the tries have run out.
 */
int
ike_xchg_tick(struct ike_xchg *x, const struct ike_io *io, uint64_t now)
{
	uint64_t	wait;

	if (x->req == NULL || now < x->due)
		return (IKE_OK);
	if (x->tries >= IKE_RETX_TRIES)
		return (IKE_E_TIMEOUT);
	io->send(io->arg, x->req, x->reqlen);
	wait = x->tries < 16 ? (uint64_t)IKE_RETX_BASE_MS << x->tries :
	    IKE_RETX_MAX_MS;
	x->due = now + (wait < IKE_RETX_MAX_MS ? wait : IKE_RETX_MAX_MS);
	x->tries++;
	return (IKE_OK);
}

/* When tick next has work; UINT64_MAX when nothing is outstanding. */
uint64_t
ike_xchg_next_due(const struct ike_xchg *x)
{
	return (x->req ? x->due : UINT64_MAX);
}

void
ike_xchg_reset(struct ike_xchg *x)
{
	free(x->req);
	free(x->resp);
	memset(x, 0, sizeof(*x));
}
