/*
 * ike/ike_pld.c: payloads, read and written (RFC 7296 section 3).
 *
 * Reading: every payload's generic header is checked first and its
 * body handed to its parser as a sub-reader of exactly the stated
 * length, so no parser can read into the next payload or past the
 * packet.  Each parser checks every inner length before it uses it.
 * Writing: a chain patches the previous payload's "next payload"
 * field and each payload's length when it ends.
 */
#include <string.h>

#include "ike/ike.h"

typedef int	ike_pld_parse_fn(struct ike_rd *, struct ike_msg *, uint8_t);

/* Proposal and transform "last or more" values (3.3.1, 3.3.2). */
#define IKE_PROP_LAST	0
#define IKE_PROP_MORE	2
#define IKE_XF_LAST	0
#define IKE_XF_MORE	3
#define IKE_ATTR_TV	0x8000		/* AF bit, 3.3.5 */
#define IKE_ATTR_KEYLEN	14		/* Key Length, 3.3.5 */
#define IKE_PLD_CRIT	0x80		/* critical bit, 3.2 */
#define IKE_NONCE_MIN	16	/* 3.9 */
#define IKE_NONCE_MAX	256
#define IKE_TS_LEN_V4	16	/* 3.13.1 */
#define IKE_TS_LEN_V6	40

/* Does the transform name something in our tables? */
static int
ike_pld_xf_known(const struct ike_xf *x)
{
	switch (x->type) {
	case IKE_XF_ENCR:
		return (ike_alg_encr(x->id, x->keybits) != NULL);
	case IKE_XF_PRF:
		return (ike_alg_prf(x->id) != NULL);
	case IKE_XF_INTEG:
		return (x->id == 0 || ike_alg_integ(x->id) != NULL);
	case IKE_XF_DH:
		return (x->id == 0 || ike_alg_dh(x->id) != NULL);
	case IKE_XF_ESN:
		return (x->id <= 1);
	}
	return (0);
}

/* Transform attributes (3.3.5); only Key Length is known. */
static int
ike_pld_attrs(struct ike_rd *rd, struct ike_xf *x, int *ok)
{
	uint16_t	type, val;

	while (ike_rd_left(rd) > 0) {
		if (ike_rd_u16(rd, &type) || ike_rd_u16(rd, &val))
			return (IKE_E_TRUNC);
		if (!(type & IKE_ATTR_TV)) {	/* TLV: skip the value */
			if (ike_rd_skip(rd, val))
				return (IKE_E_TRUNC);
			*ok = 0;
			continue;
		}
		if ((type & ~IKE_ATTR_TV) == IKE_ATTR_KEYLEN)
			x->keybits = val;
		else
			*ok = 0;
	}
	return (IKE_OK);
}

/* One transform (3.3.2); kept only when we know it. */
static int
ike_pld_xf(struct ike_rd *rd, struct ike_prop *p, uint8_t *more)
{
	struct ike_rd	sub;
	struct ike_xf	x = { 0, 0, 0 };
	uint16_t	len;
	uint8_t		rsv;
	int		ok = 1, rv;

	if (ike_rd_u8(rd, more) || ike_rd_u8(rd, &rsv) || ike_rd_u16(rd, &len))
		return (IKE_E_TRUNC);
	if (len < 8 || (*more != IKE_XF_LAST && *more != IKE_XF_MORE))
		return (IKE_E_LENGTH);
	if (ike_rd_sub(rd, len - 4, &sub) || ike_rd_u8(&sub, &x.type) ||
	    ike_rd_u8(&sub, &rsv) || ike_rd_u16(&sub, &x.id))
		return (IKE_E_TRUNC);
	if ((rv = ike_pld_attrs(&sub, &x, &ok)) != IKE_OK)
		return (rv);
	if (ok && ike_pld_xf_known(&x) && p->nxf < IKE_MAX_XF)
		p->xf[p->nxf++] = x;
	return (IKE_OK);
}

