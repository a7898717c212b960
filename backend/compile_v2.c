/*
 * backend/compile_v2.c: IKEv2 syntax.  An IKEv2 profile and its
 * keyring give the peer's keys and identities; the proposals come from
 * the crypto ikev2 policy that matches the local address, each
 * proposal in IOS order, or from the default proposal.
 */
#include <arpa/inet.h>
#include <string.h>

#include "backend/compile_priv.h"

/*
 * The IOS-XE 16/17 default proposal (`show crypto ikev2 proposal
 * default`): aes-cbc-256; sha512 sha384; groups 19 14 21.
 */
static const struct ikev2_proposal compile_v2_default = {
	.name = "default",
	.enc = { 1, { IKEV2_ENC_AES_CBC_256 } },
	.integ = { 2, { IKEV2_HASH_SHA512, IKEV2_HASH_SHA384 } },
	.prf = { 2, { IKEV2_HASH_SHA512, IKEV2_HASH_SHA384 } },
	.group = { 3, { 19, 14, 21 } },
};

/* IANA IKEv2 transform IDs (RFC 7296 3.3.2) of the model's ids. */
static void
compile_v2_enc(int enc, uint16_t *id, uint16_t *bits)
{
	static const struct { uint16_t id, bits; } t[] = {
		[IKEV2_ENC_3DES] = { 3, 0 },
		[IKEV2_ENC_AES_CBC_128] = { 12, 128 },
		[IKEV2_ENC_AES_CBC_192] = { 12, 192 },
		[IKEV2_ENC_AES_CBC_256] = { 12, 256 },
		[IKEV2_ENC_AES_GCM_128] = { 20, 128 },
		[IKEV2_ENC_AES_GCM_256] = { 20, 256 },
	};

	*id = 0;
	*bits = 0;
	if (enc > 0 && enc <= IKEV2_ENC_AES_GCM_256) {
		*id = t[enc].id;
		*bits = t[enc].bits;
	}
}

static int
compile_v2_is_gcm(int enc)
{
	return enc == IKEV2_ENC_AES_GCM_128 || enc == IKEV2_ENC_AES_GCM_256;
}

/* PRF_HMAC_* and AUTH_HMAC_* of an ikev2_hash. */
static uint16_t
compile_v2_prf(int h)
{
	static const uint16_t	t[] = { 0, 1, 2, 5, 6, 7 };

	return h > 0 && h <= IKEV2_HASH_SHA512 ? t[h] : 0;
}

static uint16_t
compile_v2_integ(int h)
{
	static const uint16_t	t[] = { 0, 1, 2, 12, 13, 14 };

	return h > 0 && h <= IKEV2_HASH_SHA512 ? t[h] : 0;
}

/* Add one transform if the daemon implements it; 0 or -1. */
int
compile_xf(struct ike_prop *p, uint8_t type, uint16_t id, uint16_t bits)
{
	int	ok;

	switch (type) {
	case IKE_XF_ENCR:
		ok = ike_alg_encr(id, bits) != NULL;
		break;
	case IKE_XF_PRF:
		ok = ike_alg_prf(id) != NULL;
		break;
	case IKE_XF_INTEG:
		ok = ike_alg_integ(id) != NULL;
		break;
	default:
		ok = ike_alg_dh(id) != NULL;
		break;
	}
	if (!ok)
		return -1;
	return ike_prop_add(p, type, id, bits) == IKE_OK ? 0 : -1;
}

/* The transforms of x into p; the count of those left out. */
static int
compile_v2_prop(const struct ikev2_proposal *x, struct ike_prop *p)
{
	const struct ios_alglist	*prf;
	uint16_t			 id, bits;
	int				 gcm = 0, lost = 0;
	size_t				 i;

	p->proto = IKE_PROTO_IKE;
	for (i = 0; i < x->enc.n; i++) {
		compile_v2_enc(x->enc.v[i], &id, &bits);
		gcm |= compile_v2_is_gcm(x->enc.v[i]);
		lost -= compile_xf(p, IKE_XF_ENCR, id, bits);
	}
	prf = x->prf.n ? &x->prf : &x->integ;
	for (i = 0; i < prf->n; i++)
		lost -= compile_xf(p, IKE_XF_PRF, compile_v2_prf(prf->v[i]), 0);
	for (i = 0; !gcm && i < x->integ.n; i++)
		lost -= compile_xf(p, IKE_XF_INTEG,
		    compile_v2_integ(x->integ.v[i]), 0);
	for (i = 0; i < x->group.n; i++)
		lost -= compile_xf(p, IKE_XF_DH, x->group.v[i], 0);
	return lost;
}

