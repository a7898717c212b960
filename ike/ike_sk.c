/*
 * ike/ike_sk.c: the body of the Encrypted payload (RFC 7296 3.14).
 *
 *   IV | ciphertext of (payloads | padding | pad length) | ICV
 *
 * AES-CBC: random 16-byte IV, ICV = truncated HMAC over the message
 * from the IKE header through the ciphertext.  AES-GCM (RFC 5282):
 * 8-byte IV, nonce = salt (last 4 bytes of the key material) | IV,
 * AAD = the IKE header through the Encrypted payload header, ICV =
 * the 16-byte tag.
 */
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "ike/ike.h"

#define IKE_SK_MAX_IV	16
#define IKE_SK_MAX_ICV	32

static size_t
ike_sk_icvlen(const struct ike_sk *sk)
{
	return (sk->encr->aead ? sk->encr->icvlen : sk->integ->icvlen);
}

/* Padded plaintext length: room for the pad length byte, whole blocks. */
static size_t
ike_sk_padded(const struct ike_sk *sk, size_t plen)
{
	size_t	b = sk->encr->blocklen;

	return ((plen + 1 + b - 1) / b * b);
}

/* Bytes after the SK generic header for plen bytes of inner payloads. */
size_t
ike_sk_len(const struct ike_sk *sk, size_t plen)
{
	return (sk->encr->ivlen + ike_sk_padded(sk, plen) + ike_sk_icvlen(sk));
}

static int
ike_sk_cbc_seal(const struct ike_sk *sk, const uint8_t *aad, size_t aadlen,
    const uint8_t *pt, size_t ptlen, uint8_t *out)
{
	struct ike_chunk c[2];
	size_t		 ivl = sk->encr->ivlen;

	if (RAND_bytes(out, (int)ivl) != 1)
		return (IKE_E_CRYPTO);
	if (ike_crypto_cbc(sk->encr, sk->ek->p, out, pt, ptlen, out + ivl,
	    1) != IKE_OK)
		return (IKE_E_CRYPTO);
	c[0] = (struct ike_chunk){ aad, aadlen };
	c[1] = (struct ike_chunk){ out, ivl + ptlen };
	return (ike_crypto_integ(sk->integ, sk->ak, c, 2, out + ivl + ptlen));
}

static int
ike_sk_gcm_seal(const struct ike_sk *sk, const uint8_t *aad, size_t aadlen,
    const uint8_t *pt, size_t ptlen, uint8_t *out)
{
	uint8_t	nonce[12];
	size_t	kl = sk->encr->keybits / 8, ivl = sk->encr->ivlen;

	/* XXX: random IVs; a per-SA counter would rule out repeats. */
	if (RAND_bytes(out, (int)ivl) != 1)
		return (IKE_E_CRYPTO);
	memcpy(nonce, sk->ek->p + kl, sk->encr->saltlen);
	memcpy(nonce + sk->encr->saltlen, out, ivl);
	return (ike_crypto_gcm_seal(sk->encr, sk->ek->p, nonce, aad, aadlen,
	    pt, ptlen, out + ivl, out + ivl + ptlen));
}

/*
 * Encrypt plen bytes of inner payloads; out gets exactly
 * ike_sk_len(sk, plen) bytes.  aad is the message so far.
 */
int
ike_sk_seal(const struct ike_sk *sk, const uint8_t *aad, size_t aadlen,
    const uint8_t *plain, size_t plen, uint8_t *out, size_t outlen)
{
	struct ike_buf	*pt;
	size_t		 padded = ike_sk_padded(sk, plen);
	int		 rv;

	if (outlen != ike_sk_len(sk, plen))
		return (IKE_E_INVAL);
	if ((pt = ike_buf_new(padded)) == NULL)
		return (IKE_E_NOMEM);
	if (plen > 0)
		memcpy(pt->p, plain, plen);
	pt->p[padded - 1] = (uint8_t)(padded - plen - 1);
	if (sk->encr->aead)
		rv = ike_sk_gcm_seal(sk, aad, aadlen, pt->p, padded, out);
	else
		rv = ike_sk_cbc_seal(sk, aad, aadlen, pt->p, padded, out);
	ike_buf_free(pt);
	return (rv);
}

static int
ike_sk_cbc_open(const struct ike_sk *sk, const uint8_t *aad, size_t aadlen,
    const uint8_t *body, size_t ctlen, uint8_t *out)
{
	struct ike_chunk c[2];
	uint8_t		 icv[IKE_SK_MAX_ICV];
	size_t		 ivl = sk->encr->ivlen;

	c[0] = (struct ike_chunk){ aad, aadlen };
	c[1] = (struct ike_chunk){ body, ivl + ctlen };
	if (ike_crypto_integ(sk->integ, sk->ak, c, 2, icv) != IKE_OK)
		return (IKE_E_CRYPTO);
	if (CRYPTO_memcmp(icv, body + ivl + ctlen, sk->integ->icvlen) != 0)
		return (IKE_E_ICV);
	return (ike_crypto_cbc(sk->encr, sk->ek->p, body, body + ivl, ctlen,
	    out, 0));
}

static int
ike_sk_gcm_open(const struct ike_sk *sk, const uint8_t *aad, size_t aadlen,
    const uint8_t *body, size_t ctlen, uint8_t *out)
{
	uint8_t	nonce[12];
	size_t	kl = sk->encr->keybits / 8, ivl = sk->encr->ivlen;

	memcpy(nonce, sk->ek->p + kl, sk->encr->saltlen);
	memcpy(nonce + sk->encr->saltlen, body, ivl);
	return (ike_crypto_gcm_open(sk->encr, sk->ek->p, nonce, aad, aadlen,
	    body + ivl, ctlen, body + ivl + ctlen, out));
}

/* Lengths only: is this body one we could have produced? */
static int
ike_sk_check(const struct ike_sk *sk, size_t bodylen, size_t *ctlen)
{
	size_t	over = sk->encr->ivlen + ike_sk_icvlen(sk);

	if (bodylen < over + 1)
		return (IKE_E_TRUNC);
	*ctlen = bodylen - over;
	if (*ctlen % sk->encr->blocklen)
		return (IKE_E_LENGTH);
	return (IKE_OK);
}

/*
 * Check and decrypt a body; *plain gets the inner payloads without
 * padding.  IKE_E_ICV when the integrity check fails.
 */
int
ike_sk_open(const struct ike_sk *sk, const uint8_t *aad, size_t aadlen,
    const uint8_t *body, size_t bodylen, struct ike_buf **plain)
{
	struct ike_buf	*pt;
	size_t		 ctlen;
	uint8_t		 padlen;
	int		 rv;

	*plain = NULL;
	if ((rv = ike_sk_check(sk, bodylen, &ctlen)) != IKE_OK)
		return (rv);
	if ((pt = ike_buf_new(ctlen)) == NULL)
		return (IKE_E_NOMEM);
	if (sk->encr->aead)
		rv = ike_sk_gcm_open(sk, aad, aadlen, body, ctlen, pt->p);
	else
		rv = ike_sk_cbc_open(sk, aad, aadlen, body, ctlen, pt->p);
	if (rv == IKE_OK) {
		padlen = pt->p[ctlen - 1];
		if ((size_t)padlen + 1 > ctlen)
			rv = IKE_E_LENGTH;
		else
			pt->len = ctlen - padlen - 1;
	}
	if (rv == IKE_OK)
		*plain = pt;
	else
		ike_buf_free(pt);
	return (rv);
}
