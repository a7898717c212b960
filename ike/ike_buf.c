/*
 * ike/ike_buf.c: the one buffer type for secrets.
 *
 * Keys, nonces and DH secrets live here.  Memory is wiped with
 * OPENSSL_cleanse before it is freed and compared with CRYPTO_memcmp
 * so that a comparison takes the same time wherever it differs.
 */
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "ike/ike.h"

struct ike_buf *
ike_buf_new(size_t len)
{
	struct ike_buf	*b;

	if ((b = calloc(1, sizeof(*b))) == NULL)
		return (NULL);
	/* One byte more so that a zero length buffer has a pointer. */
	if ((b->p = calloc(1, len + 1)) == NULL) {
		free(b);
		return (NULL);
	}
	b->len = len;
	b->size = len + 1;
	return (b);
}

struct ike_buf *
ike_buf_dup(const void *p, size_t len)
{
	struct ike_buf	*b;

	if ((b = ike_buf_new(len)) == NULL)
		return (NULL);
	if (len > 0)
		memcpy(b->p, p, len);
	return (b);
}

struct ike_buf *
ike_buf_random(size_t len)
{
	struct ike_buf	*b;

	if ((b = ike_buf_new(len)) == NULL)
		return (NULL);
	if (RAND_bytes(b->p, (int)len) != 1) {
		ike_buf_free(b);
		return (NULL);
	}
	return (b);
}

/* A copy of len bytes at off, or NULL when that runs past the end. */
struct ike_buf *
ike_buf_slice(const struct ike_buf *b, size_t off, size_t len)
{
	if (b == NULL || off > b->len || len > b->len - off)
		return (NULL);
	return (ike_buf_dup(b->p + off, len));
}

struct ike_buf *
ike_buf_cat(const struct ike_buf *a, const struct ike_buf *b)
{
	struct ike_buf	*c;

	if ((c = ike_buf_new(a->len + b->len)) == NULL)
		return (NULL);
	memcpy(c->p, a->p, a->len);
	memcpy(c->p + a->len, b->p, b->len);
	return (c);
}

/* 1 when equal.  Lengths are public; contents are compared in constant time. */
int
ike_buf_eq_mem(const struct ike_buf *a, const void *p, size_t len)
{
	if (a == NULL || a->len != len)
		return (0);
	return (CRYPTO_memcmp(a->p, p, len) == 0);
}

int
ike_buf_eq(const struct ike_buf *a, const struct ike_buf *b)
{
	if (a == NULL || b == NULL)
		return (0);
	return (ike_buf_eq_mem(a, b->p, b->len));
}

void
ike_buf_free(struct ike_buf *b)
{
	if (b == NULL)
		return;
	OPENSSL_cleanse(b->p, b->size);
	free(b->p);
	free(b);
}

/* Free and forget. */
void
ike_buf_clear(struct ike_buf **bp)
{
	ike_buf_free(*bp);
	*bp = NULL;
}