/* One proposal (3.3.1). */
static int
ike_pld_prop(struct ike_rd *rd, struct ike_prop *p, uint8_t *more)
{
	struct ike_rd	sub;
	uint16_t	len;
	uint8_t		rsv, nxf, xmore = IKE_XF_MORE, i;
	int		rv;

	memset(p, 0, sizeof(*p));
	if (ike_rd_u8(rd, more) || ike_rd_u8(rd, &rsv) || ike_rd_u16(rd, &len))
		return (IKE_E_TRUNC);
	if (len < 8 || (*more != IKE_PROP_LAST && *more != IKE_PROP_MORE))
		return (IKE_E_LENGTH);
	if (ike_rd_sub(rd, len - 4, &sub) || ike_rd_u8(&sub, &p->num) ||
	    ike_rd_u8(&sub, &p->proto) || ike_rd_u8(&sub, &p->spisize) ||
	    ike_rd_u8(&sub, &nxf))
		return (IKE_E_TRUNC);
	if (p->spisize > sizeof(p->spi) || nxf == 0)
		return (IKE_E_SYNTAX);
	if (ike_rd_bytes(&sub, p->spi, p->spisize))
		return (IKE_E_TRUNC);
	for (i = 0; i < nxf; i++) {
		if (xmore != IKE_XF_MORE)
			return (IKE_E_SYNTAX);
		if ((rv = ike_pld_xf(&sub, p, &xmore)) != IKE_OK)
			return (rv);
	}
	if (xmore != IKE_XF_LAST || ike_rd_left(&sub) != 0)
		return (IKE_E_SYNTAX);
	return (IKE_OK);
}

/* SA payload (3.3): proposals until the one marked last. */
static int
ike_pld_sa(struct ike_rd *rd, struct ike_msg *m, uint8_t type)
{
	struct ike_prop	p;
	uint8_t		more = IKE_PROP_MORE;
	int		rv;

	while (more == IKE_PROP_MORE) {
		if ((rv = ike_pld_prop(rd, &p, &more)) != IKE_OK)
			return (rv);
		if (m->nprops < IKE_MAX_PROPS)
			m->props[m->nprops++] = p;
		else
			ike_debug("%s: proposal %u ignored", __func__, p.num);
	}
	return (ike_rd_left(rd) == 0 ? IKE_OK : IKE_E_SYNTAX);
}

/* KE (3.4): group, reserved, data. */
static int
ike_pld_ke(struct ike_rd *rd, struct ike_msg *m, uint8_t type)
{
	uint16_t	rsv;

	if (ike_rd_u16(rd, &m->ke_group) || ike_rd_u16(rd, &rsv))
		return (IKE_E_TRUNC);
	m->kelen = ike_rd_left(rd);
	return (ike_rd_ptr(rd, m->kelen, &m->ke));
}

/* Nonce (3.9): 16 to 256 bytes. */
static int
ike_pld_nonce(struct ike_rd *rd, struct ike_msg *m, uint8_t type)
{
	m->noncelen = ike_rd_left(rd);
	if (m->noncelen < IKE_NONCE_MIN || m->noncelen > IKE_NONCE_MAX)
		return (IKE_E_LENGTH);
	return (ike_rd_ptr(rd, m->noncelen, &m->nonce));
}

/* IDi, IDr (3.5): type, reserved, data.  The body is kept for AUTH. */
static int
ike_pld_id(struct ike_rd *rd, struct ike_msg *m, uint8_t type)
{
	struct ike_id	*id = type == IKE_PLD_IDI ? &m->idi : &m->idr;
	const uint8_t	*body = rd->p + rd->off, *rsv;
	size_t		 n = ike_rd_left(rd);

	if (ike_rd_u8(rd, &id->type) || ike_rd_ptr(rd, 3, &rsv))
		return (IKE_E_TRUNC);
	if (ike_rd_left(rd) == 0 || ike_rd_left(rd) > IKE_MAX_ID)
		return (IKE_E_LENGTH);
	id->len = (uint8_t)ike_rd_left(rd);
	if (ike_rd_bytes(rd, id->data, id->len))
		return (IKE_E_TRUNC);
	if (type == IKE_PLD_IDI) {
		m->idi_body = body;
		m->idi_bodylen = n;
	} else {
		m->idr_body = body;
		m->idr_bodylen = n;
	}
	return (IKE_OK);
}

