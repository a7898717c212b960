/*
 * grammar/cmd_isakmp.c: IKEv1 syntax (crypto isakmp policy, key,
 * keepalive, nat keepalive, profile; crypto keyring).  iosh negotiates
 * these with IKEv2; the model keeps them as IOS has them.
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "grammar/cmd.h"

/* ------------------------------------------------------------ config */

static int
h_policy(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config	*cfg = cfg_of(cli);
	int			 prio = (int)cmd_num(a, "prio", 0);
	struct isakmp_policy	*p;

	if (cmd_off(a)) {
		model_del_isakmp_policy(cfg, prio);
		return CLI_OK;
	}
	if ((p = model_isakmp_policy(cfg, prio, 1)) == NULL)
		return cmd_fail(cli, "%% Out of memory\n");
	cli_set_ctx(cli, p);
	return CLI_OK;
}

static int
key_same(const struct isakmp_key *k, const struct isakmp_key *n)
{
	if (n->hostname != NULL || k->hostname != NULL)
		return n->hostname && k->hostname &&
		    strcmp(n->hostname, k->hostname) == 0;
	return addr_eq(&k->addr, &n->addr) && k->plen == n->plen &&
	    k->mask.s_addr == n->mask.s_addr;
}

static int
h_key(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config	*cfg = cfg_of(cli);
	struct isakmp_key	 n = { 0 }, *k;
	const char		*host = cmd_arg(a, "host");
	size_t			 i;

	if (host != NULL)
		n.hostname = (char *)host;
	else if (cmd_arg(a, "prefix") != NULL) {
		if (cmd_prefix(a, "prefix", &n.addr, &n.plen) == -1 ||
		    n.addr.af != AF_INET6)
			return cmd_fail(cli, "%% Invalid IPv6 prefix\n");
	} else {
		if (cmd_v4(a, "addr", &n.addr.v4) == -1)
			return cmd_fail(cli, "%% Invalid address\n");
		n.addr.af = AF_INET;
		if (cmd_v4(a, "mask", &n.mask) == 0) {
			if (mask_plen(n.mask) == -1)
				return cmd_fail(cli, "%% Invalid mask\n");
			n.has_mask = 1;
		}
	}
	for (i = 0; i < cfg->isakmp_keys.n; i++)
		if (key_same(cfg->isakmp_keys.v[i], &n))
			break;
	if (cmd_off(a)) {
		if (i < cfg->isakmp_keys.n) {
			model_isakmp_key_free(cfg->isakmp_keys.v[i]);
			vec_remove(&cfg->isakmp_keys, i);
		}
		return CLI_OK;
	}
	if (i < cfg->isakmp_keys.n)
		k = cfg->isakmp_keys.v[i];
	else {
		if ((k = calloc(1, sizeof(*k))) == NULL ||
		    vec_push(&cfg->isakmp_keys, k) == -1) {
			free(k);
			return cmd_fail(cli, "%% Out of memory\n");
		}
		*k = n;
		k->hostname = host ? strdup(host) : NULL;
	}
	psk_set(&k->psk, cmd_has(a, "6") ? 6 : 0, cmd_arg(a, "secret"));
	k->no_xauth = cmd_has(a, "no-xauth");
	return CLI_OK;
}

static int
h_keepalive(struct cli *cli, const struct cmd_args *a)
{
	struct ios_dpd	*d = &cfg_of(cli)->isakmp_keepalive;

	if (cmd_off(a)) {
		memset(d, 0, sizeof(*d));
		return CLI_OK;
	}
	d->interval = (int)cmd_num(a, "secs", 0);
	d->retry = (int)cmd_num(a, "retry", 2);
	d->mode = cmd_has(a, "periodic") ? IOS_DPD_PERIODIC :
	    IOS_DPD_ON_DEMAND;
	return CLI_OK;
}

static int
h_nat_keepalive(struct cli *cli, const struct cmd_args *a)
{
	cfg_of(cli)->isakmp_nat_keepalive = cmd_off(a) ? 0 :
	    (int)cmd_num(a, "secs", 0);
	return CLI_OK;
}

