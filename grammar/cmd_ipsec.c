/*
 * grammar/cmd_ipsec.c: crypto ipsec transform-set, crypto ipsec profile,
 * the global security-association settings, and crypto map entries.
 */
#include <stdlib.h>
#include <string.h>

#include "grammar/cmd.h"

/*
 * Transforms in one set.  IOS allows four (AH, cipher, ESP auth, comp);
 * the engine's limit of 65536 paths a command allows three here.
 * XXX: a set with all four kinds is refused.
 */
#define TS_DEPTH	4	/* AH, ESP cipher, ESP integrity, compression */

/* Every keyword of a transform set, for reading them in order. */
enum {
	X_128 = 1000, X_192, X_256, X_COMP,
	X_AH = 2000,		/* + enum ts_auth */
	X_AUTH = 3000,		/* + enum ts_auth */
	X_CIPHER = 4000,	/* + enum ts_cipher */
};

static const struct ios_name names_xform[] = {
	{ X_AH + TS_AUTH_MD5, "ah-md5-hmac" },
	{ X_AH + TS_AUTH_SHA1, "ah-sha-hmac" },
	{ X_AH + TS_AUTH_SHA256, "ah-sha256-hmac" },
	{ X_AH + TS_AUTH_SHA384, "ah-sha384-hmac" },
	{ X_AH + TS_AUTH_SHA512, "ah-sha512-hmac" },
	{ X_COMP, "comp-lzs" },
	{ X_CIPHER + TS_ESP_3DES, "esp-3des" },
	{ X_CIPHER + TS_ESP_AES, "esp-aes" },
	{ X_CIPHER + TS_ESP_DES, "esp-des" },
	{ X_CIPHER + TS_ESP_GCM, "esp-gcm" },
	{ X_CIPHER + TS_ESP_GMAC, "esp-gmac" },
	{ X_AUTH + TS_AUTH_MD5, "esp-md5-hmac" },
	{ X_CIPHER + TS_ESP_NULL, "esp-null" },
	{ X_CIPHER + TS_ESP_SEAL, "esp-seal" },
	{ X_AUTH + TS_AUTH_SHA1, "esp-sha-hmac" },
	{ X_AUTH + TS_AUTH_SHA256, "esp-sha256-hmac" },
	{ X_AUTH + TS_AUTH_SHA384, "esp-sha384-hmac" },
	{ X_AUTH + TS_AUTH_SHA512, "esp-sha512-hmac" },
	{ X_128, "128" }, { X_192, "192" }, { X_256, "256" },
	{ 0, NULL }
};

/*
 * IOS's rules: at most one AH, one ESP cipher, one ESP authentication
 * and one compression transform; no ESP authentication with esp-gcm or
 * esp-gmac, which authenticate by themselves.
 * XXX: the wording of these refusals is ours; IOS's exact text for each
 * case is not in the reference.
 */
static int
ts_build(struct cli *cli, const int *x, int n, struct transform_set *t)
{
	int	 i, v;

	memset(t, 0, sizeof(*t));
	for (i = 0; i < n; i++) {
		v = x[i];
		if (v >= X_128 && v <= X_256) {
			if (i == 0 || (x[i - 1] != X_CIPHER + TS_ESP_AES &&
			    x[i - 1] != X_CIPHER + TS_ESP_GCM &&
			    x[i - 1] != X_CIPHER + TS_ESP_GMAC))
				return cmd_fail(cli, "%% Invalid key size\n");
			t->bits = v == X_128 ? 128 : v == X_192 ? 192 : 256;
		} else if (v == X_COMP) {
			if (t->comp++)
				return cmd_fail(cli, "%% Only one compression "
				    "transform is allowed in a transform "
				    "set\n");
		} else if (v >= X_CIPHER) {
			if (t->cipher)
				return cmd_fail(cli, "%% Only one ESP "
				    "encryption transform is allowed in a "
				    "transform set\n");
			t->cipher = v - X_CIPHER;
		} else if (v >= X_AUTH) {
			if (t->esp_auth)
				return cmd_fail(cli, "%% Only one ESP "
				    "authentication transform is allowed in "
				    "a transform set\n");
			t->esp_auth = v - X_AUTH;
		} else {
			if (t->ah)
				return cmd_fail(cli, "%% Only one AH transform "
				    "is allowed in a transform set\n");
			t->ah = v - X_AH;
		}
	}
	if ((t->cipher == TS_ESP_GCM || t->cipher == TS_ESP_GMAC) &&
	    t->esp_auth)
		return cmd_fail(cli, "%% %s is an authenticated cipher: no ESP "
		    "authentication transform is allowed with it\n",
		    names_kw(names_ts_cipher, t->cipher));
	/* esp-aes alone means 128; IOS prints no size then. */
	if (t->bits == 128 && t->cipher == TS_ESP_AES)
		t->bits = 0;
	if (t->bits == 128 && (t->cipher == TS_ESP_GCM ||
	    t->cipher == TS_ESP_GMAC))
		t->bits = 0;
	return CLI_OK;
}

