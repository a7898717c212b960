/*
 * grammar/cmd_show_crypto.c: the show crypto commands whose answer is
 * the running config alone, in IOS-XE's layout (reference 1.6):
 * show crypto ipsec transform-set | profile, show crypto map, show
 * crypto ikev2 proposal | policy | profile, show crypto isakmp policy
 * and show crypto isakmp sa.
 *
 * The live ones (ikev2 sa, ipsec sa, session, compile) are in
 * shell/live.c; the words they share with these ("crypto", "ikev2",
 * "ipsec") carry the same help text.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "grammar/cmd.h"

#define H_SHOW_CRYPTO	"Encryption module"
#define H_SHOW_IKEV2	"Shows ikev2 information"
#define H_SHOW_IPSEC	"Show IPSEC policy"
#define H_SHOW_ISAKMP	"Show ISAKMP"

#define IOS_DEF_SA_KBYTES	4608000
#define IOS_DEF_SA_SECONDS	3600

/* ------------------------------------------------------------ pieces */

/* A transform set as IOS shows it: "{ esp-256-aes esp-sha256-hmac  }". */
static const char *
ts_braces(const struct transform_set *t, char *b, size_t len)
{
	size_t	 off;

	off = snprintf(b, len, "{ ");
	if (t->ah && off < len)
		off += snprintf(b + off, len - off, "%s ",
		    names_kw(names_ah_auth, t->ah));
	if (t->cipher == TS_ESP_AES && (t->bits == 192 || t->bits == 256) &&
	    off < len)
		off += snprintf(b + off, len - off, "esp-%d-aes ", t->bits);
	else if ((t->cipher == TS_ESP_GCM || t->cipher == TS_ESP_GMAC) &&
	    t->bits != 0 && off < len)
		off += snprintf(b + off, len - off, "%s %d ",
		    names_kw(names_ts_cipher, t->cipher), t->bits);
	else if (t->cipher && off < len)
		off += snprintf(b + off, len - off, "%s ",
		    names_kw(names_ts_cipher, t->cipher));
	if (t->esp_auth && off < len)
		off += snprintf(b + off, len - off, "%s ",
		    names_kw(names_ts_auth, t->esp_auth));
	/* XXX: IOS may print AH and compression in braces of their own. */
	if (t->comp && off < len)
		off += snprintf(b + off, len - off, "comp-lzs ");
	if (off < len)
		snprintf(b + off, len - off, " }");
	return b;
}

/* A configured set by name, or IOS's built-in default. */
static const struct transform_set *
ts_find(struct ios_config *cfg, const char *name)
{
	const struct transform_set	*t;

	if ((t = model_transform_set(cfg, name, 0)) != NULL)
		return t;
	if (strcmp(name, ios_default_transform_set.name) == 0)
		return &ios_default_transform_set;
	return NULL;
}

static void
show_ts_list(struct cli *cli, struct ios_config *cfg, char *const ts[])
{
	const struct transform_set	*t;
	char				 b[256];
	int				 i;

	cli_printf(cli, "        Transform sets={\n");
	/* None set: IOS-XE uses its default transform set. */
	if (ts[0] == NULL)
		cli_printf(cli, "                %s:  %s ,\n",
		    ios_default_transform_set.name,
		    ts_braces(&ios_default_transform_set, b, sizeof(b)));
	for (i = 0; i < IOS_MAX_TS && ts[i] != NULL; i++)
		if ((t = ts_find(cfg, ts[i])) != NULL)
			cli_printf(cli, "                %s:  %s ,\n", t->name,
			    ts_braces(t, b, sizeof(b)));
	cli_printf(cli, "        }\n");
}

/* The entry's lifetime, else the global one, else IOS's default. */
static void
show_life(struct cli *cli, const struct ios_config *cfg,
    const struct ios_sa_life *l)
{
	uint32_t	 kb, s;

	/* XXX: lifetime kilobytes disable is shown as the default. */
	kb = l->kbytes ? l->kbytes : cfg->ipsec_life.kbytes ?
	    cfg->ipsec_life.kbytes : IOS_DEF_SA_KBYTES;
	s = l->seconds ? l->seconds : cfg->ipsec_life.seconds ?
	    cfg->ipsec_life.seconds : IOS_DEF_SA_SECONDS;
	cli_printf(cli, "        Security association lifetime: "
	    "%u kilobytes/%u seconds\n", kb, s);
}

