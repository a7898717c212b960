/*
 * ike/ike_dh.c: Diffie-Hellman through EVP.
 *
 * The KE payload carries: for MODP groups (RFC 3526) the public value
 * big-endian, left-padded to the prime's length; for ECP groups
 * (RFC 5903 section 7) x | y without the 0x04 point prefix; for
 * Curve25519 (RFC 8031) the 32-byte u-coordinate.  The shared secret
 * g^ir is the padded DH value, the x coordinate, or X25519's output.
 */
#include <stdlib.h>
#include <string.h>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/dh.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include "ike/ike.h"

#define IKE_DH_MAX_PUB	512

struct ike_dhkey {
	const struct ike_dh	*dh;
	EVP_PKEY		*pkey;
};

static const char *
ike_dh_type(const struct ike_dh *dh)
{
	switch (dh->kind) {
	case IKE_DH_MODP:
		return ("DH");
	case IKE_DH_ECP:
		return ("EC");
	}
	return ("X25519");
}

static int
ike_dh_wrap(const struct ike_dh *dh, EVP_PKEY *pkey, struct ike_dhkey **out)
{
	if (pkey == NULL)
		return (IKE_E_CRYPTO);
	if ((*out = calloc(1, sizeof(**out))) == NULL) {
		EVP_PKEY_free(pkey);
		return (IKE_E_NOMEM);
	}
	(*out)->dh = dh;
	(*out)->pkey = pkey;
	return (IKE_OK);
}

/* A fresh key pair for the group. */
int
ike_dh_new(const struct ike_dh *dh, struct ike_dhkey **out)
{
	EVP_PKEY_CTX	*ctx;
	EVP_PKEY	*pkey = NULL;
	OSSL_PARAM	 params[2];

	if (dh->kind == IKE_DH_X25519)
		return (ike_dh_wrap(dh, EVP_PKEY_Q_keygen(NULL, NULL,
		    "X25519"), out));
	params[0] = OSSL_PARAM_construct_utf8_string(
	    OSSL_PKEY_PARAM_GROUP_NAME, (char *)dh->ossl, 0);
	params[1] = OSSL_PARAM_construct_end();
	if ((ctx = EVP_PKEY_CTX_new_from_name(NULL, ike_dh_type(dh),
	    NULL)) == NULL)
		return (IKE_E_CRYPTO);
	if (EVP_PKEY_keygen_init(ctx) <= 0 ||
	    !EVP_PKEY_CTX_set_params(ctx, params) ||
	    EVP_PKEY_generate(ctx, &pkey) <= 0)
		pkey = NULL;
	EVP_PKEY_CTX_free(ctx);
	return (ike_dh_wrap(dh, pkey, out));
}

/* Group, optional private scalar, public value (wire form) as params. */
static OSSL_PARAM *
ike_dh_params(const struct ike_dh *dh, const uint8_t *priv, size_t privlen,
    const uint8_t *pub, size_t publen, BIGNUM **bn)
{
	OSSL_PARAM_BLD	*b;
	OSSL_PARAM	*p = NULL;
	uint8_t		 pt[IKE_DH_MAX_PUB + 1];

	if ((b = OSSL_PARAM_BLD_new()) == NULL)
		return (NULL);
	if (!OSSL_PARAM_BLD_push_utf8_string(b, OSSL_PKEY_PARAM_GROUP_NAME,
	    dh->ossl, 0))
		goto done;
	if (priv != NULL && ((bn[0] = BN_bin2bn(priv, (int)privlen,
	    NULL)) == NULL || !OSSL_PARAM_BLD_push_BN(b,
	    OSSL_PKEY_PARAM_PRIV_KEY, bn[0])))
		goto done;
	if (dh->kind == IKE_DH_ECP) {
		pt[0] = 0x04;		/* uncompressed point, SEC 1 */
		memcpy(pt + 1, pub, publen);
		if (!OSSL_PARAM_BLD_push_octet_string(b,
		    OSSL_PKEY_PARAM_PUB_KEY, pt, publen + 1))
			goto done;
	} else if ((bn[1] = BN_bin2bn(pub, (int)publen, NULL)) == NULL ||
	    !OSSL_PARAM_BLD_push_BN(b, OSSL_PKEY_PARAM_PUB_KEY, bn[1]))
		goto done;
	p = OSSL_PARAM_BLD_to_param(b);
done:
	OSSL_PARAM_BLD_free(b);
	return (p);
}

/* A MODP or ECP key from its parts; priv may be NULL for a peer key. */
static EVP_PKEY *
ike_dh_fromdata(const struct ike_dh *dh, const uint8_t *priv,
    size_t privlen, const uint8_t *pub, size_t publen)
{
	EVP_PKEY_CTX	*ctx = NULL;
	EVP_PKEY	*pkey = NULL;
	OSSL_PARAM	*p;
	BIGNUM		*bn[2] = { NULL, NULL };

	if (publen != dh->publen)
		return (NULL);
	if ((p = ike_dh_params(dh, priv, privlen, pub, publen, bn)) == NULL)
		goto done;
	if ((ctx = EVP_PKEY_CTX_new_from_name(NULL, ike_dh_type(dh),
	    NULL)) == NULL || EVP_PKEY_fromdata_init(ctx) <= 0)
		goto done;
	if (EVP_PKEY_fromdata(ctx, &pkey, priv ? EVP_PKEY_KEYPAIR :
	    EVP_PKEY_PUBLIC_KEY, p) <= 0)
		pkey = NULL;
done:
	OSSL_PARAM_free(p);
	BN_clear_free(bn[0]);
	BN_free(bn[1]);
	EVP_PKEY_CTX_free(ctx);
	return (pkey);
}