static int
h_transform_set(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config	*cfg = cfg_of(cli);
	const char		*name = cmd_arg(a, "name");
	struct transform_set	 n, *t;
	int			 x[2 * TS_DEPTH + 2], nx, rc;

	if (cmd_off(a)) {
		model_del_transform_set(cfg, name);
		return CLI_OK;
	}
	/* crypto ipsec transform-set NAME: four words before the first. */
	nx = cmd_kwlist(a, 4, names_xform, x, 2 * TS_DEPTH + 2);
	if ((rc = ts_build(cli, x, nx, &n)) != CLI_OK)
		return rc;
	if (n.cipher == TS_ESP_DES || n.cipher == TS_ESP_3DES ||
	    n.cipher == TS_ESP_NULL || n.cipher == TS_ESP_GMAC)
		cmd_weak(cli, names_kw(names_ts_cipher, n.cipher));
	if (n.esp_auth == TS_AUTH_MD5)
		cmd_weak(cli, "esp-md5-hmac");
	if (n.ah == TS_AUTH_MD5)
		cmd_weak(cli, "ah-md5-hmac");
	if ((t = model_transform_set(cfg, name, 1)) == NULL)
		return cmd_fail(cli, "%% Out of memory\n");
	n.name = t->name;
	n.transport = t->transport;
	n.require = t->require;
	*t = n;
	cli_set_ctx(cli, t);
	return CLI_OK;
}

static int
h_ts_mode(struct cli *cli, const struct cmd_args *a)
{
	struct transform_set	*t = cli_ctx(cli);

	t->transport = !cmd_off(a) && cmd_has(a, "transport");
	t->require = t->transport && cmd_has(a, "require");
	return CLI_OK;
}

static const struct cmd_tok th_ts[] = {
	{ "crypto", H_CRYPTO }, { "ipsec", H_IPSEC },
	{ "transform-set", "Define transform and settings" },
	{ "WORD:name", "Transform set tag" }, T_END
};
#define KEYSIZE(what) \
	{ "[", NULL }, { "{", NULL }, \
	{ "128", "128 bit keys." }, { "|", NULL }, \
	{ "192", "192 bit keys." }, { "|", NULL }, \
	{ "256", "256 bit keys." }, { "}", NULL }, { "]", NULL }
