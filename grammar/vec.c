/*
 * grammar/vec.c: the small containers of the model: a growable pointer
 * array, a string-keyed hash index, and owned strings.
 */
#include <stdlib.h>
#include <string.h>

#include "grammar/model.h"

int
vec_push(struct ios_vec *v, void *p)
{
	return vec_insert(v, v->n, p);
}

int
vec_insert(struct ios_vec *v, size_t at, void *p)
{
	void	**nv;
	size_t	  ncap;

	if (at > v->n)
		at = v->n;
	if (v->n == v->cap) {
		ncap = v->cap ? v->cap * 2 : 4;
		nv = realloc(v->v, ncap * sizeof(*nv));
		if (nv == NULL)
			return -1;
		v->v = nv;
		v->cap = ncap;
	}
	if (at < v->n)
		memmove(&v->v[at + 1], &v->v[at], (v->n - at) * sizeof(*v->v));
	v->v[at] = p;
	v->n++;
	return 0;
}

void
vec_remove(struct ios_vec *v, size_t at)
{
	if (at >= v->n)
		return;
	memmove(&v->v[at], &v->v[at + 1], (v->n - at - 1) * sizeof(*v->v));
	v->n--;
}

void
vec_free(struct ios_vec *v, void (*fn)(void *))
{
	size_t	 i;

	if (fn != NULL)
		for (i = 0; i < v->n; i++)
			fn(v->v[i]);
	free(v->v);
	memset(v, 0, sizeof(*v));
}

char *
vec_strdup_push(struct ios_vec *v, const char *s)
{
	char	*d;

	if ((d = strdup(s)) == NULL)
		return NULL;
	if (vec_push(v, d) == -1) {
		free(d);
		return NULL;
	}
	return d;
}

/* FNV-1a: short keys, no adversary worth a keyed hash here. */
static uint32_t
index_hash(const char *s)
{
	uint32_t	 h = 2166136261u;

	while (*s != '\0') {
		h ^= (unsigned char)*s++;
		h *= 16777619u;
	}
	return h | 1;		/* 0 marks a free slot */
}

static int
index_grow(struct ios_index *ix)
{
	struct ios_index_slot	*old = ix->slots, *s;
	size_t			 oldcap = ix->cap, i, j;

	ix->cap = oldcap ? oldcap * 2 : 64;
	ix->slots = calloc(ix->cap, sizeof(*ix->slots));
	if (ix->slots == NULL) {
		ix->slots = old;
		ix->cap = oldcap;
		return -1;
	}
	ix->n = 0;
	for (i = 0; i < oldcap; i++) {
		if (old[i].hash == 0 || old[i].key == NULL)
			continue;
		ix->n++;
		j = old[i].hash & (ix->cap - 1);
		while (ix->slots[j].hash != 0)
			j = (j + 1) & (ix->cap - 1);
		s = &ix->slots[j];
		*s = old[i];
	}
	free(old);
	return 0;
}

/* The slot for key, or the free slot where it would go. */
static struct ios_index_slot *
index_find(const struct ios_index *ix, const char *key, uint32_t h)
{
	size_t	 j;

	if (ix->cap == 0)
		return NULL;
	j = h & (ix->cap - 1);
	while (ix->slots[j].hash != 0) {
		if (ix->slots[j].hash == h && ix->slots[j].key != NULL &&
		    strcmp(ix->slots[j].key, key) == 0)
			return &ix->slots[j];
		j = (j + 1) & (ix->cap - 1);
	}
	return &ix->slots[j];
}

int
index_put(struct ios_index *ix, const char *key, void *val)
{
	struct ios_index_slot	*s;
	uint32_t		 h = index_hash(key);
	char			*k;

	if ((ix->n + 1) * 4 >= ix->cap * 3 && index_grow(ix) == -1)
		return -1;
	s = index_find(ix, key, h);
	if (s->hash != 0) {
		s->val = val;
		return 0;
	}
	if ((k = strdup(key)) == NULL)
		return -1;
	s->hash = h;
	s->key = k;
	s->val = val;
	ix->n++;
	return 0;
}

void *
index_get(const struct ios_index *ix, const char *key)
{
	struct ios_index_slot	*s;

	s = index_find(ix, key, index_hash(key));
	if (s == NULL || s->hash == 0)
		return NULL;
	return s->val;
}

/*
 * Deletion leaves a tombstone (hash set, key NULL) so that probe chains
 * stay whole; tombstones go away at the next growth.
 */
int
index_del(struct ios_index *ix, const char *key)
{
	struct ios_index_slot	*s;

	s = index_find(ix, key, index_hash(key));
	if (s == NULL || s->hash == 0)
		return -1;
	free((char *)s->key);
	s->key = NULL;
	s->val = NULL;
	return 0;
}

void
index_free(struct ios_index *ix)
{
	size_t	 i;

	for (i = 0; i < ix->cap; i++)
		free((char *)ix->slots[i].key);
	free(ix->slots);
	memset(ix, 0, sizeof(*ix));
}

void
str_set(char **dst, const char *s)
{
	free(*dst);
	*dst = s != NULL ? strdup(s) : NULL;
}

void
str_wipe_free(char *s)
{
	if (s == NULL)
		return;
	explicit_bzero(s, strlen(s));
	free(s);
}

void
psk_set(struct ios_psk *p, int type, const char *key)
{
	str_wipe_free(p->key);
	p->key = key != NULL ? strdup(key) : NULL;
	p->keytype = type;
}

void
psk_clear(struct ios_psk *p)
{
	str_wipe_free(p->key);
	p->key = NULL;
	p->keytype = 0;
}
