/*
 * ike/ike_ctx.c: the daemon's table of IKE SAs.
 *
 * A datagram goes to the SA whose SPIi and peer address it carries; an
 * IKE_SA_INIT request from a configured peer with no SA yet starts a
 * responder.  However many peers and SAs there are, nothing here walks
 * them all for one datagram or one tick:
 * - a hash on SPIi finds a datagram's SA.  SPIi is chosen by the peer,
 *   so the hash is multiply-shift with a random odd multiplier (a
 *   universal family: a peer cannot aim its SPIs at one bucket);
 * - a hash on the remote address finds a configured peer, and a list
 *   per peer holds its SAs, oldest first;
 * - a min-heap on each SA's next timer (ike_sa_next_due) lets a tick
 *   run only the SAs that are due.
 * An SA's timers move when it sends or receives.  The table looks again
 * after each call it makes on an SA; a caller that acts on an SA itself
 * (a delete from the console) says so with ike_ctx_changed(), and a
 * sweep of every SA's timers catches what nobody said: on every tick
 * while the table is small (as cheap as the heap there), once a second
 * past IKE_CTX_SWEEP_ALL SAs.  Dead SAs are reaped on tick.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <openssl/rand.h>

#include "ike/ike.h"

#define IKE_CTX_SWEEP_MS	1000
#define IKE_CTX_SWEEP_ALL	64	/* up to this many: every tick */
#define IKE_CTX_MIN_SLOTS	16

struct ike_ctx_ent {
	struct ike_sa		*sa;
	struct ike_ctx_ent	*hnext;		/* same SPIi bucket */
	struct ike_ctx_ent	*pprev, *pnext;	/* same peer */
	struct ike_ctx_ent	*batch;		/* due in this tick */
	size_t			 idx;		/* in ctx->sa */
	size_t			 hpos;		/* in the heap */
	size_t			 peer;
	uint64_t		 due;
	uint8_t			 halfopen;	/* counted in halfopen */
};

struct ike_ctx_list {
	struct ike_ctx_ent	*head, *tail;
};

struct ike_ctx_tab {
	struct ike_ctx_ent	**ent;		/* ent[i] is ctx->sa[i]'s */
	struct ike_ctx_ent	**heap;		/* earliest due first */
	size_t			  cap;		/* of sa, ent and heap */
	struct ike_ctx_ent	**bucket;	/* by SPIi */
	unsigned		  bits;		/* 1 << bits buckets */
	struct ike_ctx_list	 *bypeer;	/* npeers lists */
	int			 *pbucket;	/* peers by remote address */
	int			 *pnext;
	unsigned		  pbits;
	uint64_t		  mul;		/* odd; the hash's key */
	size_t			  halfopen;	/* responders before AUTH */
	uint64_t		  sweep_at;
};

static uint64_t
ike_ctx_hash(const struct ike_ctx_tab *t, const uint8_t *p, size_t len)
{
	uint64_t	x = 0, w;
	size_t		i;

	for (i = 0; i < len; i += 8) {
		w = 0;
		memcpy(&w, p + i, len - i < 8 ? len - i : 8);
		x = (x ^ w) * t->mul;
	}
	return (x);
}

static size_t
ike_ctx_slot(const struct ike_ctx_tab *t, const uint8_t *spii)
{
	return ((size_t)(ike_ctx_hash(t, spii, 8) >> (64 - t->bits)));
}

static size_t
ike_ctx_pslot(const struct ike_ctx_tab *t, const struct k_addr *a)
{
	return ((size_t)(ike_ctx_hash(t, a->u.bytes, a->family == AF_INET ?
	    4 : 16) >> (64 - t->pbits)));
}

static int
ike_ctx_addr_eq(const struct k_addr *a, const struct k_addr *b)
{
	size_t	len = a->family == AF_INET ? 4 : 16;

	return (a->family == b->family &&
	    memcmp(a->u.bytes, b->u.bytes, len) == 0);
}

static unsigned
ike_ctx_bits(size_t n)
{
	unsigned	bits = 4;

	while (((size_t)1 << bits) < n)
		bits++;
	return (bits);
}

