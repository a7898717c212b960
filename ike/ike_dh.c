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

/*
 * Per group, made on first use and kept for the life of the process: a
 * parameter-only key (MODP and ECP: the prime or the curve), a key
 * generation context and, for X25519, an import context.  Key pairs
 * and the peer's keys start from these instead of from the group's
 * name: naming it costs an algorithm fetch and, for ECP, building the
 * curve with its precomputed constants (EC_GROUP_new_by_curve_name),
 * each time - an eighth of an IKE SA's cost with group 19.
 * Process-wide statics, not locked: the daemon has one thread.  They
 * hold no secrets.
 */
struct ike_dh_grp {
	uint16_t	 id;
	EVP_PKEY	*params;	/* NULL for X25519 */
	EVP_PKEY_CTX	*gen;		/* keygen initialised */
	EVP_PKEY_CTX	*imp;		/* X25519: fromdata ready */
};

static int
ike_dh_grp_init(const struct ike_dh *dh, struct ike_dh_grp *g)
{
	EVP_PKEY_CTX	*ctx = NULL;
	OSSL_PARAM	 params[2];
	int		 rv = IKE_E_CRYPTO;

	if (dh->kind == IKE_DH_X25519) {
		if ((g->imp = EVP_PKEY_CTX_new_from_name(NULL, "X25519",
		    NULL)) == NULL || EVP_PKEY_fromdata_init(g->imp) <= 0 ||
		    (g->gen = EVP_PKEY_CTX_new_from_name(NULL, "X25519",
		    NULL)) == NULL || EVP_PKEY_keygen_init(g->gen) <= 0)
			goto done;
		rv = IKE_OK;
		goto done;
	}
	params[0] = OSSL_PARAM_construct_utf8_string(
	    OSSL_PKEY_PARAM_GROUP_NAME, (char *)dh->ossl, 0);
	params[1] = OSSL_PARAM_construct_end();
	if ((ctx = EVP_PKEY_CTX_new_from_name(NULL, ike_dh_type(dh),
	    NULL)) == NULL || EVP_PKEY_fromdata_init(ctx) <= 0 ||
	    EVP_PKEY_fromdata(ctx, &g->params, EVP_PKEY_KEY_PARAMETERS,
	    params) <= 0)
		goto done;
	if ((g->gen = EVP_PKEY_CTX_new_from_pkey(NULL, g->params,
	    NULL)) == NULL || EVP_PKEY_keygen_init(g->gen) <= 0)
		goto done;
	rv = IKE_OK;
done:
	EVP_PKEY_CTX_free(ctx);
	if (rv != IKE_OK) {
		EVP_PKEY_CTX_free(g->imp);
		EVP_PKEY_CTX_free(g->gen);
		EVP_PKEY_free(g->params);
		memset(g, 0, sizeof(*g));
	}
	return (rv);
}

static const struct ike_dh_grp *
ike_dh_grp(const struct ike_dh *dh)
{
	static struct ike_dh_grp	cache[8];
	size_t				i;

	for (i = 0; i < sizeof(cache) / sizeof(cache[0]); i++) {
		if (cache[i].gen != NULL && cache[i].id == dh->id)
			return (&cache[i]);
		if (cache[i].gen != NULL)
			continue;
		if (ike_dh_grp_init(dh, &cache[i]) != IKE_OK)
			return (NULL);
		cache[i].id = dh->id;
		return (&cache[i]);
	}
	return (NULL);
}

/* A fresh key pair for the group. */
int
ike_dh_new(const struct ike_dh *dh, struct ike_dhkey **out)
{
	const struct ike_dh_grp	*g;
	EVP_PKEY		*pkey = NULL;

	if ((g = ike_dh_grp(dh)) == NULL)
		return (IKE_E_CRYPTO);
	if (EVP_PKEY_generate(g->gen, &pkey) <= 0) {
		EVP_PKEY_free(pkey);
		pkey = NULL;
	}
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

/* A MODP or ECP key pair from its parts (known-answer tests only). */
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

/*
 * The peer's KE data as a key; NULL when it is not a valid point or
 * value.  MODP and ECP: a copy of the group's parameters with the
 * public value set, then OpenSSL's quick check of it: 1 < y < p - 1
 * for MODP, a point on the curve and not the point at infinity for
 * ECP (whose groups have cofactor 1, so that is the prime-order
 * group) - the checks RFC 6989 section 2 asks for with these groups.
 */
static EVP_PKEY *
ike_dh_peer(const struct ike_dh *dh, const uint8_t *pub, size_t len)
{
	const struct ike_dh_grp	*g;
	EVP_PKEY_CTX		*ctx = NULL;
	EVP_PKEY		*peer = NULL;
	OSSL_PARAM		 params[2];
	uint8_t			 pt[IKE_DH_MAX_PUB + 1];
	int			 ok = 0;

	if (len != dh->publen || len > IKE_DH_MAX_PUB ||
	    (g = ike_dh_grp(dh)) == NULL)
		return (NULL);
	if (dh->kind == IKE_DH_X25519) {
		params[0] = OSSL_PARAM_construct_octet_string(
		    OSSL_PKEY_PARAM_PUB_KEY, (void *)pub, len);
		params[1] = OSSL_PARAM_construct_end();
		if (EVP_PKEY_fromdata(g->imp, &peer, EVP_PKEY_PUBLIC_KEY,
		    params) <= 0) {
			EVP_PKEY_free(peer);
			return (NULL);
		}
		return (peer);
	}
	if (dh->kind == IKE_DH_ECP) {
		pt[0] = 0x04;		/* uncompressed point, SEC 1 */
		memcpy(pt + 1, pub, len);
		pub = pt;
		len++;
	}
	if ((peer = EVP_PKEY_new()) == NULL ||
	    EVP_PKEY_copy_parameters(peer, g->params) <= 0 ||
	    EVP_PKEY_set1_encoded_public_key(peer, pub, len) <= 0)
		goto done;
	if ((ctx = EVP_PKEY_CTX_new_from_pkey(NULL, peer, NULL)) == NULL ||
	    EVP_PKEY_public_check_quick(ctx) != 1)
		goto done;
	ok = 1;
done:
	EVP_PKEY_CTX_free(ctx);
	if (!ok) {
		EVP_PKEY_free(peer);
		peer = NULL;
	}
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
	/*
	 * ike_dh_peer checked the peer's value; OpenSSL's own full check
	 * would add, for ECP, a scalar multiplication by the order.
	 */
	if (EVP_PKEY_derive_set_peer_ex(ctx, peer, 0) <= 0 ||
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