static const struct cmd_tok tb_ts[] = {
	{ "ah-md5-hmac", "AH-HMAC-MD5 transform" }, { "|", NULL },
	{ "ah-sha-hmac", "AH-HMAC-SHA transform" }, { "|", NULL },
	{ "ah-sha256-hmac", "AH-HMAC-SHA256 transform" }, { "|", NULL },
	{ "ah-sha384-hmac", "AH-HMAC-SHA384 transform" }, { "|", NULL },
	{ "ah-sha512-hmac", "AH-HMAC-SHA512 transform" }, { "|", NULL },
	{ "comp-lzs", "IP Compression using the LZS compression algorithm" },
	{ "|", NULL },
	{ "esp-3des", "ESP transform using 3DES(EDE) cipher (168 bits)" },
	{ "|", NULL },
	{ "esp-aes", "ESP transform using AES cipher" }, KEYSIZE(aes),
	{ "|", NULL },
	{ "esp-des", "ESP transform using DES cipher (56 bits)" },
	{ "|", NULL },
	{ "esp-gcm", "ESP transform using GCM cipher" }, KEYSIZE(gcm),
	{ "|", NULL },
	{ "esp-gmac", "ESP transform using GMAC cipher" }, KEYSIZE(gmac),
	{ "|", NULL },
	{ "esp-md5-hmac", "ESP transform using HMAC-MD5 auth" }, { "|", NULL },
	{ "esp-null", "ESP transform w/o cipher" }, { "|", NULL },
	{ "esp-seal", "ESP transform using SEAL cipher (160 bits)" },
	{ "|", NULL },
	{ "esp-sha-hmac", "ESP transform using HMAC-SHA auth" }, { "|", NULL },
	{ "esp-sha256-hmac", "ESP transform using HMAC-SHA256 auth" },
	{ "|", NULL },
	{ "esp-sha384-hmac", "ESP transform using HMAC-SHA384 auth" },
	{ "|", NULL },
	{ "esp-sha512-hmac", "ESP transform using HMAC-SHA512 auth" },
	T_END
};
static const struct cmd_tok t_ts_mode[] = {
	{ "mode", "encapsulation mode (transport/tunnel)" },
	{ "{", NULL },
	{ "transport", "transport (payload encapsulation only)" },
	{ "[", NULL }, { "require", "Require transport mode" }, { "]", NULL },
	{ "|", NULL },
	{ "tunnel", "tunnel (datagram encapsulation)" },
	{ "}", NULL }, T_END
};

static struct cmd_def c_transform_set = { M(IOS_M_CONFIG), IOS_M_TRANS,
	CMD_NO, 4, h_transform_set, NULL };
static const struct cmd_def c_ts_mode = { M(IOS_M_TRANS), -1, CMD_NO, 1,
	h_ts_mode, t_ts_mode };

/* ------------------------------------------------------ global SA */

static int
h_global_life(struct cli *cli, const struct cmd_args *a)
{
	struct ios_sa_life	*l = &cfg_of(cli)->ipsec_life;
	uint32_t		 v = cmd_off(a) ? 0 :
				    (uint32_t)cmd_num(a, "n", 0);

	if (cmd_has(a, "seconds"))
		l->seconds = v == 3600 ? 0 : v;
	else
		l->kbytes = v == 4608000 ? 0 : v;
	return CLI_OK;
}

static int
h_replay(struct cli *cli, const struct cmd_args *a)
{
	static const int	 sizes[] = { 128, 256, 512, 1024 };
	static const char	*kws[] = { "128", "256", "512", "1024" };
	size_t			 i;

	cfg_of(cli)->replay_window = 0;
	if (cmd_off(a))
		return CLI_OK;
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
		if (cmd_has(a, kws[i]))
			cfg_of(cli)->replay_window = sizes[i];
	return CLI_OK;
}

static const struct cmd_tok t_global_life[] = {
	{ "crypto", H_CRYPTO }, { "ipsec", H_IPSEC },
	{ "security-association", H_SA },
	{ "lifetime", H_LIFETIME },
	{ "{", NULL },
	{ "seconds", "Security association duration in seconds" },
	{ "<120-86400>:n", "Security association duration in seconds" },
	{ "|", NULL },
	{ "kilobytes", "Volume-based key duration" },
	{ "<2560-4294967295>:n", "Security association duration in "
	    "kilobytes encrypted" },
	{ "}", NULL }, T_END
};
static const struct cmd_tok t_replay[] = {
	{ "crypto", H_CRYPTO }, { "ipsec", H_IPSEC },
	{ "security-association", H_SA },
	{ "replay", "Set replay checking." },
	{ "window-size", "Set replay window size." },
	{ "{", NULL },
	{ "1024", "Window size 1024" }, { "|", NULL },
	{ "128", "Window size 128" }, { "|", NULL },
	{ "256", "Window size 256" }, { "|", NULL },
	{ "512", "Window size 512" }, { "|", NULL },
	{ "64", "Window size 64 (default)" },
	{ "}", NULL }, T_END
};