static void
show_pfs(struct cli *cli, int pfs)
{
	cli_printf(cli, "        PFS (Y/N): %s\n", pfs ? "Y" : "N");
	/* XXX: set pfs without a group shows no DH group line. */
	if (pfs > 0)
		cli_printf(cli, "        DH group:  group%d\n", pfs);
	cli_printf(cli, "        Mixed-mode : Disabled\n");
}

/* ----------------------------------------- show crypto ipsec ... */

static void
show_ts(struct cli *cli, const struct transform_set *t)
{
	char	 b[256];

	cli_printf(cli, "Transform set %s: %s\n", t->name,
	    ts_braces(t, b, sizeof(b)));
	/* XXX: mode transport require is shown as Transport. */
	cli_printf(cli, "   will negotiate = { %s,  },\n\n",
	    t->transport ? "Transport" : "Tunnel");
}

static int
h_show_ts(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config	*cfg = cfg_of(cli);
	const char		*name = cmd_arg(a, "name");
	const char		*def = ios_default_transform_set.name;
	size_t			 i;

	if (name != NULL) {
		const struct transform_set *t = ts_find(cfg, name);

		if (t != NULL)
			show_ts(cli, t);
		return CLI_OK;
	}
	if (model_transform_set(cfg, def, 0) == NULL)
		show_ts(cli, &ios_default_transform_set);
	for (i = 0; i < cfg->transform_sets.n; i++)
		show_ts(cli, cfg->transform_sets.v[i]);
	return CLI_OK;
}

static void
show_ipsec_profile(struct cli *cli, struct ios_config *cfg,
    const struct ipsec_profile *p)
{
	cli_printf(cli, "IPSEC profile %s\n", p->name);
	if (p->ikev2_profile)
		cli_printf(cli, "        IKEv2 Profile: %s\n",
		    p->ikev2_profile);
	if (p->isakmp_profile)
		cli_printf(cli, "        ISAKMP Profile: %s\n",
		    p->isakmp_profile);
	show_life(cli, cfg, &p->life);
	cli_printf(cli, "        Dualstack (Y/N): N\n");
	cli_printf(cli, "        Responder-Only (Y/N): %s\n",
	    p->responder_only ? "Y" : "N");
	show_pfs(cli, p->pfs);
	show_ts_list(cli, cfg, p->ts);
}

static int
h_show_ipsec_profile(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config	*cfg = cfg_of(cli);
	const char		*name = cmd_arg(a, "name");
	/* IOS-XE's built-in profile: the default transform set, no PFS. */
	struct ipsec_profile	 def = { .name = (char *)"default" };
	struct ipsec_profile	*p;
	size_t			 i;

	if (name != NULL) {
		if ((p = model_ipsec_profile(cfg, name, 0)) != NULL)
			show_ipsec_profile(cli, cfg, p);
		else if (strcmp(name, def.name) == 0)
			show_ipsec_profile(cli, cfg, &def);
		return CLI_OK;
	}
	if (model_ipsec_profile(cfg, def.name, 0) == NULL)
		show_ipsec_profile(cli, cfg, &def);
	for (i = 0; i < cfg->ipsec_profiles.n; i++)
		show_ipsec_profile(cli, cfg, cfg->ipsec_profiles.v[i]);
	return CLI_OK;
}

/* ---------------------------------------------- show crypto map */

static void
show_cmap_acl(struct cli *cli, struct ios_config *cfg, const char *name)
{
	const struct ios_acl	*l = model_acl(cfg, name, 0);
	char			 b[1024];
	size_t			 j;

	cli_printf(cli, "        %s IP access list %s\n",
	    l != NULL && !l->extended ? "Standard" : "Extended", name);
	for (j = 0; l != NULL && j < l->aces.n; j++) {
		const struct ios_ace *e = l->aces.v[j];

		if (e->action == ACE_REMARK)
			continue;
		cli_printf(cli, "            access-list %s %s\n", name,
		    ios_ace_text(l, e, b, sizeof(b)));
	}
}