/* Peers by remote address; each chain in ascending order. */
static int
ike_ctx_peers_index(struct ike_ctx *ctx)
{
	struct ike_ctx_tab	*t = ctx->tab;
	size_t			 i, n = ctx->npeers, s;

	t->pbits = ike_ctx_bits(n);
	t->pbucket = malloc(((size_t)1 << t->pbits) * sizeof(int));
	t->pnext = calloc(n ? n : 1, sizeof(int));
	t->bypeer = calloc(n ? n : 1, sizeof(*t->bypeer));
	if (t->pbucket == NULL || t->pnext == NULL || t->bypeer == NULL)
		return (IKE_E_NOMEM);
	memset(t->pbucket, 0xff, ((size_t)1 << t->pbits) * sizeof(int));
	for (i = n; i-- > 0; ) {
		s = ike_ctx_pslot(t, &ctx->peers[i].remote);
		t->pnext[i] = t->pbucket[s];
		t->pbucket[s] = (int)i;
	}
	return (IKE_OK);
}

static int
ike_ctx_tab_new(struct ike_ctx *ctx)
{
	struct ike_ctx_tab	*t;
	size_t			 n = ctx->npeers ? ctx->npeers : 1;

	if ((t = ctx->tab = calloc(1, sizeof(*t))) == NULL ||
	    (ctx->io = calloc(n, sizeof(*ctx->io))) == NULL)
		return (IKE_E_NOMEM);
	if (RAND_bytes((uint8_t *)&t->mul, sizeof(t->mul)) != 1)
		return (IKE_E_CRYPTO);
	t->mul |= 1;
	t->cap = IKE_CTX_MIN_SLOTS;
	t->bits = ike_ctx_bits(t->cap);
	ctx->sa = calloc(t->cap, sizeof(*ctx->sa));
	t->ent = calloc(t->cap, sizeof(*t->ent));
	t->heap = calloc(t->cap, sizeof(*t->heap));
	t->bucket = calloc((size_t)1 << t->bits, sizeof(*t->bucket));
	if (ctx->sa == NULL || t->ent == NULL || t->heap == NULL ||
	    t->bucket == NULL)
		return (IKE_E_NOMEM);
	return (ike_ctx_peers_index(ctx));
}

/* Returns IKE_E_NOMEM (or IKE_E_CRYPTO) and an empty table on failure. */
int
ike_ctx_init(struct ike_ctx *ctx, struct ike_peer *peers, size_t npeers,
    struct kernel *kern, const struct ike_io *io)
{
	size_t	i;
	int	rv;

	memset(ctx, 0, sizeof(*ctx));
	if (npeers > (size_t)INT32_MAX)
		return (IKE_E_INVAL);
	ctx->peers = peers;
	ctx->npeers = npeers;
	ctx->kern = kern;
	if ((rv = ike_ctx_tab_new(ctx)) != IKE_OK) {
		ike_log(IKE_LOG_ERR, "%s: %s", __func__, ike_strerror(rv));
		ike_ctx_free(ctx);
		ctx->npeers = 0;
		return (rv);
	}
	for (i = 0; io != NULL && i < npeers; i++)
		ctx->io[i] = io[i];
	ctx->halfopen_max = IKE_CTX_HALFOPEN;
	if (RAND_bytes(ctx->cookie_secret, sizeof(ctx->cookie_secret)) != 1)
		ctx->halfopen_max = 0;	/* no secret: cookies always */
	return (IKE_OK);
}

/* ---- the timer heap ---- */

static void
ike_ctx_heap_put(struct ike_ctx_tab *t, struct ike_ctx_ent *e, size_t i)
{
	t->heap[i] = e;
	e->hpos = i;
}

static void
ike_ctx_heap_up(struct ike_ctx_tab *t, struct ike_ctx_ent *e)
{
	size_t	i = e->hpos;

	while (i > 0 && t->heap[(i - 1) / 2]->due > e->due) {
		ike_ctx_heap_put(t, t->heap[(i - 1) / 2], i);
		i = (i - 1) / 2;
	}
	ike_ctx_heap_put(t, e, i);
}

static void
ike_ctx_heap_down(struct ike_ctx_tab *t, size_t n, struct ike_ctx_ent *e)
{
	size_t	i = e->hpos, c;

	while ((c = 2 * i + 1) < n) {
		if (c + 1 < n && t->heap[c + 1]->due < t->heap[c]->due)
			c++;
		if (t->heap[c]->due >= e->due)
			break;
		ike_ctx_heap_put(t, t->heap[c], i);
		i = c;
	}
	ike_ctx_heap_put(t, e, i);
}

static void
ike_ctx_heap_set(struct ike_ctx *ctx, struct ike_ctx_ent *e, uint64_t due)
{
	uint64_t	old = e->due;

	e->due = due;
	if (due < old)
		ike_ctx_heap_up(ctx->tab, e);
	else if (due > old)
		ike_ctx_heap_down(ctx->tab, ctx->nsa, e);
}

