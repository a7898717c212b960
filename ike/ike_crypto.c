/*
 * ike/ike_crypto.c: prf, prf+, the key schedule and the Encrypted
 * payload, every operation through OpenSSL 3.
 *
 * RFC 7296 2.13 (prf+), 2.14 (SKEYSEED and the SK_* keys), 2.17
 * (KEYMAT for Child SAs), 3.14 (Encrypted payload); RFC 5282 for
 * AES-GCM in IKE (8-byte IV, 4-byte salt, AAD up to the SK header).
 */
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include "ike/ike.h"

#define IKE_MAX_MD	64
#define IKE_MAX_CHUNKS	8

/*
 * The caches below (HMAC templates, fetched digests and ciphers) are
 * process-wide statics, filled on first use and kept for the life of
 * the process: OpenSSL 3 fetches an algorithm by name (a provider
 * lookup under a lock) each time one is named in a call, which was a
 * good part of an IKE SA's cost.  Not locked: the daemon has one
 * thread.  They hold no secrets.
 */

/*
 * An HMAC context with its digest set and no key, one per digest: a
 * use duplicates it and sets the key, so the digest is fetched once.
 */
static EVP_MAC_CTX *
ike_crypto_hmac_tmpl(const char *md)
{
	static struct {
		const char	*name;
		EVP_MAC_CTX	*ctx;
	}		 cache[8];
	static EVP_MAC	*mac;
	OSSL_PARAM	 params[2];
	size_t		 i;

	for (i = 0; i < sizeof(cache) / sizeof(cache[0]); i++) {
		if (cache[i].name != NULL && strcmp(cache[i].name, md) == 0)
			return (cache[i].ctx);
		if (cache[i].name != NULL)
			continue;
		if (mac == NULL && (mac = EVP_MAC_fetch(NULL, "HMAC",
		    NULL)) == NULL)
			return (NULL);
		params[0] = OSSL_PARAM_construct_utf8_string(
		    OSSL_MAC_PARAM_DIGEST, (char *)md, 0);
		params[1] = OSSL_PARAM_construct_end();
		if ((cache[i].ctx = EVP_MAC_CTX_new(mac)) == NULL)
			return (NULL);
		if (!EVP_MAC_CTX_set_params(cache[i].ctx, params)) {
			EVP_MAC_CTX_free(cache[i].ctx);
			cache[i].ctx = NULL;
			return (NULL);
		}
		cache[i].name = md;
		return (cache[i].ctx);
	}
	return (NULL);
}

/* A keyed HMAC context for md; EVP_MAC_CTX_free wipes it. */
static EVP_MAC_CTX *
ike_crypto_hmac_new(const char *md, const void *key, size_t keylen)
{
	EVP_MAC_CTX	*tmpl, *ctx;

	if ((tmpl = ike_crypto_hmac_tmpl(md)) == NULL ||
	    (ctx = EVP_MAC_CTX_dup(tmpl)) == NULL)
		return (NULL);
	if (!EVP_MAC_init(ctx, key, keylen, NULL)) {
		EVP_MAC_CTX_free(ctx);
		return (NULL);
	}
	return (ctx);
}

/* The MAC of a list of chunks under ctx's key; out must hold it. */
static int
ike_crypto_hmac_run(EVP_MAC_CTX *ctx, const struct ike_chunk *c, size_t n,
    uint8_t *out, size_t outcap)
{
	size_t	i, outlen;

	for (i = 0; i < n; i++)
		if (c[i].len > 0 && !EVP_MAC_update(ctx, c[i].p, c[i].len))
			return (IKE_E_CRYPTO);
	if (!EVP_MAC_final(ctx, out, &outlen, outcap))
		return (IKE_E_CRYPTO);
	return (IKE_OK);
}

/* HMAC over a list of chunks; out must hold the digest. */
static int
ike_crypto_hmac(const char *md, const void *key, size_t keylen,
    const struct ike_chunk *c, size_t n, uint8_t *out, size_t outcap)
{
	EVP_MAC_CTX	*ctx;
	int		 rv;

	if ((ctx = ike_crypto_hmac_new(md, key, keylen)) == NULL)
		return (IKE_E_CRYPTO);
	rv = ike_crypto_hmac_run(ctx, c, n, out, outcap);
	EVP_MAC_CTX_free(ctx);
	return (rv);
}