static void
show_cmap_entry(struct cli *cli, struct ios_config *cfg,
    const struct cmap_entry *e)
{
	size_t	 i;

	cli_printf(cli, "Crypto Map IPv4 \"%s\" %d %s\n", e->map, e->seq,
	    e->manual ? "ipsec-manual" : "ipsec-isakmp");
	if (e->dynmap != NULL) {
		cli_printf(cli, "        Dynamic map template tag: %s\n",
		    e->dynmap);
	} else {
		if (e->peers.n == 0 || e->acl == NULL)
			cli_printf(cli, "        WARNING: This crypto map is "
			    "in an incomplete state!\n"
			    "        (missing peer or access-list "
			    "definitions)\n");
		for (i = 0; i < e->peers.n; i++)
			cli_printf(cli, "        Peer = %s\n",
			    (const char *)e->peers.v[i]);
		if (e->ikev2_profile)
			cli_printf(cli, "        IKEv2 Profile: %s\n",
			    e->ikev2_profile);
		if (e->isakmp_profile)
			cli_printf(cli, "        ISAKMP Profile: %s\n",
			    e->isakmp_profile);
		if (e->acl != NULL)
			show_cmap_acl(cli, cfg, e->acl);
		else
			cli_printf(cli, "        No matching address list "
			    "set.\n");
		if (e->peers.n > 0)
			cli_printf(cli, "        Current peer: %s\n",
			    (const char *)e->peers.v[0]);
		show_life(cli, cfg, &e->life);
		cli_printf(cli, "        Responder-Only (Y/N): N\n");
		show_pfs(cli, e->pfs);
		show_ts_list(cli, cfg, e->ts);
	}
}

/* After the last entry of a map: the interfaces it is applied to. */
static void
show_cmap_ifs(struct cli *cli, const struct ios_config *cfg,
    const char *map)
{
	size_t	 i;

	cli_printf(cli, "        Interfaces using crypto map %s:\n", map);
	for (i = 0; i < cfg->interfaces.n; i++) {
		const struct ios_if *ifp = cfg->interfaces.v[i];

		if (ifp->crypto_map != NULL &&
		    strcmp(ifp->crypto_map, map) == 0)
			cli_printf(cli, "                %s\n", ifp->name);
	}
}

static int
h_show_cmap(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config	*cfg = cfg_of(cli);
	const char		*tag = cmd_arg(a, "tag-name");
	size_t			 i;

	for (i = 0; i < cfg->cmap_entries.n; i++) {
		const struct cmap_entry *e = cfg->cmap_entries.v[i];

		const struct cmap_entry *next = i + 1 < cfg->cmap_entries.n ?
		    cfg->cmap_entries.v[i + 1] : NULL;

		if (tag != NULL && strcmp(tag, e->map) != 0)
			continue;
		show_cmap_entry(cli, cfg, e);
		if (next == NULL || strcmp(next->map, e->map) != 0)
			show_cmap_ifs(cli, cfg, e->map);
		cli_printf(cli, "\n");
	}
	return CLI_OK;
}

/* ----------------------------------------- show crypto ikev2 ... */

static const struct ios_name ikev2_enc_show[] = {
	{ IKEV2_ENC_3DES,	 "3DES" },
	{ IKEV2_ENC_AES_CBC_128, "AES-CBC-128" },
	{ IKEV2_ENC_AES_CBC_192, "AES-CBC-192" },
	{ IKEV2_ENC_AES_CBC_256, "AES-CBC-256" },
	{ IKEV2_ENC_AES_GCM_128, "AES-GCM-128" },
	{ IKEV2_ENC_AES_GCM_256, "AES-GCM-256" },
	{ 0, NULL }
};

static const struct ios_name ikev2_integ_show[] = {
	{ IKEV2_HASH_MD5,	"MD596" },
	{ IKEV2_HASH_SHA1,	"SHA96" },
	{ IKEV2_HASH_SHA256,	"SHA256" },
	{ IKEV2_HASH_SHA384,	"SHA384" },
	{ IKEV2_HASH_SHA512,	"SHA512" },
	{ 0, NULL }
};

