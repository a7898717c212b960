/*
 * ike/ike_ts.c: traffic selectors (RFC 7296 2.9, 3.13.1).
 *
 * A selector is a protocol, a port range and an address range.  A
 * responder narrows what the initiator proposes to what its own
 * definition allows; the kernel wants prefixes, so ranges that are
 * not one prefix are refused for now.
 */
#include <string.h>
#include <sys/socket.h>

#include "ike/ike.h"

static size_t
ike_ts_alen(const struct ike_ts *ts)
{
	return (ts->type == IKE_TS_IPV4 ? 4 : 16);
}

/* The overlap of two selectors of the same family, or -1. */
static int
ike_ts_meet(const struct ike_ts *a, const struct ike_ts *b, struct ike_ts *o)
{
	size_t	alen = ike_ts_alen(a);

	if (a->type != b->type)
		return (-1);
	if (a->proto && b->proto && a->proto != b->proto)
		return (-1);
	*o = *a;
	o->proto = a->proto ? a->proto : b->proto;
	o->sport = a->sport > b->sport ? a->sport : b->sport;
	o->eport = a->eport < b->eport ? a->eport : b->eport;
	if (memcmp(b->start, a->start, alen) > 0)
		memcpy(o->start, b->start, alen);
	if (memcmp(b->end, a->end, alen) < 0)
		memcpy(o->end, b->end, alen);
	if (o->sport > o->eport || memcmp(o->start, o->end, alen) > 0)
		return (-1);
	return (0);
}

/*
 * Narrow: the first overlap between a proposed selector and an allowed
 * one.  XXX: only one selector results; RFC 7296 2.9 allows several.
 */
int
ike_ts_narrow(const struct ike_ts *prop, size_t nprop,
    const struct ike_ts *allow, size_t nallow, struct ike_ts *out)
{
	size_t	i, j;

	for (i = 0; i < nprop; i++)
		for (j = 0; j < nallow; j++)
			if (ike_ts_meet(&prop[i], &allow[j], out) == 0)
				return (IKE_OK);
	return (IKE_E_TS);
}

/* The prefix length of [start, end], or -1 when it is not a prefix. */
static int
ike_ts_plen(const struct ike_ts *ts)
{
	size_t	alen = ike_ts_alen(ts), bit;
	int	plen = -1;

	for (bit = 0; bit < alen * 8; bit++) {
		uint8_t	m = (uint8_t)(0x80 >> (bit % 8));
		int	s = !!(ts->start[bit / 8] & m);
		int	e = !!(ts->end[bit / 8] & m);

		if (plen < 0 && s != e)
			plen = (int)bit;
		if (plen >= 0 && (s != 0 || e != 1))
			return (-1);
	}
	return (plen < 0 ? (int)(alen * 8) : plen);
}

static void
ike_ts_addr(const struct ike_ts *ts, struct k_addr *a)
{
	memset(a, 0, sizeof(*a));
	a->family = ts->type == IKE_TS_IPV4 ? AF_INET : AF_INET6;
	memcpy(a->u.bytes, ts->start, ike_ts_alen(ts));
}

static void
ike_ts_port(const struct ike_ts *ts, uint16_t *port, uint16_t *mask)
{
	/* XXX: a port range other than one port or all is widened to all. */
	if (ts->sport == ts->eport) {
		*port = ts->sport;
		*mask = 0xffff;
	} else {
		*port = 0;
		*mask = 0;
	}
}

/* The kernel selector for traffic from src to dst. */
int
ike_ts_to_sel(const struct ike_ts *src, const struct ike_ts *dst,
    struct k_sel *sel)
{
	int	sp = ike_ts_plen(src), dp = ike_ts_plen(dst);

	memset(sel, 0, sizeof(*sel));
	if (sp < 0 || dp < 0 || src->type != dst->type)
		return (IKE_E_TS);
	sel->family = src->type == IKE_TS_IPV4 ? AF_INET : AF_INET6;
	ike_ts_addr(src, &sel->src);
	ike_ts_addr(dst, &sel->dst);
	sel->src_plen = (uint8_t)sp;
	sel->dst_plen = (uint8_t)dp;
	sel->proto = src->proto ? src->proto : dst->proto;
	ike_ts_port(src, &sel->sport, &sel->sport_mask);
	ike_ts_port(dst, &sel->dport, &sel->dport_mask);
	return (IKE_OK);
}

/* A selector for addr/plen, protocol proto (0: any), port (0: any). */
void
ike_ts_from_prefix(struct ike_ts *ts, const struct k_addr *addr,
    unsigned plen, uint8_t proto, uint16_t port)
{
	size_t	alen, bit;

	memset(ts, 0, sizeof(*ts));
	ts->type = addr->family == AF_INET ? IKE_TS_IPV4 : IKE_TS_IPV6;
	alen = ike_ts_alen(ts);
	ts->proto = proto;
	ts->sport = port;
	ts->eport = port ? port : 0xffff;
	memcpy(ts->start, addr->u.bytes, alen);
	memcpy(ts->end, addr->u.bytes, alen);
	for (bit = plen; bit < alen * 8; bit++) {
		ts->start[bit / 8] &= (uint8_t)~(0x80 >> (bit % 8));
		ts->end[bit / 8] |= (uint8_t)(0x80 >> (bit % 8));
	}
}
