/*
 * ike/ike_wr.c: a writer into a fixed buffer.
 *
 * Running out of room sets a sticky error and writes nothing more, so
 * a builder checks once at the end.  Numbers are big-endian.
 */
#include <string.h>

#include "ike/ike.h"

void
ike_wr_init(struct ike_wr *w, uint8_t *p, size_t cap)
{
	w->p = p;
	w->cap = cap;
	w->off = 0;
	w->err = IKE_OK;
}

void
ike_wr_bytes(struct ike_wr *w, const void *src, size_t n)
{
	if (w->err != IKE_OK || n > w->cap - w->off) {
		w->err = IKE_E_SPACE;
		return;
	}
	if (n > 0)
		memcpy(w->p + w->off, src, n);
	w->off += n;
}

void
ike_wr_zero(struct ike_wr *w, size_t n)
{
	if (w->err != IKE_OK || n > w->cap - w->off) {
		w->err = IKE_E_SPACE;
		return;
	}
	memset(w->p + w->off, 0, n);
	w->off += n;
}

void
ike_wr_u8(struct ike_wr *w, uint8_t v)
{
	ike_wr_bytes(w, &v, 1);
}

void
ike_wr_u16(struct ike_wr *w, uint16_t v)
{
	uint8_t	b[2] = { (uint8_t)(v >> 8), (uint8_t)v };

	ike_wr_bytes(w, b, 2);
}

void
ike_wr_u32(struct ike_wr *w, uint32_t v)
{
	uint8_t	b[4] = { (uint8_t)(v >> 24), (uint8_t)(v >> 16),
	    (uint8_t)(v >> 8), (uint8_t)v };

	ike_wr_bytes(w, b, 4);
}

/* Patch bytes already written (length fields, next payload types). */
void
ike_wr_set_u8(struct ike_wr *w, size_t at, uint8_t v)
{
	if (w->err == IKE_OK && at < w->off)
		w->p[at] = v;
}

void
ike_wr_set_u16(struct ike_wr *w, size_t at, uint16_t v)
{
	if (w->err == IKE_OK && at + 2 <= w->off) {
		w->p[at] = (uint8_t)(v >> 8);
		w->p[at + 1] = (uint8_t)v;
	}
}

void
ike_wr_set_u32(struct ike_wr *w, size_t at, uint32_t v)
{
	if (w->err == IKE_OK && at + 4 <= w->off) {
		ike_wr_set_u16(w, at, (uint16_t)(v >> 16));
		ike_wr_set_u16(w, at + 2, (uint16_t)v);
	}
}