static const struct ikev2_proposal *
compile_v2_find_prop(const struct ios_config *cfg, const char *name)
{
	return model_ikev2_proposal(CFG_LOOKUP(cfg), name, 0);
}

/* The policy for local address a: one that matches it, else one
 * without `match address local`; NULL: the default policy. */
static const struct ikev2_policy *
compile_v2_policy(const struct ios_config *cfg, const struct k_addr *a)
{
	const struct ikev2_policy	*any = NULL;
	struct k_addr			 m;
	size_t				 i, j;

	for (i = 0; i < cfg->ikev2_policies.n; i++) {
		const struct ikev2_policy	*pol = cfg->ikev2_policies.v[i];

		if (pol->nmatch_local == 0 && any == NULL)
			any = pol;
		for (j = 0; j < pol->nmatch_local; j++)
			if (compile_addr_ios(&m, &pol->match_local[j]) == 0 &&
			    kobj_addr_cmp(&m, a) == 0)
				return pol;
	}
	return any;
}

static void
compile_v2_add_prop(struct ike_peer *p, const struct ikev2_proposal *x)
{
	struct ike_prop	*ip;

	if (p->nprops == IKE_MAX_PROPS)
		return;
	ip = &p->props[p->nprops];
	memset(ip, 0, sizeof(*ip));
	compile_v2_prop(x, ip);
	ip->num = (uint8_t)(p->nprops + 1);
	if (ip->nxf > 0)
		p->nprops++;
}

/* The IKE proposals of a peer whose local address is a. */
int
compile_v2_props(struct compile_ctx *c, struct ike_peer *p,
    const struct k_addr *a, const char *line)
{
	const struct ikev2_policy	*pol = compile_v2_policy(c->cfg, a);
	const struct ikev2_proposal	*x;
	size_t				 i;

	p->nprops = 0;
	for (i = 0; pol != NULL && i < pol->proposals.n; i++)
		if ((x = compile_v2_find_prop(c->cfg,
		    pol->proposals.v[i])) != NULL)
			compile_v2_add_prop(p, x);
	if (p->nprops == 0) {
		if (pol != NULL)
			compile_diag(c, COMPILE_WARN, line, "crypto ikev2 "
			    "policy %s has no usable proposal; the default "
			    "proposal applies", pol->name);
		compile_v2_add_prop(p, &compile_v2_default);
	}
	return 0;
}

/* The IKE proposal IOS uses when no policy applies. */
void
compile_v2_default_props(struct ike_peer *p)
{
	p->nprops = 0;
	compile_v2_add_prop(p, &compile_v2_default);
}

/* An identity from its IOS type and text; -1 when not expressible. */
int
compile_v2_id(struct ike_id *id, int type, const char *v)
{
	struct in6_addr	a6;
	size_t		len = v != NULL ? strlen(v) : 0;

	memset(id, 0, sizeof(*id));
	if (v == NULL || len > IKE_MAX_ID)
		return -1;
	switch (type) {
	case IKEV2_ID_ADDRESS:
		if (inet_pton(AF_INET, v, id->data) == 1) {
			id->type = IKE_ID_IPV4_ADDR;
			id->len = 4;
			return 0;
		}
		if (inet_pton(AF_INET6, v, &a6) != 1)
			return -1;
		memcpy(id->data, &a6, 16);
		id->type = IKE_ID_IPV6_ADDR;
		id->len = 16;
		return 0;
	case IKEV2_ID_FQDN:
		id->type = IKE_ID_FQDN;
		break;
	case IKEV2_ID_EMAIL:
		id->type = IKE_ID_RFC822_ADDR;
		break;
	case IKEV2_ID_KEYID:
		id->type = IKE_ID_KEY_ID;
		break;
	default:
		return -1;
	}
	memcpy(id->data, v, len);
	id->len = (uint8_t)len;
	return 0;
}

/* An address identity. */
void
compile_id_addr(struct ike_id *id, const struct k_addr *a)
{
	memset(id, 0, sizeof(*id));
	id->type = a->family == AF_INET ? IKE_ID_IPV4_ADDR : IKE_ID_IPV6_ADDR;
	id->len = a->family == AF_INET ? 4 : 16;
	memcpy(id->data, a->u.bytes, id->len);
}

