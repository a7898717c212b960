/*
 * ike/ike_msg.c: whole messages: the IKE header (RFC 7296 3.1), the
 * outer payload chain, and wrapping inner payloads in the Encrypted
 * payload (3.14).
 */
#include <string.h>

#include "ike/ike.h"

#define IKE_VERSION	0x20		/* major 2, minor 0 (3.1) */
#define IKE_MAJOR(v)	((v) >> 4)

/* The fixed header, checked against the datagram's length. */
int
ike_msg_hdr(const uint8_t *p, size_t len, struct ike_hdr *h)
{
	struct ike_rd	rd;

	ike_rd_init(&rd, p, len);
	if (ike_rd_bytes(&rd, h->spii, 8) || ike_rd_bytes(&rd, h->spir, 8) ||
	    ike_rd_u8(&rd, &h->np) || ike_rd_u8(&rd, &h->version) ||
	    ike_rd_u8(&rd, &h->xchg) || ike_rd_u8(&rd, &h->flags) ||
	    ike_rd_u32(&rd, &h->msgid) || ike_rd_u32(&rd, &h->len))
		return (IKE_E_TRUNC);
	if (IKE_MAJOR(h->version) != IKE_MAJOR(IKE_VERSION))
		return (IKE_E_SYNTAX);
	if (h->len > len)
		return (IKE_E_TRUNC);
	if (h->len < IKE_HDR_LEN || h->len != len)
		return (IKE_E_LENGTH);
	return (IKE_OK);
}

/* Header and outer chain; SK stays encrypted (see ike_msg_open). */
int
ike_msg_parse(const uint8_t *p, size_t len, struct ike_msg *m)
{
	int	rv;

	memset(m, 0, sizeof(*m));
	if ((rv = ike_msg_hdr(p, len, &m->hdr)) != IKE_OK)
		return (rv);
	return (ike_pld_parse_chain(m->hdr.np, p + IKE_HDR_LEN,
	    m->hdr.len - IKE_HDR_LEN, 1, m));
}

void
ike_msg_put_hdr(struct ike_wr *w, const struct ike_hdr *h)
{
	ike_wr_bytes(w, h->spii, 8);
	ike_wr_bytes(w, h->spir, 8);
	ike_wr_u8(w, h->np);
	ike_wr_u8(w, IKE_VERSION);
	ike_wr_u8(w, h->xchg);
	ike_wr_u8(w, h->flags);
	ike_wr_u32(w, h->msgid);
	ike_wr_u32(w, h->len);
}

/*
 * A protected message: header, SK header, then the sealed inner
 * payloads (first type np) into out; *outlen gets the total.
 */
int
ike_msg_seal(const struct ike_sk *sk, const struct ike_hdr *hdr, uint8_t np,
    const uint8_t *inner, size_t innerlen, uint8_t *out, size_t cap,
    size_t *outlen)
{
	struct ike_hdr	h = *hdr;
	struct ike_wr	w;
	size_t		body = ike_sk_len(sk, innerlen);
	size_t		total = IKE_HDR_LEN + IKE_GEN_LEN + body;

	if (total > cap || total > UINT16_MAX)
		return (IKE_E_SPACE);
	h.np = IKE_PLD_SK;
	h.len = (uint32_t)total;
	ike_wr_init(&w, out, cap);
	ike_msg_put_hdr(&w, &h);
	ike_wr_u8(&w, np);			/* first inner payload */
	ike_wr_u8(&w, 0);
	ike_wr_u16(&w, (uint16_t)(IKE_GEN_LEN + body));
	if (w.err != IKE_OK)
		return (w.err);
	*outlen = total;
	return (ike_sk_seal(sk, out, w.off, inner, innerlen, out + w.off,
	    body));
}

/*
 * Check and decrypt the SK payload of a parsed message and parse the
 * inner payloads into m.  m then points into *plain, which the caller
 * frees when done with m.
 */
int
ike_msg_open(const struct ike_sk *sk, const uint8_t *p, size_t len,
    struct ike_msg *m, struct ike_buf **plain)
{
	int	rv;

	*plain = NULL;
	if (!IKE_SEEN(m, IKE_PLD_SK) || m->sk_aadlen > len)
		return (IKE_E_SYNTAX);
	if ((rv = ike_sk_open(sk, p, m->sk_aadlen, m->sk_body, m->sk_len,
	    plain)) != IKE_OK)
		return (rv);
	return (ike_pld_parse_chain(m->sk_np, (*plain)->p, (*plain)->len, 0,
	    m));
}
