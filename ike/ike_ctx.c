/*
 * ike/ike_ctx.c: the daemon's table of IKE SAs.
 *
 * A datagram goes to the SA whose SPIs and peer address it carries; an
 * IKE_SA_INIT request from a configured peer with no SA yet starts a
 * responder.  Dead SAs are reaped on tick.
 * XXX: a linear table; a hash on SPIi when peers are many.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <openssl/rand.h>

#include "ike/ike.h"

void
ike_ctx_init(struct ike_ctx *ctx, struct ike_peer *peers, size_t npeers,
    struct kernel *kern, const struct ike_io *io)
{
	size_t	i;

	memset(ctx, 0, sizeof(*ctx));
	ctx->peers = peers;
	ctx->npeers = npeers < IKE_CTX_MAX_PEERS ? npeers : IKE_CTX_MAX_PEERS;
	ctx->kern = kern;
	for (i = 0; i < ctx->npeers; i++)
		ctx->io[i] = io[i];
	ctx->halfopen_max = IKE_CTX_MAX_SA / 4;
	if (RAND_bytes(ctx->cookie_secret, sizeof(ctx->cookie_secret)) != 1)
		ctx->halfopen_max = 0;	/* no secret: cookies always */
}

/* Responder SAs still waiting for IKE_AUTH. */
static size_t
ike_ctx_halfopen(const struct ike_ctx *ctx)
{
	size_t	i, n = 0;

	for (i = 0; i < ctx->nsa; i++)
		n += ctx->sa[i]->state == IKE_ST_INIT_DONE;
	return (n);
}

static int
ike_ctx_add(struct ike_ctx *ctx, struct ike_sa *sa)
{
	if (ctx->nsa >= IKE_CTX_MAX_SA) {
		ike_sa_free(sa);
		return (IKE_E_SPACE);
	}
	ctx->sa[ctx->nsa++] = sa;
	return (IKE_OK);
}

/* Start an IKE SA with peer i as initiator. */
int
ike_ctx_initiate(struct ike_ctx *ctx, size_t i, uint64_t now)
{
	struct ike_sa	*sa;
	int		 rv;

	if (i >= ctx->npeers)
		return (IKE_E_INVAL);
	if ((sa = ike_sa_new(&ctx->peers[i], ctx->kern, &ctx->io[i], 1)) ==
	    NULL)
		return (IKE_E_NOMEM);
	if ((rv = ike_ctx_add(ctx, sa)) != IKE_OK)
		return (rv);
	return (ike_sa_start(sa, now));
}

static int
ike_ctx_addr_eq(const struct k_addr *a, const struct k_addr *b)
{
	size_t	len = a->family == AF_INET ? 4 : 16;

	return (a->family == b->family &&
	    memcmp(a->u.bytes, b->u.bytes, len) == 0);
}

static int
ike_ctx_has(const struct ike_ctx *ctx, const struct ike_sa *sa)
{
	size_t	i;

	for (i = 0; i < ctx->nsa; i++)
		if (ctx->sa[i] == sa)
			return (1);
	return (0);
}

static struct ike_sa *
ike_ctx_lookup(const struct ike_ctx *ctx, const struct k_addr *from,
    const struct ike_hdr *h)
{
	size_t	i;

	for (i = 0; i < ctx->nsa; i++)
		if (memcmp(ctx->sa[i]->spii, h->spii, 8) == 0 &&
		    ike_ctx_addr_eq(&ctx->sa[i]->peer->remote, from))
			return (ctx->sa[i]);
	return (NULL);
}

static int
ike_ctx_peer(const struct ike_ctx *ctx, const struct k_addr *from)
{
	size_t	i;

	for (i = 0; i < ctx->npeers; i++)
		if (ike_ctx_addr_eq(&ctx->peers[i].remote, from))
			return ((int)i);
	return (-1);
}

/* One datagram, and the path it came along. */
int
ike_ctx_recv(struct ike_ctx *ctx, const struct ike_path *path,
    const uint8_t *p, size_t len, uint64_t now)
{
	const struct k_addr	*from = &path->remote;
	struct ike_hdr	 h;
	struct ike_sa	*sa;
	struct ike_cookie ck;
	int		 rv, i;

	if ((rv = ike_msg_hdr(p, len, &h)) != IKE_OK) {
		ike_debug("%s: dropped: %s", __func__, ike_strerror(rv));
		return (rv);
	}
	if ((sa = ike_ctx_lookup(ctx, from, &h)) != NULL) {
		rv = ike_sa_recv_path(sa, path, p, len, now);
		if (sa->rekeyed != NULL && !ike_ctx_has(ctx, sa->rekeyed))
			ike_ctx_add(ctx, sa->rekeyed);	/* IKE SA rekeyed */
		return (rv);
	}
	if (h.xchg != IKE_SA_INIT || (h.flags & IKE_F_RESPONSE) ||
	    (i = ike_ctx_peer(ctx, from)) < 0) {
		ike_debug("%s: no SA for this datagram", __func__);
		return (IKE_E_STATE);
	}
	ck.required = ike_ctx_halfopen(ctx) >= ctx->halfopen_max;
	ck.secret = ctx->cookie_secret;
	ck.from = from;
	ck.path = path;
	sa = ike_init_accept(&ctx->peers[i], ctx->kern, &ctx->io[i], p, len,
	    &ck, now, &rv);
	if (sa == NULL)
		return (rv);
	return (ike_ctx_add(ctx, sa));
}

/* The SA with peer i that is not dead, if any. */
struct ike_sa *
ike_ctx_find_peer(const struct ike_ctx *ctx, size_t i)
{
	size_t	j;

	for (j = 0; j < ctx->nsa; j++)
		if (ctx->sa[j]->peer == &ctx->peers[i] &&
		    ctx->sa[j]->state != IKE_ST_DEAD)
			return (ctx->sa[j]);
	return (NULL);
}

/* Run timers, reap dead SAs; returns when to come back. */
uint64_t
ike_ctx_tick(struct ike_ctx *ctx, uint64_t now)
{
	uint64_t	next = UINT64_MAX, due;
	size_t		i = 0;

	while (i < ctx->nsa) {
		ike_sa_tick(ctx->sa[i], now);
		if (ctx->sa[i]->state == IKE_ST_DEAD) {
			ike_sa_free(ctx->sa[i]);
			ctx->sa[i] = ctx->sa[--ctx->nsa];
			continue;
		}
		if ((due = ike_sa_next_due(ctx->sa[i])) < next)
			next = due;
		i++;
	}
	return (next);
}

void
ike_ctx_free(struct ike_ctx *ctx)
{
	size_t	i;

	for (i = 0; i < ctx->nsa; i++)
		ike_sa_free(ctx->sa[i]);
	ctx->nsa = 0;
}
