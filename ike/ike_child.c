/*
 * ike/ike_child.c: CREATE_CHILD_SA: new Child SAs beside the first
 * (RFC 7296 1.3.1), Child SA rekeys (1.3.3, 2.8, 2.17), IKE SA rekeys
 * (1.3.2, 2.18).
 *
 *   HDR, SK {[N(REKEY_SA),] SA, Ni, [KEi,] TSi, TSr}  -->
 *                                <--  HDR, SK {SA, Nr, [KEr,] TSi, TSr}
 *
 * Each Child SA definition of the peer has its slot in the IKE SA
 * (struct ike_slot); an exchange is for one slot, one at a time.  A
 * request without REKEY_SA asks for a new Child SA: the responder
 * takes the first definition whose selectors meet the proposed ones,
 * preferring one that has no Child SA yet.  A rekey names the Child SA
 * by the SPI it receives on, which finds the slot.
 * The new Child SA gets KEYMAT = prf+(SK_d, [g^ir (new) |] Ni | Nr)
 * with this exchange's nonces, i being whoever began it.  Whoever began
 * a rekey then deletes the old Child SA; until then both stay installed.
 * When both ends rekey the same Child SA at once (2.8.1, 2.25.1), or
 * both create the same slot's Child SA at once, each answers the other
 * as usual; the exchange holding the lowest of the four nonces made the
 * redundant Child SA, which its initiator deletes, and the other
 * exchange's initiator deletes the old one, if any.
 * The IKE SA itself is rekeyed the same way (1.3.2, 2.18): a new IKE SA
 * object takes the Child SAs over, and the old one is deleted.
 * While the IKE SA is being rekeyed, requests to rekey anything are
 * answered TEMPORARY_FAILURE (2.25), and a refused rekey is tried again
 * 10 s later; two ends rekeying the IKE SA at once both back off.
 * XXX: no 2.8.2 nonce rule for IKE SA collisions (the backoff replaces
 * it), no INVALID_KE retry for PFS or for the IKE rekey.
 */
#include <string.h>

#include "ike/ike.h"

#define IKE_CHILD_NONCE	32

static int	ike_child_ike_request(struct ike_sa *, const struct ike_msg *,
		    uint64_t);
static int	ike_child_ike_response(struct ike_sa *, const struct ike_msg *,
		    uint64_t);