static const struct cmd_def c_global_life = { M(IOS_M_CONFIG), -1, CMD_NO, 5,
	h_global_life, t_global_life };
static const struct cmd_def c_replay = { M(IOS_M_CONFIG), -1, CMD_NO, 5,
	h_replay, t_replay };

/* ------------------------------------------------------ ipsec profile */

static int
h_profile(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config	*cfg = cfg_of(cli);
	const char		*name = cmd_arg(a, "name");
	struct ipsec_profile	*p;

	if (cmd_off(a)) {
		model_del_ipsec_profile(cfg, name);
		return CLI_OK;
	}
	if ((p = model_ipsec_profile(cfg, name, 1)) == NULL)
		return cmd_fail(cli, "%% Out of memory\n");
	cli_set_ctx(cli, p);
	return CLI_OK;
}

static const struct cmd_tok t_profile[] = {
	{ "crypto", H_CRYPTO }, { "ipsec", H_IPSEC },
	{ "profile", "Configure an ipsec policy profile" },
	{ "WORD:name", "Profile name" }, T_END
};
static const struct cmd_def c_profile = { M(IOS_M_CONFIG), IOS_M_IPSEC_PROF,
	CMD_NO, 0, h_profile, t_profile };

/* ------------------------------------------------------- crypto map */

static int
h_cmap(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config	*cfg = cfg_of(cli);
	const char		*map = cmd_arg(a, "mapname");
	int			 seq = (int)cmd_num(a, "seq", -1);
	struct cmap_entry	*e;

	if (cmd_off(a)) {
		model_del_cmap(cfg, map, seq);
		return CLI_OK;
	}
	if ((e = model_cmap_entry(cfg, map, seq, 0)) == NULL) {
		if ((e = model_cmap_entry(cfg, map, seq, 1)) == NULL)
			return cmd_fail(cli, "%% Out of memory\n");
		e->manual = cmd_has(a, "ipsec-manual");
		str_set(&e->dynmap, cmd_arg(a, "dyn"));
		if (e->dynmap == NULL && !e->manual)
			cmd_advise(cli, "%% NOTE: This new crypto map will "
			    "remain disabled until a peer\n        and a "
			    "valid access list have been configured.\n");
	}
	cli_set_ctx(cli, e);
	return CLI_OK;
}

static const struct cmd_tok t_cmap[] = {
	{ "crypto", H_CRYPTO },
	{ "map", "Enter a crypto map" },
	{ "WORD:mapname", "Crypto map tag" },
	{ "<1-65535>:seq", "Sequence to insert into crypto map entry" },
	{ "[", NULL }, { "{", NULL },
	{ "ipsec-isakmp", "IPSEC w/ISAKMP" },
	{ "[", NULL }, { "dynamic", "Enable dynamic crypto map support" },
	{ "WORD:dyn", "Name of dynamic crypto map template" }, { "]", NULL },
	{ "|", NULL },
	{ "ipsec-manual", "IPSEC w/manual keying" },
	{ "}", NULL }, { "]", NULL }, T_END
};
static const struct cmd_def c_cmap = { M(IOS_M_CONFIG), IOS_M_CMAP, CMD_NO, 3,
	h_cmap, t_cmap };