/* AUTH (3.8): method, reserved, data. */
static int
ike_pld_auth(struct ike_rd *rd, struct ike_msg *m, uint8_t type)
{
	const uint8_t	*rsv;

	if (ike_rd_u8(rd, &m->auth_method) || ike_rd_ptr(rd, 3, &rsv))
		return (IKE_E_TRUNC);
	if ((m->authlen = ike_rd_left(rd)) == 0)
		return (IKE_E_LENGTH);
	return (ike_rd_ptr(rd, m->authlen, &m->auth));
}

/* Notify (3.10): protocol, SPI size, type, SPI, data. */
static int
ike_pld_notify(struct ike_rd *rd, struct ike_msg *m, uint8_t type)
{
	struct ike_notify	n;

	memset(&n, 0, sizeof(n));
	if (ike_rd_u8(rd, &n.proto) || ike_rd_u8(rd, &n.spisize) ||
	    ike_rd_u16(rd, &n.type))
		return (IKE_E_TRUNC);
	if (n.spisize > sizeof(n.spi))
		return (IKE_E_LENGTH);
	if (ike_rd_bytes(rd, n.spi, n.spisize))
		return (IKE_E_TRUNC);
	n.len = ike_rd_left(rd);
	if (ike_rd_ptr(rd, n.len, &n.data))
		return (IKE_E_TRUNC);
	if (m->nn < IKE_MAX_N)
		m->n[m->nn++] = n;
	else
		ike_debug("%s: notify %u ignored", __func__, n.type);
	return (IKE_OK);
}

/* Delete (3.11): protocol, SPI size, count, SPIs filling the rest. */
static int
ike_pld_delete(struct ike_rd *rd, struct ike_msg *m, uint8_t type)
{
	struct ike_del	d;

	if (ike_rd_u8(rd, &d.proto) || ike_rd_u8(rd, &d.spisize) ||
	    ike_rd_u16(rd, &d.nspi))
		return (IKE_E_TRUNC);
	if ((size_t)d.spisize * d.nspi != ike_rd_left(rd) ||
	    d.spisize > 8)
		return (IKE_E_LENGTH);
	if (ike_rd_ptr(rd, ike_rd_left(rd), &d.spis))
		return (IKE_E_TRUNC);
	if (m->ndel < IKE_MAX_DEL)
		m->del[m->ndel++] = d;
	return (IKE_OK);
}

/* One traffic selector (3.13.1). */
static int
ike_pld_ts1(struct ike_rd *rd, struct ike_ts *ts)
{
	struct ike_rd	sub;
	uint16_t	len;
	size_t		alen;

	memset(ts, 0, sizeof(*ts));
	if (ike_rd_u8(rd, &ts->type) || ike_rd_u8(rd, &ts->proto) ||
	    ike_rd_u16(rd, &len))
		return (IKE_E_TRUNC);
	if (!((ts->type == IKE_TS_IPV4 && len == IKE_TS_LEN_V4) ||
	    (ts->type == IKE_TS_IPV6 && len == IKE_TS_LEN_V6)))
		return (IKE_E_LENGTH);
	alen = ts->type == IKE_TS_IPV4 ? 4 : 16;
	if (ike_rd_sub(rd, len - 4, &sub) || ike_rd_u16(&sub, &ts->sport) ||
	    ike_rd_u16(&sub, &ts->eport) ||
	    ike_rd_bytes(&sub, ts->start, alen) ||
	    ike_rd_bytes(&sub, ts->end, alen))
		return (IKE_E_TRUNC);
	return (IKE_OK);
}

/* TSi, TSr (3.13): count, reserved, selectors. */
static int
ike_pld_ts(struct ike_rd *rd, struct ike_msg *m, uint8_t type)
{
	struct ike_ts	*ts = type == IKE_PLD_TSI ? m->tsi : m->tsr;
	size_t		*n = type == IKE_PLD_TSI ? &m->ntsi : &m->ntsr;
	const uint8_t	*rsv;
	uint8_t		 cnt, i;
	int		 rv;

	if (ike_rd_u8(rd, &cnt) || ike_rd_ptr(rd, 3, &rsv))
		return (IKE_E_TRUNC);
	if (cnt == 0 || cnt > IKE_MAX_TS)
		return (IKE_E_SYNTAX);
	for (i = 0; i < cnt; i++)
		if ((rv = ike_pld_ts1(rd, &ts[i])) != IKE_OK)
			return (rv);
	*n = cnt;
	return (ike_rd_left(rd) == 0 ? IKE_OK : IKE_E_LENGTH);
}

