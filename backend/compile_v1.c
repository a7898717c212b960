/*
 * backend/compile_v1.c: IKEv1 (isakmp) syntax, negotiated with IKEv2.
 *
 * The isakmp policies, in priority order, become IKE proposals (the
 * cipher; the hash as both PRF and integrity; the group); the isakmp
 * key, or the keyring pre-shared key, for the peer's address becomes
 * the pre-shared key in both directions.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "backend/compile_priv.h"

/* IANA IKEv2 ids (RFC 7296 3.3.2) of an isakmp policy's settings. */
static void
compile_v1_enc(int enc, uint16_t *id, uint16_t *bits)
{
	static const struct { uint16_t id, bits; } t[] = {
		[ISAKMP_ENC_DES] = { 2, 0 },
		[ISAKMP_ENC_3DES] = { 3, 0 },
		[ISAKMP_ENC_AES128] = { 12, 128 },
		[ISAKMP_ENC_AES192] = { 12, 192 },
		[ISAKMP_ENC_AES256] = { 12, 256 },
	};

	*id = 0;
	*bits = 0;
	if (enc >= 0 && enc <= ISAKMP_ENC_AES256) {
		*id = t[enc].id;
		*bits = t[enc].bits;
	}
}

static void
compile_v1_hash(int hash, uint16_t *prf, uint16_t *integ)
{
	static const struct { uint16_t prf, integ; } t[] = {
		[ISAKMP_HASH_SHA] = { 2, 2 },
		[ISAKMP_HASH_MD5] = { 1, 1 },
		[ISAKMP_HASH_SHA256] = { 5, 12 },
		[ISAKMP_HASH_SHA384] = { 6, 13 },
		[ISAKMP_HASH_SHA512] = { 7, 14 },
	};

	*prf = *integ = 0;
	if (hash >= 0 && hash <= ISAKMP_HASH_SHA512) {
		*prf = t[hash].prf;
		*integ = t[hash].integ;
	}
}

/* One isakmp policy as an IKE proposal; -1 when we cannot use it. */
static int
compile_v1_prop(const struct isakmp_policy *pol, struct ike_prop *p)
{
	uint16_t	id, bits, prf, integ;

	memset(p, 0, sizeof(*p));
	p->proto = IKE_PROTO_IKE;
	compile_v1_enc(pol->enc, &id, &bits);
	compile_v1_hash(pol->hash, &prf, &integ);
	if (compile_xf(p, IKE_XF_ENCR, id, bits) != 0 ||
	    compile_xf(p, IKE_XF_PRF, prf, 0) != 0 ||
	    compile_xf(p, IKE_XF_INTEG, integ, 0) != 0 ||
	    compile_xf(p, IKE_XF_DH, (uint16_t)(pol->group ? pol->group :
	    IOS_DEF_ISAKMP_GROUP), 0) != 0)
		return -1;
	return 0;
}

/* The isakmp policies as proposals, else the IKEv2 default. */
static void
compile_v1_props(struct compile_ctx *c, struct ike_peer *p)
{
	const struct isakmp_policy	*pol;
	size_t				 i;

	p->nprops = 0;
	p->lifetime = 0;
	for (i = 0; i < c->cfg->isakmp_policies.n; i++) {
		pol = c->cfg->isakmp_policies.v[i];
		if (p->nprops == IKE_MAX_PROPS ||
		    compile_v1_prop(pol, &p->props[p->nprops]) != 0)
			continue;
		p->props[p->nprops].num = (uint8_t)(p->nprops + 1);
		if (p->nprops++ == 0)
			p->lifetime = (uint32_t)(pol->lifetime ?
			    pol->lifetime : IOS_DEF_ISAKMP_LIFETIME);
	}
	if (p->nprops == 0) {
		compile_v2_default_props(p);
		p->lifetime = IOS_DEF_ISAKMP_LIFETIME;
	}
}

static int
compile_v1_match(const struct k_addr *a, struct ios_addr addr,
    struct in_addr mask, int has_mask)
{
	struct k_addr	net;
	int		plen = has_mask ? compile_mask_plen(mask) : -1;

	if (compile_addr_ios(&net, &addr) != 0)
		return -1;
	if (plen < 0)
		plen = net.family == AF_INET ? 32 : 128;
	return compile_addr_in(a, &net, plen) ? plen : -1;
}

