/*
 * ike/ike_alg.c: the transforms iosh speaks, as tables.
 *
 * Transform IDs are from RFC 7296 section 3.3.2 and the IANA "IKEv2
 * Parameters" registry (Transform Type 1..5 values).  Each row carries
 * the OpenSSL name used to run it, the Linux XFRM name used to install
 * it in the kernel, and the name `show` and the logs print.
 */
#include <string.h>

#include "ike/ike.h"

/*
 * Type 1, Encryption Algorithm.  ENCR_AES_CBC 12 (RFC 3602), and
 * ENCR_AES_GCM_16 20 (RFC 4106 for ESP, RFC 5282 for IKE): the
 * keying material carries a 4-byte salt after the key, and the
 * ciphertext needs no alignment (RFC 5282 section 3: block size 1).
 */
static const struct ike_encr ike_encr_table[] = {
	{ 12, 128, 0, 16, 16, 0, 0, "AES-128-CBC", "cbc(aes)", "AES-CBC" },
	{ 12, 192, 0, 16, 16, 0, 0, "AES-192-CBC", "cbc(aes)", "AES-CBC" },
	{ 12, 256, 0, 16, 16, 0, 0, "AES-256-CBC", "cbc(aes)", "AES-CBC" },
	{ 20, 128, 1, 1, 8, 4, 16, "AES-128-GCM", "rfc4106(gcm(aes))",
	    "AES-GCM" },
	{ 20, 256, 1, 1, 8, 4, 16, "AES-256-GCM", "rfc4106(gcm(aes))",
	    "AES-GCM" },
};

/* Type 2, Pseudorandom Function (RFC 4868 for SHA-2). */
static const struct ike_prf ike_prf_table[] = {
	{ 2, 20, "SHA1", "SHA1" },		/* PRF_HMAC_SHA1 */
	{ 5, 32, "SHA2-256", "SHA256" },	/* PRF_HMAC_SHA2_256 */
	{ 6, 48, "SHA2-384", "SHA384" },	/* PRF_HMAC_SHA2_384 */
	{ 7, 64, "SHA2-512", "SHA512" },	/* PRF_HMAC_SHA2_512 */
};

/* Type 3, Integrity Algorithm: truncation per RFC 2404 and RFC 4868. */
static const struct ike_integ ike_integ_table[] = {
	{ 2, 20, 12, "SHA1", "hmac(sha1)", "SHA96" },	/* _SHA1_96 */
	{ 12, 32, 16, "SHA2-256", "hmac(sha256)", "SHA256" },
	{ 13, 48, 24, "SHA2-384", "hmac(sha384)", "SHA384" },
	{ 14, 64, 32, "SHA2-512", "hmac(sha512)", "SHA512" },
};

/*
 * Type 4, Diffie-Hellman Group: MODP groups from RFC 3526, ECP groups
 * from RFC 5903 (public value x | y, section 7), Curve25519 from
 * RFC 8031.
 */