/* Payloads we accept and step over: CERT, CERTREQ, V, CP, EAP. */
static int
ike_pld_skip(struct ike_rd *rd, struct ike_msg *m, uint8_t type)
{
	return (ike_rd_skip(rd, ike_rd_left(rd)));
}

/* The payloads we know (3.2); "once": at most one per message. */
static const struct ike_pld_kind {
	uint8_t			 type;
	uint8_t			 once;
	const char		*name;
	ike_pld_parse_fn	*parse;
} ike_pld_kinds[] = {
	{ IKE_PLD_SA,		1, "SA",	ike_pld_sa },	/* 3.3 */
	{ IKE_PLD_KE,		1, "KE",	ike_pld_ke },	/* 3.4 */
	{ IKE_PLD_IDI,		1, "IDi",	ike_pld_id },	/* 3.5 */
	{ IKE_PLD_IDR,		1, "IDr",	ike_pld_id },	/* 3.5 */
	{ IKE_PLD_CERT,		0, "CERT",	ike_pld_skip },	/* 3.6 */
	{ IKE_PLD_CERTREQ,	0, "CERTREQ",	ike_pld_skip },	/* 3.7 */
	{ IKE_PLD_AUTH,		1, "AUTH",	ike_pld_auth },	/* 3.8 */
	{ IKE_PLD_NONCE,	1, "Nonce",	ike_pld_nonce }, /* 3.9 */
	{ IKE_PLD_NOTIFY,	0, "N",		ike_pld_notify }, /* 3.10 */
	{ IKE_PLD_DELETE,	0, "D",		ike_pld_delete }, /* 3.11 */
	{ IKE_PLD_VENDOR,	0, "V",		ike_pld_skip },	/* 3.12 */
	{ IKE_PLD_TSI,		1, "TSi",	ike_pld_ts },	/* 3.13 */
	{ IKE_PLD_TSR,		1, "TSr",	ike_pld_ts },	/* 3.13 */
	{ IKE_PLD_CP,		0, "CP",	ike_pld_skip },	/* 3.15 */
	{ IKE_PLD_EAP,		0, "EAP",	ike_pld_skip },	/* 3.16 */
};

static const struct ike_pld_kind *
ike_pld_kind(uint8_t type)
{
	size_t	i;

	for (i = 0; i < sizeof(ike_pld_kinds) / sizeof(ike_pld_kinds[0]); i++)
		if (ike_pld_kinds[i].type == type)
			return (&ike_pld_kinds[i]);
	return (NULL);
}

/* The Encrypted payload ends the outer chain (3.14). */
static int
ike_pld_sk(struct ike_rd *rd, struct ike_rd *body, uint8_t next,
    struct ike_msg *m)
{
	if (ike_rd_left(rd) != 0)
		return (IKE_E_SYNTAX);
	m->sk_np = next;
	m->sk_body = body->p;
	m->sk_len = body->len;
	m->sk_aadlen = IKE_HDR_LEN + rd->off - body->len;
	m->seen |= 1ULL << (IKE_PLD_SK - 32);
	return (IKE_OK);
}

/* One payload whose generic header has been read. */
static int
ike_pld_one(uint8_t type, uint8_t flags, struct ike_rd *body,
    struct ike_msg *m)
{
	const struct ike_pld_kind *k = ike_pld_kind(type);
	int			   rv;

	if (k == NULL) {
		if (!(flags & IKE_PLD_CRIT))
			return (IKE_OK);	/* 2.5: skip it */
		m->crit_type = type;
		return (IKE_E_CRITICAL);
	}
	if (k->once && IKE_SEEN(m, type))
		return (IKE_E_SYNTAX);
	if ((rv = k->parse(body, m, type)) != IKE_OK) {
		ike_debug("%s: bad %s payload: %s", __func__, k->name,
		    ike_strerror(rv));
		return (rv);
	}
	m->seen |= 1ULL << (type - 32);
	return (ike_rd_left(body) == 0 ? IKE_OK : IKE_E_LENGTH);
}