/* The longest-matching key among the psks of a crypto keyring. */
static const struct ios_psk *
compile_v1_kr_psk(const struct isakmp_keyring *kr, const struct k_addr *a,
    int *best)
{
	const struct ios_psk	*k = NULL;
	size_t			 i;
	int			 l;

	for (i = 0; i < kr->psks.n; i++) {
		const struct keyring_psk	*kp = kr->psks.v[i];

		l = compile_v1_match(a, kp->addr, kp->mask, kp->has_mask);
		if (l > *best) {
			*best = l;
			k = &kp->psk;
		}
	}
	return k;
}

static const struct isakmp_keyring *
compile_v1_find_kr(const struct ios_config *cfg, const char *name)
{
	return model_isakmp_keyring(CFG_LOOKUP(cfg), name, 0);
}

/*
 * The global keys (crypto isakmp key), indexed once per compile: host
 * keys by address (a host match is the longest there is), the others
 * in a list searched for the longest prefix.
 */
struct compile_v1key {
	struct k_addr		 net;
	int			 plen;
	const struct ios_psk	*psk;		/* NULL: free slot */
};

struct compile_v1keys {
	struct compile_v1key	*host;
	size_t			 hcap;
	struct compile_v1key	*net;
	size_t			 nnet;
};

static struct compile_v1key *
compile_v1_host_slot(struct compile_v1keys *k, const struct k_addr *a)
{
	size_t	j;

	j = compile_hash(a->u.bytes, sizeof(a->u.bytes), 2166136261u) &
	    (k->hcap - 1);
	for (; k->host[j].psk != NULL; j = (j + 1) & (k->hcap - 1))
		if (kobj_addr_cmp(&k->host[j].net, a) == 0)
			break;
	return &k->host[j];
}

static void
compile_v1_index_one(struct compile_v1keys *k, const struct isakmp_key *ik)
{
	struct compile_v1key	 e = { .psk = &ik->psk };
	struct compile_v1key	*slot;
	int			 full;

	if (compile_addr_ios(&e.net, &ik->addr) != 0)
		return;
	full = e.net.family == AF_INET ? 32 : 128;
	if (e.net.family == AF_INET6)
		e.plen = ik->plen >= 0 ? ik->plen : full;
	else
		e.plen = ik->has_mask ? compile_mask_plen(ik->mask) : full;
	if (e.plen < 0)
		return;
	if (e.plen < full) {
		k->net[k->nnet++] = e;
		return;
	}
	if ((slot = compile_v1_host_slot(k, &e.net))->psk == NULL)
		*slot = e;
}

static struct compile_v1keys *
compile_v1_index(struct compile_ctx *c)
{
	const struct ios_vec	*keys = &c->cfg->isakmp_keys;
	struct compile_v1keys	*k;
	size_t			 i;

	if (c->v1keys != NULL)
		return c->v1keys;
	if ((k = calloc(1, sizeof(*k))) == NULL)
		return NULL;
	for (k->hcap = 16; k->hcap < keys->n * 2; k->hcap *= 2)
		;
	k->host = calloc(k->hcap, sizeof(*k->host));
	k->net = calloc(keys->n + 1, sizeof(*k->net));
	c->v1keys = k;
	if (k->host == NULL || k->net == NULL)
		return NULL;
	for (i = 0; i < keys->n; i++)
		compile_v1_index_one(k, keys->v[i]);
	return k;
}

void
compile_v1_free(struct compile_ctx *c)
{
	if (c->v1keys == NULL)
		return;
	free(c->v1keys->host);
	free(c->v1keys->net);
	free(c->v1keys);
	c->v1keys = NULL;
}

/* The global key for a; NULL when none matches. */
static const struct ios_psk *
compile_v1_global(struct compile_ctx *c, const struct k_addr *a)
{
	struct compile_v1keys	*k;
	const struct ios_psk	*best = NULL;
	size_t			 i;
	int			 bestlen = -1;

	if ((k = compile_v1_index(c)) == NULL) {
		c->err = -ENOMEM;
		return NULL;
	}
	if (compile_v1_host_slot(k, a)->psk != NULL)
		return compile_v1_host_slot(k, a)->psk;
	for (i = 0; i < k->nnet; i++)
		if (k->net[i].plen > bestlen &&
		    compile_addr_in(a, &k->net[i].net, k->net[i].plen)) {
			best = k->net[i].psk;
			bestlen = k->net[i].plen;
		}
	return best;
}

