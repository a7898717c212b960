/*
 * backend/compile_ike.c: the IKE peers of a config.
 *
 * A crypto map entry or a protected tunnel asks for an IKE SA between
 * two addresses; the peer for that pair is made once, from the IKEv2
 * profile (compile_v2.c) or the IKEv1 syntax (compile_v1.c) the
 * protection names, and each asker adds its Child SA definitions.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "backend/compile_priv.h"

static const struct ikev2_profile *
compile_find_v2(const struct ios_config *cfg, const char *name)
{
	return model_ikev2_profile(CFG_LOOKUP(cfg), name, 0);
}

static const struct isakmp_profile *
compile_find_v1(const struct ios_config *cfg, const char *name)
{
	return model_isakmp_profile(CFG_LOOKUP(cfg), name, 0);
}

static uint32_t
compile_pidx_hash(const struct k_addr *l, const struct k_addr *r)
{
	return compile_hash(r->u.bytes, sizeof(r->u.bytes),
	    compile_hash(l->u.bytes, sizeof(l->u.bytes), 2166136261u));
}

/* The slot of the peer between e's addresses, or the free slot. */
static size_t *
compile_pidx_slot(struct compile_ctx *c, const struct k_addr *l,
    const struct k_addr *r)
{
	struct compile_pidx	*x = &c->pidx;
	struct ike_peer		*p;
	size_t			 j;

	for (j = compile_pidx_hash(l, r) & (x->cap - 1); x->v[j] != 0;
	    j = (j + 1) & (x->cap - 1)) {
		p = &c->out->peers[x->v[j] - 1];
		if (kobj_addr_cmp(&p->local, l) == 0 &&
		    kobj_addr_cmp(&p->remote, r) == 0)
			break;
	}
	return &x->v[j];
}

/* Room for one more peer in the index; 0 or -ENOMEM. */
static int
compile_pidx_grow(struct compile_ctx *c)
{
	struct compile_pidx	old = c->pidx;
	size_t			i;

	if ((c->out->npeers + 1) * 2 <= old.cap)
		return 0;
	c->pidx.cap = old.cap ? old.cap * 2 : 64;
	if ((c->pidx.v = calloc(c->pidx.cap, sizeof(size_t))) == NULL) {
		c->pidx = old;
		return (c->err = -ENOMEM);
	}
	for (i = 0; i < c->out->npeers; i++)
		*compile_pidx_slot(c, &c->out->peers[i].local,
		    &c->out->peers[i].remote) = i + 1;
	free(old.v);
	return 0;
}

void
compile_pidx_free(struct compile_pidx *x)
{
	free(x->v);
	x->v = NULL;
	x->cap = 0;
}

static struct ike_peer *
compile_peer_slot(struct compile_ctx *c)
{
	struct compile_out	*o = c->out;
	struct compile_psrc	*s;
	struct ike_peer		*v;
	size_t			 cap;

	if (o->npeers == c->cap_peers) {
		cap = c->cap_peers ? c->cap_peers * 2 : 8;
		if ((v = realloc(o->peers, cap * sizeof(*v))) != NULL)
			o->peers = v;
		if ((s = realloc(c->psrc, cap * sizeof(*s))) != NULL)
			c->psrc = s;
		if (v == NULL || s == NULL) {
			c->err = -ENOMEM;
			return NULL;
		}
		c->cap_peers = cap;
	}
	v = &o->peers[o->npeers];
	memset(v, 0, sizeof(*v));
	return v;
}

/*
 * Fill p from the profile prot names: 1 for IKEv1 syntax, 0 for IKEv2,
 * -1 (with a diagnostic) when the IKE side is incomplete.
 */
