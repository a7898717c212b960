/*
 * backend/compile_id.c: identities that tie kernel objects to config
 * objects (reqids, if_ids), and the set of kernel object keys that
 * keeps the desired state free of duplicates.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "backend/compile_priv.h"

/* FNV-1a, 32 bits; h is 2166136261 to start. */
uint32_t
compile_hash(const void *p, size_t len, uint32_t h)
{
	const uint8_t	*b = p;

	while (len-- > 0) {
		h ^= *b++;
		h *= 16777619u;
	}
	return h;
}

/* Open addressing over uint32 values; 0 marks a free slot. */
static int
compile_ids_grow(struct compile_ids *ids)
{
	struct compile_ids	n = { 0 };
	size_t			i, j;

	if ((ids->n + 1) * 2 <= ids->cap)
		return 0;
	n.cap = ids->cap ? ids->cap * 2 : 64;
	if ((n.v = calloc(n.cap, sizeof(*n.v))) == NULL)
		return -ENOMEM;
	for (i = 0; i < ids->cap; i++) {
		if (ids->v[i] == 0)
			continue;
		for (j = ids->v[i] & (n.cap - 1); n.v[j] != 0;
		    j = (j + 1) & (n.cap - 1))
			;
		n.v[j] = ids->v[i];
	}
	n.n = ids->n;
	free(ids->v);
	*ids = n;
	return 0;
}

/* 1 when v was taken already, else 0 (and v is now taken). */
static int
compile_ids_take(struct compile_ids *ids, uint32_t v)
{
	size_t	j;

	for (j = v & (ids->cap - 1); ids->v[j] != 0; j = (j + 1) &
	    (ids->cap - 1))
		if (ids->v[j] == v)
			return 1;
	ids->v[j] = v;
	ids->n++;
	return 0;
}

/*
 * The reqid of the object called name: a hash of the name, so that it
 * stays put while the object lives; the next free value on a collision.
 * 0 only when out of memory.
 */
uint32_t
compile_reqid(struct compile_ctx *c, const char *name)
{
	uint32_t	v;

	if (compile_ids_grow(&c->reqids) != 0) {
		c->err = -ENOMEM;
		return 0;
	}
	v = compile_hash(name, strlen(name), 2166136261u) & 0x7fffffffu;
	while (v == 0 || compile_ids_take(&c->reqids, v))
		v = (v + 1) & 0x7fffffffu;
	return v;
}

/* The if_id of TunnelN: N + 1; 0 for other names. */
int
compile_if_id(const char *ios)
{
	char	*end;
	long	 n;

	if (strncmp(ios, "Tunnel", 6) != 0)
		return 0;
	n = strtol(ios + 6, &end, 10);
	if (end == ios + 6 || *end != '\0' || n < 0 || n > 0x7ffffffe)
		return 0;
	return (int)n + 1;
}

/* The hash of what identifies o (see kobj_key_cmp). */
static uint32_t
compile_key_hash(const struct kobj *o)
{
	const struct k_policy	*p = &o->u.policy;
	const struct k_route	*r = &o->u.route;
	uint32_t		 h;

	h = compile_hash(&o->kind, sizeof(o->kind), 2166136261u);

	switch (o->kind) {
	case KOBJ_LINK:
		return compile_hash(o->u.link.name, strlen(o->u.link.name), h);
	case KOBJ_ADDR:
		h = compile_hash(o->u.addr.dev, strlen(o->u.addr.dev), h);
		return compile_hash(o->u.addr.addr.u.bytes, 16, h);
	case KOBJ_ROUTE:
		h = compile_hash(r->dst.u.bytes, 16, h);
		h = compile_hash(&r->plen, sizeof(r->plen), h);
		return compile_hash(&r->metric, sizeof(r->metric), h);
	default:
		h = compile_hash(p->sel.src.u.bytes, 16, h);
		h = compile_hash(p->sel.dst.u.bytes, 16, h);
		h = compile_hash(&p->sel.proto, 1, h);
		h = compile_hash(&p->dir, 1, h);
		return compile_hash(&p->if_id, sizeof(p->if_id), h);
	}
}

static int
compile_seen_grow(struct compile_seen *s)
{
	struct compile_seen	ns = { 0 };
	size_t			i;

	if ((s->n + 1) * 2 <= s->cap)
		return 0;
	ns.cap = s->cap ? s->cap * 2 : 64;
	ns.v = calloc(ns.cap, sizeof(*ns.v));
	ns.used = calloc(ns.cap, 1);
	if (ns.v == NULL || ns.used == NULL) {
		compile_seen_free(&ns);
		return -ENOMEM;
	}
	for (i = 0; i < s->cap; i++) {
		size_t	j;

		if (!s->used[i])
			continue;
		j = compile_key_hash(&s->v[i]) & (ns.cap - 1);
		while (ns.used[j])
			j = (j + 1) & (ns.cap - 1);
		ns.v[j] = s->v[i];
		ns.used[j] = 1;
	}
	ns.n = s->n;
	compile_seen_free(s);
	*s = ns;
	return 0;
}

/* 0 when o is new (and now known), -EEXIST or -ENOMEM. */
int
compile_seen_add(struct compile_ctx *c, const struct kobj *o)
{
	struct compile_seen	*s = &c->seen;
	size_t			 j;

	if (compile_seen_grow(s) != 0)
		return (c->err = -ENOMEM);
	j = compile_key_hash(o) & (s->cap - 1);
	for (; s->used[j]; j = (j + 1) & (s->cap - 1))
		if (kobj_key_cmp(&s->v[j], o) == 0)
			return -EEXIST;
	s->v[j] = *o;
	s->v[j].origin = NULL;
	s->used[j] = 1;
	s->n++;
	return 0;
}

void
compile_seen_free(struct compile_seen *s)
{
	free(s->v);
	free(s->used);
	memset(s, 0, sizeof(*s));
}

/*
 * Add o to the desired state unless an object with its identity is
 * there already: 0, -EEXIST (the caller says why in IOS terms), or
 * -ENOMEM.
 */
int
compile_add(struct compile_ctx *c, struct kobj *o, const char *origin)
{
	int	error;

	if ((error = compile_seen_add(c, o)) != 0)
		return error;
	o->origin = (char *)origin;
	if (kstate_add(c->out->ks, o) != 0)
		return (c->err = -ENOMEM);
	return 0;
}