static int
h_cmap_local(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config	*cfg = cfg_of(cli);
	const char		*map = cmd_arg(a, "mapname");
	struct cmap_local	*l = NULL;
	char			 ifn[64];
	size_t			 i;

	for (i = 0; i < cfg->cmap_locals.n; i++) {
		l = cfg->cmap_locals.v[i];
		if (strcmp(l->map, map) == 0)
			break;
	}
	if (cmd_off(a)) {
		if (i < cfg->cmap_locals.n) {
			model_cmap_local_free(l);
			vec_remove(&cfg->cmap_locals, i);
		}
		return CLI_OK;
	}
	if (cmd_ifname(a, "ifname", ifn, sizeof(ifn)) == -1)
		return cmd_fail(cli, "%% Invalid interface\n");
	if (i == cfg->cmap_locals.n) {
		if ((l = calloc(1, sizeof(*l))) == NULL ||
		    (l->map = strdup(map)) == NULL ||
		    vec_push(&cfg->cmap_locals, l) == -1) {
			if (l != NULL)
				free(l->map);
			free(l);
			return cmd_fail(cli, "%% Out of memory\n");
		}
	}
	str_set(&l->ifname, ifn);
	return CLI_OK;
}

static const struct cmd_tok t_cmap_local[] = {
	{ "crypto", H_CRYPTO },
	{ "map", "Enter a crypto map" },
	{ "WORD:mapname", "Crypto map tag" },
	{ "local-address", "Interface to use for local address for this "
	    "crypto map" },
	{ "IFNAME:ifname", "Interface" }, T_END
};
static const struct cmd_def c_cmap_local = { M(IOS_M_CONFIG), -1, CMD_NO, 4,
	h_cmap_local, t_cmap_local };

static int
h_dynmap(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config	*cfg = cfg_of(cli);
	const char		*map = cmd_arg(a, "mapname");
	int			 seq = (int)cmd_num(a, "seq", -1);
	struct cmap_entry	*e;

	if (cmd_off(a)) {
		model_del_dynmap(cfg, map, seq);
		return CLI_OK;
	}
	if ((e = model_dynmap_entry(cfg, map, seq, 1)) == NULL)
		return cmd_fail(cli, "%% Out of memory\n");
	cli_set_ctx(cli, e);
	return CLI_OK;
}

static const struct cmd_tok t_dynmap[] = {
	{ "crypto", H_CRYPTO },
	{ "dynamic-map", "Specify a dynamic crypto map template" },
	{ "WORD:mapname", "Dynamic crypto map template tag" },
	{ "<1-65535>:seq", "Sequence to insert into dynamic crypto map "
	    "entry" }, T_END
};
static const struct cmd_def c_dynmap = { M(IOS_M_CONFIG), IOS_M_CMAP,
	CMD_NO, 3, h_dynmap, t_dynmap };

/* ---------------------------------- set ... (profile and map entries) */

/* The fields profiles and map entries share. */
struct set_fields {
	char			**ts;
	int			 *pfs;
	struct ios_sa_life	 *life;
	char			**ikev2_profile;
	char			**isakmp_profile;
	char			**description;
};

static void
set_fields(struct cli *cli, struct set_fields *f)
{
	if (cli_mode(cli) == IOS_M_IPSEC_PROF) {
		struct ipsec_profile *p = cli_ctx(cli);

		*f = (struct set_fields){ p->ts, &p->pfs, &p->life,
		    &p->ikev2_profile, &p->isakmp_profile, &p->description };
	} else {
		struct cmap_entry *e = cli_ctx(cli);

		*f = (struct set_fields){ e->ts, &e->pfs, &e->life,
		    &e->ikev2_profile, &e->isakmp_profile, &e->description };
	}
}

