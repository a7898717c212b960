/*
 * grammar/model.c: finding, creating and deleting the objects of the
 * running configuration (grammar/model.h).
 *
 * Named objects are indexed in cfg->idx under a key made of a kind
 * letter and the name, so a lookup is one hash probe whatever the size
 * of the config.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grammar/ios.h"
#include "grammar/model.h"

/* Index kinds. */
#define K_PROP	'p'
#define K_POL	'o'
#define K_KR2	'k'
#define K_PROF2	'f'
#define K_ISAP	'i'
#define K_KR1	'r'
#define K_PROF1	'q'
#define K_TS	't'
#define K_IPSP	's'
#define K_CMAP	'm'
#define K_CMAPN	'n'
#define K_DMAP	'd'
#define K_DMAPN	'e'
#define K_IF	'x'
#define K_ACL	'a'
#define K_ROUTE	'R'
#define K_KEEP	'K'

/* Tells whoever holds o as a context that it is going away. */
static void
model_gone(struct ios_config *cfg, const void *o)
{
	if (cfg->gone != NULL && o != NULL)
		cfg->gone(cfg, o);
}

static void
model_key(char *buf, size_t len, int kind, const char *name, int num)
{
	if (name != NULL && num >= 0)
		snprintf(buf, len, "%c%s %d", kind, name, num);
	else if (name != NULL)
		snprintf(buf, len, "%c%s", kind, name);
	else
		snprintf(buf, len, "%c%d", kind, num);
}

/* Find by key; with create, make one of size sz with name set. */
static void *
model_named(struct ios_config *cfg, struct ios_vec *list, int kind,
    const char *name, int create, size_t sz)
{
	char	 key[512];
	void	*o;
	char	**namep;

	model_key(key, sizeof(key), kind, name, -1);
	if ((o = index_get(&cfg->idx, key)) != NULL || !create)
		return o;
	if ((o = calloc(1, sz)) == NULL)
		return NULL;
	namep = o;		/* every named struct starts with its name */
	if ((*namep = strdup(name)) == NULL || vec_push(list, o) == -1 ||
	    index_put(&cfg->idx, key, o) == -1) {
		if (list->n > 0 && list->v[list->n - 1] == o)
			list->n--;
		free(*namep);
		free(o);
		return NULL;
	}
	return o;
}

static void *
model_unlink(struct ios_config *cfg, struct ios_vec *list, const char *key)
{
	void	*o;
	size_t	 i;

	if ((o = index_get(&cfg->idx, key)) == NULL)
		return NULL;
	index_del(&cfg->idx, key);
	for (i = 0; i < list->n; i++)
		if (list->v[i] == o) {
			vec_remove(list, i);
			break;
		}
	model_gone(cfg, o);
	return o;
}

static void *
model_unlink_named(struct ios_config *cfg, struct ios_vec *list, int kind,
    const char *name)
{
	char	 key[512];

	model_key(key, sizeof(key), kind, name, -1);
	return model_unlink(cfg, list, key);
}

/* ------------------------------------------------------------- IKEv2 */

struct ikev2_proposal *
model_ikev2_proposal(struct ios_config *cfg, const char *name, int create)
{
	return model_named(cfg, &cfg->ikev2_proposals, K_PROP, name, create,
	    sizeof(struct ikev2_proposal));
}

static void
proposal_free(void *p)
{
	struct ikev2_proposal	*o = p;

	free(o->name);
	free(o);
}

int
model_del_ikev2_proposal(struct ios_config *cfg, const char *name)
{
	void	*o = model_unlink_named(cfg, &cfg->ikev2_proposals, K_PROP,
		    name);

	if (o == NULL)
		return -1;
	proposal_free(o);
	return 0;
}

struct ikev2_policy *
model_ikev2_policy(struct ios_config *cfg, const char *name, int create)
{
	return model_named(cfg, &cfg->ikev2_policies, K_POL, name, create,
	    sizeof(struct ikev2_policy));
}