static int
compile_peer_fill(struct compile_ctx *c, struct ike_peer *p,
    const struct compile_ends *e, const struct compile_prot *prot)
{
	const struct ikev2_profile	*v2;
	const struct isakmp_profile	*v1;
	const char			*n;

	if ((n = prot->ikev2_profile) != NULL) {
		if ((v2 = compile_find_v2(c->cfg, n)) != NULL)
			return compile_v2_peer(c, p, e, v2);
		if ((v1 = compile_find_v1(c->cfg, n)) == NULL) {
			compile_diag(c, COMPILE_WARN, prot->line, "set "
			    "ikev2-profile %s: IKEv2 profile %s does not "
			    "exist", n, n);
			return -1;
		}
		compile_diag(c, COMPILE_WARN, prot->line, "set ikev2-profile "
		    "%s names no crypto ikev2 profile but a crypto isakmp "
		    "profile; iosh uses the isakmp profile", n);
		return compile_v1_peer(c, p, e, v1) == 0 ? 1 : -1;
	}
	v1 = NULL;
	if ((n = prot->isakmp_profile) != NULL &&
	    (v1 = compile_find_v1(c->cfg, n)) == NULL) {
		compile_diag(c, COMPILE_WARN, prot->line, "set isakmp-profile "
		    "%s: ISAKMP profile %s does not exist", n, n);
		return -1;
	}
	return compile_v1_peer(c, p, e, v1) == 0 ? 1 : -1;
}

static int
compile_streq(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* A second use of peer i must name the same IKE settings. */
static void
compile_peer_same(struct compile_ctx *c, size_t i,
    const struct compile_ends *e, const struct compile_prot *prot)
{
	const struct compile_psrc	*s = &c->psrc[i];

	if (compile_streq(s->ikev2_profile, prot->ikev2_profile) &&
	    compile_streq(s->isakmp_profile, prot->isakmp_profile))
		return;
	compile_diag(c, COMPILE_WARN, e->line, "peer %s is also used with "
	    "other IKE settings (%s%s); iosh keeps those of its first use",
	    c->out->peers[i].name, prot->ikev2_profile ?
	    "set ikev2-profile " : prot->isakmp_profile ?
	    "set isakmp-profile " : "no IKE profile", prot->ikev2_profile ?
	    prot->ikev2_profile : prot->isakmp_profile ?
	    prot->isakmp_profile : "");
}

/*
 * The IKE peer for e, made now from what prot names if there is none
 * yet; NULL when the IKE side cannot be compiled (diagnosed).
 */
struct ike_peer *
compile_peer(struct compile_ctx *c, const struct compile_ends *e,
    const struct compile_prot *prot)
{
	struct ike_peer	*p;
	size_t		*slot;
	char		 a[INET6_ADDRSTRLEN];
	int		 v1;

	if (compile_pidx_grow(c) != 0)
		return NULL;
	if (*(slot = compile_pidx_slot(c, &e->local, &e->remote)) != 0) {
		compile_peer_same(c, *slot - 1, e, prot);
		return &c->out->peers[*slot - 1];
	}
	if ((p = compile_peer_slot(c)) == NULL)
		return NULL;
	compile_addr_str(&e->remote, a, sizeof(a));
	snprintf(p->name, sizeof(p->name), "%s", a);
	p->local = e->local;
	p->remote = e->remote;
	p->local_port = 500;
	p->remote_port = 500;
	if ((v1 = compile_peer_fill(c, p, e, prot)) < 0) {
		ike_peer_free_secrets(p);
		return NULL;
	}
	if (v1)
		compile_diag(c, COMPILE_NOTE, e->line, "peer %s is configured "
		    "with IKEv1 (isakmp) syntax; iosh negotiates it with "
		    "IKEv2", a);
	c->psrc[c->out->npeers].ikev2_profile = prot->ikev2_profile;
	c->psrc[c->out->npeers].isakmp_profile = prot->isakmp_profile;
	*compile_pidx_slot(c, &e->local, &e->remote) = ++c->out->npeers;
	return p;
}

/* Add def to p's Child SAs; -1 (diagnosed) when p has no room. */
int
compile_child_add(struct compile_ctx *c, struct ike_peer *p,
    const struct ike_child_def *def, const char *line)
{
	if (p->nchild == IKE_MAX_CHILD) {
		/* XXX: struct ike_peer holds IKE_MAX_CHILD definitions. */
		compile_diag(c, COMPILE_WARN, line, "peer %s already has %d "
		    "Child SAs; this one is not negotiated (its traffic is "
		    "dropped, not sent in clear)", p->name, IKE_MAX_CHILD);
		return -1;
	}
	p->child[p->nchild++] = *def;
	return 0;
}