static uint32_t
ike_child_spi_val(const uint8_t *b)
{
	return ((uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
	    (uint32_t)b[2] << 8 | b[3]);
}

static void
ike_child_spi_bytes(uint8_t *b, uint32_t v)
{
	b[0] = (uint8_t)(v >> 24);
	b[1] = (uint8_t)(v >> 16);
	b[2] = (uint8_t)(v >> 8);
	b[3] = (uint8_t)v;
}

void
ike_child_rekey_clear(struct ike_sa *sa)
{
	ike_buf_clear(&sa->coll_min);
	ike_buf_clear(&sa->rk.ni);
	ike_dh_free(sa->rk.dh);
	sa->rk.dh = NULL;
	sa->rk.spi = 0;
}

/* Our KE for the PFS group, if the definition asks for one. */
static int
ike_child_put_ke(struct ike_chain *c, const struct ike_dhkey *dh,
    uint16_t group)
{
	uint8_t	pub[512];
	size_t	len;
	int	rv;

	if (dh == NULL)
		return (IKE_OK);
	len = ike_alg_dh(group)->publen;
	if ((rv = ike_dh_public(dh, pub, len)) != IKE_OK)
		return (rv);
	ike_pld_put_ke(c, group, pub, len);
	return (IKE_OK);
}

/*
 * The definition's ESP proposals for CREATE_CHILD_SA, with spi (NULL:
 * none) and the DH transform (1.3.1): the PFS group when the definition
 * has one.  Without one, an answer also takes any group iosh implements,
 * or none: as IOS, a side that asks no PFS accepts the peer's.
 */
static size_t
ike_child_props(const struct ike_child_def *d, const uint8_t *spi,
    int answer, struct ike_prop *out)
{
	const struct ike_dh	*g;
	size_t			 i, j;

	for (i = 0; i < d->nprops; i++) {
		out[i] = d->props[i];
		out[i].spisize = spi ? 4 : 0;
		if (spi)
			memcpy(out[i].spi, spi, 4);
		if (d->pfs_group) {
			ike_prop_add(&out[i], IKE_XF_DH, d->pfs_group, 0);
			continue;
		}
		if (!answer)
			continue;
		ike_prop_add(&out[i], IKE_XF_DH, 0, 0);
		for (j = 0; (g = ike_alg_dh_nth(j)) != NULL; j++)
			ike_prop_add(&out[i], IKE_XF_DH, g->id, 0);
	}
	return (d->nprops);
}

/*
 * Our request for slot i: a rekey of its Child SA (REKEY_SA names the
 * SPI we receive on, TSi/TSr are the Child SA's own) or a new one (the
 * definition's selectors, all of them, for the responder to narrow).
 */
static int
ike_child_request(struct ike_sa *sa, size_t i, int rekey, uint64_t now)
{
	const struct ike_child_def	*d = &sa->peer->child[i];
	const struct ike_child		*ch = &sa->slot[i].cur;
	struct ike_prop			 props[IKE_MAX_PROPS];
	uint8_t				 inner[IKE_MAX_MSG], spi[4], old[4];
	struct ike_wr			 w;
	struct ike_chain		 c;
	int				 rv;

	if (sa->state != IKE_ST_ESTABLISHED || i >= sa->peer->nchild ||
	    i >= sa->nslot || sa->rekeyed != NULL ||
	    !ch->installed != !rekey)
		return (IKE_E_STATE);
	if (sa->x.req != NULL)
		return (IKE_E_BUSY);
	ike_child_rekey_clear(sa);
	sa->rk.spi = ike_sa_new_spi(spi);
	if ((sa->rk.ni = ike_buf_random(IKE_CHILD_NONCE)) == NULL)
		return (IKE_E_NOMEM);
	if (d->pfs_group && (rv = ike_dh_new(ike_alg_dh(d->pfs_group),
	    &sa->rk.dh)) != IKE_OK)
		return (rv);
	ike_wr_init(&w, inner, sizeof(inner));
	ike_pld_chain(&c, &w, IKE_CHAIN_FIRST);
	if (rekey) {
		ike_child_spi_bytes(old, ch->spi_in);
		ike_pld_put_notify_spi(&c, IKE_PROTO_ESP, old, IKE_N_REKEY_SA);
	} else if (d->mode == K_MODE_TRANSPORT)
		ike_pld_put_notify(&c, 0, IKE_N_USE_TRANSPORT_MODE, NULL, 0);
	ike_pld_put_sa(&c, props, ike_child_props(d, spi, 0, props));
	ike_pld_put_nonce(&c, sa->rk.ni);
	if ((rv = ike_child_put_ke(&c, sa->rk.dh, d->pfs_group)) != IKE_OK)
		return (rv);
	/* Our selectors first: TSi is the side that begins the exchange. */
	if (rekey) {
		ike_pld_put_ts(&c, IKE_PLD_TSI, ch->we_init ? &ch->tsi :
		    &ch->tsr, 1);
		ike_pld_put_ts(&c, IKE_PLD_TSR, ch->we_init ? &ch->tsr :
		    &ch->tsi, 1);
	} else {
		ike_pld_put_ts(&c, IKE_PLD_TSI, d->ts_local, d->nts_local);
		ike_pld_put_ts(&c, IKE_PLD_TSR, d->ts_remote, d->nts_remote);
	}
	if (w.err != IKE_OK)
		return (w.err);
	if ((rv = ike_sa_send_enc(sa, IKE_CREATE_CHILD_SA, 0, sa->x.next_id,
	    inner, w.off, c.first, now)) != IKE_OK)
		return (rv);
	sa->pending = rekey ? IKE_PEND_REKEY_CHILD : IKE_PEND_NEW_CHILD;
	sa->xslot = i;
	return (IKE_OK);
}

/* Start rekeying slot i's Child SA. */
int
ike_child_rekey(struct ike_sa *sa, size_t i, uint64_t now)
{
	return (ike_child_request(sa, i, 1, now));
}

/* Start creating slot i's Child SA, which it has not. */
int
ike_child_create(struct ike_sa *sa, size_t i, uint64_t now)
{
	return (ike_child_request(sa, i, 0, now));
}

/*
 * Create the first Child SA that is due, if our window is free; one
 * at a time, the next when this one is answered.  IKE_E_STATE: none.
 */
int
ike_child_create_due(struct ike_sa *sa, uint64_t now)
{
	struct ike_slot	*s;
	size_t		 i;
	int		 rv;

	if (sa->state != IKE_ST_ESTABLISHED || sa->x.req != NULL ||
	    sa->rekeyed != NULL)
		return (IKE_E_STATE);
	for (i = 0; i < sa->peer->nchild && i < sa->nslot; i++) {
		s = &sa->slot[i];
		if (s->create_at == 0 || now < s->create_at)
			continue;
		s->create_at = 0;
		if (s->cur.installed)		/* the peer made it meanwhile */
			continue;
		if ((rv = ike_child_create(sa, i, now)) != IKE_OK) {
			s->tries++;
			ike_sa_plan_create(sa, i, now);
		}
		return (rv);
	}
	return (IKE_E_STATE);
}

/*
 * The slot for a new Child SA the peer asks for: the first definition
 * whose selectors meet the proposed ones (narrowed into tsi, tsr),
 * one without a Child SA before one that has it.  -1: none.
 */
int
ike_child_pick(const struct ike_sa *sa, const struct ike_ts *pi, size_t npi,
    const struct ike_ts *pr, size_t npr, struct ike_ts *tsi,
    struct ike_ts *tsr)
{
	const struct ike_child_def	*d;
	size_t				 i;
	int				 pass;

	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < sa->peer->nchild && i < sa->nslot; i++) {
			d = &sa->peer->child[i];
			if (pass == 0 && sa->slot[i].cur.installed)
				continue;
			if (ike_ts_narrow(pi, npi, d->ts_remote,
			    d->nts_remote, tsi) == IKE_OK &&
			    ike_ts_narrow(pr, npr, d->ts_local, d->nts_local,
			    tsr) == IKE_OK)
				return ((int)i);
		}
	return (-1);
}