static void
policy_free(void *p)
{
	struct ikev2_policy	*o = p;

	free(o->name);
	vec_free(&o->proposals, free);
	free(o->match_local);
	free(o->match_fvrf);
	free(o->description);
	free(o);
}

int
model_del_ikev2_policy(struct ios_config *cfg, const char *name)
{
	void	*o = model_unlink_named(cfg, &cfg->ikev2_policies, K_POL, name);

	if (o == NULL)
		return -1;
	policy_free(o);
	return 0;
}

struct ikev2_keyring *
model_ikev2_keyring(struct ios_config *cfg, const char *name, int create)
{
	return model_named(cfg, &cfg->ikev2_keyrings, K_KR2, name, create,
	    sizeof(struct ikev2_keyring));
}

static void
peer_free(void *p)
{
	struct ikev2_kr_peer	*o = p;

	free(o->name);
	free(o->description);
	free(o->hostname);
	free(o->id);
	psk_clear(&o->psk);
	psk_clear(&o->psk_local);
	psk_clear(&o->psk_remote);
	free(o);
}

static void
keyring2_free(void *p)
{
	struct ikev2_keyring	*o = p;

	free(o->name);
	vec_free(&o->peers, peer_free);
	free(o);
}

int
model_del_ikev2_keyring(struct ios_config *cfg, const char *name)
{
	struct ikev2_keyring	*o = model_unlink_named(cfg,
				    &cfg->ikev2_keyrings, K_KR2, name);
	size_t			 i;

	if (o == NULL)
		return -1;
	for (i = 0; i < o->peers.n; i++)
		model_gone(cfg, o->peers.v[i]);
	keyring2_free(o);
	return 0;
}

/* Peers of one keyring are few: a linear scan. */
struct ikev2_kr_peer *
model_ikev2_peer(struct ikev2_keyring *kr, const char *name, int create)
{
	struct ikev2_kr_peer	*p;
	size_t			 i;

	for (i = 0; i < kr->peers.n; i++) {
		p = kr->peers.v[i];
		if (strcmp(p->name, name) == 0)
			return p;
	}
	if (!create || (p = calloc(1, sizeof(*p))) == NULL)
		return NULL;
	p->plen = -1;
	if ((p->name = strdup(name)) == NULL || vec_push(&kr->peers, p)) {
		free(p->name);
		free(p);
		return NULL;
	}
	return p;
}

int
model_del_ikev2_peer(struct ios_config *cfg, struct ikev2_keyring *kr,
    const char *name)
{
	size_t	 i;

	for (i = 0; i < kr->peers.n; i++) {
		struct ikev2_kr_peer	*p = kr->peers.v[i];

		if (strcmp(p->name, name) == 0) {
			vec_remove(&kr->peers, i);
			model_gone(cfg, p);
			peer_free(p);
			return 0;
		}
	}
	return -1;
}

struct ikev2_profile *
model_ikev2_profile(struct ios_config *cfg, const char *name, int create)
{
	return model_named(cfg, &cfg->ikev2_profiles, K_PROF2, name, create,
	    sizeof(struct ikev2_profile));
}

void
model_match_id_free(void *p)
{
	struct ikev2_match_id	*m = p;

	free(m->value);
	free(m);
}

static void
profile2_free(void *p)
{
	struct ikev2_profile	*o = p;

	free(o->name);
	free(o->description);
	vec_free(&o->match_remote, model_match_id_free);
	free(o->match_local_if);
	free(o->match_fvrf);
	free(o->id_local);
	psk_clear(&o->auth_local_key);
	psk_clear(&o->auth_remote_key);
	free(o->keyring);
	free(o->ivrf);
	free(o->trustpoint);
	free(o);
}

int
model_del_ikev2_profile(struct ios_config *cfg, const char *name)
{
	void	*o = model_unlink_named(cfg, &cfg->ikev2_profiles, K_PROF2,
		    name);

	if (o == NULL)
		return -1;
	profile2_free(o);
	return 0;
}