/* A digest fetched once per name (see the caches above). */
static EVP_MD *
ike_crypto_md(const char *name)
{
	static struct {
		const char	*name;
		EVP_MD		*md;
	}		cache[4];
	size_t		i;

	for (i = 0; i < sizeof(cache) / sizeof(cache[0]); i++) {
		if (cache[i].name != NULL && strcmp(cache[i].name, name) == 0)
			return (cache[i].md);
		if (cache[i].name == NULL) {
			if ((cache[i].md = EVP_MD_fetch(NULL, name,
			    NULL)) != NULL)
				cache[i].name = name;
			return (cache[i].md);
		}
	}
	return (NULL);
}

/*
 * A plain hash (SHA1, SHA256: NAT detection, the cookie, the
 * retransmission check) of len bytes into out, which must hold it.
 */
int
ike_crypto_hash(const char *name, const void *p, size_t len, uint8_t *out)
{
	EVP_MD	*md;

	if ((md = ike_crypto_md(name)) == NULL ||
	    !EVP_Digest(p, len, out, NULL, md, NULL))
		return (IKE_E_CRYPTO);
	return (IKE_OK);
}

/* prf(key, chunks), writing prf->outlen bytes. */
int
ike_crypto_prf(const struct ike_prf *prf, const void *key, size_t keylen,
    const struct ike_chunk *c, size_t n, uint8_t *out)
{
	return (ike_crypto_hmac(prf->ossl, key, keylen, c, n, out,
	    prf->outlen));
}

/*
 * prf+ (RFC 7296 2.13): T1 = prf(K, S | 0x01), Tn = prf(K, Tn-1 | S | n),
 * concatenated until len bytes.  At most 255 rounds.
 */
struct ike_buf *
ike_crypto_prfplus(const struct ike_prf *prf, const struct ike_buf *key,
    const struct ike_chunk *seed, size_t n, size_t len)
{
	struct ike_chunk c[IKE_MAX_CHUNKS + 2];
	struct ike_buf	*out;
	EVP_MAC_CTX	*ctx;
	uint8_t		 t[IKE_MAX_MD], round;
	size_t		 off, take;

	if (n > IKE_MAX_CHUNKS || len > 255 * (size_t)prf->outlen)
		return (NULL);
	if ((out = ike_buf_new(len)) == NULL)
		return (NULL);
	/* One keyed context; each round after the first re-inits it. */
	if ((ctx = ike_crypto_hmac_new(prf->ossl, key->p, key->len)) ==
	    NULL) {
		ike_buf_clear(&out);
		return (NULL);
	}
	memcpy(&c[1], seed, n * sizeof(*seed));
	c[0].p = t;
	c[0].len = 0;
	c[n + 1].p = &round;
	c[n + 1].len = 1;
	for (off = 0, round = 1; off < len; round++) {
		if ((round > 1 && !EVP_MAC_init(ctx, NULL, 0, NULL)) ||
		    ike_crypto_hmac_run(ctx, c, n + 2, t, prf->outlen) !=
		    IKE_OK) {
			ike_buf_clear(&out);
			break;
		}
		c[0].len = prf->outlen;
		take = len - off < prf->outlen ? len - off : prf->outlen;
		memcpy(out->p + off, t, take);
		off += take;
	}
	EVP_MAC_CTX_free(ctx);
	OPENSSL_cleanse(t, sizeof(t));
	return (out);
}

/* SKEYSEED = prf(Ni | Nr, g^ir) (RFC 7296 2.14). */
struct ike_buf *
ike_crypto_skeyseed(const struct ike_prf *prf, const struct ike_buf *ni,
    const struct ike_buf *nr, const struct ike_buf *gir)
{
	struct ike_buf	 *key, *out;
	struct ike_chunk  c = { gir->p, gir->len };

	if ((key = ike_buf_cat(ni, nr)) == NULL)
		return (NULL);
	if ((out = ike_buf_new(prf->outlen)) != NULL &&
	    ike_crypto_prf(prf, key->p, key->len, &c, 1, out->p) != IKE_OK)
		ike_buf_clear(&out);
	ike_buf_free(key);
	return (out);
}