/* Look at an SA again after something happened to it. */
static void
ike_ctx_note(struct ike_ctx *ctx, struct ike_ctx_ent *e)
{
	struct ike_sa	*sa = e->sa;
	uint8_t		 ho = sa->state == IKE_ST_INIT_DONE;

	ctx->tab->halfopen = ctx->tab->halfopen - e->halfopen + ho;
	e->halfopen = ho;
	ike_ctx_heap_set(ctx, e, sa->state == IKE_ST_DEAD ? 0 :
	    ike_sa_next_due(sa));
}

/* ---- adding and removing SAs ---- */

static int
ike_ctx_grow(struct ike_ctx *ctx)
{
	struct ike_ctx_tab	*t = ctx->tab;
	size_t			 cap = t->cap * 2;
	void			*p;

	if ((p = realloc(ctx->sa, cap * sizeof(*ctx->sa))) == NULL)
		return (IKE_E_NOMEM);
	ctx->sa = p;
	if ((p = realloc(t->ent, cap * sizeof(*t->ent))) == NULL)
		return (IKE_E_NOMEM);
	t->ent = p;
	if ((p = realloc(t->heap, cap * sizeof(*t->heap))) == NULL)
		return (IKE_E_NOMEM);
	t->heap = p;
	t->cap = cap;
	return (IKE_OK);
}

/* More buckets once there are more SAs than buckets; failure is slow,
 * not wrong. */
static void
ike_ctx_rehash(struct ike_ctx *ctx)
{
	struct ike_ctx_tab	*t = ctx->tab;
	struct ike_ctx_ent	**b, *e;
	size_t			 i, s;

	if ((b = calloc((size_t)2 << t->bits, sizeof(*b))) == NULL)
		return;
	free(t->bucket);
	t->bucket = b;
	t->bits++;
	for (i = 0; i < ctx->nsa; i++) {
		e = t->ent[i];
		s = ike_ctx_slot(t, e->sa->spii);
		e->hnext = b[s];
		b[s] = e;
	}
}

static void
ike_ctx_link(struct ike_ctx *ctx, struct ike_ctx_ent *e)
{
	struct ike_ctx_tab	*t = ctx->tab;
	struct ike_ctx_list	*l = &t->bypeer[e->peer];
	size_t			 s = ike_ctx_slot(t, e->sa->spii);

	e->hnext = t->bucket[s];
	t->bucket[s] = e;
	e->pprev = l->tail;
	if (l->tail != NULL)
		l->tail->pnext = e;
	else
		l->head = e;
	l->tail = e;
}

static void
ike_ctx_unlink(struct ike_ctx *ctx, struct ike_ctx_ent *e)
{
	struct ike_ctx_tab	*t = ctx->tab;
	struct ike_ctx_list	*l = &t->bypeer[e->peer];
	struct ike_ctx_ent	**pp;

	pp = &t->bucket[ike_ctx_slot(t, e->sa->spii)];
	while (*pp != e)
		pp = &(*pp)->hnext;
	*pp = e->hnext;
	if (e->pprev != NULL)
		e->pprev->pnext = e->pnext;
	else
		l->head = e->pnext;
	if (e->pnext != NULL)
		e->pnext->pprev = e->pprev;
	else
		l->tail = e->pprev;
}

/* Take sa into the table; NULL (sa not taken) when out of memory. */
static struct ike_ctx_ent *
ike_ctx_add(struct ike_ctx *ctx, struct ike_sa *sa)
{
	struct ike_ctx_tab	*t = ctx->tab;
	struct ike_ctx_ent	*e;

	if (t == NULL || (ctx->nsa == t->cap && ike_ctx_grow(ctx) != IKE_OK)
	    || (e = calloc(1, sizeof(*e))) == NULL)
		return (NULL);
	if (ctx->nsa >= ((size_t)1 << t->bits))
		ike_ctx_rehash(ctx);
	e->sa = sa;
	e->peer = (size_t)(sa->peer - ctx->peers);
	e->idx = ctx->nsa;
	ctx->sa[ctx->nsa] = sa;
	t->ent[ctx->nsa] = e;
	ike_ctx_link(ctx, e);
	e->due = UINT64_MAX;
	ike_ctx_heap_put(t, e, ctx->nsa);
	ctx->nsa++;
	ike_ctx_note(ctx, e);
	return (e);
}