/* Octet by octet; a nonce that is a prefix of the other is lower. */
static int
ike_child_nonce_cmp(const struct ike_buf *a, const struct ike_buf *b)
{
	size_t	n = a->len < b->len ? a->len : b->len;
	int	c = memcmp(a->p, b->p, n);

	if (c != 0)
		return (c);
	return (a->len < b->len ? -1 : a->len > b->len);
}

static const struct ike_buf *
ike_child_nonce_min(const struct ike_buf *a, const struct ike_buf *b)
{
	return (ike_child_nonce_cmp(a, b) <= 0 ? a : b);
}

/* We answered the peer's exchange for the slot ours is for too. */
static void
ike_child_note_collision(struct ike_sa *sa, const struct ike_buf *ni,
    const struct ike_buf *nr)
{
	const struct ike_buf	*lo = ike_child_nonce_min(ni, nr);

	ike_buf_clear(&sa->coll_min);
	sa->coll_min = ike_buf_dup(lo->p, lo->len);
	ike_debug("peer %s: simultaneous CREATE_CHILD_SA for Child SA %zu",
	    sa->peer->name, sa->xslot + 1);
}

/* The slot whose Child SA a REKEY_SA notify names by the peer's SPI. */
static int
ike_child_named(const struct ike_sa *sa, const struct ike_notify *n)
{
	size_t	i;

	if (n == NULL || n->spisize != 4 || n->proto != IKE_PROTO_ESP)
		return (-1);
	for (i = 0; i < sa->peer->nchild && i < sa->nslot; i++)
		if (sa->slot[i].cur.installed &&
		    ike_child_spi_val(n->spi) == sa->slot[i].cur.spi_out)
			return ((int)i);
	return (-1);
}

/* g^ir (new) when the chosen suite has a DH group; IKE_E_KE if not sent. */
static int
ike_child_pfs(const struct ike_suite *s, const struct ike_msg *m,
    struct ike_dhkey **mine, struct ike_buf **gir)
{
	int	rv;

	*gir = NULL;
	if (s->dh == NULL)
		return (IKE_OK);
	if (!IKE_SEEN(m, IKE_PLD_KE) || m->ke_group != s->dh->id)
		return (IKE_E_KE);
	if (*mine == NULL && (rv = ike_dh_new(s->dh, mine)) != IKE_OK)
		return (rv);
	return (ike_dh_derive(*mine, m->ke, m->kelen, gir));
}

/*
 * Responder: choose, answer; the old child waits for the Delete.  A
 * new Child SA comes with its selectors narrowed already (fresh).
 */
static int
ike_child_answer(struct ike_sa *sa, const struct ike_msg *m,
    struct ike_child *nc, int fresh, struct ike_dhkey **dh,
    struct ike_buf *nr, struct ike_wr *w, struct ike_chain *c)
{
	const struct ike_child_def	*d = nc->def;
	struct ike_prop			 prop, ours[IKE_MAX_PROPS];
	uint8_t				 spi[4];

