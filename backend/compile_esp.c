/*
 * backend/compile_esp.c: the ESP side of a Child SA definition, from
 * the transform-sets, PFS group and lifetimes a crypto map entry or an
 * ipsec profile sets (IOS defaults where it sets nothing).
 */
#include <string.h>

#include "backend/compile_priv.h"

#define COMPILE_DEF_SA_SECONDS	3600
#define COMPILE_DEF_SA_KBYTES	4608000
#define COMPILE_DEF_REPLAY	64
#define COMPILE_DEF_PFS		14

/* IOS's `crypto ipsec transform-set default`: esp-aes esp-sha-hmac. */
static const struct transform_set compile_ts_default = {
	.name = "default",
	.cipher = TS_ESP_AES,
	.bits = 128,
	.esp_auth = TS_AUTH_SHA1,
};

static const struct transform_set *
compile_ts_find(const struct ios_config *cfg, const char *name)
{
	return model_transform_set(CFG_LOOKUP(cfg), name, 0);
}

/* ENCR id (RFC 7296 3.3.2, RFC 4106, RFC 4543) of a transform-set. */
static uint16_t
compile_ts_encr(const struct transform_set *t, uint16_t *bits)
{
	*bits = (uint16_t)(t->bits ? t->bits : 128);
	switch (t->cipher) {
	case TS_ESP_AES:
		return 12;
	case TS_ESP_GCM:
		return 20;
	case TS_ESP_GMAC:
		return 21;
	case TS_ESP_3DES:
		*bits = 0;
		return 3;
	case TS_ESP_DES:
		*bits = 0;
		return 2;
	case TS_ESP_NULL:
		*bits = 0;
		return 11;
	}
	return 0;
}

static uint16_t
compile_ts_integ(int auth)
{
	static const uint16_t	t[] = { 0, 1, 2, 12, 13, 14 };

	return auth > 0 && auth <= TS_AUTH_SHA512 ? t[auth] : 0;
}

/* One transform-set as an ESP proposal; -1 when it is not usable. */
static int
compile_ts_prop(struct compile_ctx *c, const struct transform_set *t,
    struct ike_prop *p, const char *line)
{
	uint16_t	id, bits;
	int		aead;

	aead = t->cipher == TS_ESP_GCM || t->cipher == TS_ESP_GMAC;
	memset(p, 0, sizeof(*p));
	p->proto = IKE_PROTO_ESP;
	if (t->ah || t->comp)
		compile_diag(c, COMPILE_WARN, line, "transform-set %s: AH and "
		    "compression are not compiled; ESP only", t->name);
	if (aead && t->esp_auth)
		compile_diag(c, COMPILE_WARN, line, "transform-set %s: %s "
		    "with an integrity algorithm; the integrity is left out",
		    t->name, t->cipher == TS_ESP_GCM ? "esp-gcm" : "esp-gmac");
	id = compile_ts_encr(t, &bits);
	if (compile_xf(p, IKE_XF_ENCR, id, bits) != 0 ||
	    (!aead && t->esp_auth && compile_xf(p, IKE_XF_INTEG,
	    compile_ts_integ(t->esp_auth), 0) != 0)) {
		compile_diag(c, COMPILE_WARN, line, "transform-set %s uses "
		    "an algorithm iosh does not implement; it is not "
		    "proposed", t->name);
		return -1;
	}
	ike_prop_add(p, IKE_XF_ESN, 0, 0);
	return 0;
}

/* The proposals of the named transform-sets; the first set in *first. */
static void
compile_esp_props(struct compile_ctx *c, const struct compile_prot *prot,
    struct ike_child_def *d, const struct transform_set **first)
{
	const struct transform_set	*t;
	size_t				 i, named = 0;

	*first = NULL;
	for (i = 0; i < IOS_MAX_TS && prot->ts[i] != NULL; i++) {
		named++;
		if ((t = compile_ts_find(c->cfg, prot->ts[i])) == NULL) {
			compile_diag(c, COMPILE_WARN, prot->line, "transform-"
			    "set %s does not exist", prot->ts[i]);
			continue;
		}
		if (d->nprops == IKE_MAX_PROPS ||
		    compile_ts_prop(c, t, &d->props[d->nprops],
		    prot->line) != 0)
			continue;
		d->props[d->nprops].num = (uint8_t)(d->nprops + 1);
		d->nprops++;
		if (*first == NULL)
			*first = t;
	}
	if (named == 0 && compile_ts_prop(c, &compile_ts_default,
	    &d->props[0], prot->line) == 0) {
		compile_diag(c, COMPILE_NOTE, prot->line, "no transform-set "
		    "set; the default transform-set (esp-aes esp-sha-hmac) "
		    "applies");
		d->props[0].num = 1;
		d->nprops = 1;
		*first = &compile_ts_default;
	}
}

/* PFS and lifetimes; -1 (diagnosed) for a group iosh lacks. */
static int
compile_esp_pfs(struct compile_ctx *c, const struct compile_prot *prot,
    struct ike_child_def *d)
{
	const struct ios_sa_life	*g = &c->cfg->ipsec_life;
	const struct ios_sa_life	*l = prot->life;

	d->pfs_group = (uint16_t)(prot->pfs > 0 ? prot->pfs : 0);
	if (prot->pfs < 0) {
		/* XXX: IOS's platform default for a bare `set pfs`. */
		compile_diag(c, COMPILE_NOTE, prot->line, "set pfs without a "
		    "group: iosh uses group%d", COMPILE_DEF_PFS);
		d->pfs_group = COMPILE_DEF_PFS;
	}
	if (d->pfs_group != 0 && ike_alg_dh(d->pfs_group) == NULL) {
		compile_diag(c, COMPILE_WARN, prot->line, "set pfs group%u: "
		    "iosh does not implement this group", d->pfs_group);
		return -1;
	}
	d->life_seconds = l->seconds ? l->seconds : g->seconds ? g->seconds :
	    COMPILE_DEF_SA_SECONDS;
	if (c->opts != NULL && c->opts->child_life_max != 0 &&
	    d->life_seconds > c->opts->child_life_max)
		d->life_seconds = c->opts->child_life_max;
	d->life_kbytes = l->kbytes ? l->kbytes : g->kbytes ? g->kbytes :
	    COMPILE_DEF_SA_KBYTES;
	if (l->kb_disable || (l->kbytes == 0 && g->kb_disable))
		d->life_kbytes = 0;
	d->replay_window = (uint32_t)(c->cfg->replay_window ?
	    c->cfg->replay_window : COMPILE_DEF_REPLAY);
	return 0;
}

/*
 * The ESP proposals, PFS, lifetimes, replay window and mode of d from
 * prot; *transport is 1 when the first transform-set asks for
 * transport mode.  0, or -1 (diagnosed) when nothing is usable.
 */
int
compile_esp(struct compile_ctx *c, const struct compile_prot *prot,
    struct ike_child_def *d, int *transport)
{
	const struct transform_set	*first;

	compile_esp_props(c, prot, d, &first);
	if (d->nprops == 0) {
		compile_diag(c, COMPILE_WARN, prot->line, "no usable "
		    "transform-set; the entry is incomplete and not "
		    "compiled");
		return -1;
	}
	*transport = first->transport;
	d->mode = K_MODE_TUNNEL;
	return compile_esp_pfs(c, prot, d);
}