static size_t
ike_crypto_enc_keylen(const struct ike_encr *e)
{
	return (e->keybits / 8 + e->saltlen);
}

/* Cut len bytes off the front of keymat into *dst. */
static int
ike_crypto_take(const struct ike_buf *km, size_t *off, size_t len,
    struct ike_buf **dst)
{
	if ((*dst = ike_buf_slice(km, *off, len)) == NULL)
		return (IKE_E_NOMEM);
	*off += len;
	return (IKE_OK);
}

/*
 * {SK_d | SK_ai | SK_ar | SK_ei | SK_er | SK_pi | SK_pr}
 *     = prf+(SKEYSEED, Ni | Nr | SPIi | SPIr)		(RFC 7296 2.14)
 * The seed is consumed (freed).
 */
static int
ike_crypto_split(const struct ike_suite *s, struct ike_buf *seed,
    const struct ike_buf *ni, const struct ike_buf *nr, const uint8_t *spii,
    const uint8_t *spir, struct ike_keys *k)
{
	struct ike_chunk c[4] = { { ni->p, ni->len }, { nr->p, nr->len },
	    { spii, 8 }, { spir, 8 } };
	struct ike_buf	*km = NULL;
	size_t		 pl = s->prf->outlen, il, el, off = 0;
	int		 rv = IKE_E_CRYPTO;

	memset(k, 0, sizeof(*k));
	il = s->integ ? s->integ->keylen : 0;
	el = ike_crypto_enc_keylen(s->encr);
	if (seed == NULL || (km = ike_crypto_prfplus(s->prf, seed, c, 4,
	    3 * pl + 2 * il + 2 * el)) == NULL)
		goto done;
	if (ike_crypto_take(km, &off, pl, &k->d) ||
	    ike_crypto_take(km, &off, il, &k->ai) ||
	    ike_crypto_take(km, &off, il, &k->ar) ||
	    ike_crypto_take(km, &off, el, &k->ei) ||
	    ike_crypto_take(km, &off, el, &k->er) ||
	    ike_crypto_take(km, &off, pl, &k->pi) ||
	    ike_crypto_take(km, &off, pl, &k->pr))
		goto done;
	rv = IKE_OK;
done:
	if (rv != IKE_OK)
		ike_keys_free(k);
	ike_buf_free(seed);
	ike_buf_free(km);
	return (rv);
}

int
ike_crypto_ike_keys(const struct ike_suite *s, const struct ike_buf *gir,
    const struct ike_buf *ni, const struct ike_buf *nr, const uint8_t *spii,
    const uint8_t *spir, struct ike_keys *k)
{
	return (ike_crypto_split(s, ike_crypto_skeyseed(s->prf, ni, nr, gir),
	    ni, nr, spii, spir, k));
}

/*
 * A rekeyed IKE SA (RFC 7296 2.18): SKEYSEED = prf(SK_d (old), g^ir
 * (new) | Ni | Nr), then the keys as in 2.14 with the new SA's PRF and
 * SPIs.  XXX: the old SA's PRF computes SKEYSEED here; when old and
 * new PRFs differ this must be checked against strongSwan.
 */
int
ike_crypto_ike_rekeys(const struct ike_suite *s, const struct ike_prf *old,
    const struct ike_buf *skd, const struct ike_buf *gir,
    const struct ike_buf *ni, const struct ike_buf *nr, const uint8_t *spii,
    const uint8_t *spir, struct ike_keys *k)
{
	struct ike_chunk c[3] = { { gir->p, gir->len }, { ni->p, ni->len },
	    { nr->p, nr->len } };
	struct ike_buf	*seed;

	if ((seed = ike_buf_new(old->outlen)) != NULL &&
	    ike_crypto_prf(old, skd->p, skd->len, c, 3, seed->p) != IKE_OK)
		ike_buf_clear(&seed);
	return (ike_crypto_split(s, seed, ni, nr, spii, spir, k));
}