static int
h_profile(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config	*cfg = cfg_of(cli);
	const char		*name = cmd_arg(a, "name");
	struct isakmp_profile	*p;

	if (cmd_off(a)) {
		model_del_isakmp_profile(cfg, name);
		return CLI_OK;
	}
	if ((p = model_isakmp_profile(cfg, name, 1)) == NULL)
		return cmd_fail(cli, "%% Out of memory\n");
	cli_set_ctx(cli, p);
	return CLI_OK;
}

static int
h_keyring(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config	*cfg = cfg_of(cli);
	const char		*name = cmd_arg(a, "name");
	struct isakmp_keyring	*k;

	if (cmd_off(a)) {
		model_del_isakmp_keyring(cfg, name);
		return CLI_OK;
	}
	if ((k = model_isakmp_keyring(cfg, name, 1)) == NULL)
		return cmd_fail(cli, "%% Out of memory\n");
	if (cmd_arg(a, "vrfname") != NULL)
		str_set(&k->vrf, cmd_arg(a, "vrfname"));
	cli_set_ctx(cli, k);
	return CLI_OK;
}

static const struct cmd_tok t_policy[] = {
	{ "crypto", H_CRYPTO }, { "isakmp", H_ISAKMP },
	{ "policy", "Set policy for an ISAKMP protection suite" },
	{ "<1-10000>:prio", "Priority of protection suite" }, T_END
};
static const struct cmd_tok t_key[] = {
	{ "crypto", H_CRYPTO }, { "isakmp", H_ISAKMP },
	{ "key", "Set pre-shared key for remote peer" },
	{ "[", NULL }, { "{", NULL },
	{ "0", "Specifies an UNENCRYPTED password will follow" },
	{ "|", NULL },
	{ "6", "Specifies an ENCRYPTED password will follow" },
	{ "}", NULL }, { "]", NULL },
	{ "WORD:secret", "The UNENCRYPTED (cleartext) user password" },
	{ "{", NULL },
	{ "address", "define shared key with IP address" },
	{ "{", NULL },
	{ "A.B.C.D:addr", "Peer IP address" },
	{ "[", NULL }, { "A.B.C.D:mask", "Peer IP subnet mask" }, { "]", NULL },
	{ "|", NULL }, { "ipv6", "define shared key with IPv6 address" },
	{ "X:X::X:X/M:prefix", "IPv6 prefix" },
	{ "}", NULL },
	{ "|", NULL }, { "hostname", "define shared key with hostname" },
	{ "WORD:host", "hostname" },
	{ "}", NULL },
	{ "[", NULL }, { "no-xauth", "Bypasses XAuth for this peer" },
	{ "]", NULL }, T_END
};
static const struct cmd_tok t_keepalive[] = {
	{ "crypto", H_CRYPTO }, { "isakmp", H_ISAKMP },
	{ "keepalive", "Set a keepalive interval for use with IOS peers" },
	{ "<10-3600>:secs", "Number of seconds between keep alives" },
	{ "[", NULL }, { "<2-60>:retry", "Number of seconds between retries "
	    "if keepalive fails" },
	{ "[", NULL }, { "{", NULL },
	{ "on-demand", "Send keepalives on demand (default)" }, { "|", NULL },
	{ "periodic", "Send keepalives periodically" },
	{ "}", NULL }, { "]", NULL }, { "]", NULL }, T_END
};
static const struct cmd_tok t_nat[] = {
	{ "crypto", H_CRYPTO }, { "isakmp", H_ISAKMP },
	{ "nat", "Set NAT related parameters" },
	{ "keepalive", "Set NAT keepalive interval" },
	{ "<5-3600>:secs", "Number of seconds between keep alives" }, T_END
};
static const struct cmd_tok t_profile[] = {
	{ "crypto", H_CRYPTO }, { "isakmp", H_ISAKMP },
	{ "profile", "Define ISAKMP Profiles" },
	{ "WORD:name", "name" }, T_END
};
static const struct cmd_tok t_keyring[] = {
	{ "crypto", H_CRYPTO },
	{ "keyring", "Key ring commands" },
	{ "WORD:name", "Name of the key ring" },
	{ "[", NULL }, { "vrf", "Specify the VRF with which the key ring is "
	    "associated" }, { "WORD:vrfname", "VRF name" }, { "]", NULL },
	T_END
};