/* A key pair from known values, for known-answer tests. */
int
ike_dh_from_private(const struct ike_dh *dh, const uint8_t *priv,
    size_t privlen, const uint8_t *pub, size_t publen,
    struct ike_dhkey **out)
{
	if (dh->kind == IKE_DH_X25519)
		return (ike_dh_wrap(dh, EVP_PKEY_new_raw_private_key_ex(NULL,
		    "X25519", NULL, priv, privlen), out));
	return (ike_dh_wrap(dh, ike_dh_fromdata(dh, priv, privlen, pub,
	    publen), out));
}

static int
ike_dh_public_modp(const struct ike_dhkey *k, uint8_t *out, size_t len)
{
	BIGNUM	*bn = NULL;
	int	 rv = IKE_E_CRYPTO;

	if (EVP_PKEY_get_bn_param(k->pkey, OSSL_PKEY_PARAM_PUB_KEY, &bn) &&
	    BN_bn2binpad(bn, out, (int)len) == (int)len)
		rv = IKE_OK;
	BN_free(bn);
	return (rv);
}

static int
ike_dh_public_ecp(const struct ike_dhkey *k, uint8_t *out, size_t len)
{
	uint8_t	pt[IKE_DH_MAX_PUB + 1];
	size_t	ptlen;

	if (!EVP_PKEY_get_octet_string_param(k->pkey,
	    OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY, pt, sizeof(pt), &ptlen))
		return (IKE_E_CRYPTO);
	if (ptlen != len + 1 || pt[0] != 0x04)
		return (IKE_E_CRYPTO);
	memcpy(out, pt + 1, len);
	return (IKE_OK);
}

/* The KE payload data: exactly dh->publen bytes into out. */
int
ike_dh_public(const struct ike_dhkey *k, uint8_t *out, size_t len)
{
	size_t	n = len;

	if (len != k->dh->publen)
		return (IKE_E_INVAL);
	switch (k->dh->kind) {
	case IKE_DH_MODP:
		return (ike_dh_public_modp(k, out, len));
	case IKE_DH_ECP:
		return (ike_dh_public_ecp(k, out, len));
	}
	if (!EVP_PKEY_get_raw_public_key(k->pkey, out, &n) || n != len)
		return (IKE_E_CRYPTO);
	return (IKE_OK);
}

/* The peer's KE data as a key; NULL when it is not a valid point/value. */
static EVP_PKEY *
ike_dh_peer(const struct ike_dh *dh, const uint8_t *pub, size_t len)
{
	EVP_PKEY_CTX	*ctx;
	EVP_PKEY	*peer;

	if (len != dh->publen)
		return (NULL);
	if (dh->kind == IKE_DH_X25519)
		return (EVP_PKEY_new_raw_public_key_ex(NULL, "X25519", NULL,
		    pub, len));
	if ((peer = ike_dh_fromdata(dh, NULL, 0, pub, len)) == NULL)
		return (NULL);
	if ((ctx = EVP_PKEY_CTX_new_from_pkey(NULL, peer, NULL)) == NULL ||
	    EVP_PKEY_public_check_quick(ctx) != 1) {
		EVP_PKEY_free(peer);
		peer = NULL;
	}
	EVP_PKEY_CTX_free(ctx);
	return (peer);
}

/* g^ir from our key and the peer's KE data. */
int
ike_dh_derive(const struct ike_dhkey *k, const uint8_t *pub, size_t len,
    struct ike_buf **secret)
{
	EVP_PKEY_CTX	*ctx = NULL;
	EVP_PKEY	*peer;
	size_t		 n;
	int		 rv = IKE_E_KE;

	*secret = NULL;
	if ((peer = ike_dh_peer(k->dh, pub, len)) == NULL)
		return (rv);
	rv = IKE_E_CRYPTO;
	if ((ctx = EVP_PKEY_CTX_new_from_pkey(NULL, k->pkey, NULL)) == NULL ||
	    EVP_PKEY_derive_init(ctx) <= 0)
		goto done;
	/* g^ir keeps its leading zeros (RFC 7296 2.14). */
	if (k->dh->kind == IKE_DH_MODP && EVP_PKEY_CTX_set_dh_pad(ctx, 1) <= 0)
		goto done;
	if (EVP_PKEY_derive_set_peer(ctx, peer) <= 0 ||
	    EVP_PKEY_derive(ctx, NULL, &n) <= 0 ||
	    (*secret = ike_buf_new(n)) == NULL)
		goto done;
	if (EVP_PKEY_derive(ctx, (*secret)->p, &n) <= 0) {
		ike_buf_clear(secret);
		goto done;
	}
	(*secret)->len = n;
	rv = IKE_OK;
done:
	EVP_PKEY_CTX_free(ctx);
	EVP_PKEY_free(peer);
	return (rv);
}

void
ike_dh_free(struct ike_dhkey *k)
{
	if (k == NULL)
		return;
	EVP_PKEY_free(k->pkey);
	free(k);
}