static void
ike_ctx_remove(struct ike_ctx *ctx, struct ike_ctx_ent *e)
{
	struct ike_ctx_tab	*t = ctx->tab;
	struct ike_ctx_ent	*last;

	ike_ctx_unlink(ctx, e);
	t->halfopen -= e->halfopen;
	last = t->heap[ctx->nsa - 1];
	if (last != e) {
		ike_ctx_heap_put(t, last, e->hpos);
		ike_ctx_heap_up(t, last);
		ike_ctx_heap_down(t, ctx->nsa - 1, last);
	}
	last = t->ent[--ctx->nsa];
	ctx->sa[e->idx] = last->sa;
	t->ent[e->idx] = last;
	last->idx = e->idx;
	ike_sa_free(e->sa);
	free(e);
}

static struct ike_ctx_ent *
ike_ctx_lookup(const struct ike_ctx *ctx, const struct k_addr *from,
    const uint8_t *spii)
{
	const struct ike_ctx_tab	*t = ctx->tab;
	struct ike_ctx_ent		*e;

	if (t == NULL)
		return (NULL);
	for (e = t->bucket[ike_ctx_slot(t, spii)]; e != NULL; e = e->hnext)
		if (memcmp(e->sa->spii, spii, 8) == 0 &&
		    ike_ctx_addr_eq(&e->sa->peer->remote, from))
			return (e);
	return (NULL);
}

static struct ike_ctx_ent *
ike_ctx_entry(const struct ike_ctx *ctx, const struct ike_sa *sa)
{
	const struct ike_ctx_tab	*t = ctx->tab;
	struct ike_ctx_ent		*e;

	if (t == NULL)
		return (NULL);
	e = t->bucket[ike_ctx_slot(t, sa->spii)];
	while (e != NULL && e->sa != sa)
		e = e->hnext;
	return (e);
}

/* The IKE SA that replaced sa (2.18) joins the table. */
static void
ike_ctx_adopt(struct ike_ctx *ctx, struct ike_sa *sa)
{
	struct ike_sa	*n = sa->rekeyed;

	if (n == NULL || ike_ctx_entry(ctx, n) != NULL)
		return;
	if (ike_ctx_add(ctx, n) == NULL)
		/* XXX: out of memory: the new SA is kept by nobody; freeing
		 * it would leave sa->rekeyed dangling. */
		ike_log(IKE_LOG_ERR, "%s: peer %s: out of memory", __func__,
		    n->peer->name);
}

/* ---- what the daemon calls ---- */

/* Start an IKE SA with peer i as initiator. */
int
ike_ctx_initiate(struct ike_ctx *ctx, size_t i, uint64_t now)
{
	struct ike_ctx_ent	*e;
	struct ike_sa		*sa;
	int			 rv;

	if (i >= ctx->npeers)
		return (IKE_E_INVAL);
	if ((sa = ike_sa_new(&ctx->peers[i], ctx->kern, &ctx->io[i], 1)) ==
	    NULL)
		return (IKE_E_NOMEM);
	if ((e = ike_ctx_add(ctx, sa)) == NULL) {
		ike_sa_free(sa);
		return (IKE_E_NOMEM);
	}
	rv = ike_sa_start(sa, now);
	ike_ctx_note(ctx, e);
	return (rv);
}

/* The first peer after peer `after` (-1: from the start) whose remote
 * address is a; -1 if none. */
int
ike_ctx_peer_next(const struct ike_ctx *ctx, const struct k_addr *a,
    int after)
{
	const struct ike_ctx_tab	*t = ctx->tab;
	int				 i;

	if (t == NULL || t->pbucket == NULL)
		return (-1);
	for (i = t->pbucket[ike_ctx_pslot(t, a)]; i >= 0; i = t->pnext[i])
		if (i > after && ike_ctx_addr_eq(&ctx->peers[i].remote, a))
			return (i);
	return (-1);
}

/* One datagram, and the path it came along. */
int
ike_ctx_recv(struct ike_ctx *ctx, const struct ike_path *path,
    const uint8_t *p, size_t len, uint64_t now)
{
	const struct k_addr	*from = &path->remote;
	struct ike_ctx_ent	*e;
	struct ike_hdr		 h;
	struct ike_sa		*sa;
	struct ike_cookie	 ck;
	int			 rv, i;

	if ((rv = ike_msg_hdr(p, len, &h)) != IKE_OK) {
		ike_debug("%s: dropped: %s", __func__, ike_strerror(rv));
		return (rv);
	}
	if ((e = ike_ctx_lookup(ctx, from, h.spii)) != NULL) {
		rv = ike_sa_recv_path(e->sa, path, p, len, now);
		ike_ctx_adopt(ctx, e->sa);
		ike_ctx_note(ctx, e);
		return (rv);
	}
	if (h.xchg != IKE_SA_INIT || (h.flags & IKE_F_RESPONSE) ||
	    (i = ike_ctx_peer_next(ctx, from, -1)) < 0) {
		ike_debug("%s: no SA for this datagram", __func__);
		return (IKE_E_STATE);
	}
	ck.required = ctx->tab->halfopen >= ctx->halfopen_max;
	ck.secret = ctx->cookie_secret;
	ck.from = from;
	ck.path = path;
	sa = ike_init_accept(&ctx->peers[i], ctx->kern, &ctx->io[i], p, len,
	    &ck, now, &rv);
	if (sa == NULL)
		return (rv);
	if (ike_ctx_add(ctx, sa) == NULL) {
		ike_sa_free(sa);
		return (IKE_E_NOMEM);
	}
	return (IKE_OK);
}