static const struct ios_name ikev2_prf_show[] = {
	{ IKEV2_HASH_MD5,	"MD5" },
	{ IKEV2_HASH_SHA1,	"SHA1" },
	{ IKEV2_HASH_SHA256,	"SHA256" },
	{ IKEV2_HASH_SHA384,	"SHA384" },
	{ IKEV2_HASH_SHA512,	"SHA512" },
	{ 0, NULL }
};

static const struct ios_name ikev2_group_show[] = {
	{ 1,	"DH_GROUP_768_MODP/Group 1" },
	{ 2,	"DH_GROUP_1024_MODP/Group 2" },
	{ 5,	"DH_GROUP_1536_MODP/Group 5" },
	{ 14,	"DH_GROUP_2048_MODP/Group 14" },
	{ 15,	"DH_GROUP_3072_MODP/Group 15" },
	{ 16,	"DH_GROUP_4096_MODP/Group 16" },
	{ 19,	"DH_GROUP_256_ECP/Group 19" },
	{ 20,	"DH_GROUP_384_ECP/Group 20" },
	{ 21,	"DH_GROUP_521_ECP/Group 21" },
	{ 24,	"DH_GROUP_2048_256_MODP/Group 24" },
	/* XXX: the name IOS gives group 31 is not in the reference. */
	{ 31,	"DH_GROUP_CURVE_25519/Group 31" },
	{ 0, NULL }
};

/* The names of a list, separated by a space. */
static const char *
alg_names(const struct ios_alglist *l, const struct ios_name *t, char *b,
    size_t len)
{
	const char	*kw;
	size_t		 off = 0;
	int		 i;

	b[0] = '\0';
	for (i = 0; i < l->n && off < len; i++) {
		kw = names_kw(t, l->v[i]);
		off += snprintf(b + off, len - off, "%s%s", i ? " " : "",
		    kw != NULL ? kw : "?");
	}
	return b;
}

static void
show_proposal(struct cli *cli, const struct ikev2_proposal *p)
{
	const struct ios_alglist	*prf = p->prf.n ? &p->prf : &p->integ;
	char				 b[512];

	cli_printf(cli, " IKEv2 proposal: %s\n", p->name);
	cli_printf(cli, "     Encryption : %s\n",
	    alg_names(&p->enc, ikev2_enc_show, b, sizeof(b)));
	cli_printf(cli, "     Integrity  : %s\n",
	    alg_names(&p->integ, ikev2_integ_show, b, sizeof(b)));
	cli_printf(cli, "     PRF        : %s\n",
	    alg_names(prf, ikev2_prf_show, b, sizeof(b)));
	cli_printf(cli, "     DH Group   : %s\n",
	    alg_names(&p->group, ikev2_group_show, b, sizeof(b)));
}

static int
h_show_proposal(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config		*cfg = cfg_of(cli);
	const char			*name = cmd_arg(a, "name");
	const struct ikev2_proposal	*def = &ios_default_ikev2_proposal;
	const struct ikev2_proposal	*p;
	size_t				 i;

	if (name != NULL) {
		if ((p = model_ikev2_proposal(cfg, name, 0)) != NULL)
			show_proposal(cli, p);
		else if (strcmp(name, def->name) == 0)
			show_proposal(cli, def);
		return CLI_OK;
	}
	if (model_ikev2_proposal(cfg, def->name, 0) == NULL)
		show_proposal(cli, def);
	for (i = 0; i < cfg->ikev2_proposals.n; i++)
		show_proposal(cli, cfg->ikev2_proposals.v[i]);
	return CLI_OK;
}

