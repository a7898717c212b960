/*
 * ike/ike_rd.c: a reader that cannot read past its end.
 *
 * Every byte that comes from the network is read through one of these.
 * Each call either takes what it asks for and advances, or takes
 * nothing and returns IKE_E_TRUNC.  Numbers are big-endian.
 */
#include <string.h>

#include "ike/ike.h"

void
ike_rd_init(struct ike_rd *rd, const uint8_t *p, size_t len)
{
	rd->p = p;
	rd->len = len;
	rd->off = 0;
}

size_t
ike_rd_left(const struct ike_rd *rd)
{
	return (rd->len - rd->off);
}

/* Point at the next n bytes and step over them. */
int
ike_rd_ptr(struct ike_rd *rd, size_t n, const uint8_t **p)
{
	if (n > ike_rd_left(rd))
		return (IKE_E_TRUNC);
	*p = rd->p + rd->off;
	rd->off += n;
	return (IKE_OK);
}

int
ike_rd_skip(struct ike_rd *rd, size_t n)
{
	const uint8_t	*p;

	return (ike_rd_ptr(rd, n, &p));
}

int
ike_rd_bytes(struct ike_rd *rd, void *dst, size_t n)
{
	const uint8_t	*p;

	if (ike_rd_ptr(rd, n, &p) != IKE_OK)
		return (IKE_E_TRUNC);
	memcpy(dst, p, n);
	return (IKE_OK);
}

int
ike_rd_u8(struct ike_rd *rd, uint8_t *v)
{
	return (ike_rd_bytes(rd, v, 1));
}

int
ike_rd_u16(struct ike_rd *rd, uint16_t *v)
{
	const uint8_t	*p;

	if (ike_rd_ptr(rd, 2, &p) != IKE_OK)
		return (IKE_E_TRUNC);
	*v = (uint16_t)(p[0] << 8 | p[1]);
	return (IKE_OK);
}

int
ike_rd_u32(struct ike_rd *rd, uint32_t *v)
{
	const uint8_t	*p;

	if (ike_rd_ptr(rd, 4, &p) != IKE_OK)
		return (IKE_E_TRUNC);
	*v = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
	return (IKE_OK);
}

/* A reader over the next n bytes; the parent steps over them. */
int
ike_rd_sub(struct ike_rd *rd, size_t n, struct ike_rd *sub)
{
	const uint8_t	*p;

	if (ike_rd_ptr(rd, n, &p) != IKE_OK)
		return (IKE_E_TRUNC);
	ike_rd_init(sub, p, n);
	return (IKE_OK);
}