static const struct cmd_def c_policy = { M(IOS_M_CONFIG), IOS_M_ISAKMP,
	CMD_NO, 0, h_policy, t_policy };
static const struct cmd_def c_key = { M(IOS_M_CONFIG), -1, CMD_NO, 0,
	h_key, t_key };
static const struct cmd_def c_keepalive = { M(IOS_M_CONFIG), -1, CMD_NO, 3,
	h_keepalive, t_keepalive };
static const struct cmd_def c_nat = { M(IOS_M_CONFIG), -1, CMD_NO, 4,
	h_nat_keepalive, t_nat };
static const struct cmd_def c_profile = { M(IOS_M_CONFIG), IOS_M_ISAPROF,
	CMD_NO, 4, h_profile, t_profile };
static const struct cmd_def c_keyring = { M(IOS_M_CONFIG), IOS_M_KEYRING,
	CMD_NO, 3, h_keyring, t_keyring };

/* ------------------------------------------------------ isakmp policy */

static int
h_pol_enc(struct cli *cli, const struct cmd_args *a)
{
	struct isakmp_policy	*p = cli_ctx(cli);

	if (cmd_off(a))
		p->enc = ISAKMP_ENC_DES;
	else if (cmd_has(a, "3des")) {
		p->enc = ISAKMP_ENC_3DES;
		cmd_weak(cli, "3des");
	}
	else if (cmd_has(a, "aes"))
		p->enc = cmd_has(a, "256") ? ISAKMP_ENC_AES256 :
		    cmd_has(a, "192") ? ISAKMP_ENC_AES192 : ISAKMP_ENC_AES128;
	else {
		p->enc = ISAKMP_ENC_DES;
		cmd_weak(cli, "des");
	}
	return CLI_OK;
}

static int
h_pol_hash(struct cli *cli, const struct cmd_args *a)
{
	struct isakmp_policy	*p = cli_ctx(cli);
	int			 h = cmd_which(a, names_isakmp_hash);

	p->hash = cmd_off(a) || h < 0 ? ISAKMP_HASH_SHA : h;
	if (p->hash == ISAKMP_HASH_MD5)
		cmd_weak(cli, "md5");
	return CLI_OK;
}

static int
h_pol_auth(struct cli *cli, const struct cmd_args *a)
{
	struct isakmp_policy	*p = cli_ctx(cli);
	int			 h = cmd_which(a, names_isakmp_auth);

	p->auth = cmd_off(a) || h < 0 ? ISAKMP_AUTH_RSA_SIG : h;
	return CLI_OK;
}

static const struct ios_name names_v1group[] = {
	{ 1, "1" }, { 2, "2" }, { 5, "5" }, { 14, "14" }, { 15, "15" },
	{ 16, "16" }, { 19, "19" }, { 20, "20" }, { 21, "21" }, { 24, "24" },
	{ 0, NULL }
};

static int
h_pol_group(struct cli *cli, const struct cmd_args *a)
{
	struct isakmp_policy	*p = cli_ctx(cli);
	int			 g = cmd_which(a, names_v1group);

	p->group = cmd_off(a) || g < 0 || g == IOS_DEF_ISAKMP_GROUP ? 0 : g;
	if (!cmd_off(a) && (g == 1 || g == 2 || g == 5))
		cmd_weak(cli, g == 1 ? "group 1" : g == 2 ? "group 2" :
		    "group 5");
	return CLI_OK;
}

static int
h_pol_lifetime(struct cli *cli, const struct cmd_args *a)
{
	struct isakmp_policy	*p = cli_ctx(cli);
	int			 l = (int)cmd_num(a, "secs", 0);

	p->lifetime = cmd_off(a) || l == IOS_DEF_ISAKMP_LIFETIME ? 0 : l;
	return CLI_OK;
}