static int
h_set_ts(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config	*cfg = cfg_of(cli);
	struct set_fields	 f;
	const char		*name;
	char			*ts[IOS_MAX_TS] = { 0 };
	int			 i, n = 0, bad = 0;

	set_fields(cli, &f);
	if (cmd_off(a)) {
		for (i = 0; i < IOS_MAX_TS; i++) {
			free(f.ts[i]);
			f.ts[i] = NULL;
		}
		return CLI_OK;
	}
	if (cmd_arg_nth(a, "ts", IOS_MAX_TS) != NULL)
		return cmd_fail(cli, "%% At most %d transform sets may be "
		    "set\n", IOS_MAX_TS);
	for (i = 0; i < IOS_MAX_TS; i++) {
		if ((name = cmd_arg_nth(a, "ts", i)) == NULL)
			break;
		if (model_transform_set(cfg, name, 0) == NULL) {
			cli_printf(cli, "ERROR: transform set with tag \"%s\" "
			    "does not exist.\n", name);
			/*
			 * A typed name must exist; a file keeps it, as
			 * IOS keeps the name of a transform set deleted
			 * since, so that the printed config reloads.
			 */
			if (cli_interactive(cli)) {
				bad = 1;
				continue;
			}
		}
		ts[n++] = strdup(name);
	}
	if (n == 0) {
		return bad ? CLI_ERR_FAILED : CLI_OK;
	}
	for (i = 0; i < IOS_MAX_TS; i++) {
		free(f.ts[i]);
		f.ts[i] = ts[i];
	}
	return bad ? CLI_ERR_FAILED : CLI_OK;
}

static const struct ios_name names_pfs[] = {
	{ 1, "group1" }, { 2, "group2" }, { 5, "group5" }, { 14, "group14" },
	{ 15, "group15" }, { 16, "group16" }, { 19, "group19" },
	{ 20, "group20" }, { 21, "group21" }, { 24, "group24" },
	{ 0, NULL }
};

static int
h_set_pfs(struct cli *cli, const struct cmd_args *a)
{
	struct set_fields	 f;
	int			 g;

	set_fields(cli, &f);
	g = cmd_which(a, names_pfs);
	*f.pfs = cmd_off(a) ? 0 : g > 0 ? g : -1;
	if (!cmd_off(a) && (g == 1 || g == 2 || g == 5))
		cmd_weak(cli, names_kw(names_pfs, g));
	return CLI_OK;
}

static int
h_set_life(struct cli *cli, const struct cmd_args *a)
{
	struct set_fields	 f;
	uint32_t		 v;

	set_fields(cli, &f);
	v = cmd_off(a) ? 0 : (uint32_t)cmd_num(a, "n", 0);
	if (cmd_has(a, "seconds"))
		f.life->seconds = v;
	else if (cmd_has(a, "disable"))
		f.life->kb_disable = !cmd_off(a);
	else if (cmd_has(a, "kilobytes"))
		f.life->kbytes = v;
	else
		memset(f.life, 0, sizeof(*f.life));
	return CLI_OK;
}

/*
 * IOS checks that the profile exists when it is typed.  XXX: the exact
 * refusal text is not in the reference, so this one is ours.  A file
 * keeps the name of a profile deleted since (so that a printed config
 * reloads), unless the name is a profile of the other kind: a mix-up.
 */
static int
h_set_profile(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config	*cfg = cfg_of(cli);
	struct set_fields	 f;
	const char		*name = cmd_arg(a, "name");
	int			 v2 = cmd_has(a, "ikev2-profile");
	int			 have, other;

	set_fields(cli, &f);
	if (!cmd_off(a)) {
		have = v2 ? model_ikev2_profile(cfg, name, 0) != NULL :
		    model_isakmp_profile(cfg, name, 0) != NULL;
		other = v2 ? model_isakmp_profile(cfg, name, 0) != NULL :
		    model_ikev2_profile(cfg, name, 0) != NULL;
		if (!have)
			cli_printf(cli, "%% %s profile %s does not exist\n",
			    v2 ? "IKEv2" : "ISAKMP", name);
		/* Beyond IOS: the likely meaning, on one line. */
		if (!have && other)
			cli_printf(cli, "%% Hint: %s is an %s profile: set "
			    "%s-profile %s\n", name, v2 ? "isakmp" : "IKEv2",
			    v2 ? "isakmp" : "ikev2", name);
		if (!have && (other || cli_interactive(cli)))
			return CLI_ERR_FAILED;
	}
	str_set(v2 ? f.ikev2_profile : f.isakmp_profile, cmd_off(a) ? NULL :
	    name);
	return CLI_OK;
}