/* ------------------------------------------------------------- IKEv1 */

struct isakmp_policy *
model_isakmp_policy(struct ios_config *cfg, int prio, int create)
{
	struct isakmp_policy	*p;
	char			 key[32];
	size_t			 i;

	model_key(key, sizeof(key), K_ISAP, NULL, prio);
	if ((p = index_get(&cfg->idx, key)) != NULL || !create)
		return p;
	if ((p = calloc(1, sizeof(*p))) == NULL)
		return NULL;
	p->prio = prio;
	for (i = 0; i < cfg->isakmp_policies.n; i++)
		if (((struct isakmp_policy *)
		    cfg->isakmp_policies.v[i])->prio > prio)
			break;
	if (vec_insert(&cfg->isakmp_policies, i, p) == -1) {
		free(p);
		return NULL;
	}
	if (index_put(&cfg->idx, key, p) == -1) {
		vec_remove(&cfg->isakmp_policies, i);
		free(p);
		return NULL;
	}
	return p;
}

int
model_del_isakmp_policy(struct ios_config *cfg, int prio)
{
	char	 key[32];
	void	*o;

	model_key(key, sizeof(key), K_ISAP, NULL, prio);
	if ((o = model_unlink(cfg, &cfg->isakmp_policies, key)) == NULL)
		return -1;
	free(o);
	return 0;
}

struct isakmp_keyring *
model_isakmp_keyring(struct ios_config *cfg, const char *name, int create)
{
	return model_named(cfg, &cfg->isakmp_keyrings, K_KR1, name, create,
	    sizeof(struct isakmp_keyring));
}

void
model_keyring_psk_free(void *p)
{
	struct keyring_psk	*k = p;

	free(k->hostname);
	psk_clear(&k->psk);
	free(k);
}

static void
keyring1_free(void *p)
{
	struct isakmp_keyring	*o = p;

	free(o->name);
	free(o->vrf);
	free(o->description);
	free(o->local_address);
	vec_free(&o->psks, model_keyring_psk_free);
	free(o);
}

int
model_del_isakmp_keyring(struct ios_config *cfg, const char *name)
{
	void	*o = model_unlink_named(cfg, &cfg->isakmp_keyrings, K_KR1,
		    name);

	if (o == NULL)
		return -1;
	keyring1_free(o);
	return 0;
}

struct isakmp_profile *
model_isakmp_profile(struct ios_config *cfg, const char *name, int create)
{
	return model_named(cfg, &cfg->isakmp_profiles, K_PROF1, name, create,
	    sizeof(struct isakmp_profile));
}

void
model_isakmp_match_free(void *p)
{
	struct isakmp_match	*m = p;

	free(m->vrf);
	free(m);
}

static void
profile1_free(void *p)
{
	struct isakmp_profile	*o = p;

	free(o->name);
	free(o->description);
	free(o->vrf);
	vec_free(&o->keyrings, free);
	vec_free(&o->match, model_isakmp_match_free);
	free(o->match_host);
	free(o->local_address);
	free(o);
}

int
model_del_isakmp_profile(struct ios_config *cfg, const char *name)
{
	void	*o = model_unlink_named(cfg, &cfg->isakmp_profiles, K_PROF1,
		    name);

	if (o == NULL)
		return -1;
	profile1_free(o);
	return 0;
}

void
model_isakmp_key_free(void *p)
{
	struct isakmp_key	*k = p;

	psk_clear(&k->psk);
	free(k->hostname);
	free(k);
}

/* ------------------------------------------------------------- IPsec */

struct transform_set *
model_transform_set(struct ios_config *cfg, const char *name, int create)
{
	return model_named(cfg, &cfg->transform_sets, K_TS, name, create,
	    sizeof(struct transform_set));
}

static void
ts_free(void *p)
{
	struct transform_set	*o = p;

	free(o->name);
	free(o);
}