static void
compile_v2_id_local(struct compile_ctx *c, struct ike_peer *p,
    const struct ikev2_profile *pr, const char *line)
{
	if (pr->id_local_type == 0 || pr->id_local_type == IKEV2_ID_ADDRESS) {
		if (pr->id_local == NULL ||
		    compile_v2_id(&p->id_local, IKEV2_ID_ADDRESS,
		    pr->id_local) != 0)
			compile_id_addr(&p->id_local, &p->local);
		return;
	}
	if (compile_v2_id(&p->id_local, pr->id_local_type, pr->id_local) == 0)
		return;
	compile_diag(c, COMPILE_WARN, line, "identity local of IKEv2 profile "
	    "%s is not supported; iosh sends its address", pr->name);
	compile_id_addr(&p->id_local, &p->local);
}

/* The remote identity: the first `match identity remote` we can check. */
static void
compile_v2_id_remote(struct compile_ctx *c, struct ike_peer *p,
    const struct ikev2_profile *pr, const char *line)
{
	const struct ikev2_match_id	*m;
	struct k_addr			 a;
	int				 host;

	memset(&p->id_remote, 0, sizeof(p->id_remote));
	if (pr->match_any || pr->match_remote.n == 0)
		return;
	m = pr->match_remote.v[0];
	if (m->type == IKEV2_ID_ADDRESS) {
		host = m->plen < 0 || m->plen == (m->addr.af == AF_INET ?
		    32 : 128);
		if (host && compile_addr_ios(&a, &m->addr) == 0)
			compile_id_addr(&p->id_remote, &a);
		else
			compile_diag(c, COMPILE_NOTE, line, "IKEv2 profile "
			    "%s matches a range of addresses; iosh accepts "
			    "any identity from peer %s", pr->name, p->name);
		return;
	}
	if (m->domain || compile_v2_id(&p->id_remote, m->type,
	    m->value) != 0)
		compile_diag(c, COMPILE_NOTE, line, "IKEv2 profile %s: this "
		    "match identity remote is not checked; iosh accepts any "
		    "identity from peer %s", pr->name, p->name);
}

static const struct ikev2_keyring *
compile_v2_find_kr(const struct ios_config *cfg, const char *name)
{
	return model_ikev2_keyring(CFG_LOOKUP(cfg), name, 0);
}

/* The keyring peer for address a: the longest matching prefix. */
static const struct ikev2_kr_peer *
compile_v2_kr_peer(const struct ikev2_keyring *kr, const struct k_addr *a)
{
	const struct ikev2_kr_peer	*best = NULL;
	struct k_addr			 pa;
	int				 plen, bestlen = -1;
	size_t				 i;

	for (i = 0; i < kr->peers.n; i++) {
		const struct ikev2_kr_peer	*kp = kr->peers.v[i];

		if (compile_addr_ios(&pa, &kp->addr) != 0)
			continue;
		plen = kp->plen >= 0 ? kp->plen : pa.family == AF_INET ?
		    32 : 128;
		if (compile_addr_in(a, &pa, plen) && plen > bestlen) {
			best = kp;
			bestlen = plen;
		}
	}
	return best;
}

/* One direction's key: the specific one, else the shared one. */
static int
compile_v2_key(struct ike_buf **out, const struct ios_psk *one,
    const struct ios_psk *both)
{
	const struct ios_psk	*k = one->key != NULL ? one : both;

	if (k->key == NULL || k->keytype != 0)
		return -1;
	*out = ike_buf_dup(k->key, strlen(k->key));
	return *out != NULL ? 0 : -1;
}

static int
compile_v2_psk(struct compile_ctx *c, struct ike_peer *p,
    const struct ikev2_profile *pr, const char *line)
{
	const struct ikev2_keyring	*kr;
	const struct ikev2_kr_peer	*kp;

	if (pr->keyring == NULL ||
	    (kr = compile_v2_find_kr(c->cfg, pr->keyring)) == NULL) {
		compile_diag(c, COMPILE_WARN, line, "IKEv2 profile %s: "
		    "keyring %s does not exist", pr->name,
		    pr->keyring ? pr->keyring : "(none set)");
		return -1;
	}
	if ((kp = compile_v2_kr_peer(kr, &p->remote)) == NULL) {
		compile_diag(c, COMPILE_WARN, line, "IKEv2 keyring %s has no "
		    "peer with address %s", kr->name, p->name);
		return -1;
	}
	if (compile_v2_key(&p->psk_local, &kp->psk_local, &kp->psk) != 0 ||
	    compile_v2_key(&p->psk_remote, &kp->psk_remote, &kp->psk) != 0) {
		compile_diag(c, COMPILE_WARN, line, "IKEv2 keyring %s, peer "
		    "%s: no usable pre-shared key (type 6 keys cannot be "
		    "decrypted)", kr->name, kp->name);
		return -1;
	}
	return 0;
}

