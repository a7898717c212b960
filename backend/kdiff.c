/*
 * backend/kdiff.c: the steps that turn what iosh owns in the kernel
 * into the desired state.
 *
 * Order: removals first, kinds in reverse dependency order (policies,
 * routes, addresses, links), then additions and changes in dependency
 * order (links, addresses, routes, policies).  An object that cannot
 * be changed in place is removed and added again, and so are the
 * addresses and routes on a link that is removed or made anew: the
 * kernel would drop them with the link.
 *
 * Other side effects (routes the kernel drops when an address goes or
 * a physical link goes down) are not foreseen here; kapply checks for
 * them after the fact.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend/backend.h"

struct kdiff_vec {
	struct kdiff	*d;
	size_t		 cap;
};

static int
kdiff_push(struct kdiff_vec *vec, int verb, const struct kobj *want,
    const struct kobj *have)
{
	struct kdiff_step	*v;
	size_t			 cap;

	if (vec->d->n == vec->cap) {
		cap = vec->cap ? vec->cap * 2 : 32;
		if ((v = realloc(vec->d->v, cap * sizeof(*v))) == NULL)
			return -ENOMEM;
		vec->d->v = v;
		vec->cap = cap;
	}
	v = &vec->d->v[vec->d->n++];
	v->verb = verb;
	v->want = want;
	v->have = have;
	return 0;
}

/* The link an address or route is on, or NULL. */
static const char *
kdiff_dev(const struct kobj *o)
{
	if (o->kind == KOBJ_ADDR)
		return o->u.addr.dev;
	if (o->kind == KOBJ_ROUTE && o->u.route.oif[0] != '\0')
		return o->u.route.oif;
	return NULL;
}

/* Whether the link h (in the kernel) is on is removed by the diff. */
static int
kdiff_link_goes(struct kstate *want, struct kstate *have,
    const struct kobj *h)
{
	const char	*dev = kdiff_dev(h);
	struct kobj	 key, *hl, *wl;

	if (dev == NULL)
		return 0;
	memset(&key, 0, sizeof(key));
	key.kind = KOBJ_LINK;
	snprintf(key.u.link.name, sizeof(key.u.link.name), "%s", dev);
	if ((hl = kstate_find(have, &key)) == NULL ||
	    hl->u.link.kind == K_LINK_PHYS)
		return 0;
	wl = kstate_find(want, &key);
	return wl == NULL || kobj_needs_readd(wl, hl);
}

/* Whether h must go, to make way for w (NULL: not wanted). */
static int
kdiff_goes(struct kstate *want, struct kstate *have, const struct kobj *w,
    const struct kobj *h)
{
	return w == NULL || kobj_needs_readd(w, h) ||
	    kdiff_link_goes(want, have, h);
}

static int
kdiff_removals(struct kdiff_vec *vec, struct kstate *want,
    struct kstate *have, int kind)
{
	const struct kobj	*h;
	struct kobj		*w;
	size_t			 i;
	int			 error;

	for (i = 0; i < kstate_count(have, kind); i++) {
		h = kstate_get(have, kind, i);
		w = kstate_find(want, h);
		if (!kdiff_goes(want, have, w, h))
			continue;
		if ((error = kdiff_push(vec, KOBJ_DEL, NULL, h)) != 0)
			return error;
	}
	return 0;
}

static int
kdiff_additions(struct kdiff_vec *vec, struct kstate *want,
    struct kstate *have, int kind)
{
	const struct kobj	*w;
	struct kobj		*h;
	size_t			 i;
	int			 error = 0;

	for (i = 0; i < kstate_count(want, kind) && error == 0; i++) {
		w = kstate_get(want, kind, i);
		h = kstate_find(have, w);
		if (h == NULL || kdiff_goes(want, have, w, h))
			error = kdiff_push(vec, KOBJ_ADD, w, NULL);
		else if (!kobj_same(w, h))
			error = kdiff_push(vec, KOBJ_CHANGE, w, h);
	}
	return error;
}

/*
 * The steps from have to want.  Both are sorted; the steps point into
 * them, so neither may change while d is in use.  -EEXIST when want
 * holds two objects with the same identity.
 */
int
kdiff_make(struct kstate *want, struct kstate *have, struct kdiff *d)
{
	struct kdiff_vec	vec = { d, 0 };
	int			k, error;

	d->v = NULL;
	d->n = 0;
	if ((error = kstate_sort(want)) != 0 ||
	    (error = kstate_sort(have)) != 0)
		return error;
	for (k = KOBJ_NKINDS - 1; k >= 0; k--)
		if ((error = kdiff_removals(&vec, want, have, k)) != 0)
			goto done;
	for (k = 0; k < KOBJ_NKINDS; k++)
		if ((error = kdiff_additions(&vec, want, have, k)) != 0)
			goto done;
done:
	if (error != 0)
		kdiff_free(d);
	return error;
}

void
kdiff_free(struct kdiff *d)
{
	free(d->v);
	d->v = NULL;
	d->n = 0;
}

/* The object a step works on: the wanted one, or for removal the old. */
const struct kobj *
kdiff_obj(const struct kdiff_step *s)
{
	return s->want != NULL ? s->want : s->have;
}

/* The steps as `ip` commands, one per line (some objects take two). */
int
kdiff_write(const struct kdiff *d, FILE *f)
{
	char	line[1024];
	size_t	i;
	int	error;

	for (i = 0; i < d->n; i++) {
		error = kobj_fmt(kdiff_obj(&d->v[i]), d->v[i].verb, line,
		    sizeof(line));
		if (error != 0)
			return error;
		if (fprintf(f, "%s\n", line) < 0)
			return -EIO;
	}
	return 0;
}