int
model_del_transform_set(struct ios_config *cfg, const char *name)
{
	void	*o = model_unlink_named(cfg, &cfg->transform_sets, K_TS, name);

	if (o == NULL)
		return -1;
	ts_free(o);
	return 0;
}

struct ipsec_profile *
model_ipsec_profile(struct ios_config *cfg, const char *name, int create)
{
	return model_named(cfg, &cfg->ipsec_profiles, K_IPSP, name, create,
	    sizeof(struct ipsec_profile));
}

static void
ipsec_profile_free(void *p)
{
	struct ipsec_profile	*o = p;
	int			 i;

	free(o->name);
	free(o->description);
	for (i = 0; i < IOS_MAX_TS; i++)
		free(o->ts[i]);
	free(o->ikev2_profile);
	free(o->isakmp_profile);
	free(o);
}

int
model_del_ipsec_profile(struct ios_config *cfg, const char *name)
{
	void	*o = model_unlink_named(cfg, &cfg->ipsec_profiles, K_IPSP,
		    name);

	if (o == NULL)
		return -1;
	ipsec_profile_free(o);
	return 0;
}

/* ------------------------------------------------------- crypto maps */

int
model_cmap_exists(struct ios_config *cfg, const char *map)
{
	char	 key[512];

	model_key(key, sizeof(key), K_CMAPN, map, -1);
	return index_get(&cfg->idx, key) != NULL;
}

/*
 * Entries of one map stay together, by sequence number; maps in the
 * order they were created.  Where a new entry goes:
 */
static size_t
cmap_position(const struct ios_vec *v, const char *map, int seq)
{
	const struct cmap_entry	*o;
	size_t			 i;
	int			 seen = 0;

	for (i = 0; i < v->n; i++) {
		o = v->v[i];
		if (strcmp(o->map, map) != 0) {
			if (seen)
				break;
			continue;
		}
		seen = 1;
		if (o->seq > seq)
			break;
	}
	return seen ? i : v->n;
}

static struct cmap_entry *
cmap_entry(struct ios_config *cfg, int dyn, const char *map, int seq,
    int create)
{
	struct ios_vec		*list = dyn ? &cfg->dynmap_entries :
				    &cfg->cmap_entries;
	struct cmap_entry	*e, *o;
	char			 key[512], nkey[512];
	size_t			 at;

	model_key(key, sizeof(key), dyn ? K_DMAP : K_CMAP, map, seq);
	if ((e = index_get(&cfg->idx, key)) != NULL || !create)
		return e;
	if ((e = calloc(1, sizeof(*e))) == NULL)
		return NULL;
	e->seq = seq;
	e->dynamic = dyn;
	if ((e->map = strdup(map)) == NULL) {
		free(e);
		return NULL;
	}
	at = list->n;
	o = at > 0 ? list->v[at - 1] : NULL;
	/* Appending to the last map is the usual case: no walk then. */
	if (o == NULL || strcmp(o->map, map) != 0 || o->seq > seq)
		at = cmap_position(list, map, seq);
	model_key(nkey, sizeof(nkey), dyn ? K_DMAPN : K_CMAPN, map, -1);
	if (vec_insert(list, at, e) == -1 ||
	    index_put(&cfg->idx, key, e) == -1 ||
	    index_put(&cfg->idx, nkey, e) == -1) {
		/* XXX: an index failure leaves e listed; only on ENOMEM. */
		return NULL;
	}
	return e;
}

static void
cmap_free(void *p)
{
	struct cmap_entry	*o = p;
	int			 i;

	free(o->map);
	free(o->dynmap);
	free(o->description);
	vec_free(&o->peers, free);
	for (i = 0; i < IOS_MAX_TS; i++)
		free(o->ts[i]);
	free(o->acl);
	free(o->ikev2_profile);
	free(o->isakmp_profile);
	free(o);
}

struct cmap_entry *
model_cmap_entry(struct ios_config *cfg, const char *map, int seq,
    int create)
{
	return cmap_entry(cfg, 0, map, seq, create);
}

