/*
 * shell/router_sa.c: the kernel as the IKE daemon sees it, with a
 * count of the SAs each tunnel interface has.
 *
 * The IKE daemon installs and removes Child SAs through a struct
 * kernel; the router gives it this one, which passes every call on to
 * the real kernel and remembers which XFRM interface (if_id) each SA
 * it added belongs to.  A tunnel's line protocol is up while the
 * kernel holds SAs for it, so the router learns of every change here,
 * whatever the IKE daemon did (negotiated, rekeyed, deleted, failed).
 * The table is an open hash on (destination, SPI), linear probing with
 * backward-shift deletion.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "shell/router_priv.h"

static size_t
router_sa_hash(const struct k_addr *dst, uint32_t spi, size_t cap)
{
	uint32_t	h = spi * 2654435761u;
	size_t		i, len = dst->family == AF_INET ? 4 : 16;

	for (i = 0; i < len; i++)
		h = (h ^ dst->u.bytes[i]) * 16777619u;
	return h & (cap - 1);
}

static int
router_sa_same(const struct router_sa_ent *e, const struct k_addr *dst,
    uint32_t spi)
{
	size_t	len = dst->family == AF_INET ? 4 : 16;

	return e->spi == spi && e->dst.family == dst->family &&
	    memcmp(e->dst.u.bytes, dst->u.bytes, len) == 0;
}

/* The slot of (dst, spi), or the empty slot where it would go. */
static size_t
router_sa_slot(const struct router_sa *t, const struct k_addr *dst,
    uint32_t spi)
{
	size_t	i = router_sa_hash(dst, spi, t->cap);

	while (t->v[i].used && !router_sa_same(&t->v[i], dst, spi))
		i = (i + 1) & (t->cap - 1);
	return i;
}

static int
router_sa_grow(struct router_sa *t)
{
	struct router_sa_ent	*old = t->v;
	size_t			 i, ocap = t->cap;

	t->cap = ocap ? ocap * 2 : 64;
	if ((t->v = calloc(t->cap, sizeof(*t->v))) == NULL) {
		t->v = old;
		t->cap = ocap;
		return -1;
	}
	for (i = 0; i < ocap; i++)
		if (old[i].used)
			t->v[router_sa_slot(t, &old[i].dst, old[i].spi)] =
			    old[i];
	free(old);
	return 0;
}

static void
router_sa_remove(struct router_sa *t, size_t i)
{
	size_t	j = i, k;

	t->v[i].used = 0;
	for (;;) {
		j = (j + 1) & (t->cap - 1);
		if (!t->v[j].used)
			break;
		k = router_sa_hash(&t->v[j].dst, t->v[j].spi, t->cap);
		/* Move j back into the hole unless its home is in (i, j]. */
		if ((j > i && (k <= i || k > j)) ||
		    (j < i && (k <= i && k > j))) {
			t->v[i] = t->v[j];
			t->v[j].used = 0;
			i = j;
		}
	}
	t->n--;
}

static int
router_sa_add(void *arg, const struct k_sa *sa)
{
	struct router_sa	*t = arg;
	struct router_sa_ent	*e;
	int			 rc;

	rc = t->inner.ops->sa_add(t->inner.arg, sa);
	if (rc != 0 || sa->if_id == 0)
		return rc;
	if ((t->n + 1) * 2 > t->cap && router_sa_grow(t) != 0)
		return 0;	/* XXX: out of memory: the SA goes uncounted */
	e = &t->v[router_sa_slot(t, &sa->dst, sa->spi)];
	if (e->used)
		return 0;
	e->used = 1;
	e->dst = sa->dst;
	e->spi = sa->spi;
	e->if_id = sa->if_id;
	t->n++;
	if (t->fn != NULL)
		t->fn(t->arg, sa->if_id, 1);
	return 0;
}

static int
router_sa_del(void *arg, const struct k_sa_id *id)
{
	struct router_sa	*t = arg;
	uint32_t		 if_id;
	size_t			 i;
	int			 rc;

	rc = t->inner.ops->sa_del(t->inner.arg, id);
	if (t->cap == 0)
		return rc;
	i = router_sa_slot(t, &id->dst, id->spi);
	if (!t->v[i].used)
		return rc;
	if_id = t->v[i].if_id;
	router_sa_remove(t, i);
	if (t->fn != NULL)
		t->fn(t->arg, if_id, -1);
	return rc;
}

static int
router_sa_stats(void *arg, const struct k_sa_id *id, struct k_sa_stats *st)
{
	struct router_sa	*t = arg;

	if (t->inner.ops->sa_stats == NULL) {
		memset(st, 0, sizeof(*st));
		return 0;
	}
	return t->inner.ops->sa_stats(t->inner.arg, id, st);
}

static const struct kernel_ops router_sa_ops = {
	.sa_add = router_sa_add,
	.sa_del = router_sa_del,
	.sa_stats = router_sa_stats,
};

/* The kernel to give the IKE daemon: calls go on to inner. */
void
router_sa_init(struct router_sa *t, const struct kernel *inner,
    struct kernel *outer)
{
	memset(t, 0, sizeof(*t));
	t->inner = *inner;
	outer->ops = &router_sa_ops;
	outer->arg = t;
}

void
router_sa_notify(struct router_sa *t, router_sa_fn *fn, void *arg)
{
	t->fn = fn;
	t->arg = arg;
}

/* fn(arg, if_id, 1) for every SA the table holds. */
void
router_sa_each(const struct router_sa *t, router_sa_fn *fn, void *arg)
{
	size_t	i;

	for (i = 0; i < t->cap; i++)
		if (t->v[i].used)
			fn(arg, t->v[i].if_id, 1);
}

void
router_sa_free(struct router_sa *t)
{
	free(t->v);
	t->v = NULL;
	t->cap = t->n = 0;
}