static void
show_policy(struct cli *cli, const struct ikev2_policy *p)
{
	char	 b[INET6_ADDRSTRLEN];
	size_t	 i;

	cli_printf(cli, " IKEv2 policy : %s\n", p->name);
	cli_printf(cli, "      Match fvrf  : %s\n",
	    p->match_fvrf ? p->match_fvrf : "global");
	if (p->nmatch_local == 0)
		cli_printf(cli, "      Match address local : any\n");
	for (i = 0; i < p->nmatch_local; i++)
		cli_printf(cli, "      Match address local : %s\n",
		    addr_ntop(&p->match_local[i], b, sizeof(b)));
	for (i = 0; i < p->proposals.n; i++)
		cli_printf(cli, "      Proposal    : %s\n",
		    (const char *)p->proposals.v[i]);
}

/* IOS-XE's default policy: any fvrf, any address, the default proposal. */
static void
show_default_policy(struct cli *cli)
{
	cli_printf(cli, " IKEv2 policy : default\n"
	    "      Match fvrf : any\n"
	    "      Match address local : any\n"
	    "      Proposal    : default\n");
}

static int
h_show_policy(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config		*cfg = cfg_of(cli);
	const char			*name = cmd_arg(a, "name");
	const struct ikev2_policy	*p;
	size_t				 i;

	if (name != NULL) {
		if ((p = model_ikev2_policy(cfg, name, 0)) != NULL)
			show_policy(cli, p);
		else if (strcmp(name, "default") == 0)
			show_default_policy(cli);
		return CLI_OK;
	}
	if (model_ikev2_policy(cfg, "default", 0) == NULL)
		show_default_policy(cli);
	for (i = 0; i < cfg->ikev2_policies.n; i++)
		show_policy(cli, cfg->ikev2_policies.v[i]);
	return CLI_OK;
}

static const char *
auth_names(unsigned bits, char *b, size_t len)
{
	static const struct ios_name	 t[] = {
		{ IKEV2_AUTH_PSK, "pre-share" },
		{ IKEV2_AUTH_RSA, "rsa-sig" },
		{ IKEV2_AUTH_ECDSA, "ecdsa-sig" },
		{ IKEV2_AUTH_EAP, "eap" },
		{ 0, NULL }
	};
	size_t				 off = 0;
	int				 i;

	snprintf(b, len, "none");
	for (i = 0; t[i].kw != NULL && off < len; i++)
		if (bits & (unsigned)t[i].id)
			off += snprintf(b + off, len - off, "%s%s",
			    off ? " " : "", t[i].kw);
	return b;
}

static void
show_identity(struct cli *cli, const struct ikev2_match_id *mi)
{
	char	 a[INET6_ADDRSTRLEN], m[INET_ADDRSTRLEN];

	if (mi->type == IKEV2_ID_ADDRESS && mi->addr.af == AF_INET) {
		struct in_addr mask = plen_mask(mi->plen < 0 ? 32 : mi->plen);

		cli_printf(cli, "   address %s %s\n",
		    addr_ntop(&mi->addr, a, sizeof(a)),
		    inet_ntop(AF_INET, &mask, m, sizeof(m)));
	} else if (mi->type == IKEV2_ID_ADDRESS)
		cli_printf(cli, "   address %s/%d\n",
		    addr_ntop(&mi->addr, a, sizeof(a)),
		    mi->plen < 0 ? 128 : mi->plen);
	else
		cli_printf(cli, "   %s %s%s\n", names_kw(names_idtype,
		    mi->type), mi->domain ? "domain " : "",
		    mi->value ? mi->value : "");
}

/* Ipsec profiles and crypto map entries that name the profile. */
static int
profile_refs(const struct ios_config *cfg, const char *name)
{
	size_t	 i;
	int	 n = 0;

	for (i = 0; i < cfg->ipsec_profiles.n; i++) {
		const struct ipsec_profile *p = cfg->ipsec_profiles.v[i];

		n += p->ikev2_profile && strcmp(p->ikev2_profile, name) == 0;
	}
	for (i = 0; i < cfg->cmap_entries.n; i++) {
		const struct cmap_entry *e = cfg->cmap_entries.v[i];

		n += e->ikev2_profile && strcmp(e->ikev2_profile, name) == 0;
	}
	return n;
}

