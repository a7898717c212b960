/*
 * backend/kstate.c: a set of kernel objects, one array per kind.
 *
 * The desired state the compiler builds, and what iosh owns in the
 * kernel as the applier reads it, are both a kstate.  Its canonical
 * text form is the list of `ip` commands that create it, kinds in
 * dependency order and objects sorted by identity within a kind.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "backend/backend.h"

struct kstate_set {
	struct kobj	*v;
	size_t		 n, cap;
	int		 sorted;
};

struct kstate {
	struct kstate_set	set[KOBJ_NKINDS];
};

struct kstate *
kstate_new(void)
{
	return calloc(1, sizeof(struct kstate));
}

void
kstate_free(struct kstate *ks)
{
	size_t	i;
	int	k;

	if (ks == NULL)
		return;
	for (k = 0; k < KOBJ_NKINDS; k++) {
		for (i = 0; i < ks->set[k].n; i++)
			free(ks->set[k].v[i].origin);
		free(ks->set[k].v);
	}
	free(ks);
}

static int
kstate_grow(struct kstate_set *s)
{
	struct kobj	*v;
	size_t		 cap;

	if (s->n < s->cap)
		return 0;
	cap = s->cap ? s->cap * 2 : 16;
	if ((v = realloc(s->v, cap * sizeof(*v))) == NULL)
		return -ENOMEM;
	s->v = v;
	s->cap = cap;
	return 0;
}

/* Add a copy of o (and of its origin). */
int
kstate_add(struct kstate *ks, const struct kobj *o)
{
	struct kstate_set	*s;
	struct kobj		*n;

	if (o->kind < 0 || o->kind >= KOBJ_NKINDS)
		return -EINVAL;
	s = &ks->set[o->kind];
	if (kstate_grow(s) != 0)
		return -ENOMEM;
	n = &s->v[s->n];
	*n = *o;
	n->origin = NULL;
	if (o->origin != NULL && (n->origin = strdup(o->origin)) == NULL)
		return -ENOMEM;
	s->n++;
	s->sorted = 0;
	return 0;
}

int
kstate_add_policy(struct kstate *ks, const struct k_policy *p,
    const char *origin)
{
	struct kobj	o = { .kind = KOBJ_POLICY };

	o.origin = (char *)origin;
	o.u.policy = *p;
	return kstate_add(ks, &o);
}

int
kstate_add_link(struct kstate *ks, const struct k_link *l,
    const char *origin)
{
	struct kobj	o = { .kind = KOBJ_LINK };

	o.origin = (char *)origin;
	o.u.link = *l;
	return kstate_add(ks, &o);
}

int
kstate_add_addr(struct kstate *ks, const struct k_ifaddr *a,
    const char *origin)
{
	struct kobj	o = { .kind = KOBJ_ADDR };

	o.origin = (char *)origin;
	o.u.addr = *a;
	return kstate_add(ks, &o);
}

int
kstate_add_route(struct kstate *ks, const struct k_route *r,
    const char *origin)
{
	struct kobj	o = { .kind = KOBJ_ROUTE };

	o.origin = (char *)origin;
	o.u.route = *r;
	return kstate_add(ks, &o);
}

static int
kstate_qcmp(const void *a, const void *b)
{
	return kobj_key_cmp(a, b);
}

/* Sort every kind by identity; -EEXIST if two objects share one. */
int
kstate_sort(struct kstate *ks)
{
	struct kstate_set	*s;
	size_t			 i;
	int			 k;

	for (k = 0; k < KOBJ_NKINDS; k++) {
		s = &ks->set[k];
		if (s->sorted)
			continue;
		if (s->n > 1)
			qsort(s->v, s->n, sizeof(*s->v), kstate_qcmp);
		for (i = 1; i < s->n; i++)
			if (kobj_key_cmp(&s->v[i - 1], &s->v[i]) == 0)
				return -EEXIST;
		s->sorted = 1;
	}
	return 0;
}

static struct kobj *
kstate_lookup(struct kstate_set *s, const struct kobj *key)
{
	size_t	i, lo, hi, mid;
	int	c;

	if (!s->sorted) {
		for (i = 0; i < s->n; i++)
			if (kobj_key_cmp(&s->v[i], key) == 0)
				return &s->v[i];
		return NULL;
	}
	lo = 0;
	hi = s->n;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = kobj_key_cmp(&s->v[mid], key);
		if (c == 0)
			return &s->v[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The object with the identity of key, or NULL. */
struct kobj *
kstate_find(struct kstate *ks, const struct kobj *key)
{
	if (key->kind < 0 || key->kind >= KOBJ_NKINDS)
		return NULL;
	return kstate_lookup(&ks->set[key->kind], key);
}

/* Remove the object with the identity of key; -ENOENT if none. */
int
kstate_del(struct kstate *ks, const struct kobj *key)
{
	struct kstate_set	*s;
	struct kobj		*o;
	size_t			 i;

	if ((o = kstate_find(ks, key)) == NULL)
		return -ENOENT;
	s = &ks->set[key->kind];
	i = o - s->v;
	free(o->origin);
	memmove(o, o + 1, (s->n - i - 1) * sizeof(*o));
	s->n--;
	return 0;
}

size_t
kstate_count(const struct kstate *ks, int kind)
{
	if (kind < 0 || kind >= KOBJ_NKINDS)
		return 0;
	return ks->set[kind].n;
}

const struct kobj *
kstate_get(const struct kstate *ks, int kind, size_t i)
{
	if (kind < 0 || kind >= KOBJ_NKINDS || i >= ks->set[kind].n)
		return NULL;
	return &ks->set[kind].v[i];
}

/* Write the canonical text form: one `ip` command per line. */
int
kstate_write(struct kstate *ks, FILE *f)
{
	char	line[1024];
	size_t	i;
	int	k, error;

	if ((error = kstate_sort(ks)) != 0)
		return error;
	for (k = 0; k < KOBJ_NKINDS; k++) {
		for (i = 0; i < ks->set[k].n; i++) {
			error = kobj_fmt(&ks->set[k].v[i], KOBJ_ADD, line,
			    sizeof(line));
			if (error != 0)
				return error;
			if (fprintf(f, "%s\n", line) < 0)
				return -EIO;
		}
	}
	return 0;
}