static const struct cmd_tok t_pol_enc[] = {
	{ "encryption", "Set encryption algorithm for protection suite" },
	{ "{", NULL },
	{ "des", "DES - Data Encryption Standard (56 bit keys)." },
	{ "|", NULL },
	{ "3des", "Three key triple DES" },
	{ "|", NULL },
	{ "aes", "AES - Advanced Encryption Standard." },
	{ "[", NULL }, { "{", NULL },
	{ "128", "128 bit keys." }, { "|", NULL },
	{ "192", "192 bit keys." }, { "|", NULL },
	{ "256", "256 bit keys." }, { "}", NULL }, { "]", NULL },
	{ "}", NULL }, T_END
};
static const struct cmd_tok t_pol_hash[] = {
	{ "hash", "Set hash algorithm for protection suite" },
	{ "{", NULL },
	{ "md5", "Message Digest 5" }, { "|", NULL },
	{ "sha", "Secure Hash Standard" }, { "|", NULL },
	{ "sha256", "Secure Hash Standard 2 (256 bit)" }, { "|", NULL },
	{ "sha384", "Secure Hash Standard 2 (384 bit)" }, { "|", NULL },
	{ "sha512", "Secure Hash Standard 2 (512 bit)" },
	{ "}", NULL }, T_END
};
static const struct cmd_tok t_pol_auth[] = {
	{ "authentication", "Set authentication method for protection "
	    "suite" },
	{ "{", NULL },
	{ "pre-share", "Pre-Shared Key" }, { "|", NULL },
	{ "rsa-encr", "Rivest-Shamir-Adleman Encryption" }, { "|", NULL },
	{ "rsa-sig", "Rivest-Shamir-Adleman Signature" },
	{ "}", NULL }, T_END
};
static const struct cmd_tok t_pol_group[] = {
	{ "group", "Set the Diffie-Hellman group" },
	{ "{", NULL },
	{ "1", "Diffie-Hellman group 1 (768 bit)" }, { "|", NULL },
	{ "14", "Diffie-Hellman group 14 (2048 bit)" }, { "|", NULL },
	{ "15", "Diffie-Hellman group 15 (3072 bit)" }, { "|", NULL },
	{ "16", "Diffie-Hellman group 16 (4096 bit)" }, { "|", NULL },
	{ "19", "Diffie-Hellman group 19 (256 bit ecp)" }, { "|", NULL },
	{ "2", "Diffie-Hellman group 2 (1024 bit)" }, { "|", NULL },
	{ "20", "Diffie-Hellman group 20 (384 bit ecp)" }, { "|", NULL },
	{ "21", "Diffie-Hellman group 21 (521 bit ecp)" }, { "|", NULL },
	{ "24", "Diffie-Hellman group 24 (2048 bit, 256 bit subgroup)" },
	{ "|", NULL },
	{ "5", "Diffie-Hellman group 5 (1536 bit)" },
	{ "}", NULL }, T_END
};
static const struct cmd_tok t_pol_lifetime[] = {
	{ "lifetime", "Set lifetime for ISAKMP security association" },
	{ "<60-86400>:secs", "lifetime in seconds" }, T_END
};

#define M_POL	M(IOS_M_ISAKMP)
static const struct cmd_def c_pol_enc = { M_POL, -1, CMD_NO, 1, h_pol_enc,
	t_pol_enc };
static const struct cmd_def c_pol_hash = { M_POL, -1, CMD_NO, 1, h_pol_hash,
	t_pol_hash };
static const struct cmd_def c_pol_auth = { M_POL, -1, CMD_NO, 1, h_pol_auth,
	t_pol_auth };

/*
 * Beyond IOS: `authentication sha256`, as the seed example writes it, is
 * refused as IOS refuses it, then a hint says where the hash goes.
 */