struct cmap_entry *
model_dynmap_entry(struct ios_config *cfg, const char *map, int seq,
    int create)
{
	return cmap_entry(cfg, 1, map, seq, create);
}

/* seq < 0 deletes every entry of the map. */
static int
cmap_del(struct ios_config *cfg, int dyn, const char *map, int seq)
{
	struct ios_vec		*list = dyn ? &cfg->dynmap_entries :
				    &cfg->cmap_entries;
	struct cmap_entry	*o;
	char			 key[512];
	size_t			 i;
	int			 found = 0, left = 0;

	for (i = 0; i < list->n; ) {
		o = list->v[i];
		if (strcmp(o->map, map) != 0 || (seq >= 0 && o->seq != seq)) {
			if (strcmp(o->map, map) == 0)
				left = 1;
			i++;
			continue;
		}
		model_key(key, sizeof(key), dyn ? K_DMAP : K_CMAP, map,
		    o->seq);
		index_del(&cfg->idx, key);
		vec_remove(list, i);
		model_gone(cfg, o);
		cmap_free(o);
		found = 1;
	}
	if (!left) {
		model_key(key, sizeof(key), dyn ? K_DMAPN : K_CMAPN, map, -1);
		index_del(&cfg->idx, key);
	}
	return found ? 0 : -1;
}

int
model_del_cmap(struct ios_config *cfg, const char *map, int seq)
{
	return cmap_del(cfg, 0, map, seq);
}

int
model_del_dynmap(struct ios_config *cfg, const char *map, int seq)
{
	return cmap_del(cfg, 1, map, seq);
}

void
model_cmap_local_free(void *p)
{
	struct cmap_local	*l = p;

	free(l->map);
	free(l->ifname);
	free(l);
}

/* -------------------------------------------------------- interfaces */

static int
if_cmp(const struct ios_if *a, const struct ios_if *b)
{
	int	 i;

	if (ifname_order(a->type) != ifname_order(b->type))
		return ifname_order(a->type) - ifname_order(b->type);
	for (i = 0; i < 4; i++)
		if (a->num[i] != b->num[i])
			return a->num[i] < b->num[i] ? -1 : 1;
	return strcmp(a->name, b->name);
}