/* The match lines of a profile: fvrf, local address, identities. */
static void
show_profile_match(struct cli *cli, const struct ikev2_profile *p)
{
	char	 b[INET6_ADDRSTRLEN];
	size_t	 i;

	cli_printf(cli, " Match criteria:\n");
	cli_printf(cli, "  Fvrf: %s\n", p->match_fvrf ? p->match_fvrf :
	    "global");
	if (p->match_local.af)
		cli_printf(cli, "  Local address/interface: %s\n",
		    addr_ntop(&p->match_local, b, sizeof(b)));
	else
		cli_printf(cli, "  Local address/interface: %s\n",
		    p->match_local_if ? p->match_local_if : "none");
	if (p->match_remote.n == 0 && !p->match_any)
		cli_printf(cli, "  Identities: none\n");
	else
		cli_printf(cli, "  Identities:\n");
	for (i = 0; i < p->match_remote.n; i++)
		show_identity(cli, p->match_remote.v[i]);
	if (p->match_any)
		cli_printf(cli, "   any\n");
	cli_printf(cli, "  Certificate maps: none\n");
}

static void
show_profile(struct cli *cli, const struct ios_config *cfg,
    const struct ikev2_profile *p)
{
	const struct ios_dpd	*dpd = p->dpd.interval ? &p->dpd :
				    &cfg->ikev2_dpd;
	int			 nat = p->nat_keepalive ? p->nat_keepalive :
				    cfg->ikev2_nat_keepalive;
	char			 b[64];

	cli_printf(cli, "IKEv2 profile: %s\n", p->name);
	cli_printf(cli, " Shutdown : %s\n", p->shutdown ? "Yes" : "No");
	/* XXX: IOS counts its own references; these are the config's. */
	cli_printf(cli, " Ref Count: %d\n", profile_refs(cfg, p->name));
	show_profile_match(cli, p);
	if (p->id_local_type == IKEV2_ID_DN)
		cli_printf(cli, " Local identity: dn\n");
	else if (p->id_local_type)
		cli_printf(cli, " Local identity: %s %s\n",
		    names_kw(names_idtype, p->id_local_type), p->id_local);
	else
		cli_printf(cli, " Local identity: none\n");
	cli_printf(cli, " Remote identity: none\n");
	cli_printf(cli, " Local authentication method: %s\n",
	    auth_names(p->auth_local, b, sizeof(b)));
	cli_printf(cli, " Remote authentication method(s): %s\n",
	    auth_names(p->auth_remote, b, sizeof(b)));
	cli_printf(cli, " EAP options: none\n");
	cli_printf(cli, " Keyring: %s\n", p->keyring ? p->keyring : "none");
	cli_printf(cli, " Trustpoint(s): %s\n",
	    p->trustpoint ? p->trustpoint : "none");
	cli_printf(cli, " Lifetime: %d seconds\n",
	    p->lifetime ? p->lifetime : IOS_DEF_IKEV2_LIFETIME);
	if (dpd->interval)
		cli_printf(cli, " DPD: interval %d, retry %d, %s\n",
		    dpd->interval, dpd->retry ? dpd->retry : 2,
		    dpd->mode == IOS_DPD_PERIODIC ? "periodic" :
		    "on-demand");
	else
		cli_printf(cli, " DPD: disabled\n");
	if (nat)
		cli_printf(cli, " NAT-keepalive: %d seconds\n", nat);
	else
		cli_printf(cli, " NAT-keepalive: disabled\n");
	cli_printf(cli, " Ivrf: %s\n", p->ivrf ? p->ivrf : "none");
	if (p->virtual_template)
		cli_printf(cli, " Virtual-template: %d\n",
		    p->virtual_template);
	else
		cli_printf(cli, " Virtual-template: none\n");
	cli_printf(cli, " mode auto: none\n"
	    " AAA AnyConnect EAP authentication mlist: none\n"
	    " AAA EAP authentication mlist: none\n"
	    " AAA authentication mlist: none\n"
	    " AAA Accounting: none\n"
	    " AAA group authorization: none\n"
	    " AAA user authorization: none\n");
}