static const struct cmd_tok t_pol_auth_hint[] = {
	{ "authentication", NULL },
	{ "{", NULL }, { "md5", NULL }, { "|", NULL }, { "sha", NULL },
	{ "|", NULL }, { "sha256", NULL }, { "|", NULL }, { "sha384", NULL },
	{ "|", NULL }, { "sha512", NULL }, { "}", NULL }, T_END
};

static int
h_pol_auth_hint(struct cli *cli, const struct cmd_args *a)
{
	const char	*name;
	int		 i;

	for (i = 0; i < cmd_nargs(a); i++)
		if (cmd_arg_at(a, i, &name) != NULL &&
		    strcmp(name, "authentication") != 0)
			cli_printf(cli, "%% Hint: the hash is set with "
			    "\"hash %s\"; authentication takes pre-share, "
			    "rsa-encr or rsa-sig\n", name);
	return CLI_OK;
}

static const struct cmd_def c_pol_auth_hint = { M_POL, -1, CMD_HINT, 0,
	h_pol_auth_hint, t_pol_auth_hint };
static const struct cmd_def c_pol_group = { M_POL, -1, CMD_NO, 1,
	h_pol_group, t_pol_group };
static const struct cmd_def c_pol_lifetime = { M_POL, -1, CMD_NO, 1,
	h_pol_lifetime, t_pol_lifetime };

/* ----------------------------------------------------- isakmp profile */

static int
h_prof_keyring(struct cli *cli, const struct cmd_args *a)
{
	struct isakmp_profile	*p = cli_ctx(cli);
	const char		*name = cmd_arg(a, "name");
	size_t			 i;

	for (i = 0; i < p->keyrings.n; i++)
		if (strcmp(p->keyrings.v[i], name) == 0)
			break;
	if (cmd_off(a)) {
		if (i < p->keyrings.n) {
			free(p->keyrings.v[i]);
			vec_remove(&p->keyrings, i);
		}
		return CLI_OK;
	}
	if (i == p->keyrings.n && vec_strdup_push(&p->keyrings, name) == NULL)
		return cmd_fail(cli, "%% Out of memory\n");
	return CLI_OK;
}

static int
h_prof_match(struct cli *cli, const struct cmd_args *a)
{
	struct isakmp_profile	*p = cli_ctx(cli);
	struct isakmp_match	 m = { 0 }, *o;
	size_t			 i;

	if (cmd_has(a, "host")) {
		str_set(&p->match_host, cmd_off(a) ? NULL :
		    cmd_arg(a, "hname"));
		return CLI_OK;
	}
	if (cmd_v4(a, "addr", &m.addr) == -1)
		return cmd_fail(cli, "%% Invalid address\n");
	if (cmd_v4(a, "mask", &m.mask) == 0)
		m.has_mask = 1;
	else
		m.mask = plen_mask(32);
	for (i = 0; i < p->match.n; i++) {
		o = p->match.v[i];
		if (o->addr.s_addr == m.addr.s_addr &&
		    o->mask.s_addr == m.mask.s_addr)
			break;
	}
	if (cmd_off(a)) {
		if (i < p->match.n) {
			model_isakmp_match_free(p->match.v[i]);
			vec_remove(&p->match, i);
		}
		return CLI_OK;
	}
	if (i < p->match.n)
		o = p->match.v[i];
	else {
		if ((o = calloc(1, sizeof(*o))) == NULL ||
		    vec_push(&p->match, o) == -1) {
			free(o);
			return cmd_fail(cli, "%% Out of memory\n");
		}
		*o = m;
	}
	o->has_mask = 1;	/* IOS always prints the mask */
	str_set(&o->vrf, cmd_arg(a, "vrf"));
	return CLI_OK;
}

static int
h_prof_self(struct cli *cli, const struct cmd_args *a)
{
	struct isakmp_profile	*p = cli_ctx(cli);

	if (cmd_off(a))
		p->self_id = 0;
	else if (cmd_has(a, "fqdn"))
		p->self_id = IKEV2_ID_FQDN;
	else if (cmd_has(a, "user-fqdn"))
		p->self_id = IKEV2_ID_EMAIL;
	else
		p->self_id = IKEV2_ID_ADDRESS;
	return CLI_OK;
}