	if (ike_alg_match(ours, ike_child_props(d, NULL, 1, ours), m->props,
	    m->nprops, &nc->suite) != IKE_OK || nc->suite.spisize != 4)
		return (IKE_N_NO_PROPOSAL_CHOSEN);
	if (!IKE_SEEN(m, IKE_PLD_NONCE) || !IKE_SEEN(m, IKE_PLD_TSI) ||
	    !IKE_SEEN(m, IKE_PLD_TSR))
		return (IKE_N_INVALID_SYNTAX);
	if (!fresh && (ike_ts_narrow(m->tsi, m->ntsi, d->ts_remote,
	    d->nts_remote, &nc->tsi) || ike_ts_narrow(m->tsr, m->ntsr,
	    d->ts_local, d->nts_local, &nc->tsr)))
		return (IKE_N_TS_UNACCEPTABLE);
	if (nc->suite.dh && (!IKE_SEEN(m, IKE_PLD_KE) ||
	    m->ke_group != nc->suite.dh->id))
		return (IKE_N_INVALID_KE_PAYLOAD);
	nc->spi_out = ike_child_spi_val(nc->suite.spi);
	nc->spi_in = ike_sa_new_spi(spi);
	if (nc->suite.dh && ike_dh_new(nc->suite.dh, dh) != IKE_OK)
		return (IKE_N_TEMPORARY_FAILURE);
	if (fresh && d->mode == K_MODE_TRANSPORT)
		ike_pld_put_notify(c, 0, IKE_N_USE_TRANSPORT_MODE, NULL, 0);
	ike_alg_suite_prop(&nc->suite, IKE_PROTO_ESP, spi, 4, &prop);
	ike_pld_put_sa(c, &prop, 1);
	ike_pld_put_nonce(c, nr);
	if (ike_child_put_ke(c, *dh, nc->suite.dh ? nc->suite.dh->id : 0))
		return (IKE_N_TEMPORARY_FAILURE);
	ike_pld_put_ts(c, IKE_PLD_TSI, &nc->tsi, 1);
	ike_pld_put_ts(c, IKE_PLD_TSR, &nc->tsr, 1);
	return (w->err == IKE_OK ? 0 : IKE_N_TEMPORARY_FAILURE);
}

/* An encrypted answer carrying one error notify. */
static int
ike_child_refuse(struct ike_sa *sa, const struct ike_msg *m, uint16_t type,
    const struct ike_child *nc, uint64_t now)
{
	uint8_t		 inner[64], g[2];
	struct ike_wr	 w;
	struct ike_chain c;

	ike_log(IKE_LOG_INFO, "peer %s: CREATE_CHILD_SA from the peer "
	    "refused: %s", sa->peer->name, ike_notify_name(type));
	ike_wr_init(&w, inner, sizeof(inner));
	ike_pld_chain(&c, &w, IKE_CHAIN_FIRST);
	if (type == IKE_N_INVALID_KE_PAYLOAD) {
		g[0] = (uint8_t)(nc->suite.dh->id >> 8);
		g[1] = (uint8_t)nc->suite.dh->id;
		ike_pld_put_notify(&c, 0, type, g, 2);
	} else
		ike_pld_put_notify(&c, 0, type, NULL, 0);
	return (ike_sa_send_enc(sa, IKE_CREATE_CHILD_SA, 1, m->hdr.msgid,
	    inner, w.off, c.first, now));
}

/*
 * Which slot the peer's request is for: the one whose Child SA its
 * REKEY_SA names, or for a new one (*fresh) the one ike_child_pick
 * finds.  0, or the notify to refuse with.
 */
static uint16_t
ike_child_which(struct ike_sa *sa, const struct ike_msg *m,
    struct ike_child *nc, int *fresh, size_t *slot)
{
	const struct ike_notify	*n = ike_msg_notify(m, IKE_N_REKEY_SA);
	int			 i;

	memset(nc, 0, sizeof(*nc));
	*fresh = n == NULL;
	if (n != NULL && (i = ike_child_named(sa, n)) < 0)
		return (IKE_N_CHILD_SA_NOT_FOUND);
	if (n == NULL && (i = ike_child_pick(sa, m->tsi, m->ntsi, m->tsr,
	    m->ntsr, &nc->tsi, &nc->tsr)) < 0)
		return (IKE_N_TS_UNACCEPTABLE);
	*slot = (size_t)i;
	nc->def = &sa->peer->child[i];
	return (0);
}

/* Is our own outstanding exchange for the same slot, of the same kind? */
static int
ike_child_colliding(const struct ike_sa *sa, size_t i, int fresh)
{
	return (sa->xslot == i && sa->pending == (fresh ?
	    IKE_PEND_NEW_CHILD : IKE_PEND_REKEY_CHILD));
}