static int
h_show_profile(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config		*cfg = cfg_of(cli);
	const char			*name = cmd_arg(a, "name");
	const struct ikev2_profile	*p;
	size_t				 i;

	for (i = 0; i < cfg->ikev2_profiles.n; i++) {
		p = cfg->ikev2_profiles.v[i];
		if (name == NULL || strcmp(name, p->name) == 0)
			show_profile(cli, cfg, p);
	}
	return CLI_OK;
}

/* ---------------------------------------- show crypto isakmp ... */

static const struct ios_name isakmp_enc_show[] = {
	{ ISAKMP_ENC_DES,	"DES - Data Encryption Standard "
				"(56 bit keys)." },
	{ ISAKMP_ENC_3DES,	"Three key triple DES" },
	{ ISAKMP_ENC_AES128,	"AES - Advanced Encryption Standard "
				"(128 bit keys)." },
	{ ISAKMP_ENC_AES192,	"AES - Advanced Encryption Standard "
				"(192 bit keys)." },
	{ ISAKMP_ENC_AES256,	"AES - Advanced Encryption Standard "
				"(256 bit keys)." },
	{ 0, NULL }
};

static const struct ios_name isakmp_hash_show[] = {
	{ ISAKMP_HASH_SHA,	"Secure Hash Standard" },
	{ ISAKMP_HASH_MD5,	"Message Digest 5" },
	{ ISAKMP_HASH_SHA256,	"Secure Hash Standard 2 (256 bit)" },
	{ ISAKMP_HASH_SHA384,	"Secure Hash Standard 2 (384 bit)" },
	{ ISAKMP_HASH_SHA512,	"Secure Hash Standard 2 (512 bit)" },
	{ 0, NULL }
};

static const struct ios_name isakmp_auth_show[] = {
	{ ISAKMP_AUTH_RSA_SIG,	 "Rivest-Shamir-Adleman Signature" },
	{ ISAKMP_AUTH_PRE_SHARE, "Pre-Shared Key" },
	{ ISAKMP_AUTH_RSA_ENCR,	 "Rivest-Shamir-Adleman Encryption" },
	{ 0, NULL }
};

static const struct ios_name isakmp_group_show[] = {
	{ 1,	"#1 (768 bit)" },
	{ 2,	"#2 (1024 bit)" },
	{ 5,	"#5 (1536 bit)" },
	{ 14,	"#14 (2048 bit)" },
	{ 15,	"#15 (3072 bit)" },
	{ 16,	"#16 (4096 bit)" },
	{ 19,	"#19 (256 bit ecp)" },
	{ 20,	"#20 (384 bit ecp)" },
	{ 21,	"#21 (521 bit ecp)" },
	{ 24,	"#24 (2048 bit, 256 bit subgroup)" },
	{ 0, NULL }
};

static const char *
kw_or(const struct ios_name *t, int id)
{
	const char	*kw = names_kw(t, id);

	return kw != NULL ? kw : "unknown";
}

static void
show_suite(struct cli *cli, const struct isakmp_policy *p)
{
	cli_printf(cli, "        %-24s%s\n", "encryption algorithm:",
	    kw_or(isakmp_enc_show, p->enc));
	cli_printf(cli, "        %-24s%s\n", "hash algorithm:",
	    kw_or(isakmp_hash_show, p->hash));
	cli_printf(cli, "        %-24s%s\n", "authentication method:",
	    kw_or(isakmp_auth_show, p->auth));
	cli_printf(cli, "        %-24s%s\n", "Diffie-Hellman group:",
	    kw_or(isakmp_group_show, p->group ? p->group :
	    IOS_DEF_ISAKMP_GROUP));
	cli_printf(cli, "        %-24s%d seconds, no volume limit\n",
	    "lifetime:", p->lifetime ? p->lifetime :
	    IOS_DEF_ISAKMP_LIFETIME);
}

static int
h_show_isakmp_policy(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config		*cfg = cfg_of(cli);
	const struct isakmp_policy	 def = { .prio = 0 };
	size_t				 i;

	(void)a;
	cli_printf(cli, "Global IKE policy\n");
	for (i = 0; i < cfg->isakmp_policies.n; i++) {
		const struct isakmp_policy *p = cfg->isakmp_policies.v[i];

		cli_printf(cli, "Protection suite of priority %d\n", p->prio);
		show_suite(cli, p);
	}
	cli_printf(cli, "Default protection suite\n");
	show_suite(cli, &def);
	return CLI_OK;
}

