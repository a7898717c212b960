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
	size_t	i;

	for (i = 0; i < cfg->ikev2_profiles.n; i++) {
		const struct ikev2_profile	*p = cfg->ikev2_profiles.v[i];

		if (strcmp(p->name, name) == 0)
			return p;
	}
	return NULL;
}

static const struct isakmp_profile *
compile_find_v1(const struct ios_config *cfg, const char *name)
{
	size_t	i;

	for (i = 0; i < cfg->isakmp_profiles.n; i++) {
		const struct isakmp_profile	*p = cfg->isakmp_profiles.v[i];

		if (strcmp(p->name, name) == 0)
			return p;
	}
	return NULL;
}

static struct ike_peer *
compile_peer_find(struct compile_ctx *c, const struct compile_ends *e)
{
	size_t	i;

	for (i = 0; i < c->out->npeers; i++) {
		struct ike_peer	*p = &c->out->peers[i];

		if (kobj_addr_cmp(&p->local, &e->local) == 0 &&
		    kobj_addr_cmp(&p->remote, &e->remote) == 0)
			return p;
	}
	return NULL;
}

static struct ike_peer *
compile_peer_slot(struct compile_ctx *c)
{
	struct compile_out	*o = c->out;
	struct ike_peer		*v;
	size_t			 cap;

	if (o->npeers == c->cap_peers) {
		cap = c->cap_peers ? c->cap_peers * 2 : 8;
		if ((v = realloc(o->peers, cap * sizeof(*v))) == NULL) {
			c->err = -ENOMEM;
			return NULL;
		}
		o->peers = v;
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

/*
 * The IKE peer for e, made now from what prot names if there is none
 * yet; NULL when the IKE side cannot be compiled (diagnosed).
 */
struct ike_peer *
compile_peer(struct compile_ctx *c, const struct compile_ends *e,
    const struct compile_prot *prot)
{
	struct ike_peer	*p;
	char		 a[INET6_ADDRSTRLEN];
	int		 v1;

	if ((p = compile_peer_find(c, e)) != NULL)
		return p;
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
	c->out->npeers++;
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