static int
h_description(struct cli *cli, const struct cmd_args *a)
{
	struct set_fields	 f;

	set_fields(cli, &f);
	str_set(f.description, cmd_off(a) ? NULL : cmd_arg(a, "text"));
	return CLI_OK;
}

static int
h_responder_only(struct cli *cli, const struct cmd_args *a)
{
	struct ipsec_profile	*p = cli_ctx(cli);

	p->responder_only = !cmd_off(a);
	return CLI_OK;
}

static int
h_set_peer(struct cli *cli, const struct cmd_args *a)
{
	struct cmap_entry	*e = cli_ctx(cli);
	const char		*peer = cmd_arg(a, "addr");
	size_t			 i;

	if (peer == NULL)
		peer = cmd_arg(a, "host");
	for (i = 0; peer != NULL && i < e->peers.n; i++)
		if (strcmp(e->peers.v[i], peer) == 0)
			break;
	if (cmd_off(a)) {
		if (peer == NULL)
			vec_free(&e->peers, free);
		else if (i < e->peers.n) {
			free(e->peers.v[i]);
			vec_remove(&e->peers, i);
		}
		return CLI_OK;
	}
	if (i == e->peers.n && vec_strdup_push(&e->peers, peer) == NULL)
		return cmd_fail(cli, "%% Out of memory\n");
	return CLI_OK;
}

static int
h_match_address(struct cli *cli, const struct cmd_args *a)
{
	struct cmap_entry	*e = cli_ctx(cli);

	str_set(&e->acl, cmd_off(a) ? NULL : cmd_arg(a, "acl"));
	return CLI_OK;
}

static int
h_reverse_route(struct cli *cli, const struct cmd_args *a)
{
	struct cmap_entry	*e = cli_ctx(cli);

	e->reverse_route = cmd_off(a) ? 0 : cmd_has(a, "static") ? 2 : 1;
	return CLI_OK;
}

static const struct cmd_tok th_set_ts[] = {
	{ "set", H_SET },
	{ "transform-set", "Specify list of transform sets in priority "
	    "order" }, T_END
};
static const struct cmd_tok tb_set_ts[] = {
	{ "WORD:ts", "Transform set name" }, T_END
};
static const struct cmd_tok t_set_pfs[] = {
	{ "set", H_SET },
	{ "pfs", "Specify pfs settings" },
	{ "[", NULL }, { "{", NULL },
	{ "group1", "D-H Group1 (768-bit modulus)" }, { "|", NULL },
	{ "group14", "D-H Group14 (2048-bit modulus)" }, { "|", NULL },
	{ "group15", "D-H Group15 (3072-bit modulus)" }, { "|", NULL },
	{ "group16", "D-H Group16 (4096-bit modulus)" }, { "|", NULL },
	{ "group19", "D-H Group19 (256-bit elliptic curve)" }, { "|", NULL },
	{ "group2", "D-H Group2 (1024-bit modulus)" }, { "|", NULL },
	{ "group20", "D-H Group20 (384-bit elliptic curve)" }, { "|", NULL },
	{ "group21", "D-H Group21 (521-bit elliptic curve)" }, { "|", NULL },
	{ "group24", "D-H Group24 (2048-bit modulus & 256-bit subgroup)" },
	{ "|", NULL },
	{ "group5", "D-H Group5 (1536-bit modulus)" },
	{ "}", NULL }, { "]", NULL }, T_END
};
static const struct cmd_tok t_set_life[] = {
	{ "set", H_SET },
	{ "security-association", H_SA },
	{ "lifetime", H_LIFETIME },
	{ "{", NULL },
	{ "seconds", "Time-based key duration in seconds" },
	{ "<120-2592000>:n", "Security association duration in seconds" },
	{ "|", NULL },
	{ "kilobytes", "Volume-based key duration" },
	{ "{", NULL },
	{ "<2560-4294967295>:n", "Security association duration in "
	    "kilobytes encrypted" },
	{ "|", NULL },
	{ "disable", "Disable Volume-based Rekey" },
	{ "}", NULL }, { "}", NULL }, T_END
};
static const struct cmd_tok t_set_ikev2[] = {
	{ "set", H_SET },
	{ "ikev2-profile", "Specify ikev2 Profile" },
	{ "WORD:name", "ikev2 Profile Name" }, T_END
};
static const struct cmd_tok t_set_isakmp[] = {
	{ "set", H_SET },
	{ "isakmp-profile", "Specify isakmp Profile" },
	{ "WORD:name", "isakmp Profile Name" }, T_END
};
static const struct cmd_tok t_description[] = {
	{ "description", H_DESC }, { "LINE:text", H_DESCLINE }, T_END
};
static const struct cmd_tok t_responder_only[] = {
	{ "responder-only", "Do not initiate SAs from this device" }, T_END
};
static const struct cmd_tok t_set_peer[] = {
	{ "set", H_SET },
	{ "peer", "Allowed Encryption/Decryption peer." },
	{ "{", NULL }, { "A.B.C.D:addr", "IP address of peer" },
	{ "|", NULL }, { "WORD:host", "Host name of the peer" },
	{ "}", NULL }, T_END
};
static const struct cmd_tok t_match_address[] = {
	{ "match", "Match values." },
	{ "address", "Match address of packets to encrypt." },
	{ "WORD:acl", "Access-list name or number" }, T_END
};
static const struct cmd_tok t_reverse_route[] = {
	{ "reverse-route", "Reverse Route Injection." },
	{ "[", NULL }, { "static", "Create routes even if no SA is up" },
	{ "]", NULL }, T_END
};