static const struct ike_dh ike_dh_table[] = {
	{ 14, IKE_DH_MODP, 256, "modp_2048", "DH Group 14" },
	{ 15, IKE_DH_MODP, 384, "modp_3072", "DH Group 15" },
	{ 16, IKE_DH_MODP, 512, "modp_4096", "DH Group 16" },
	{ 19, IKE_DH_ECP, 64, "prime256v1", "DH Group 19" },
	{ 20, IKE_DH_ECP, 96, "secp384r1", "DH Group 20" },
	{ 21, IKE_DH_ECP, 132, "secp521r1", "DH Group 21" },
	{ 31, IKE_DH_X25519, 32, "X25519", "DH Group 31" },
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

const struct ike_encr *
ike_alg_encr(uint16_t id, uint16_t keybits)
{
	size_t	i;

	for (i = 0; i < NELEM(ike_encr_table); i++)
		if (ike_encr_table[i].id == id &&
		    ike_encr_table[i].keybits == keybits)
			return (&ike_encr_table[i]);
	return (NULL);
}

const struct ike_prf *
ike_alg_prf(uint16_t id)
{
	size_t	i;

	for (i = 0; i < NELEM(ike_prf_table); i++)
		if (ike_prf_table[i].id == id)
			return (&ike_prf_table[i]);
	return (NULL);
}

const struct ike_integ *
ike_alg_integ(uint16_t id)
{
	size_t	i;

	for (i = 0; i < NELEM(ike_integ_table); i++)
		if (ike_integ_table[i].id == id)
			return (&ike_integ_table[i]);
	return (NULL);
}

const struct ike_dh *
ike_alg_dh(uint16_t id)
{
	size_t	i;

	for (i = 0; i < NELEM(ike_dh_table); i++)
		if (ike_dh_table[i].id == id)
			return (&ike_dh_table[i]);
	return (NULL);
}

/* The i-th group iosh implements, NULL past the last. */
const struct ike_dh *
ike_alg_dh_nth(size_t i)
{
	return (i < NELEM(ike_dh_table) ? &ike_dh_table[i] : NULL);
}

/* The display name of one transform, "unknown" when we lack it. */
const char *
ike_alg_xf_name(uint8_t type, uint16_t id, uint16_t keybits)
{
	const struct ike_encr	*e;
	const struct ike_prf	*p;
	const struct ike_integ	*i;
	const struct ike_dh	*d;

	switch (type) {
	case IKE_XF_ENCR:
		return ((e = ike_alg_encr(id, keybits)) ? e->name : "unknown");
	case IKE_XF_PRF:
		return ((p = ike_alg_prf(id)) ? p->name : "unknown");
	case IKE_XF_INTEG:
		if (id == 0)
			return ("NONE");
		return ((i = ike_alg_integ(id)) ? i->name : "unknown");
	case IKE_XF_DH:
		if (id == 0)
			return ("NONE");
		return ((d = ike_alg_dh(id)) ? d->name : "unknown");
	case IKE_XF_ESN:
		return (id ? "ESN" : "No ESN");
	}
	return ("unknown");
}

int
ike_prop_add(struct ike_prop *p, uint8_t type, uint16_t id,
    uint16_t keybits)
{
	if (p->nxf >= IKE_MAX_XF)
		return (IKE_E_SPACE);
	p->xf[p->nxf].type = type;
	p->xf[p->nxf].id = id;
	p->xf[p->nxf].keybits = keybits;
	p->nxf++;
	return (IKE_OK);
}

static int
ike_prop_has(const struct ike_prop *p, const struct ike_xf *x)
{
	size_t	i;

	for (i = 0; i < p->nxf; i++)
		if (p->xf[i].type == x->type && p->xf[i].id == x->id &&
		    p->xf[i].keybits == x->keybits)
			return (1);
	return (0);
}

static int
ike_prop_has_type(const struct ike_prop *p, uint8_t type)
{
	size_t	i;

	for (i = 0; i < p->nxf; i++)
		if (p->xf[i].type == type)
			return (1);
	return (0);
}

/* First transform of a type the peer offers that we also offer and know. */
static const struct ike_xf *
ike_prop_pick(const struct ike_prop *ours, const struct ike_prop *theirs,
    uint8_t type)
{
	size_t	i;

	for (i = 0; i < theirs->nxf; i++) {
		const struct ike_xf *x = &theirs->xf[i];

		if (x->type == type && ike_prop_has(ours, x))
			return (x);
	}
	return (NULL);
}

/*
 * Integrity for one pair of proposals.  With an AEAD cipher the peer
 * may omit INTEG or send INTEG NONE (RFC 5282 section 8; RFC 7296
 * 3.3.3); either way we pick none.  Without one we need a real one.
 */
static int
ike_alg_pick_integ(const struct ike_prop *ours, const struct ike_prop *theirs,
    struct ike_suite *s)
{
	const struct ike_xf	*x;
	size_t			 i;

	s->integ = NULL;
	if (s->encr->aead) {
		for (i = 0; i < theirs->nxf; i++)
			if (theirs->xf[i].type == IKE_XF_INTEG &&
			    theirs->xf[i].id == 0)
				return (IKE_OK);
		return (ike_prop_has_type(theirs, IKE_XF_INTEG) ?
		    IKE_E_NOPROP : IKE_OK);
	}
	if ((x = ike_prop_pick(ours, theirs, IKE_XF_INTEG)) == NULL ||
	    (s->integ = ike_alg_integ(x->id)) == NULL)
		return (IKE_E_NOPROP);
	return (IKE_OK);
}

/* DH: required when we list one; "none" matches absent or NONE. */
static int
ike_alg_pick_dh(const struct ike_prop *ours, const struct ike_prop *theirs,
    struct ike_suite *s)
{
	const struct ike_xf	*x;
	struct ike_xf		 none = { IKE_XF_DH, 0, 0 };

	s->dh = NULL;
	if ((x = ike_prop_pick(ours, theirs, IKE_XF_DH)) != NULL && x->id)
		return ((s->dh = ike_alg_dh(x->id)) ? IKE_OK : IKE_E_NOPROP);
	if (ike_prop_has_type(ours, IKE_XF_DH) && !ike_prop_has(ours, &none))
		return (IKE_E_NOPROP);
	if (ike_prop_has_type(theirs, IKE_XF_DH) &&
	    !ike_prop_has(theirs, &none))
		return (IKE_E_NOPROP);
	return (IKE_OK);
}

static int
ike_alg_pick_esn(const struct ike_prop *ours, const struct ike_prop *theirs,
    struct ike_suite *s)
{
	const struct ike_xf	*x;

	s->esn = 0;
	if (!ike_prop_has_type(theirs, IKE_XF_ESN))
		return (IKE_OK);
	if ((x = ike_prop_pick(ours, theirs, IKE_XF_ESN)) == NULL) {
		/* We did not list ESN: we take "no ESN" only. */
		struct ike_xf no = { IKE_XF_ESN, 0, 0 };

		if (ike_prop_has_type(ours, IKE_XF_ESN) ||
		    !ike_prop_has(theirs, &no))
			return (IKE_E_NOPROP);
		return (IKE_OK);
	}
	s->esn = (uint8_t)x->id;
	return (IKE_OK);
}

static int
ike_alg_match_one(const struct ike_prop *ours, const struct ike_prop *theirs,
    struct ike_suite *s)
{
	const struct ike_xf	*x;

	if (ours->proto != theirs->proto)
		return (IKE_E_NOPROP);
	memset(s, 0, sizeof(*s));
	if ((x = ike_prop_pick(ours, theirs, IKE_XF_ENCR)) == NULL ||
	    (s->encr = ike_alg_encr(x->id, x->keybits)) == NULL)
		return (IKE_E_NOPROP);
	if (ours->proto == IKE_PROTO_IKE) {
		if ((x = ike_prop_pick(ours, theirs, IKE_XF_PRF)) == NULL ||
		    (s->prf = ike_alg_prf(x->id)) == NULL)
			return (IKE_E_NOPROP);
	}
	if (ike_alg_pick_integ(ours, theirs, s) != IKE_OK ||
	    ike_alg_pick_dh(ours, theirs, s) != IKE_OK ||
	    ike_alg_pick_esn(ours, theirs, s) != IKE_OK)
		return (IKE_E_NOPROP);
	if (ours->proto == IKE_PROTO_IKE && s->dh == NULL)
		return (IKE_E_NOPROP);
	s->num = theirs->num;
	s->spisize = theirs->spisize;
	memcpy(s->spi, theirs->spi, sizeof(s->spi));
	return (IKE_OK);
}

/*
 * As a responder: the first of the peer's proposals, in its order,
 * that one of ours accepts.  IKE_E_NOPROP when none does.
 */
int
ike_alg_match(const struct ike_prop *ours, size_t nours,
    const struct ike_prop *theirs, size_t ntheirs, struct ike_suite *out)
{
	size_t	i, j;

	for (i = 0; i < ntheirs; i++)
		for (j = 0; j < nours; j++)
			if (ike_alg_match_one(&ours[j], &theirs[i], out) ==
			    IKE_OK)
				return (IKE_OK);
	return (IKE_E_NOPROP);
}

/* The single proposal that states a choice, with our SPI (3.3). */
void
ike_alg_suite_prop(const struct ike_suite *s, uint8_t proto,
    const uint8_t *spi, uint8_t spisize, struct ike_prop *p)
{
	memset(p, 0, sizeof(*p));
	p->num = s->num;
	p->proto = proto;
	p->spisize = spisize;
	if (spisize > 0)
		memcpy(p->spi, spi, spisize);
	ike_prop_add(p, IKE_XF_ENCR, s->encr->id, s->encr->keybits);
	if (s->prf)
		ike_prop_add(p, IKE_XF_PRF, s->prf->id, 0);
	if (s->integ)
		ike_prop_add(p, IKE_XF_INTEG, s->integ->id, 0);
	if (s->dh)
		ike_prop_add(p, IKE_XF_DH, s->dh->id, 0);
	if (proto != IKE_PROTO_IKE)
		ike_prop_add(p, IKE_XF_ESN, s->esn, 0);
}

/* As an initiator: is the responder's single choice one we offered? */
int
ike_alg_suite_ok(const struct ike_prop *ours, size_t nours,
    const struct ike_suite *s)
{
	struct ike_prop	p;
	struct ike_suite chk;
	size_t		i;

	ike_alg_suite_prop(s, ours[0].proto, s->spi, 0, &p);
	for (i = 0; i < nours; i++)
		if (ike_alg_match_one(&ours[i], &p, &chk) == IKE_OK)
			return (IKE_OK);
	return (IKE_E_NOPROP);
}

/*
 * Proposal strings as strongSwan writes them ("aes256-sha256-modp2048",
 * "aes256gcm16-prfsha256-ecp256", "aes128-sha1-esn"): one table of
 * tokens.  An IKE proposal without a prf token takes the PRF named
 * like its integrity algorithm.
 */
static const struct ike_alg_token {
	const char	*name;
	uint8_t		 type;
	uint16_t	 id;
	uint16_t	 keybits;
} ike_alg_tokens[] = {
	{ "aes128",	 IKE_XF_ENCR,	12, 128 },
	{ "aes192",	 IKE_XF_ENCR,	12, 192 },
	{ "aes256",	 IKE_XF_ENCR,	12, 256 },
	{ "aes128gcm16", IKE_XF_ENCR,	20, 128 },
	{ "aes256gcm16", IKE_XF_ENCR,	20, 256 },
	{ "aes128gcm",	 IKE_XF_ENCR,	20, 128 },
	{ "aes256gcm",	 IKE_XF_ENCR,	20, 256 },
	{ "prfsha1",	 IKE_XF_PRF,	2, 0 },
	{ "prfsha256",	 IKE_XF_PRF,	5, 0 },
	{ "prfsha384",	 IKE_XF_PRF,	6, 0 },
	{ "prfsha512",	 IKE_XF_PRF,	7, 0 },
	{ "sha1",	 IKE_XF_INTEG,	2, 0 },
	{ "sha256",	 IKE_XF_INTEG,	12, 0 },
	{ "sha384",	 IKE_XF_INTEG,	13, 0 },
	{ "sha512",	 IKE_XF_INTEG,	14, 0 },
	{ "modp2048",	 IKE_XF_DH,	14, 0 },
	{ "modp3072",	 IKE_XF_DH,	15, 0 },
	{ "modp4096",	 IKE_XF_DH,	16, 0 },
	{ "ecp256",	 IKE_XF_DH,	19, 0 },
	{ "ecp384",	 IKE_XF_DH,	20, 0 },
	{ "ecp521",	 IKE_XF_DH,	21, 0 },
	{ "curve25519",	 IKE_XF_DH,	31, 0 },
	{ "x25519",	 IKE_XF_DH,	31, 0 },
	{ "noesn",	 IKE_XF_ESN,	0, 0 },
	{ "esn",	 IKE_XF_ESN,	1, 0 },
};

/* PRF ids by integrity id: HMAC with the same hash. */
static uint16_t
ike_alg_prf_for(uint16_t integ)
{
	switch (integ) {
	case 2:
		return (2);
	case 12:
		return (5);
	case 13:
		return (6);
	case 14:
		return (7);
	}
	return (0);
}

static const struct ike_alg_token *
ike_alg_token(const char *s, size_t len)
{
	size_t	i;

	for (i = 0; i < NELEM(ike_alg_tokens); i++)
		if (strlen(ike_alg_tokens[i].name) == len &&
		    strncmp(ike_alg_tokens[i].name, s, len) == 0)
			return (&ike_alg_tokens[i]);
	return (NULL);
}

/* Add the PRFs an IKE proposal implies, and "no ESN" to an ESP one. */
static int
ike_alg_defaults(struct ike_prop *p)
{
	size_t	i, n = p->nxf;

	if (p->proto == IKE_PROTO_IKE && !ike_prop_has_type(p, IKE_XF_PRF))
		for (i = 0; i < n; i++)
			if (p->xf[i].type == IKE_XF_INTEG)
				ike_prop_add(p, IKE_XF_PRF,
				    ike_alg_prf_for(p->xf[i].id), 0);
	if (p->proto != IKE_PROTO_IKE && !ike_prop_has_type(p, IKE_XF_ESN))
		ike_prop_add(p, IKE_XF_ESN, 0, 0);
	if (!ike_prop_has_type(p, IKE_XF_ENCR))
		return (IKE_E_INVAL);
	if (p->proto == IKE_PROTO_IKE && (!ike_prop_has_type(p, IKE_XF_PRF) ||
	    !ike_prop_has_type(p, IKE_XF_DH)))
		return (IKE_E_INVAL);
	return (IKE_OK);
}

int
ike_alg_parse(const char *s, uint8_t proto, struct ike_prop *p)
{
	const struct ike_alg_token	*t;
	size_t				 len;

	memset(p, 0, sizeof(*p));
	p->num = 1;
	p->proto = proto;
	while (*s != '\0') {
		len = strcspn(s, "-");
		if ((t = ike_alg_token(s, len)) == NULL)
			return (IKE_E_INVAL);
		if (ike_prop_add(p, t->type, t->id, t->keybits) != IKE_OK)
			return (IKE_E_SPACE);
		s += len;
		if (*s == '-')
			s++;
	}
	return (ike_alg_defaults(p));
}