/*
 * Parse a chain starting with payload type np from p.  outer: this is
 * the chain after the IKE header, where SK may appear (last).
 */
int
ike_pld_parse_chain(uint8_t np, const uint8_t *p, size_t len, int outer,
    struct ike_msg *m)
{
	struct ike_rd	rd, body;
	uint8_t		next, flags;
	uint16_t	plen;
	int		rv;

	ike_rd_init(&rd, p, len);
	while (np != IKE_PLD_NONE) {
		if (ike_rd_u8(&rd, &next) || ike_rd_u8(&rd, &flags) ||
		    ike_rd_u16(&rd, &plen))
			return (IKE_E_TRUNC);
		if (plen < IKE_GEN_LEN)
			return (IKE_E_LENGTH);
		if (ike_rd_sub(&rd, plen - IKE_GEN_LEN, &body))
			return (IKE_E_TRUNC);
		if (np == IKE_PLD_SK)
			return (outer ? ike_pld_sk(&rd, &body, next, m) :
			    IKE_E_SYNTAX);
		if (np < 32 || np > 63)
			rv = flags & IKE_PLD_CRIT ? IKE_E_CRITICAL : IKE_OK;
		else
			rv = ike_pld_one(np, flags, &body, m);
		if (rv != IKE_OK) {
			if (rv == IKE_E_CRITICAL)
				m->crit_type = np;
			return (rv);
		}
		np = next;
	}
	return (ike_rd_left(&rd) == 0 ? IKE_OK : IKE_E_LENGTH);
}

const struct ike_notify *
ike_msg_notify(const struct ike_msg *m, uint16_t type)
{
	size_t	i;

	for (i = 0; i < m->nn; i++)
		if (m->n[i].type == type)
			return (&m->n[i]);
	return (NULL);
}

/* ---- writing ---- */

/* Start a chain; np_at is where the first payload's type goes. */
void
ike_pld_chain(struct ike_chain *c, struct ike_wr *w, size_t np_at)
{
	c->w = w;
	c->first = IKE_PLD_NONE;
	c->np_at = np_at;
	c->len_at = 0;
	c->start = 0;
}

void
ike_pld_begin(struct ike_chain *c, uint8_t type)
{
	if (c->np_at == IKE_CHAIN_FIRST)
		c->first = type;
	else
		ike_wr_set_u8(c->w, c->np_at, type);
	c->start = c->w->off;
	c->np_at = c->w->off;
	ike_wr_u8(c->w, IKE_PLD_NONE);
	ike_wr_u8(c->w, 0);
	c->len_at = c->w->off;
	ike_wr_u16(c->w, 0);
}

void
ike_pld_end(struct ike_chain *c)
{
	ike_wr_set_u16(c->w, c->len_at, (uint16_t)(c->w->off - c->start));
}

static void
ike_pld_put_xf(struct ike_wr *w, const struct ike_xf *x, int last)
{
	ike_wr_u8(w, last ? IKE_XF_LAST : IKE_XF_MORE);
	ike_wr_u8(w, 0);
	ike_wr_u16(w, x->keybits ? 12 : 8);
	ike_wr_u8(w, x->type);
	ike_wr_u8(w, 0);
	ike_wr_u16(w, x->id);
	if (x->keybits) {
		ike_wr_u16(w, IKE_ATTR_TV | IKE_ATTR_KEYLEN);
		ike_wr_u16(w, x->keybits);
	}
}

static void
ike_pld_put_prop(struct ike_wr *w, const struct ike_prop *p, int last)
{
	size_t	start = w->off, i;

	ike_wr_u8(w, last ? IKE_PROP_LAST : IKE_PROP_MORE);
	ike_wr_u8(w, 0);
	ike_wr_u16(w, 0);
	ike_wr_u8(w, p->num);
	ike_wr_u8(w, p->proto);
	ike_wr_u8(w, p->spisize);
	ike_wr_u8(w, p->nxf);
	ike_wr_bytes(w, p->spi, p->spisize);
	for (i = 0; i < p->nxf; i++)
		ike_pld_put_xf(w, &p->xf[i], i + 1 == p->nxf);
	ike_wr_set_u16(w, start + 2, (uint16_t)(w->off - start));
}