void
ike_keys_free(struct ike_keys *k)
{
	ike_buf_clear(&k->d);
	ike_buf_clear(&k->ai);
	ike_buf_clear(&k->ar);
	ike_buf_clear(&k->ei);
	ike_buf_clear(&k->er);
	ike_buf_clear(&k->pi);
	ike_buf_clear(&k->pr);
}

/*
 * KEYMAT = prf+(SK_d, [g^ir (new) |] Ni | Nr)		(RFC 7296 2.17)
 * taken as: encryption key i->r, integrity key i->r, then r->i.
 */
int
ike_crypto_child_keys(const struct ike_suite *s, const struct ike_prf *prf,
    const struct ike_buf *skd, const struct ike_buf *gir,
    const struct ike_buf *ni, const struct ike_buf *nr,
    struct ike_child_keys *k)
{
	struct ike_chunk c[3];
	struct ike_buf	*km;
	size_t		 n = 0, el, il, off = 0;
	int		 rv = IKE_E_CRYPTO;

	memset(k, 0, sizeof(*k));
	if (gir != NULL)
		c[n++] = (struct ike_chunk){ gir->p, gir->len };
	c[n++] = (struct ike_chunk){ ni->p, ni->len };
	c[n++] = (struct ike_chunk){ nr->p, nr->len };
	el = ike_crypto_enc_keylen(s->encr);
	il = s->integ ? s->integ->keylen : 0;
	if ((km = ike_crypto_prfplus(prf, skd, c, n, 2 * (el + il))) == NULL)
		return (rv);
	if (ike_crypto_take(km, &off, el, &k->ei) == IKE_OK &&
	    ike_crypto_take(km, &off, il, &k->ai) == IKE_OK &&
	    ike_crypto_take(km, &off, el, &k->er) == IKE_OK &&
	    ike_crypto_take(km, &off, il, &k->ar) == IKE_OK)
		rv = IKE_OK;
	if (rv != IKE_OK)
		ike_child_keys_free(k);
	ike_buf_free(km);
	return (rv);
}

void
ike_child_keys_free(struct ike_child_keys *k)
{
	ike_buf_clear(&k->ei);
	ike_buf_clear(&k->ai);
	ike_buf_clear(&k->er);
	ike_buf_clear(&k->ar);
}

/* Ciphers fetched once per name (see the caches above). */
static EVP_CIPHER *
ike_crypto_cipher(const struct ike_encr *e)
{
	static struct {
		const char	*name;
		EVP_CIPHER	*cipher;
	}		cache[8];
	size_t		i;

	for (i = 0; i < sizeof(cache) / sizeof(cache[0]); i++) {
		if (cache[i].name == e->ossl)
			return (cache[i].cipher);
		if (cache[i].name == NULL) {
			if ((cache[i].cipher = EVP_CIPHER_fetch(NULL, e->ossl,
			    NULL)) != NULL)
				cache[i].name = e->ossl;
			return (cache[i].cipher);
		}
	}
	return (NULL);
}

/* AES-CBC without padding; len must be a multiple of the block. */
int
ike_crypto_cbc(const struct ike_encr *e, const uint8_t *key,
    const uint8_t *iv, const uint8_t *in, size_t len, uint8_t *out, int enc)
{
	EVP_CIPHER	*cipher;
	EVP_CIPHER_CTX	*ctx = NULL;
	int		 n, fin, rv = IKE_E_CRYPTO;

	if (e->aead || len % e->blocklen || len > INT32_MAX)
		return (IKE_E_INVAL);
	if ((cipher = ike_crypto_cipher(e)) == NULL)
		return (rv);
	if ((ctx = EVP_CIPHER_CTX_new()) == NULL ||
	    !EVP_CipherInit_ex2(ctx, cipher, key, iv, enc, NULL) ||
	    !EVP_CIPHER_CTX_set_padding(ctx, 0) ||
	    !EVP_CipherUpdate(ctx, out, &n, in, (int)len) ||
	    !EVP_CipherFinal_ex(ctx, out + n, &fin))
		goto done;
	rv = IKE_OK;
done:
	EVP_CIPHER_CTX_free(ctx);
	return (rv);
}