/*
 * iosh negotiates every peer with IKEv2, IKEv1-syntax ones included, so
 * its IKEv1 SA table is always empty: the headers alone.
 */
static int
h_show_isakmp_sa(struct cli *cli, const struct cmd_args *a)
{
	(void)a;
	cli_printf(cli, "IPv4 Crypto ISAKMP SA\n"
	    "dst             src             state          conn-id status\n"
	    "\n"
	    "IPv6 Crypto ISAKMP SA\n"
	    "\n");
	return CLI_OK;
}

/* ------------------------------------------------------ the commands */

#define T_SC	{ "show", H_SHOW }, { "crypto", H_SHOW_CRYPTO }
#define T_OPT_NAME(help) \
	{ "[", NULL }, { "WORD:name", help }, { "]", NULL }

static const struct cmd_tok t_ts[] = {
	T_SC, { "ipsec", H_SHOW_IPSEC },
	{ "transform-set", "Crypto transform sets" },
	T_OPT_NAME("Transform set tag"), T_END
};
static const struct cmd_tok t_ipsec_prof[] = {
	T_SC, { "ipsec", H_SHOW_IPSEC },
	{ "profile", "ipsec profile information" },
	T_OPT_NAME("ipsec profile name"), T_END
};
static const struct cmd_tok t_cmap[] = {
	T_SC, { "map", "Crypto maps" }, { "[", NULL },
	{ "tag", "Crypto maps with a given tag" },
	{ "WORD:tag-name", "Crypto map tag" }, { "]", NULL }, T_END
};
static const struct cmd_tok t_proposal[] = {
	T_SC, { "ikev2", H_SHOW_IKEV2 },
	{ "proposal", "Shows ikev2 proposals" },
	T_OPT_NAME("IKEv2 proposal name"), T_END
};
static const struct cmd_tok t_policy[] = {
	T_SC, { "ikev2", H_SHOW_IKEV2 },
	{ "policy", "Shows ikev2 policies" },
	T_OPT_NAME("IKEv2 policy name"), T_END
};
static const struct cmd_tok t_profile[] = {
	T_SC, { "ikev2", H_SHOW_IKEV2 },
	{ "profile", "Shows ikev2 profiles" },
	T_OPT_NAME("IKEv2 profile name"), T_END
};
static const struct cmd_tok t_isakmp_policy[] = {
	T_SC, { "isakmp", H_SHOW_ISAKMP },
	{ "policy", "Show ISAKMP protection suite policy" }, T_END
};
static const struct cmd_tok t_isakmp_sa[] = {
	T_SC, { "isakmp", H_SHOW_ISAKMP },
	{ "sa", "Show ISAKMP SAs" }, T_END
};

/* Privileged exec, as the live show crypto commands (shell/live.c). */
#define SHOW_CRYPTO(name, h, t) \
	static const struct cmd_def name = { M(IOS_M_PRIV), -1, CMD_PIPE, \
	    0, h, t }
SHOW_CRYPTO(c_ts, h_show_ts, t_ts);
SHOW_CRYPTO(c_ipsec_prof, h_show_ipsec_profile, t_ipsec_prof);
SHOW_CRYPTO(c_cmap, h_show_cmap, t_cmap);
SHOW_CRYPTO(c_proposal, h_show_proposal, t_proposal);
SHOW_CRYPTO(c_policy, h_show_policy, t_policy);
SHOW_CRYPTO(c_profile, h_show_profile, t_profile);
SHOW_CRYPTO(c_isakmp_policy, h_show_isakmp_policy, t_isakmp_policy);
SHOW_CRYPTO(c_isakmp_sa, h_show_isakmp_sa, t_isakmp_sa);

const struct cmd_def *const cmds_show_crypto[] = {
	&c_ts, &c_ipsec_prof, &c_cmap, &c_proposal, &c_policy, &c_profile,
	&c_isakmp_policy, &c_isakmp_sa, NULL
};