void
ike_pld_put_sa(struct ike_chain *c, const struct ike_prop *p, size_t n)
{
	size_t	i;

	ike_pld_begin(c, IKE_PLD_SA);
	for (i = 0; i < n; i++)
		ike_pld_put_prop(c->w, &p[i], i + 1 == n);
	ike_pld_end(c);
}

void
ike_pld_put_ke(struct ike_chain *c, uint16_t group, const uint8_t *p,
    size_t len)
{
	ike_pld_begin(c, IKE_PLD_KE);
	ike_wr_u16(c->w, group);
	ike_wr_u16(c->w, 0);
	ike_wr_bytes(c->w, p, len);
	ike_pld_end(c);
}

void
ike_pld_put_nonce(struct ike_chain *c, const struct ike_buf *n)
{
	ike_pld_begin(c, IKE_PLD_NONCE);
	ike_wr_bytes(c->w, n->p, n->len);
	ike_pld_end(c);
}

/* A notify about the IKE SA (no SPI) or a Child SA (4-byte SPI). */
void
ike_pld_put_notify(struct ike_chain *c, uint8_t proto, uint16_t type,
    const uint8_t *data, size_t len)
{
	ike_pld_begin(c, IKE_PLD_NOTIFY);
	ike_wr_u8(c->w, proto);
	ike_wr_u8(c->w, 0);
	ike_wr_u16(c->w, type);
	ike_wr_bytes(c->w, data, len);
	ike_pld_end(c);
}

/* A notify about one Child SA, naming its 4-byte SPI (REKEY_SA). */
void
ike_pld_put_notify_spi(struct ike_chain *c, uint8_t proto,
    const uint8_t *spi, uint16_t type)
{
	ike_pld_begin(c, IKE_PLD_NOTIFY);
	ike_wr_u8(c->w, proto);
	ike_wr_u8(c->w, 4);
	ike_wr_u16(c->w, type);
	ike_wr_bytes(c->w, spi, 4);
	ike_pld_end(c);
}

void
ike_pld_put_id(struct ike_chain *c, uint8_t type, const struct ike_id *id)
{
	ike_pld_begin(c, type);
	ike_wr_u8(c->w, id->type);
	ike_wr_zero(c->w, 3);
	ike_wr_bytes(c->w, id->data, id->len);
	ike_pld_end(c);
}

void
ike_pld_put_auth(struct ike_chain *c, uint8_t method, const uint8_t *p,
    size_t len)
{
	ike_pld_begin(c, IKE_PLD_AUTH);
	ike_wr_u8(c->w, method);
	ike_wr_zero(c->w, 3);
	ike_wr_bytes(c->w, p, len);
	ike_pld_end(c);
}

void
ike_pld_put_ts(struct ike_chain *c, uint8_t type, const struct ike_ts *ts,
    size_t n)
{
	size_t	i, alen;

	ike_pld_begin(c, type);
	ike_wr_u8(c->w, (uint8_t)n);
	ike_wr_zero(c->w, 3);
	for (i = 0; i < n; i++) {
		alen = ts[i].type == IKE_TS_IPV4 ? 4 : 16;
		ike_wr_u8(c->w, ts[i].type);
		ike_wr_u8(c->w, ts[i].proto);
		ike_wr_u16(c->w, (uint16_t)(8 + 2 * alen));
		ike_wr_u16(c->w, ts[i].sport);
		ike_wr_u16(c->w, ts[i].eport);
		ike_wr_bytes(c->w, ts[i].start, alen);
		ike_wr_bytes(c->w, ts[i].end, alen);
	}
	ike_pld_end(c);
}

void
ike_pld_put_delete(struct ike_chain *c, uint8_t proto, uint8_t spisize,
    const uint8_t *spis, uint16_t n)
{
	ike_pld_begin(c, IKE_PLD_DELETE);
	ike_wr_u8(c->w, proto);
	ike_wr_u8(c->w, spisize);
	ike_wr_u16(c->w, n);
	ike_wr_bytes(c->w, spis, (size_t)spisize * n);
	ike_pld_end(c);
}
