/*
 * ike/ike_info.c: INFORMATIONAL exchanges (RFC 7296 1.4, 1.4.1, 2.4).
 *
 * An empty request is a liveness check; its answer is empty too.  A
 * Delete for the IKE SA takes everything down; a Delete for ESP SPIs
 * removes those Child SAs, whichever definitions they belong to, and
 * the answer names our SPI of each pair.  A definition left without a
 * Child SA that way gets one again later (ike_sa_plan_create), as IOS
 * negotiates anew when traffic comes.
 */
#include <string.h>

#include "ike/ike.h"

#define IKE_INFO_MAX	256

static void
ike_info_spi(uint8_t *b, uint32_t spi)
{
	b[0] = (uint8_t)(spi >> 24);
	b[1] = (uint8_t)(spi >> 16);
	b[2] = (uint8_t)(spi >> 8);
	b[3] = (uint8_t)spi;
}

static int
ike_info_request(struct ike_sa *sa, const uint8_t *inner, size_t len,
    uint8_t np, uint8_t pending, uint64_t now)
{
	int	rv;

	if (sa->state != IKE_ST_ESTABLISHED)
		return (IKE_E_STATE);
	if ((rv = ike_sa_send_enc(sa, IKE_INFORMATIONAL, 0, sa->x.next_id,
	    inner, len, np, now)) == IKE_OK)
		sa->pending = pending;
	return (rv);
}

/* A liveness check: an empty request. */
int
ike_info_dpd(struct ike_sa *sa, uint64_t now)
{
	ike_debug("peer %s: liveness check", sa->peer->name);
	return (ike_info_request(sa, NULL, 0, IKE_PLD_NONE, IKE_PEND_DPD,
	    now));
}

/* Delete the IKE SA (and with it the Child SAs); done on the answer. */
int
ike_info_delete_ike(struct ike_sa *sa, uint64_t now)
{
	uint8_t		 inner[IKE_INFO_MAX];
	struct ike_wr	 w;
	struct ike_chain c;

	ike_wr_init(&w, inner, sizeof(inner));
	ike_pld_chain(&c, &w, IKE_CHAIN_FIRST);
	ike_pld_put_delete(&c, IKE_PROTO_IKE, 0, NULL, 0);
	ike_sa_uninstall_all(sa);
	return (ike_info_request(sa, inner, w.off, c.first, IKE_PEND_DEL_IKE,
	    now));
}

/* Delete a Child SA, naming our inbound SPI (3.11). */
int
ike_info_delete_child(struct ike_sa *sa, struct ike_child *ch, uint64_t now)
{
	uint8_t		 inner[IKE_INFO_MAX], spi[4];
	struct ike_wr	 w;
	struct ike_chain c;

	if (!ch->installed)
		return (IKE_E_STATE);
	ike_info_spi(spi, ch->spi_in);
	ike_wr_init(&w, inner, sizeof(inner));
	ike_pld_chain(&c, &w, IKE_CHAIN_FIRST);
	ike_pld_put_delete(&c, IKE_PROTO_ESP, 4, spi, 1);
	ike_sa_uninstall(sa, ch);
	return (ike_info_request(sa, inner, w.off, c.first,
	    IKE_PEND_DEL_CHILD, now));
}

/* Does a Delete name this child's outbound SPI, the peer's inbound one? */
static int
ike_info_names_child(const struct ike_child *ch, const struct ike_del *d)
{
	uint8_t		spi[4];
	uint16_t	i;

	if (d->proto != IKE_PROTO_ESP || d->spisize != 4 || !ch->installed)
		return (0);
	ike_info_spi(spi, ch->spi_out);
	for (i = 0; i < d->nspi; i++)
		if (memcmp(d->spis + 4 * i, spi, 4) == 0)
			return (1);
	return (0);
}

/*
 * Remove slot i's Child SAs that Delete d names, each answered in c.
 * When the one in use goes while the one it replaced is still there
 * and no exchange of ours is about the slot, the peer kept that one
 * (it made ours anew, then found it redundant): it is in use again.
 * 1: the one in use went and nothing of the slot is left.
 */
static int
ike_info_del_slot(struct ike_sa *sa, size_t i, const struct ike_del *d,
    struct ike_chain *c)
{
	struct ike_slot	*s = &sa->slot[i];
	struct ike_child *ch[3] = { &s->cur, &s->old, &s->extra };
	uint8_t		 spi[4];
	size_t		 j;
	int		 cur = 0, busy;

	for (j = 0; j < 3; j++) {
		if (!ike_info_names_child(ch[j], d))
			continue;
		ike_info_spi(spi, ch[j]->spi_in);
		ike_pld_put_delete(c, IKE_PROTO_ESP, 4, spi, 1);
		ike_sa_uninstall(sa, ch[j]);
		cur |= j == 0;
	}
	busy = sa->xslot == i && (sa->pending == IKE_PEND_REKEY_CHILD ||
	    sa->pending == IKE_PEND_NEW_CHILD);
	if (cur && !busy && s->old.installed) {
		s->cur = s->old;
		memset(&s->old, 0, sizeof(s->old));
	}
	return (cur && !ike_sa_slot_up(sa, i));
}

/* The peer's request: answer, then act on what it deleted. */
int
ike_info_recv_request(struct ike_sa *sa, const struct ike_msg *m,
    uint64_t now)
{
	uint8_t		 inner[IKE_INFO_MAX];
	struct ike_wr	 w;
	struct ike_chain c;
	int		 del_ike = 0, rv;
	unsigned	 gone = 0;
	size_t		 i, j;

	ike_wr_init(&w, inner, sizeof(inner));
	ike_pld_chain(&c, &w, IKE_CHAIN_FIRST);
	for (i = 0; i < m->ndel; i++) {
		if (m->del[i].proto == IKE_PROTO_IKE)
			del_ike = 1;
		for (j = 0; j < sa->nslot; j++)
			if (ike_info_del_slot(sa, j, &m->del[i], &c))
				gone |= 1u << j;
	}
	if ((rv = ike_sa_send_enc(sa, IKE_INFORMATIONAL, 1, m->hdr.msgid,
	    inner, w.off, c.first, now)) != IKE_OK)
		return (rv);
	for (j = 0; !del_ike && j < sa->nslot; j++) {
		if (!(gone & (1u << j)))
			continue;
		ike_log(IKE_LOG_INFO, "peer %s: peer deleted Child SA %zu",
		    sa->peer->name, j + 1);
		if (j < sa->peer->nchild && !(sa->xslot == j &&
		    sa->pending == IKE_PEND_NEW_CHILD))
			ike_sa_plan_create(sa, j, now);
	}
	if (del_ike) {
		ike_log(IKE_LOG_INFO, "peer %s: peer deleted the IKE SA",
		    sa->peer->name);
		ike_sa_fail(sa, IKE_OK);
	}
	return (IKE_OK);
}

/* The answer to our request. */
int
ike_info_recv_response(struct ike_sa *sa, const struct ike_msg *m)
{
	uint8_t	pending = sa->pending;

	sa->pending = IKE_PEND_NONE;
	if (pending == IKE_PEND_DEL_IKE)
		ike_sa_fail(sa, IKE_OK);
	return (IKE_OK);
}