struct ios_if *
model_interface(struct ios_config *cfg, const char *name, int create)
{
	struct ios_if	*ifp;
	char		 key[512];
	size_t		 lo, hi, mid;

	model_key(key, sizeof(key), K_IF, name, -1);
	if ((ifp = index_get(&cfg->idx, key)) != NULL || !create)
		return ifp;
	if ((ifp = calloc(1, sizeof(*ifp))) == NULL)
		return NULL;
	if ((ifp->name = strdup(name)) == NULL ||
	    ifname_parse(name, &ifp->type, ifp->num) == -1) {
		free(ifp->name);
		free(ifp);
		return NULL;
	}
	lo = 0;
	hi = cfg->interfaces.n;
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (if_cmp(cfg->interfaces.v[mid], ifp) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (vec_insert(&cfg->interfaces, lo, ifp) == -1 ||
	    index_put(&cfg->idx, key, ifp) == -1)
		return NULL;	/* XXX: leaks ifp on ENOMEM only */
	return ifp;
}

static void
if_free(void *p)
{
	struct ios_if	*o = p;

	free(o->name);
	free(o->description);
	vec_free(&o->secondary, free);
	vec_free(&o->addr6, free);
	free(o->vrf);
	free(o->tun_src_if);
	free(o->tun_dst_host);
	free(o->tun_profile);
	free(o->crypto_map);
	vec_free(&o->keep, free);
	free(o);
}

int
model_del_interface(struct ios_config *cfg, const char *name)
{
	char	 key[512];
	void	*o;

	model_key(key, sizeof(key), K_IF, name, -1);
	if ((o = model_unlink(cfg, &cfg->interfaces, key)) == NULL)
		return -1;
	subnet_del_if(cfg, o);
	if_free(o);
	return 0;
}

/* ------------------------------------------------------------ routes */

/* The identity of a route: destination plus path. */
static void
route_key(char *buf, size_t len, const struct ios_route *r, int path)
{
	char	 p[INET6_ADDRSTRLEN], nh[INET6_ADDRSTRLEN] = "";

	addr_ntop(&r->prefix, p, sizeof(p));
	if (r->nexthop.af != 0)
		addr_ntop(&r->nexthop, nh, sizeof(nh));
	if (path)
		snprintf(buf, len, "%c%s/%d %s %s", K_ROUTE, p, r->plen,
		    r->ifname ? r->ifname : "", nh);
	else
		snprintf(buf, len, "%c%s/%d", K_ROUTE, p, r->plen);
}

static void
route_free(void *p)
{
	struct ios_route	*r = p;

	free(r->ifname);
	free(r->name);
	free(r);
}

/* Takes ownership of r's strings; r itself is copied. */
int
model_route_add(struct ios_config *cfg, struct ios_route *r)
{
	struct ios_vec		*list = r->af == AF_INET6 ? &cfg->routes6 :
				    &cfg->routes;
	struct ios_route	*o;
	char			 key[512];

	route_key(key, sizeof(key), r, 1);
	if ((o = index_get(&cfg->idx, key)) != NULL) {
		free(o->ifname);
		free(o->name);
		*o = *r;
		return 0;
	}
	if ((o = malloc(sizeof(*o))) == NULL)
		return -1;
	*o = *r;
	if (vec_push(list, o) == -1) {
		free(o);
		return -1;
	}
	if (index_put(&cfg->idx, key, o) == -1) {
		list->n--;
		free(o);
		return -1;
	}
	return 0;
}

/*
 * Deletes routes to r's destination; with match_path only those with the
 * same interface and next hop (a next hop or interface left out in r
 * matches any).  Returns the number deleted.
 */
int
model_route_del(struct ios_config *cfg, const struct ios_route *r,
    int match_path)
{
	struct ios_vec		*list = r->af == AF_INET6 ? &cfg->routes6 :
				    &cfg->routes;
	struct ios_route	*o;
	char			 key[512];
	size_t			 i;
	int			 n = 0;

	if (match_path && r->nexthop.af != 0 && r->ifname != NULL) {
		route_key(key, sizeof(key), r, 1);
		if ((o = model_unlink(cfg, list, key)) == NULL)
			return 0;
		route_free(o);
		return 1;
	}
	for (i = list->n; i-- > 0; ) {
		o = list->v[i];
		if (o->plen != r->plen ||
		    !addr_eq(&o->prefix, &r->prefix))
			continue;
		if (match_path && r->nexthop.af != 0 &&
		    !addr_eq(&o->nexthop, &r->nexthop))
			continue;
		if (match_path && r->ifname != NULL &&
		    (o->ifname == NULL || strcmp(o->ifname, r->ifname) != 0))
			continue;
		route_key(key, sizeof(key), o, 1);
		index_del(&cfg->idx, key);
		vec_remove(list, i);
		route_free(o);
		n++;
	}
	return n;
}

/* -------------------------------------------------------------- ACLs */

struct ios_acl *
model_acl(struct ios_config *cfg, const char *name, int create)
{
	return model_named(cfg, &cfg->acls, K_ACL, name, create,
	    sizeof(struct ios_acl));
}

static void
ace_free(void *p)
{
	struct ios_ace	*a = p;

	free(a->remark);
	free(a);
}

static void
acl_free(void *p)
{
	struct ios_acl	*o = p;

	free(o->name);
	vec_free(&o->aces, ace_free);
	free(o);
}

int
model_del_acl(struct ios_config *cfg, const char *name)
{
	void	*o = model_unlink_named(cfg, &cfg->acls, K_ACL, name);

	if (o == NULL)
		return -1;
	acl_free(o);
	return 0;
}

/* Copies a (taking its remark); seq 0: last + 10.  NULL if seq taken. */
struct ios_ace *
model_ace_add(struct ios_acl *acl, struct ios_ace *a)
{
	struct ios_ace	*o, *last;
	size_t		 lo, hi, mid;

	last = acl->aces.n ? acl->aces.v[acl->aces.n - 1] : NULL;
	if (a->seq == 0)
		a->seq = last ? last->seq + 10 : 10;
	lo = 0;
	hi = acl->aces.n;
	if (last != NULL && last->seq < a->seq)
		lo = hi;
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (((struct ios_ace *)acl->aces.v[mid])->seq < a->seq)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < acl->aces.n &&
	    ((struct ios_ace *)acl->aces.v[lo])->seq == a->seq)
		return NULL;
	if ((o = malloc(sizeof(*o))) == NULL)
		return NULL;
	*o = *a;
	if (vec_insert(&acl->aces, lo, o) == -1) {
		free(o);
		return NULL;
	}
	a->remark = NULL;
	return o;
}