static EVP_CIPHER_CTX *
ike_crypto_gcm_init(const struct ike_encr *e, const uint8_t *key,
    const uint8_t *nonce, int enc, EVP_CIPHER **cipher)
{
	EVP_CIPHER_CTX	*ctx;

	if ((*cipher = ike_crypto_cipher(e)) == NULL)
		return (NULL);
	if ((ctx = EVP_CIPHER_CTX_new()) == NULL)
		return (NULL);
	/* 12-byte nonce: salt | IV (RFC 5282 section 4), the default. */
	if (!EVP_CipherInit_ex2(ctx, *cipher, key, nonce, enc, NULL)) {
		EVP_CIPHER_CTX_free(ctx);
		return (NULL);
	}
	return (ctx);
}

/* AES-GCM with a 12-byte nonce and a 16-byte tag. */
int
ike_crypto_gcm_seal(const struct ike_encr *e, const uint8_t *key,
    const uint8_t *nonce, const uint8_t *aad, size_t aadlen,
    const uint8_t *in, size_t len, uint8_t *out, uint8_t *tag)
{
	EVP_CIPHER	*cipher = NULL;
	EVP_CIPHER_CTX	*ctx;
	int		 n, rv = IKE_E_CRYPTO;

	if (!e->aead || len > INT32_MAX || aadlen > INT32_MAX)
		return (IKE_E_INVAL);
	if ((ctx = ike_crypto_gcm_init(e, key, nonce, 1, &cipher)) == NULL)
		goto done;
	if ((aadlen && !EVP_EncryptUpdate(ctx, NULL, &n, aad, (int)aadlen)) ||
	    (len && !EVP_EncryptUpdate(ctx, out, &n, in, (int)len)) ||
	    !EVP_EncryptFinal_ex(ctx, out + len, &n) ||
	    !EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, e->icvlen, tag))
		goto done;
	rv = IKE_OK;
done:
	EVP_CIPHER_CTX_free(ctx);
	return (rv);
}

/* IKE_E_ICV when the tag does not verify; out is then garbage. */
int
ike_crypto_gcm_open(const struct ike_encr *e, const uint8_t *key,
    const uint8_t *nonce, const uint8_t *aad, size_t aadlen,
    const uint8_t *in, size_t len, const uint8_t *tag, uint8_t *out)
{
	EVP_CIPHER	*cipher = NULL;
	EVP_CIPHER_CTX	*ctx;
	int		 n, rv = IKE_E_CRYPTO;

	if (!e->aead || len > INT32_MAX || aadlen > INT32_MAX)
		return (IKE_E_INVAL);
	if ((ctx = ike_crypto_gcm_init(e, key, nonce, 0, &cipher)) == NULL)
		goto done;
	if ((aadlen && !EVP_DecryptUpdate(ctx, NULL, &n, aad, (int)aadlen)) ||
	    (len && !EVP_DecryptUpdate(ctx, out, &n, in, (int)len)) ||
	    !EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, e->icvlen,
	    (void *)tag))
		goto done;
	rv = EVP_DecryptFinal_ex(ctx, out + len, &n) ? IKE_OK : IKE_E_ICV;
done:
	EVP_CIPHER_CTX_free(ctx);
	return (rv);
}

/* Truncated HMAC (RFC 2404, RFC 4868): integ->icvlen bytes. */
int
ike_crypto_integ(const struct ike_integ *i, const struct ike_buf *key,
    const struct ike_chunk *c, size_t n, uint8_t *out)
{
	uint8_t	md[IKE_MAX_MD];
	int	rv;

	rv = ike_crypto_hmac(i->ossl, key->p, key->len, c, n, md, sizeof(md));
	if (rv == IKE_OK)
		memcpy(out, md, i->icvlen);
	OPENSSL_cleanse(md, sizeof(md));
	return (rv);
}