/* The oldest SA with peer i that is not dead, if any. */
struct ike_sa *
ike_ctx_find_peer(const struct ike_ctx *ctx, size_t i)
{
	struct ike_ctx_ent	*e;

	if (ctx->tab == NULL || i >= ctx->npeers)
		return (NULL);
	for (e = ctx->tab->bypeer[i].head; e != NULL; e = e->pnext)
		if (e->sa->state != IKE_ST_DEAD)
			return (e->sa);
	return (NULL);
}

/* Something outside the table acted on sa (sent a request, failed it):
 * its timers are looked at again now rather than at the next sweep. */
void
ike_ctx_changed(struct ike_ctx *ctx, struct ike_sa *sa)
{
	struct ike_ctx_ent	*e = ike_ctx_entry(ctx, sa);

	if (e == NULL)
		return;
	ike_ctx_adopt(ctx, sa);
	ike_ctx_note(ctx, e);
}

static void
ike_ctx_sweep(struct ike_ctx *ctx, uint64_t now)
{
	size_t	i;

	for (i = 0; i < ctx->nsa; i++) {
		ike_ctx_adopt(ctx, ctx->sa[i]);
		ike_ctx_note(ctx, ctx->tab->ent[i]);
	}
	ctx->tab->sweep_at = now + IKE_CTX_SWEEP_MS;
}

static void
ike_ctx_run(struct ike_ctx *ctx, struct ike_ctx_ent *e, uint64_t now)
{
	struct ike_sa	*sa = e->sa;

	if (sa->state != IKE_ST_DEAD)
		ike_sa_tick(sa, now);
	ike_ctx_adopt(ctx, sa);
	if (sa->state == IKE_ST_DEAD)
		ike_ctx_remove(ctx, e);
	else
		ike_ctx_note(ctx, e);
}

/* Run the timers that are due, reap dead SAs; returns when to come
 * back. */
uint64_t
ike_ctx_tick(struct ike_ctx *ctx, uint64_t now)
{
	struct ike_ctx_tab	*t = ctx->tab;
	struct ike_ctx_ent	*e, *due = NULL;

	if (t == NULL)
		return (UINT64_MAX);
	if (now >= t->sweep_at || ctx->nsa <= IKE_CTX_SWEEP_ALL)
		ike_ctx_sweep(ctx, now);
	while (ctx->nsa > 0 && t->heap[0]->due <= now) {
		e = t->heap[0];
		ike_ctx_heap_set(ctx, e, UINT64_MAX);	/* each runs once */
		e->batch = due;
		due = e;
	}
	while ((e = due) != NULL) {
		due = e->batch;
		ike_ctx_run(ctx, e, now);
	}
	if (ctx->nsa > 0 && t->heap[0]->due < t->sweep_at)
		return (t->heap[0]->due);
	return (t->sweep_at);
}

/* How many responder SAs wait for IKE_AUTH (cookies past halfopen_max). */
size_t
ike_ctx_halfopen(const struct ike_ctx *ctx)
{
	return (ctx->tab != NULL ? ctx->tab->halfopen : 0);
}

void
ike_ctx_free(struct ike_ctx *ctx)
{
	struct ike_ctx_tab	*t = ctx->tab;
	size_t			 i;

	for (i = 0; i < ctx->nsa; i++) {
		ike_sa_free(ctx->sa[i]);
		free(t->ent[i]);
	}
	ctx->nsa = 0;
	if (t != NULL) {
		free(t->ent);
		free(t->heap);
		free(t->bucket);
		free(t->bypeer);
		free(t->pbucket);
		free(t->pnext);
		free(t);
	}
	free(ctx->sa);
	free(ctx->io);
	ctx->tab = NULL;
	ctx->sa = NULL;
	ctx->io = NULL;
}