static int
h_prof_keepalive(struct cli *cli, const struct cmd_args *a)
{
	struct isakmp_profile	*p = cli_ctx(cli);

	p->keepalive = cmd_off(a) ? 0 : (int)cmd_num(a, "secs", 0);
	p->keepalive_retry = cmd_off(a) ? 0 : (int)cmd_num(a, "rsecs", 2);
	return CLI_OK;
}

/* local-address, vrf, description: a string field of the sub-mode. */
static int
h_str_field(struct cli *cli, const struct cmd_args *a)
{
	char	**f = NULL;
	char	  ifn[64];
	const char *v = cmd_arg(a, "value");

	if (cli_mode(cli) == IOS_M_ISAPROF) {
		struct isakmp_profile *p = cli_ctx(cli);

		f = cmd_has(a, "vrf") ? &p->vrf : cmd_has(a, "description") ?
		    &p->description : &p->local_address;
	} else {
		struct isakmp_keyring *k = cli_ctx(cli);

		f = cmd_has(a, "description") ? &k->description :
		    &k->local_address;
	}
	if (cmd_arg(a, "ifname") != NULL) {
		if (cmd_ifname(a, "ifname", ifn, sizeof(ifn)) == -1)
			return cmd_fail(cli, "%% Invalid interface\n");
		v = ifn;
	} else if (cmd_arg(a, "addr") != NULL)
		v = cmd_arg(a, "addr");
	str_set(f, cmd_off(a) ? NULL : v);
	return CLI_OK;
}

static const struct cmd_tok t_prof_keyring[] = {
	{ "keyring", "Keyring" }, { "WORD:name", "Keyring name" }, T_END
};
static const struct cmd_tok t_prof_match[] = {
	{ "match", "Match values of peer" },
	{ "identity", "Peer identity" },
	{ "{", NULL },
	{ "address", "IP Address" },
	{ "A.B.C.D:addr", "IP Address" },
	{ "[", NULL }, { "A.B.C.D:mask", "IP Address mask" },
	{ "[", NULL }, { "WORD:vrf", "VRF name" }, { "]", NULL },
	{ "]", NULL },
	{ "|", NULL }, { "host", "Fully Qualified Domain Name" },
	{ "WORD:hname", "Host name" },
	{ "}", NULL }, T_END
};
static const struct cmd_tok t_prof_self[] = {
	{ "self-identity", "Specify Identity to use" },
	{ "{", NULL }, { "address", "Use the IP address of the interface" },
	{ "|", NULL }, { "fqdn", "Use FQDN" },
	{ "|", NULL }, { "user-fqdn", "Use user FQDN" },
	{ "WORD:value", "user FQDN" }, { "}", NULL }, T_END
};
static const struct cmd_tok t_prof_keepalive[] = {
	{ "keepalive", "Set a keepalive interval for use with IOS peers" },
	{ "<10-3600>:secs", "Number of seconds between keep alives" },
	{ "retry", "Number of seconds between retries if keepalive fails" },
	{ "<2-60>:rsecs", "Number of seconds" }, T_END
};
static const struct cmd_tok t_local_address[] = {
	{ "local-address", "Interface to use for local address" },
	{ "{", NULL }, { "IFNAME:ifname", "Interface" }, { "|", NULL },
	{ "A.B.C.D:addr", "IP address" }, { "}", NULL }, T_END
};
static const struct cmd_tok t_vrf[] = {
	{ "vrf", "VRF" }, { "WORD:value", "VRF name" }, T_END
};
static const struct cmd_tok t_desc[] = {
	{ "description", H_DESC }, { "LINE:value", H_DESCLINE }, T_END
};

#define M_PROF	M(IOS_M_ISAPROF)
#define M_KR	M(IOS_M_KEYRING)
static const struct cmd_def c_prof_keyring = { M_PROF, -1, CMD_NO, 0,
	h_prof_keyring, t_prof_keyring };