int
model_ace_del(struct ios_acl *acl, uint32_t seq)
{
	size_t	 i;

	for (i = 0; i < acl->aces.n; i++) {
		struct ios_ace	*o = acl->aces.v[i];

		if (o->seq == seq) {
			vec_remove(&acl->aces, i);
			ace_free(o);
			return 0;
		}
	}
	return -1;
}

/* Deletes the first entry equal to a except for its sequence number. */
int
model_ace_del_same(struct ios_acl *acl, const struct ios_ace *a)
{
	size_t	 i;

	for (i = 0; i < acl->aces.n; i++) {
		struct ios_ace	*o = acl->aces.v[i];
		struct ios_ace	 x = *o;

		x.seq = a->seq;
		x.remark = a->remark;
		if (memcmp(&x, a, sizeof(x)) != 0)
			continue;
		if ((o->remark == NULL) != (a->remark == NULL) ||
		    (o->remark && strcmp(o->remark, a->remark) != 0))
			continue;
		vec_remove(&acl->aces, i);
		ace_free(o);
		return 0;
	}
	return -1;
}

/* ------------------------------------------------------- kept lines */

struct ios_keep *
model_keep_add(struct ios_config *cfg, int section, const char *text)
{
	struct ios_keep	*k;
	char		 key[1400];

	snprintf(key, sizeof(key), "%c%d %s", K_KEEP, section, text);
	if ((k = index_get(&cfg->idx, key)) != NULL)
		return k;
	if ((k = calloc(1, sizeof(*k))) == NULL)
		return NULL;
	if ((k->text = strdup(text)) == NULL ||
	    vec_push(&cfg->keep[section], k) == -1) {
		free(k->text);
		free(k);
		return NULL;
	}
	if (index_put(&cfg->idx, key, k) == -1)
		return NULL;	/* XXX: listed but not indexed on ENOMEM */
	return k;
}

static void
keep_free(void *p)
{
	struct ios_keep	*k = p;

	free(k->text);
	vec_free(&k->sub, free);
	free(k);
}

int
model_keep_del(struct ios_config *cfg, int section, const char *text)
{
	char	 key[1400];
	void	*o;

	snprintf(key, sizeof(key), "%c%d %s", K_KEEP, section, text);
	if ((o = model_unlink(cfg, &cfg->keep[section], key)) == NULL)
		return -1;
	keep_free(o);
	return 0;
}

/* ------------------------------------------------- the whole config */

struct ios_config *
ios_config_new(void)
{
	return calloc(1, sizeof(struct ios_config));
}

static void
model_gone_all(struct ios_config *cfg, const struct ios_vec *v)
{
	size_t	 i;

	for (i = 0; i < v->n; i++)
		model_gone(cfg, v->v[i]);
}