/* Responder: a request for a new Child SA or a rekey. */
int
ike_child_recv_request(struct ike_sa *sa, const struct ike_msg *m,
    uint64_t now)
{
	struct ike_slot		*s;
	struct ike_child	 nc;
	struct ike_dhkey	*dh = NULL;
	struct ike_buf		*nr, *ni = NULL, *gir = NULL;
	uint8_t			 inner[IKE_MAX_MSG];
	struct ike_wr		 w;
	struct ike_chain	 c;
	uint16_t		 refuse;
	size_t			 i = 0;
	int			 fresh, rv;

	if (m->nprops > 0 && m->props[0].proto == IKE_PROTO_IKE)
		return (ike_child_ike_request(sa, m, now));
	if (sa->pending == IKE_PEND_REKEY_IKE || sa->rekeyed != NULL)
		return (ike_child_refuse(sa, m, IKE_N_TEMPORARY_FAILURE, NULL,
		    now));
	if ((refuse = ike_child_which(sa, m, &nc, &fresh, &i)) != 0)
		return (ike_child_refuse(sa, m, refuse, NULL, now));
	s = &sa->slot[i];
	if ((nr = ike_buf_random(IKE_CHILD_NONCE)) == NULL)
		return (IKE_E_NOMEM);
	ike_wr_init(&w, inner, sizeof(inner));
	ike_pld_chain(&c, &w, IKE_CHAIN_FIRST);
	if ((refuse = ike_child_answer(sa, m, &nc, fresh, &dh, nr, &w,
	    &c)) != 0) {
		rv = ike_child_refuse(sa, m, refuse, &nc, now);
		goto done;
	}
	if ((rv = ike_child_pfs(&nc.suite, m, &dh, &gir)) != IKE_OK ||
	    (ni = ike_buf_dup(m->nonce, m->noncelen)) == NULL ||
	    (rv = ike_sa_send_enc(sa, IKE_CREATE_CHILD_SA, 1, m->hdr.msgid,
	    inner, w.off, c.first, now)) != IKE_OK)
		goto done;
	if ((rv = ike_sa_install(sa, &nc, gir, ni, nr)) != IKE_OK)
		goto done;
	/* A rekey's old Child SA waits for the Delete; so does one the
	   peer made anew for a slot that had one (it gave that one up). */
	ike_sa_retire(sa, &s->old, &s->cur);
	s->cur = nc;
	s->tries = 0;
	s->create_at = 0;
	if (ike_child_colliding(sa, i, fresh))
		ike_child_note_collision(sa, ni, nr);
	if (fresh)
		ike_log(IKE_LOG_INFO, "peer %s: Child SA %zu created by the "
		    "peer", sa->peer->name, i + 1);
done:
	ike_dh_free(dh);
	ike_buf_free(gir);
	ike_buf_free(ni);
	ike_buf_free(nr);
	return (rv);
}

/* The responder's refusal, if it sent one (3.10.1). */
static int
ike_child_refused(const struct ike_msg *m)
{
	static const struct {
		uint16_t	type;
		int		err;
	} map[] = {
		{ IKE_N_NO_PROPOSAL_CHOSEN,	IKE_E_NOPROP },
		{ IKE_N_TS_UNACCEPTABLE,	IKE_E_TS },
		{ IKE_N_INVALID_KE_PAYLOAD,	IKE_E_KE },
		{ IKE_N_INVALID_SYNTAX,		IKE_E_SYNTAX },
		{ IKE_N_TEMPORARY_FAILURE,	IKE_E_BUSY },
	};
	size_t	i;

	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (ike_msg_notify(m, map[i].type) != NULL)
			return (map[i].err);
	for (i = 0; i < m->nn; i++)
		if (m->n[i].type < IKE_N_INITIAL_CONTACT)
			return (IKE_E_PEER);
	return (IKE_OK);
}

/*
 * Initiator: what the responder chose for definition d; install, then
 * delete the old.  A new Child SA's selectors must lie within the ones
 * we proposed.
 */
static int
ike_child_take(struct ike_sa *sa, const struct ike_msg *m,
    const struct ike_child_def *d, int fresh, struct ike_child *nc,
    struct ike_buf **gir)
{
	struct ike_prop	ours[IKE_MAX_PROPS];
	int		rv;