static const struct cmd_def c_prof_match = { M_PROF, -1, CMD_NO, 0,
	h_prof_match, t_prof_match };
static const struct cmd_def c_prof_self = { M_PROF, -1, CMD_NO, 1,
	h_prof_self, t_prof_self };
static const struct cmd_def c_prof_keepalive = { M_PROF, -1, CMD_NO, 1,
	h_prof_keepalive, t_prof_keepalive };
static const struct cmd_def c_local_address = { M_PROF | M_KR, -1, CMD_NO,
	1, h_str_field, t_local_address };
static const struct cmd_def c_vrf = { M_PROF, -1, CMD_NO, 1, h_str_field,
	t_vrf };
static const struct cmd_def c_desc = { M_PROF | M_KR, -1, CMD_NO, 1,
	h_str_field, t_desc };

/* ------------------------------------------------------ crypto keyring */

static int
h_kr_psk(struct cli *cli, const struct cmd_args *a)
{
	struct isakmp_keyring	*k = cli_ctx(cli);
	struct keyring_psk	 n = { 0 }, *o;
	const char		*host = cmd_arg(a, "host");
	size_t			 i;

	if (host == NULL) {
		if (cmd_v4(a, "addr", &n.addr.v4) == -1)
			return cmd_fail(cli, "%% Invalid address\n");
		n.addr.af = AF_INET;
		if (cmd_v4(a, "mask", &n.mask) == 0)
			n.has_mask = 1;
	}
	for (i = 0; i < k->psks.n; i++) {
		o = k->psks.v[i];
		if (host ? (o->hostname && strcmp(o->hostname, host) == 0) :
		    (!o->hostname && addr_eq(&o->addr, &n.addr) &&
		    o->mask.s_addr == n.mask.s_addr))
			break;
	}
	if (cmd_off(a)) {
		if (i < k->psks.n) {
			model_keyring_psk_free(k->psks.v[i]);
			vec_remove(&k->psks, i);
		}
		return CLI_OK;
	}
	if (i < k->psks.n)
		o = k->psks.v[i];
	else {
		if ((o = calloc(1, sizeof(*o))) == NULL ||
		    vec_push(&k->psks, o) == -1) {
			free(o);
			return cmd_fail(cli, "%% Out of memory\n");
		}
		*o = n;
		o->hostname = host ? strdup(host) : NULL;
	}
	psk_set(&o->psk, cmd_has(a, "6") ? 6 : 0, cmd_arg(a, "secret"));
	return CLI_OK;
}

static const struct cmd_tok t_kr_psk[] = {
	{ "pre-shared-key", "Pre-Shared Key" },
	{ "{", NULL },
	{ "address", "pre-shared key by address" },
	{ "A.B.C.D:addr", "IP address" },
	{ "[", NULL }, { "A.B.C.D:mask", "Mask" }, { "]", NULL },
	{ "|", NULL }, { "hostname", "pre-shared key by hostname" },
	{ "WORD:host", "hostname" },
	{ "}", NULL },
	{ "key", "key" },
	{ "[", NULL }, { "{", NULL },
	{ "0", "Specifies an UNENCRYPTED password will follow" },
	{ "|", NULL },
	{ "6", "Specifies an ENCRYPTED password will follow" },
	{ "}", NULL }, { "]", NULL },
	{ "WORD:secret", "The UNENCRYPTED (cleartext) user password" }, T_END
};

static const struct cmd_def c_kr_psk = { M_KR, -1, CMD_NO, 3, h_kr_psk,
	t_kr_psk };

const struct cmd_def *const cmds_isakmp[] = {
	&c_policy, &c_key, &c_keepalive, &c_nat, &c_profile, &c_keyring,
	&c_pol_enc, &c_pol_hash, &c_pol_auth, &c_pol_auth_hint, &c_pol_group,
	&c_pol_lifetime,
	&c_prof_keyring, &c_prof_match, &c_prof_self, &c_prof_keepalive,
	&c_local_address, &c_vrf, &c_desc,
	&c_kr_psk,
	NULL
};