/* Empties cfg, keeping its paths and engine. */
void
ios_config_clear(struct ios_config *cfg)
{
	char	*sp = cfg->startup_path, *ip = cfg->ifmap_path;
	void	*eng = cfg->engine;
	void	(*gone)(struct ios_config *, const void *) = cfg->gone;
	size_t	 j;
	int	 i;

	for (j = 0; j < cfg->ikev2_keyrings.n; j++)
		model_gone_all(cfg, &((struct ikev2_keyring *)
		    cfg->ikev2_keyrings.v[j])->peers);
	model_gone_all(cfg, &cfg->ikev2_keyrings);
	model_gone_all(cfg, &cfg->ikev2_proposals);
	model_gone_all(cfg, &cfg->ikev2_policies);
	model_gone_all(cfg, &cfg->ikev2_profiles);
	model_gone_all(cfg, &cfg->isakmp_policies);
	model_gone_all(cfg, &cfg->isakmp_keyrings);
	model_gone_all(cfg, &cfg->isakmp_profiles);
	model_gone_all(cfg, &cfg->transform_sets);
	model_gone_all(cfg, &cfg->ipsec_profiles);
	model_gone_all(cfg, &cfg->cmap_entries);
	model_gone_all(cfg, &cfg->dynmap_entries);
	model_gone_all(cfg, &cfg->interfaces);
	model_gone_all(cfg, &cfg->acls);
	for (i = 0; i < KEEP_NSECT; i++)
		model_gone_all(cfg, &cfg->keep[i]);
	free(cfg->hostname);
	str_wipe_free(cfg->enable_secret);
	vec_free(&cfg->ikev2_proposals, proposal_free);
	vec_free(&cfg->ikev2_policies, policy_free);
	vec_free(&cfg->ikev2_keyrings, keyring2_free);
	vec_free(&cfg->ikev2_profiles, profile2_free);
	vec_free(&cfg->isakmp_policies, free);
	vec_free(&cfg->isakmp_keys, model_isakmp_key_free);
	vec_free(&cfg->isakmp_keyrings, keyring1_free);
	vec_free(&cfg->isakmp_profiles, profile1_free);
	vec_free(&cfg->transform_sets, ts_free);
	vec_free(&cfg->ipsec_profiles, ipsec_profile_free);
	vec_free(&cfg->cmap_entries, cmap_free);
	vec_free(&cfg->dynmap_entries, cmap_free);
	vec_free(&cfg->cmap_locals, model_cmap_local_free);
	vec_free(&cfg->interfaces, if_free);
	vec_free(&cfg->routes, route_free);
	vec_free(&cfg->routes6, route_free);
	vec_free(&cfg->acls, acl_free);
	vec_free(&cfg->subnets, free);
	for (i = 0; i < KEEP_NSECT; i++)
		vec_free(&cfg->keep[i], keep_free);
	index_free(&cfg->idx);
	memset(cfg, 0, sizeof(*cfg));
	cfg->startup_path = sp;
	cfg->ifmap_path = ip;
	cfg->engine = eng;
	cfg->gone = gone;
}

void
ios_config_free(struct ios_config *cfg)
{
	if (cfg == NULL)
		return;
	ios_config_clear(cfg);
	free(cfg->startup_path);
	free(cfg->ifmap_path);
	free(cfg);
}

/*
 * The smart defaults of IOS-XE 16/17 (reference 1.3.2): they exist
 * without configuration and are not printed by show running-config.
 */
const struct ikev2_proposal ios_default_ikev2_proposal = {
	.name = (char *)"default",
	.enc = { 1, { IKEV2_ENC_AES_CBC_256 } },
	.integ = { 2, { IKEV2_HASH_SHA512, IKEV2_HASH_SHA384 } },
	.prf = { 2, { IKEV2_HASH_SHA512, IKEV2_HASH_SHA384 } },
	.group = { 3, { 19, 14, 21 } },
};

const struct transform_set ios_default_transform_set = {
	.name = (char *)"default",
	.cipher = TS_ESP_AES,
	.esp_auth = TS_AUTH_SHA1,
	.transport = 1,
};