	memset(nc, 0, sizeof(*nc));
	nc->def = d;
	nc->we_init = 1;
	if ((rv = ike_child_refused(m)) != IKE_OK)
		return (rv);
	if (!IKE_SEEN(m, IKE_PLD_SA) || m->nprops != 1 ||
	    !IKE_SEEN(m, IKE_PLD_NONCE) || !IKE_SEEN(m, IKE_PLD_TSI) ||
	    !IKE_SEEN(m, IKE_PLD_TSR))
		return (IKE_E_SYNTAX);
	if (ike_alg_match(ours, ike_child_props(d, NULL, 0, ours), m->props, 1,
	    &nc->suite) != IKE_OK || nc->suite.spisize != 4)
		return (IKE_E_NOPROP);
	if ((rv = ike_child_pfs(&nc->suite, m, &sa->rk.dh, gir)) != IKE_OK)
		return (rv);
	nc->tsi = m->tsi[0];
	nc->tsr = m->tsr[0];
	if (fresh && (ike_ts_narrow(m->tsi, 1, d->ts_local, d->nts_local,
	    &nc->tsi) || ike_ts_narrow(m->tsr, 1, d->ts_remote,
	    d->nts_remote, &nc->tsr)))
		return (IKE_E_TS);
	nc->spi_in = sa->rk.spi;
	nc->spi_out = ike_child_spi_val(nc->suite.spi);
	return (IKE_OK);
}

/*
 * Our exchange for slot s completed with new child nc.  Without a
 * collision a rekey's old one goes.  With one (2.8.1): if our exchange
 * holds the lowest nonce, ours is redundant and we delete it; else we
 * keep ours, delete the old one if any, and the peer deletes the one
 * it made.
 */
static int
ike_child_settle(struct ike_sa *sa, struct ike_slot *s,
    const struct ike_child *nc, int rekey, const struct ike_buf *nr,
    uint64_t now)
{
	const struct ike_buf	*ours;

	if (sa->coll_min == NULL) {
		ike_sa_retire(sa, &s->old, &s->cur);
		s->cur = *nc;
		return (rekey ? ike_info_delete_child(sa, &s->old, now) :
		    IKE_OK);
	}
	ours = ike_child_nonce_min(sa->rk.ni, nr);
	if (ike_child_nonce_cmp(ours, sa->coll_min) < 0) {
		ike_sa_retire(sa, &s->extra, nc);
		return (ike_info_delete_child(sa, &s->extra, now));
	}
	ike_sa_retire(sa, &s->extra, &s->cur);	/* the peer's; it deletes it */
	s->cur = *nc;
	return (rekey ? ike_info_delete_child(sa, &s->old, now) : IKE_OK);
}

/* A refused or failed exchange for slot s: try again later. */
static void
ike_child_again(struct ike_sa *sa, struct ike_slot *s, int rekey, int err,
    uint64_t now)
{
	size_t	i = (size_t)(s - sa->slot);

	if (rekey) {
		ike_log(IKE_LOG_INFO, "peer %s: Child SA %zu rekey refused: "
		    "%s", sa->peer->name, i + 1, ike_strerror(err));
		if (s->cur.installed && s->cur.def->life_seconds)
			s->cur.rekey_at = now + IKE_CHILD_RETRY_MS;
		return;
	}
	ike_log(IKE_LOG_INFO, "peer %s: Child SA %zu not created: %s",
	    sa->peer->name, i + 1, ike_strerror(err));
	s->tries++;
	ike_sa_plan_create(sa, i, now);
}

int
ike_child_recv_response(struct ike_sa *sa, const struct ike_msg *m,
    uint64_t now)
{
	struct ike_slot		*s = &sa->slot[sa->xslot];
	struct ike_child	 nc;
	struct ike_buf		*gir = NULL, *nr = NULL;
	int			 rv, rekey, made = 0;

	if (sa->pending == IKE_PEND_REKEY_IKE) {
		sa->pending = IKE_PEND_NONE;
		return (ike_child_ike_response(sa, m, now));
	}
	if (sa->pending != IKE_PEND_REKEY_CHILD &&
	    sa->pending != IKE_PEND_NEW_CHILD)
		return (IKE_E_STATE);
	rekey = sa->pending == IKE_PEND_REKEY_CHILD;
	sa->pending = IKE_PEND_NONE;
	if ((rv = ike_child_take(sa, m, &sa->peer->child[sa->xslot], !rekey,
	    &nc, &gir)) != IKE_OK)
		goto done;
	if ((nr = ike_buf_dup(m->nonce, m->noncelen)) == NULL) {
		rv = IKE_E_NOMEM;
		goto done;
	}
	if ((rv = ike_sa_install(sa, &nc, gir, sa->rk.ni, nr)) != IKE_OK)
		goto done;
	made = 1;
	if (!rekey) {
		s->tries = 0;
		ike_log(IKE_LOG_INFO, "peer %s: Child SA %zu created",
		    sa->peer->name, sa->xslot + 1);
	}
	rv = ike_child_settle(sa, s, &nc, rekey, nr, now);
done:
	if (!made)
		ike_child_again(sa, s, rekey, rv, now);
	ike_child_rekey_clear(sa);
	ike_buf_free(gir);
	ike_buf_free(nr);
	return (rv);
}