/* The key for address a: a profile's keyrings, else the global keys. */
static const struct ios_psk *
compile_v1_key(struct compile_ctx *c, const struct isakmp_profile *pr,
    const struct k_addr *a, const char *line)
{
	const struct isakmp_keyring	*kr;
	const struct ios_psk		*k = NULL, *t;
	size_t				 i;
	int				 best = -1;

	for (i = 0; pr != NULL && i < pr->keyrings.n; i++) {
		if ((kr = compile_v1_find_kr(c->cfg,
		    pr->keyrings.v[i])) == NULL)
			compile_diag(c, COMPILE_WARN, line, "ISAKMP profile "
			    "%s: keyring %s does not exist", pr->name,
			    (const char *)pr->keyrings.v[i]);
		else if ((t = compile_v1_kr_psk(kr, a, &best)) != NULL)
			k = t;
	}
	if (pr != NULL && pr->keyrings.n > 0)
		return k;
	return compile_v1_global(c, a);
}

/* The remote identity of an isakmp profile: a host match, or any. */
static void
compile_v1_id_remote(struct ike_peer *p, const struct isakmp_profile *pr)
{
	const struct isakmp_match	*m;
	struct k_addr			 a;

	memset(&p->id_remote, 0, sizeof(p->id_remote));
	if (pr == NULL || pr->match.n == 0)
		return;
	m = pr->match.v[0];
	if (m->has_mask && m->mask.s_addr != 0xffffffffu)
		return;
	compile_addr4(&a, m->addr);
	compile_id_addr(&p->id_remote, &a);
}

/* The peer as IKEv1 syntax describes it; 0 or -1 (diagnosed). */
int
compile_v1_peer(struct compile_ctx *c, struct ike_peer *p,
    const struct compile_ends *e, const struct isakmp_profile *pr)
{
	const struct ios_psk	*k;
	const struct ios_dpd	*ka = &c->cfg->isakmp_keepalive;

	if ((k = compile_v1_key(c, pr, &p->remote, e->line)) == NULL) {
		if (pr != NULL && pr->keyrings.n > 0)
			compile_diag(c, COMPILE_WARN, e->line, "no pre-shared "
			    "key for peer %s in the keyrings of ISAKMP profile "
			    "%s", p->name, pr->name);
		else
			compile_diag(c, COMPILE_WARN, e->line, "no pre-shared "
			    "key for peer %s (crypto isakmp key ... address "
			    "%s)", p->name, p->name);
		return -1;
	}
	if (k->keytype != 0 || k->key == NULL) {
		compile_diag(c, COMPILE_WARN, e->line, "the pre-shared key "
		    "for peer %s is of type %d, which iosh cannot decrypt",
		    p->name, k->keytype);
		return -1;
	}
	p->psk_local = ike_buf_dup(k->key, strlen(k->key));
	p->psk_remote = ike_buf_dup(k->key, strlen(k->key));
	if (p->psk_local == NULL || p->psk_remote == NULL)
		return (c->err = -1);
	compile_id_addr(&p->id_local, &p->local);
	compile_v1_id_remote(p, pr);
	compile_v1_props(c, p);
	/* XXX: ike_peer has no DPD retry interval nor on-demand mode. */
	p->dpd_interval = (uint32_t)(pr != NULL && pr->keepalive ?
	    pr->keepalive : ka->interval);
	p->dpd_retries = p->dpd_interval ? 5 : 0;
	p->nat_keepalive = (uint32_t)c->cfg->isakmp_nat_keepalive;
	return 0;
}

/* Policies iosh cannot turn into an IKEv2 proposal, once per config. */
void
compile_v1_check(struct compile_ctx *c)
{
	const struct isakmp_policy	*pol;
	struct ike_prop			 p;
	char				 line[COMPILE_LINE_MAX];
	size_t				 i;

	for (i = 0; i < c->cfg->isakmp_policies.n; i++) {
		pol = c->cfg->isakmp_policies.v[i];
		snprintf(line, sizeof(line), "crypto isakmp policy %d",
		    pol->prio);
		if (compile_v1_prop(pol, &p) != 0)
			compile_diag(c, COMPILE_WARN, line, "ISAKMP policy %d "
			    "uses an algorithm iosh's IKEv2 does not "
			    "implement (des, md5 or group 1, 2, 5, 24); it is "
			    "not proposed", pol->prio);
		if (pol->auth != ISAKMP_AUTH_PRE_SHARE)
			compile_diag(c, COMPILE_NOTE, line, "ISAKMP policy %d "
			    "has authentication %s; iosh authenticates with "
			    "the pre-shared key", pol->prio,
			    pol->auth == ISAKMP_AUTH_RSA_ENCR ? "rsa-encr" :
			    "rsa-sig");
	}
}