/* The peer as IKEv2 profile pr describes it; 0 or -1 (diagnosed). */
int
compile_v2_peer(struct compile_ctx *c, struct ike_peer *p,
    const struct compile_ends *e, const struct ikev2_profile *pr)
{
	const struct ios_dpd	*dpd;

	if (pr->shutdown) {
		compile_diag(c, COMPILE_WARN, e->line, "IKEv2 profile %s is "
		    "shut down", pr->name);
		return -1;
	}
	if (pr->auth_local != IKEV2_AUTH_PSK ||
	    !(pr->auth_remote & IKEV2_AUTH_PSK)) {
		compile_diag(c, COMPILE_WARN, e->line, "IKEv2 profile %s: "
		    "iosh authenticates with pre-share only (authentication "
		    "local and remote pre-share)", pr->name);
		return -1;
	}
	if (compile_v2_psk(c, p, pr, e->line) != 0)
		return -1;
	compile_v2_id_local(c, p, pr, e->line);
	compile_v2_id_remote(c, p, pr, e->line);
	p->lifetime = (uint32_t)(pr->lifetime ? pr->lifetime :
	    IOS_DEF_IKEV2_LIFETIME);
	dpd = pr->dpd.interval ? &pr->dpd : &c->cfg->ikev2_dpd;
	/* XXX: ike_peer has no DPD retry interval nor on-demand mode. */
	p->dpd_interval = (uint32_t)dpd->interval;
	p->dpd_retries = dpd->interval ? 5 : 0;
	p->nat_keepalive = (uint32_t)(pr->nat_keepalive ?
	    pr->nat_keepalive : c->cfg->ikev2_nat_keepalive);
	return compile_v2_props(c, p, &p->local, e->line);
}

/* Proposals no policy uses, and proposals IOS would not complete. */
static void
compile_v2_check_prop(struct compile_ctx *c, const struct ikev2_proposal *x)
{
	struct ike_prop	p = { 0 };
	char		line[COMPILE_LINE_MAX];
	size_t		i, j, used = 0, gcm = 0;

	snprintf(line, sizeof(line), "crypto ikev2 proposal %s", x->name);
	for (i = 0; i < c->cfg->ikev2_policies.n; i++) {
		const struct ikev2_policy	*pol;

		pol = c->cfg->ikev2_policies.v[i];
		for (j = 0; j < pol->proposals.n; j++)
			used |= strcmp(pol->proposals.v[j], x->name) == 0;
	}
	for (i = 0; i < x->enc.n; i++)
		gcm |= (size_t)compile_v2_is_gcm(x->enc.v[i]);
	if (!used)
		compile_diag(c, COMPILE_WARN, line, "IKEv2 proposal %s is not "
		    "used by any crypto ikev2 policy; the default proposal "
		    "is negotiated instead", x->name);
	if (gcm && x->integ.n > 0)
		compile_diag(c, COMPILE_WARN, line, "IKEv2 proposal %s: "
		    "aes-gcm with an integrity algorithm; the integrity is "
		    "left out", x->name);
	if (x->enc.n == 0 || x->group.n == 0 ||
	    (!gcm && x->integ.n == 0) || (gcm && x->prf.n == 0))
		compile_diag(c, COMPILE_WARN, line, "IKEv2 proposal %s is "
		    "incomplete (it needs encryption, %s and group)", x->name,
		    gcm ? "prf" : "integrity");
	if (compile_v2_prop(x, &p) > 0)
		compile_diag(c, COMPILE_WARN, line, "IKEv2 proposal %s: "
		    "algorithms iosh does not implement are left out",
		    x->name);
}

/* Proposals and policies, once per config. */
void
compile_v2_check(struct compile_ctx *c)
{
	char	line[COMPILE_LINE_MAX];
	size_t	i, j;

	for (i = 0; i < c->cfg->ikev2_proposals.n; i++)
		compile_v2_check_prop(c, c->cfg->ikev2_proposals.v[i]);
	for (i = 0; i < c->cfg->ikev2_policies.n; i++) {
		const struct ikev2_policy	*pol;

		pol = c->cfg->ikev2_policies.v[i];
		snprintf(line, sizeof(line), "crypto ikev2 policy %s",
		    pol->name);
		for (j = 0; j < pol->proposals.n; j++)
			if (compile_v2_find_prop(c->cfg,
			    pol->proposals.v[j]) == NULL)
				compile_diag(c, COMPILE_WARN, line, "proposal "
				    "%s does not exist",
				    (const char *)pol->proposals.v[j]);
	}
}