/* ---- rekeying the IKE SA itself (RFC 7296 1.3.2, 2.18) ---- */

/*
 * The new IKE SA: the side that began the rekey is its initiator.
 * It takes over the Child SAs, and the ones still to create; a
 * collision's redundant Child SA stays and goes with the old IKE SA,
 * on both ends.  The old one only waits for its delete.
 */
static struct ike_sa *
ike_child_successor(struct ike_sa *old, int we_began,
    const struct ike_suite *s, const uint8_t *spii, const uint8_t *spir,
    const struct ike_buf *gir, const struct ike_buf *ni,
    const struct ike_buf *nr)
{
	struct ike_sa	*sa;
	size_t		 i;

	if ((sa = ike_sa_new(old->peer, old->kern, &old->io, we_began)) ==
	    NULL)
		return (NULL);
	memcpy(sa->spii, spii, 8);
	memcpy(sa->spir, spir, 8);
	sa->suite = *s;
	sa->group = s->dh->id;
	if ((sa->ni = ike_buf_dup(ni->p, ni->len)) == NULL ||
	    (sa->nr = ike_buf_dup(nr->p, nr->len)) == NULL ||
	    ike_crypto_ike_rekeys(s, old->suite.prf, old->keys.d, gir, ni, nr,
	    spii, spir, &sa->keys) != IKE_OK) {
		ike_sa_free(sa);
		return (NULL);
	}
	sa->state = IKE_ST_ESTABLISHED;
	sa->up_since = old->up_since;
	sa->now = old->now;
	sa->last_rx = old->last_rx;
	sa->rekey_at = old->peer->lifetime ? old->now +
	    old->peer->lifetime * 900ULL : 0;
	for (i = 0; i < sa->nslot && i < old->nslot; i++) {	/* moved */
		sa->slot[i] = old->slot[i];
		memset(&sa->slot[i].extra, 0, sizeof(sa->slot[i].extra));
		old->slot[i].cur.installed = 0;
		old->slot[i].old.installed = 0;
		old->slot[i].create_at = 0;
		/* One the old IKE SA was still creating: again, later. */
		if (i < old->peer->nchild && !ike_sa_slot_up(sa, i) &&
		    sa->slot[i].create_at == 0)
			ike_sa_plan_create(sa, i, old->now);
	}
	old->rekeyed = sa;
	return (sa);
}

/* Begin: SA with our new SPI, Ni, KEi (1.3.2). */
int
ike_child_rekey_ike(struct ike_sa *sa, uint64_t now)
{
	struct ike_prop	 props[IKE_MAX_PROPS];
	uint8_t		 inner[IKE_MAX_MSG];
	struct ike_wr	 w;
	struct ike_chain c;
	size_t		 i;
	int		 rv;

	if (sa->state != IKE_ST_ESTABLISHED || sa->rekeyed != NULL)
		return (IKE_E_STATE);
	if (sa->x.req != NULL)
		return (IKE_E_BUSY);
	ike_child_rekey_clear(sa);
	if ((sa->rk.ni = ike_buf_random(IKE_CHILD_NONCE)) == NULL ||
	    ike_sa_new_spi(sa->rk.ike_spi) == 0 ||
	    ike_sa_new_spi(sa->rk.ike_spi + 4) == 0)
		return (IKE_E_NOMEM);
	if ((rv = ike_dh_new(sa->suite.dh, &sa->rk.dh)) != IKE_OK)
		return (rv);
	for (i = 0; i < sa->peer->nprops; i++) {
		props[i] = sa->peer->props[i];
		props[i].spisize = 8;
		memcpy(props[i].spi, sa->rk.ike_spi, 8);
	}
	ike_wr_init(&w, inner, sizeof(inner));
	ike_pld_chain(&c, &w, IKE_CHAIN_FIRST);
	ike_pld_put_sa(&c, props, sa->peer->nprops);
	ike_pld_put_nonce(&c, sa->rk.ni);
	if ((rv = ike_child_put_ke(&c, sa->rk.dh, sa->suite.dh->id)) != IKE_OK)
		return (rv);
	if (w.err != IKE_OK)
		return (w.err);
	if ((rv = ike_sa_send_enc(sa, IKE_CREATE_CHILD_SA, 0, sa->x.next_id,
	    inner, w.off, c.first, now)) == IKE_OK)
		sa->pending = IKE_PEND_REKEY_IKE;
	return (rv);
}