#define M_SET	(M(IOS_M_IPSEC_PROF) | M(IOS_M_CMAP))
static struct cmd_def c_set_ts = { M_SET, -1, CMD_NO, 2, h_set_ts, NULL };
static const struct cmd_def c_set_pfs = { M_SET, -1, CMD_NO, 2, h_set_pfs,
	t_set_pfs };
static const struct cmd_def c_set_life = { M_SET, -1, CMD_NO, 4,
	h_set_life, t_set_life };
static const struct cmd_def c_set_ikev2 = { M_SET, -1, CMD_NO, 2,
	h_set_profile, t_set_ikev2 };
static const struct cmd_def c_set_isakmp = { M_SET, -1, CMD_NO, 2,
	h_set_profile, t_set_isakmp };
static const struct cmd_def c_description = { M_SET, -1, CMD_NO, 1,
	h_description, t_description };
static const struct cmd_def c_responder_only = { M(IOS_M_IPSEC_PROF), -1,
	CMD_NO, 1, h_responder_only, t_responder_only };
static const struct cmd_def c_set_peer = { M(IOS_M_CMAP), -1, CMD_NO, 2,
	h_set_peer, t_set_peer };
static const struct cmd_def c_match_address = { M(IOS_M_CMAP), -1, CMD_NO, 2,
	h_match_address, t_match_address };
static const struct cmd_def c_reverse_route = { M(IOS_M_CMAP), -1, CMD_NO, 1,
	h_reverse_route, t_reverse_route };

void
cmd_ipsec_init(void)
{
	c_transform_set.toks = cmd_repeat_seq(th_ts, tb_ts);
	c_set_ts.toks = cmd_repeat_seq(th_set_ts, tb_set_ts);
}

const struct cmd_def *const cmds_ipsec[] = {
	&c_transform_set, &c_ts_mode, &c_global_life, &c_replay,
	&c_profile, &c_cmap, &c_cmap_local, &c_dynmap,
	&c_set_ts, &c_set_pfs, &c_set_life, &c_set_ikev2, &c_set_isakmp,
	&c_description, &c_responder_only, &c_set_peer, &c_match_address,
	&c_reverse_route,
	NULL
};