/* Responder: choose, derive, answer with our new SPI. */
static int
ike_child_ike_request(struct ike_sa *sa, const struct ike_msg *m,
    uint64_t now)
{
	struct ike_suite s;
	struct ike_prop	 prop;
	struct ike_dhkey *dh = NULL;
	struct ike_buf	*gir = NULL, *ni = NULL, *nr = NULL;
	uint8_t		 inner[IKE_MAX_MSG], spir[8];
	struct ike_wr	 w;
	struct ike_chain c;
	int		 rv;

	/* Both ends rekeying the IKE SA: each refuses, both retry (2.25). */
	if (sa->pending == IKE_PEND_REKEY_IKE || sa->rekeyed != NULL)
		return (ike_child_refuse(sa, m, IKE_N_TEMPORARY_FAILURE, NULL,
		    now));
	if (ike_alg_match(sa->peer->props, sa->peer->nprops, m->props,
	    m->nprops, &s) != IKE_OK || s.spisize != 8)
		return (ike_child_refuse(sa, m, IKE_N_NO_PROPOSAL_CHOSEN, NULL,
		    now));
	if (!IKE_SEEN(m, IKE_PLD_NONCE) || !IKE_SEEN(m, IKE_PLD_KE) ||
	    m->ke_group != s.dh->id) {
		struct ike_child nc = { .suite = s };

		return (ike_child_refuse(sa, m, IKE_N_INVALID_KE_PAYLOAD, &nc,
		    now));
	}
	rv = IKE_E_NOMEM;
	if (ike_sa_new_spi(spir) == 0 || ike_sa_new_spi(spir + 4) == 0 ||
	    (nr = ike_buf_random(IKE_CHILD_NONCE)) == NULL ||
	    (ni = ike_buf_dup(m->nonce, m->noncelen)) == NULL)
		goto done;
	if ((rv = ike_child_pfs(&s, m, &dh, &gir)) != IKE_OK)
		goto done;
	ike_alg_suite_prop(&s, IKE_PROTO_IKE, spir, 8, &prop);
	ike_wr_init(&w, inner, sizeof(inner));
	ike_pld_chain(&c, &w, IKE_CHAIN_FIRST);
	ike_pld_put_sa(&c, &prop, 1);
	ike_pld_put_nonce(&c, nr);
	if ((rv = ike_child_put_ke(&c, dh, s.dh->id)) != IKE_OK ||
	    (rv = w.err) != IKE_OK)
		goto done;
	if (ike_child_successor(sa, 0, &s, s.spi, spir, gir, ni, nr) == NULL) {
		rv = IKE_E_NOMEM;
		goto done;
	}
	rv = ike_sa_send_enc(sa, IKE_CREATE_CHILD_SA, 1, m->hdr.msgid, inner,
	    w.off, c.first, now);
done:
	ike_dh_free(dh);
	ike_buf_free(gir);
	ike_buf_free(ni);
	ike_buf_free(nr);
	return (rv);
}

/* Initiator: the new IKE SA takes over; the old one is deleted. */
static int
ike_child_ike_response(struct ike_sa *sa, const struct ike_msg *m,
    uint64_t now)
{
	struct ike_suite s;
	struct ike_buf	*gir = NULL, *nr = NULL;
	int		 rv;

	if ((rv = ike_child_refused(m)) != IKE_OK)
		goto done;
	rv = IKE_E_SYNTAX;
	if (!IKE_SEEN(m, IKE_PLD_SA) || m->nprops != 1 ||
	    !IKE_SEEN(m, IKE_PLD_NONCE))
		goto done;
	rv = IKE_E_NOPROP;
	if (ike_alg_match(sa->peer->props, sa->peer->nprops, m->props, 1, &s)
	    != IKE_OK || s.spisize != 8 || s.dh->id != sa->suite.dh->id)
		goto done;
	if ((rv = ike_child_pfs(&s, m, &sa->rk.dh, &gir)) != IKE_OK)
		goto done;
	rv = IKE_E_NOMEM;
	if ((nr = ike_buf_dup(m->nonce, m->noncelen)) == NULL ||
	    ike_child_successor(sa, 1, &s, sa->rk.ike_spi, s.spi, gir,
	    sa->rk.ni, nr) == NULL)
		goto done;
	rv = ike_info_delete_ike(sa, now);
done:
	if (rv != IKE_OK) {
		ike_log(IKE_LOG_INFO, "peer %s: IKE SA rekey failed: %s",
		    sa->peer->name, ike_strerror(rv));
		if (sa->rekeyed == NULL && sa->peer->lifetime)
			sa->rekey_at = now + IKE_CHILD_RETRY_MS;
	}
	ike_child_rekey_clear(sa);
	ike_buf_free(gir);
	ike_buf_free(nr);
	return (rv);
}
