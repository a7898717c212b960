/*
 * grammar/cmd_ikev2.c: crypto ikev2 proposal, policy, keyring (with its
 * peers), profile, and the global dpd and nat keepalive.
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "grammar/cmd.h"

/*
 * How many algorithms one line may list: the engine expands optional
 * groups into paths (at most 65536 a command), so 11 groups allow 4.
 */

static void
alglist_add(struct ios_alglist *l, int id)
{
	int	 i;

	for (i = 0; i < l->n; i++)
		if (l->v[i] == id)
			return;
	if (l->n < IOS_ALG_MAX)
		l->v[l->n++] = (uint8_t)id;
}

static void
alglist_del(struct ios_alglist *l, int id)
{
	int	 i;

	for (i = 0; i < l->n; i++)
		if (l->v[i] == id) {
			memmove(&l->v[i], &l->v[i + 1], (size_t)(l->n - i - 1));
			l->n--;
			return;
		}
}

/* ------------------------------------------------------------ config */

static int
h_proposal(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config	*cfg = cfg_of(cli);
	const char		*name = cmd_arg(a, "name");
	struct ikev2_proposal	*p;

	if (cmd_off(a)) {
		model_del_ikev2_proposal(cfg, name);
		return CLI_OK;
	}
	if ((p = model_ikev2_proposal(cfg, name, 0)) == NULL) {
		if ((p = model_ikev2_proposal(cfg, name, 1)) == NULL)
			return cmd_fail(cli, "%% Out of memory\n");
		cmd_advise(cli, "IKEv2 proposal MUST either have a set of an "
		    "encryption algorithm other than aes-gcm, an integrity "
		    "algorithm and a DH group configured or\n encryption "
		    "algorithm aes-gcm, a prf algorithm and a DH group "
		    "configured\n");
	}
	cli_set_ctx(cli, p);
	return CLI_OK;
}

static int
h_policy(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config	*cfg = cfg_of(cli);
	const char		*name = cmd_arg(a, "name");
	struct ikev2_policy	*p;

	if (cmd_off(a)) {
		model_del_ikev2_policy(cfg, name);
		return CLI_OK;
	}
	if ((p = model_ikev2_policy(cfg, name, 0)) == NULL) {
		if ((p = model_ikev2_policy(cfg, name, 1)) == NULL)
			return cmd_fail(cli, "%% Out of memory\n");
		cmd_advise(cli, "IKEv2 policy MUST have atleast one complete "
		    "proposal attached\n");
	}
	cli_set_ctx(cli, p);
	return CLI_OK;
}

static int
h_keyring(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config	*cfg = cfg_of(cli);
	const char		*name = cmd_arg(a, "name");
	struct ikev2_keyring	*k;

	if (cmd_off(a)) {
		model_del_ikev2_keyring(cfg, name);
		return CLI_OK;
	}
	if ((k = model_ikev2_keyring(cfg, name, 1)) == NULL)
		return cmd_fail(cli, "%% Out of memory\n");
	cli_set_ctx(cli, k);
	return CLI_OK;
}

static int
h_profile(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config	*cfg = cfg_of(cli);
	const char		*name = cmd_arg(a, "name");
	struct ikev2_profile	*p;

	if (cmd_off(a)) {
		model_del_ikev2_profile(cfg, name);
		return CLI_OK;
	}
	if ((p = model_ikev2_profile(cfg, name, 0)) == NULL) {
		if ((p = model_ikev2_profile(cfg, name, 1)) == NULL)
			return cmd_fail(cli, "%% Out of memory\n");
		cmd_advise(cli, "IKEv2 profile MUST have:\n"
		    "   1. A local and a remote authentication method.\n"
		    "   2. A match identity or a match certificate or "
		    "match any statement.\n");
	}
	cli_set_ctx(cli, p);
	return CLI_OK;
}

static void
dpd_set(struct ios_dpd *d, const struct cmd_args *a)
{
	if (cmd_off(a)) {
		memset(d, 0, sizeof(*d));
		return;
	}
	d->interval = (int)cmd_num(a, "interval", 0);
	d->retry = (int)cmd_num(a, "retry", 2);
	d->mode = cmd_has(a, "periodic") ? IOS_DPD_PERIODIC :
	    IOS_DPD_ON_DEMAND;
}

static int
h_dpd(struct cli *cli, const struct cmd_args *a)
{
	dpd_set(&cfg_of(cli)->ikev2_dpd, a);
	return CLI_OK;
}

static int
h_nat_keepalive(struct cli *cli, const struct cmd_args *a)
{
	cfg_of(cli)->ikev2_nat_keepalive = cmd_off(a) ? 0 :
	    (int)cmd_num(a, "secs", 0);
	return CLI_OK;
}

static const struct cmd_tok t_proposal[] = {
	{ "crypto", H_CRYPTO }, { "ikev2", H_IKEV2 },
	{ "proposal", "Define IKEv2 proposals" },
	{ "WORD:name", "Specify the name of proposal" }, T_END
};
static const struct cmd_tok t_policy[] = {
	{ "crypto", H_CRYPTO }, { "ikev2", H_IKEV2 },
	{ "policy", "Define IKEv2 policies" },
	{ "WORD:name", "Specify the name of policy" }, T_END
};
static const struct cmd_tok t_keyring[] = {
	{ "crypto", H_CRYPTO }, { "ikev2", H_IKEV2 },
	{ "keyring", "Define IKEv2 Keyrings" },
	{ "WORD:name", "Specify the name of keyring" }, T_END
};
static const struct cmd_tok t_profile[] = {
	{ "crypto", H_CRYPTO }, { "ikev2", H_IKEV2 },
	{ "profile", "Define IKEv2 profiles" },
	{ "WORD:name", "Specify the name of profile" }, T_END
};
static const struct cmd_tok t_dpd[] = {
	{ "crypto", H_CRYPTO }, { "ikev2", H_IKEV2 },
	{ "dpd", "Enable IKE liveness check for peers" },
	{ "<10-3600>:interval", "DPD interval in seconds" },
	{ "<2-60>:retry", "retry interval in seconds when there is no reply "
	    "from peer" },
	{ "{", NULL },
	{ "on-demand", "Send a DPD when there is data traffic to send and "
	    "the peer is idle" },
	{ "|", NULL }, { "periodic", "Send DPD periodically" },
	{ "}", NULL }, T_END
};
static const struct cmd_tok t_nat[] = {
	{ "crypto", H_CRYPTO }, { "ikev2", H_IKEV2 },
	{ "nat", "NAT keepalive and NAT-T options" },
	{ "keepalive", "Set NAT keepalive interval" },
	{ "<5-3600>:secs", "NAT keepalive interval in seconds" }, T_END
};

static const struct cmd_def c_proposal = { M(IOS_M_CONFIG), IOS_M_IKEV2_PROP,
	CMD_NO, 0, h_proposal, t_proposal };
static const struct cmd_def c_policy = { M(IOS_M_CONFIG), IOS_M_IKEV2_POL,
	CMD_NO, 0, h_policy, t_policy };
static const struct cmd_def c_keyring = { M(IOS_M_CONFIG), IOS_M_IKEV2_KR,
	CMD_NO, 0, h_keyring, t_keyring };
static const struct cmd_def c_profile = { M(IOS_M_CONFIG), IOS_M_IKEV2_PROF,
	CMD_NO, 0, h_profile, t_profile };
static const struct cmd_def c_dpd = { M(IOS_M_CONFIG), -1, CMD_NO, 3,
	h_dpd, t_dpd };
static const struct cmd_def c_nat = { M(IOS_M_CONFIG), -1, CMD_NO, 4,
	h_nat_keepalive, t_nat };

/* ---------------------------------------------------------- proposal */

static const struct cmd_tok ch_enc[] = {
	{ "3des", "Triple DES" },
	{ "aes-cbc-128", "AES-CBC-128" },
	{ "aes-cbc-192", "AES-CBC-192" },
	{ "aes-cbc-256", "AES-CBC-256" },
	{ "aes-gcm-128", "Combined-mode, 128 bit key, 16 byte ICV "
	    "(Authentication Tag)" },
	{ "aes-gcm-256", "Combined-mode, 256 bit key, 16 byte ICV "
	    "(Authentication Tag)" },
	T_END
};
static const struct cmd_tok ch_hash[] = {
	{ "md5", "Message Digest 5" },
	{ "sha1", "Secure Hash Standard" },
	{ "sha256", "Secure Hash Standard 2 (256 bit)" },
	{ "sha384", "Secure Hash Standard 2 (384 bit)" },
	{ "sha512", "Secure Hash Standard 2 (512 bit)" },
	T_END
};
static const struct cmd_tok ch_group[] = {
	{ "1", "DH 768 MODP" },
	{ "2", "DH 1024 MODP" },
	{ "5", "DH 1536 MODP" },
	{ "14", "DH 2048 MODP" },
	{ "15", "DH 3072 MODP" },
	{ "16", "DH 4096 MODP" },
	{ "19", "DH 256 ECP" },
	{ "20", "DH 384 ECP" },
	{ "21", "DH 521 ECP" },
	{ "24", "DH 2048 (256 subgroup) MODP" },
	{ "31", "DH 2048 Curve25519" },
	T_END
};
static const struct ios_name names_group[] = {
	{ 1, "1" }, { 2, "2" }, { 5, "5" }, { 14, "14" }, { 15, "15" },
	{ 16, "16" }, { 19, "19" }, { 20, "20" }, { 21, "21" }, { 24, "24" },
	{ 31, "31" }, { 0, NULL }
};

static const struct cmd_tok th_enc[] = {
	{ "encryption", "Specify encryption algorithm(s)" }, T_END
};
static const struct cmd_tok th_integ[] = {
	{ "integrity", "Specify integrity algorithm(s)" }, T_END
};
static const struct cmd_tok th_prf[] = {
	{ "prf", "Specify prf algorithm(s)" }, T_END
};
static const struct cmd_tok th_group[] = {
	{ "group", "Specify the Diffie-Hellman group(s)" }, T_END
};

/* One handler for the four lists: which one from the first keyword. */
static int
h_prop_list(struct cli *cli, const struct cmd_args *a)
{
	struct ikev2_proposal	*p = cli_ctx(cli);
	const struct ios_name	*names;
	struct ios_alglist	*l;
	int			 ids[IOS_ALG_MAX], n, i;

	if (cmd_has(a, "encryption")) {
		l = &p->enc;
		names = names_ikev2_enc;
	} else if (cmd_has(a, "integrity")) {
		l = &p->integ;
		names = names_ikev2_hash;
	} else if (cmd_has(a, "prf")) {
		l = &p->prf;
		names = names_ikev2_hash;
	} else {
		l = &p->group;
		names = names_group;
	}
	n = cmd_kwlist(a, 1, names, ids, IOS_ALG_MAX);
	if (cmd_off(a)) {
		if (n == 0)
			memset(l, 0, sizeof(*l));
		for (i = 0; i < n; i++)
			alglist_del(l, ids[i]);
		return CLI_OK;
	}
	if (l == &p->enc) {
		struct ios_alglist t = *l;
		int gcm = 0, cbc = 0;

		for (i = 0; i < n; i++)
			alglist_add(&t, ids[i]);
		for (i = 0; i < t.n; i++) {
			if (t.v[i] == IKEV2_ENC_AES_GCM_128 ||
			    t.v[i] == IKEV2_ENC_AES_GCM_256)
				gcm = 1;
			else
				cbc = 1;
		}
		/* XXX: IOS's wording for this refusal is not verified. */
		if (gcm && cbc)
			return cmd_fail(cli, "%% AEAD (aes-gcm) and non-AEAD "
			    "encryption algorithms cannot be in the same "
			    "proposal\n");
	}
	for (i = 0; i < n; i++) {
		char	 grp[16];

		alglist_add(l, ids[i]);
		snprintf(grp, sizeof(grp), "group %d", ids[i]);
		if (names == names_group && (ids[i] == 1 || ids[i] == 2 ||
		    ids[i] == 5 || ids[i] == 24))
			cmd_weak(cli, grp);
		else if (names != names_group && ids[i] == (names ==
		    names_ikev2_enc ? IKEV2_ENC_3DES : IKEV2_HASH_MD5))
			cmd_weak(cli, names_kw(names, ids[i]));
	}
	return CLI_OK;
}

#define M_PROP	M(IOS_M_IKEV2_PROP)
static struct cmd_def c_enc = { M_PROP, -1, CMD_NO, 1, h_prop_list, NULL };
static struct cmd_def c_integ = { M_PROP, -1, CMD_NO, 1, h_prop_list, NULL };
static struct cmd_def c_prf = { M_PROP, -1, CMD_NO, 1, h_prop_list, NULL };
static struct cmd_def c_group = { M_PROP, -1, CMD_NO, 1, h_prop_list, NULL };

/* ------------------------------------------------------------ policy */

static int
h_pol_proposal(struct cli *cli, const struct cmd_args *a)
{
	struct ikev2_policy	*p = cli_ctx(cli);
	const char		*name = cmd_arg(a, "name");
	size_t			 i;

	for (i = 0; i < p->proposals.n; i++)
		if (strcmp(p->proposals.v[i], name) == 0)
			break;
	if (cmd_off(a)) {
		if (i < p->proposals.n) {
			free(p->proposals.v[i]);
			vec_remove(&p->proposals, i);
		}
		return CLI_OK;
	}
	if (i == p->proposals.n && vec_strdup_push(&p->proposals, name) ==
	    NULL)
		return cmd_fail(cli, "%% Out of memory\n");
	return CLI_OK;
}

static int
h_pol_match_local(struct cli *cli, const struct cmd_args *a)
{
	struct ikev2_policy	*p = cli_ctx(cli);
	struct ios_addr		 ad, *nv;
	const char		*s = cmd_arg(a, "addr");
	size_t			 i;

	if (s == NULL)
		s = cmd_arg(a, "addr6");
	if (s == NULL || addr_pton(s, &ad) == -1) {
		if (cmd_off(a)) {
			free(p->match_local);
			p->match_local = NULL;
			p->nmatch_local = 0;
			return CLI_OK;
		}
		return cmd_fail(cli, "%% Invalid address\n");
	}
	for (i = 0; i < p->nmatch_local; i++)
		if (addr_eq(&p->match_local[i], &ad))
			break;
	if (cmd_off(a)) {
		if (i < p->nmatch_local) {
			memmove(&p->match_local[i], &p->match_local[i + 1],
			    (p->nmatch_local - i - 1) * sizeof(ad));
			p->nmatch_local--;
		}
		return CLI_OK;
	}
	if (i < p->nmatch_local)
		return CLI_OK;
	nv = realloc(p->match_local, (p->nmatch_local + 1) * sizeof(ad));
	if (nv == NULL)
		return cmd_fail(cli, "%% Out of memory\n");
	p->match_local = nv;
	p->match_local[p->nmatch_local++] = ad;
	return CLI_OK;
}

/* match fvrf and description, for policies and profiles alike. */
static int
h_match_fvrf(struct cli *cli, const struct cmd_args *a)
{
	char	**f;

	if (cli_mode(cli) == IOS_M_IKEV2_POL)
		f = &((struct ikev2_policy *)cli_ctx(cli))->match_fvrf;
	else
		f = &((struct ikev2_profile *)cli_ctx(cli))->match_fvrf;
	if (cmd_off(a))
		str_set(f, NULL);
	else
		str_set(f, cmd_has(a, "any") ? "any" : cmd_arg(a, "vrf"));
	return CLI_OK;
}

static int
h_description(struct cli *cli, const struct cmd_args *a)
{
	char	**d;

	switch (cli_mode(cli)) {
	case IOS_M_IKEV2_POL:
		d = &((struct ikev2_policy *)cli_ctx(cli))->description;
		break;
	case IOS_M_IKEV2_KR_PEER:
		d = &((struct ikev2_kr_peer *)cli_ctx(cli))->description;
		break;
	default:
		d = &((struct ikev2_profile *)cli_ctx(cli))->description;
		break;
	}
	str_set(d, cmd_off(a) ? NULL : cmd_arg(a, "text"));
	return CLI_OK;
}

static const struct cmd_tok t_pol_proposal[] = {
	{ "proposal", "Specify Proposal" },
	{ "WORD:name", "Specify the Proposal name" }, T_END
};
static const struct cmd_tok t_pol_match_local[] = {
	{ "match", H_MATCH },
	{ "address", "Local address" },
	{ "local", "Local address" },
	{ "{", NULL }, { "A.B.C.D:addr", "IPv4 address" }, { "|", NULL },
	{ "X:X::X:X:addr6", "IPv6 address" }, { "}", NULL }, T_END
};
static const struct cmd_tok t_match_fvrf[] = {
	{ "match", H_MATCH },
	{ "fvrf", "Match a front door VRF" },
	{ "{", NULL }, { "any", "Any fvrf" }, { "|", NULL },
	{ "WORD:vrf", "VRF name" }, { "}", NULL }, T_END
};
static const struct cmd_tok t_description[] = {
	{ "description", H_DESC }, { "LINE:text", H_DESCLINE }, T_END
};

#define M_POL	M(IOS_M_IKEV2_POL)
#define M_PROF	M(IOS_M_IKEV2_PROF)
static const struct cmd_def c_pol_proposal = { M_POL, -1, CMD_NO, 0,
	h_pol_proposal, t_pol_proposal };
static const struct cmd_def c_pol_match_local = { M_POL, -1, CMD_NO, 3,
	h_pol_match_local, t_pol_match_local };
static const struct cmd_def c_match_fvrf = { M_POL | M_PROF, -1, CMD_NO, 2,
	h_match_fvrf, t_match_fvrf };
static const struct cmd_def c_description = { M_POL | M_PROF |
	M(IOS_M_IKEV2_KR_PEER), -1, CMD_NO, 1, h_description, t_description };

/* ------------------------------------------------------ keyring, peer */

static int
h_peer(struct cli *cli, const struct cmd_args *a)
{
	struct ikev2_keyring	*k = cli_ctx(cli);
	const char		*name = cmd_arg(a, "name");
	struct ikev2_kr_peer	*p;

	if (cmd_off(a)) {
		model_del_ikev2_peer(cfg_of(cli), k, name);
		return CLI_OK;
	}
	if ((p = model_ikev2_peer(k, name, 1)) == NULL)
		return cmd_fail(cli, "%% Out of memory\n");
	cli_set_ctx(cli, p);
	return CLI_OK;
}

static int
h_peer_address(struct cli *cli, const struct cmd_args *a)
{
	struct ikev2_kr_peer	*p = cli_ctx(cli);
	struct in_addr		 m;
	int			 plen;

	if (cmd_off(a)) {
		memset(&p->addr, 0, sizeof(p->addr));
		p->plen = -1;
		return CLI_OK;
	}
	if (cmd_arg(a, "prefix") != NULL) {
		if (cmd_prefix(a, "prefix", &p->addr, &p->plen) == -1)
			return cmd_fail(cli, "%% Invalid prefix\n");
		return CLI_OK;
	}
	if (addr_pton(cmd_arg(a, "addr"), &p->addr) == -1)
		return cmd_fail(cli, "%% Invalid address\n");
	p->plen = -1;
	if (cmd_v4(a, "mask", &m) == 0) {
		if ((plen = mask_plen(m)) == -1)
			return cmd_fail(cli, "%% Invalid mask\n");
		p->plen = plen;
	}
	return CLI_OK;
}

static int
h_peer_hostname(struct cli *cli, const struct cmd_args *a)
{
	struct ikev2_kr_peer	*p = cli_ctx(cli);

	str_set(&p->hostname, cmd_off(a) ? NULL : cmd_arg(a, "name"));
	return CLI_OK;
}

/* identity X V: the type and value, shared with identity local. */
static int
id_parse(const struct cmd_args *a, int *type, const char **val)
{
	*type = cmd_which(a, names_idtype);
	*val = cmd_arg(a, "value");
	if (*type == IKEV2_ID_ADDRESS) {
		*val = cmd_arg(a, "addr");
		if (*val == NULL)
			*val = cmd_arg(a, "addr6");
	}
	return *type > 0 && (*val != NULL || *type == IKEV2_ID_DN) ? 0 : -1;
}

static int
h_peer_identity(struct cli *cli, const struct cmd_args *a)
{
	struct ikev2_kr_peer	*p = cli_ctx(cli);
	const char		*v;
	int			 t;

	if (cmd_off(a)) {
		p->id_type = 0;
		str_set(&p->id, NULL);
		return CLI_OK;
	}
	if (id_parse(a, &t, &v) == -1)
		return cmd_fail(cli, "%% Invalid identity\n");
	p->id_type = t;
	str_set(&p->id, v);
	return CLI_OK;
}

static int
h_peer_psk(struct cli *cli, const struct cmd_args *a)
{
	struct ikev2_kr_peer	*p = cli_ctx(cli);
	struct ios_psk		*k = &p->psk;
	int			 type = cmd_has(a, "6") ? 6 : 0;

	if (cmd_has(a, "local"))
		k = &p->psk_local;
	else if (cmd_has(a, "remote"))
		k = &p->psk_remote;
	if (cmd_off(a)) {
		psk_clear(k);
		if (k == &p->psk && cmd_arg(a, "key") == NULL) {
			psk_clear(&p->psk_local);
			psk_clear(&p->psk_remote);
		}
		return CLI_OK;
	}
	psk_set(k, type, cmd_arg(a, "key"));
	return CLI_OK;
}

static const struct cmd_tok t_peer[] = {
	{ "peer", H_PEER }, { "WORD:name", "Name of the peer block" }, T_END
};
static const struct cmd_tok t_peer_address[] = {
	{ "address", "Specify the peer address" },
	{ "{", NULL }, { "A.B.C.D:addr", "IPv4 address" },
	{ "[", NULL }, { "A.B.C.D:mask", "IPv4 mask" }, { "]", NULL },
	{ "|", NULL }, { "X:X::X:X/M:prefix", "IPv6 prefix" },
	{ "}", NULL }, T_END
};
static const struct cmd_tok t_peer_hostname[] = {
	{ "hostname", "Hostname of peer" },
	{ "WORD:name", "Hostname" }, T_END
};
static const struct cmd_tok t_peer_identity[] = {
	{ "identity", "Specify IKE identity to use" },
	{ "{", NULL },
	{ "address", "IP address" },
	{ "{", NULL }, { "A.B.C.D:addr", "IPv4 address" }, { "|", NULL },
	{ "X:X::X:X:addr6", "IPv6 address" }, { "}", NULL },
	{ "|", NULL }, { "fqdn", "fully qualified domain name string" },
	{ "WORD:value", "FQDN string" },
	{ "|", NULL }, { "email", "email address string" },
	{ "WORD:value", "Email string" },
	{ "|", NULL }, { "key-id", "key-id opaque string - proprietary" },
	{ "WORD:value", "Key-id string" },
	{ "}", NULL }, T_END
};
static const struct cmd_tok t_peer_psk[] = {
	{ "pre-shared-key", "pre-shared-key to use" },
	{ "[", NULL }, { "{", NULL },
	{ "local", "specify signing key" }, { "|", NULL },
	{ "remote", "specify verifying key" }, { "}", NULL }, { "]", NULL },
	{ "[", NULL }, { "{", NULL },
	{ "0", "Specifies an UNENCRYPTED password will follow" },
	{ "|", NULL },
	{ "6", "Specifies an ENCRYPTED password will follow" },
	{ "}", NULL }, { "]", NULL },
	{ "LINE:key", "The UNENCRYPTED (cleartext) user password" }, T_END
};

#define M_KR	M(IOS_M_IKEV2_KR)
#define M_PEER	M(IOS_M_IKEV2_KR_PEER)
static const struct cmd_def c_peer = { M_KR, IOS_M_IKEV2_KR_PEER, CMD_NO, 0,
	h_peer, t_peer };
static const struct cmd_def c_peer_address = { M_PEER, -1, CMD_NO, 1,
	h_peer_address, t_peer_address };
static const struct cmd_def c_peer_hostname = { M_PEER, -1, CMD_NO, 1,
	h_peer_hostname, t_peer_hostname };
static const struct cmd_def c_peer_identity = { M_PEER, -1, CMD_NO, 1,
	h_peer_identity, t_peer_identity };
static const struct cmd_def c_peer_psk = { M_PEER, -1, CMD_NO, 1,
	h_peer_psk, t_peer_psk };

/* ----------------------------------------------------------- profile */

static int
h_prof_match_id(struct cli *cli, const struct cmd_args *a)
{
	struct ikev2_profile	*p = cli_ctx(cli);
	struct ikev2_match_id	 m = { .plen = -1 }, *o, *n;
	struct in_addr		 mask;
	size_t			 i;

	if ((m.type = cmd_which(a, names_idtype)) <= 0)
		m.type = 0;
	m.domain = cmd_has(a, "domain");
	if (m.type == IKEV2_ID_ADDRESS) {
		if (cmd_arg(a, "prefix") != NULL) {
			if (cmd_prefix(a, "prefix", &m.addr, &m.plen) == -1)
				return cmd_fail(cli, "%% Invalid prefix\n");
		} else if (addr_pton(cmd_arg(a, "addr"), &m.addr) == -1)
			return cmd_fail(cli, "%% Invalid address\n");
		m.plen = m.addr.af == AF_INET ? 32 : 128;
		if (cmd_v4(a, "mask", &mask) == 0 &&
		    (m.plen = mask_plen(mask)) == -1)
			return cmd_fail(cli, "%% Invalid mask\n");
	}
	if (cmd_off(a) && m.type == 0) {
		vec_free(&p->match_remote, model_match_id_free);
		return CLI_OK;
	}
	for (i = 0; i < p->match_remote.n; i++) {
		o = p->match_remote.v[i];
		if (o->type != m.type)
			continue;
		if (m.type == IKEV2_ID_ADDRESS ? (addr_eq(&o->addr, &m.addr) &&
		    o->plen == m.plen) : strcmp(o->value,
		    cmd_arg(a, "value")) == 0)
			break;
	}
	if (cmd_off(a)) {
		if (i < p->match_remote.n) {
			model_match_id_free(p->match_remote.v[i]);
			vec_remove(&p->match_remote, i);
		}
		return CLI_OK;
	}
	if (i < p->match_remote.n)
		return CLI_OK;
	if ((n = malloc(sizeof(*n))) == NULL)
		return cmd_fail(cli, "%% Out of memory\n");
	*n = m;
	if (m.type != IKEV2_ID_ADDRESS)
		n->value = strdup(cmd_arg(a, "value"));
	if (vec_push(&p->match_remote, n) == -1) {
		model_match_id_free(n);
		return cmd_fail(cli, "%% Out of memory\n");
	}
	return CLI_OK;
}

static int
h_prof_match_local(struct cli *cli, const struct cmd_args *a)
{
	struct ikev2_profile	*p = cli_ctx(cli);
	const char		*s;
	char			 ifn[64];

	memset(&p->match_local, 0, sizeof(p->match_local));
	str_set(&p->match_local_if, NULL);
	if (cmd_off(a))
		return CLI_OK;
	if (cmd_has(a, "interface")) {
		if (cmd_ifname(a, "ifname", ifn, sizeof(ifn)) == -1)
			return cmd_fail(cli, "%% Invalid interface\n");
		str_set(&p->match_local_if, ifn);
		return CLI_OK;
	}
	if ((s = cmd_arg(a, "addr")) == NULL)
		s = cmd_arg(a, "addr6");
	if (s == NULL || addr_pton(s, &p->match_local) == -1)
		return cmd_fail(cli, "%% Invalid address\n");
	return CLI_OK;
}

static int
h_prof_identity(struct cli *cli, const struct cmd_args *a)
{
	struct ikev2_profile	*p = cli_ctx(cli);
	const char		*v;
	int			 t;

	if (cmd_off(a)) {
		p->id_local_type = 0;
		str_set(&p->id_local, NULL);
		return CLI_OK;
	}
	if (id_parse(a, &t, &v) == -1)
		return cmd_fail(cli, "%% Invalid identity\n");
	p->id_local_type = t;
	str_set(&p->id_local, v);
	return CLI_OK;
}

static int
h_prof_auth(struct cli *cli, const struct cmd_args *a)
{
	struct ikev2_profile	*p = cli_ctx(cli);
	unsigned		 bit = 0;
	int			 type;

	if (cmd_has(a, "pre-share"))
		bit = IKEV2_AUTH_PSK;
	else if (cmd_has(a, "rsa-sig"))
		bit = IKEV2_AUTH_RSA;
	else if (cmd_has(a, "ecdsa-sig"))
		bit = IKEV2_AUTH_ECDSA;
	else if (cmd_has(a, "eap"))
		bit = IKEV2_AUTH_EAP;
	type = cmd_has(a, "6") ? 6 : 0;
	if (cmd_has(a, "local")) {
		if (cmd_off(a))
			p->auth_local = 0;
		else
			p->auth_local = bit;	/* one local method */
		if (cmd_off(a) || cmd_arg(a, "psk") != NULL)
			psk_set(&p->auth_local_key, type, cmd_off(a) ? NULL :
			    cmd_arg(a, "psk"));
		return CLI_OK;
	}
	if (cmd_off(a))
		p->auth_remote &= bit ? ~bit : 0;
	else
		p->auth_remote |= bit;
	if ((cmd_off(a) && !(p->auth_remote & IKEV2_AUTH_PSK)) ||
	    (!cmd_off(a) && cmd_arg(a, "psk") != NULL))
		psk_set(&p->auth_remote_key, type, cmd_off(a) ? NULL :
		    cmd_arg(a, "psk"));
	return CLI_OK;
}

static int
h_prof_keyring(struct cli *cli, const struct cmd_args *a)
{
	struct ikev2_profile	*p = cli_ctx(cli);

	str_set(&p->keyring, cmd_off(a) ? NULL : cmd_arg(a, "name"));
	return CLI_OK;
}

static int
h_prof_num(struct cli *cli, const struct cmd_args *a)
{
	struct ikev2_profile	*p = cli_ctx(cli);
	int			 v = cmd_off(a) ? 0 : (int)cmd_num(a, "n", 0);

	if (cmd_has(a, "lifetime"))
		p->lifetime = v == IOS_DEF_IKEV2_LIFETIME ? 0 : v;
	else if (cmd_has(a, "nat"))
		p->nat_keepalive = v;
	else if (cmd_has(a, "virtual-template"))
		p->virtual_template = v;
	return CLI_OK;
}

static int
h_prof_dpd(struct cli *cli, const struct cmd_args *a)
{
	dpd_set(&((struct ikev2_profile *)cli_ctx(cli))->dpd, a);
	return CLI_OK;
}

static int
h_prof_word(struct cli *cli, const struct cmd_args *a)
{
	struct ikev2_profile	*p = cli_ctx(cli);
	const char		*v = cmd_off(a) ? NULL : cmd_arg(a, "name");

	if (cmd_has(a, "ivrf"))
		str_set(&p->ivrf, v);
	else
		str_set(&p->trustpoint, v);
	return CLI_OK;
}

static int
h_prof_shutdown(struct cli *cli, const struct cmd_args *a)
{
	((struct ikev2_profile *)cli_ctx(cli))->shutdown = !cmd_off(a);
	return CLI_OK;
}

static const struct cmd_tok t_prof_match_id[] = {
	{ "match", H_MATCH },
	{ "identity", "Match remote identity" },
	{ "remote", "Remote identity" },
	{ "{", NULL },
	{ "address", "IP Address(es)" },
	{ "{", NULL }, { "A.B.C.D:addr", "IPv4 address" },
	{ "[", NULL }, { "A.B.C.D:mask", "IPv4 mask" }, { "]", NULL },
	{ "|", NULL }, { "X:X::X:X/M:prefix", "IPv6 prefix" }, { "}", NULL },
	{ "|", NULL }, { "fqdn", "Fully Qualified Domain Name" },
	{ "[", NULL }, { "domain", "Match the domain name" }, { "]", NULL },
	{ "WORD:value", "Name" },
	{ "|", NULL }, { "email", "Email address" },
	{ "[", NULL }, { "domain", "Match the domain name" }, { "]", NULL },
	{ "WORD:value", "Email address" },
	{ "|", NULL }, { "key-id", "key-id opaque string" },
	{ "WORD:value", "Key-id string" },
	{ "}", NULL }, T_END
};
static const struct cmd_tok t_prof_match_local[] = {
	{ "match", H_MATCH },
	{ "address", "Local address" },
	{ "local", "Local address" },
	{ "{", NULL }, { "A.B.C.D:addr", "IPv4 address" }, { "|", NULL },
	{ "X:X::X:X:addr6", "IPv6 address" }, { "|", NULL },
	{ "interface", "Local address of interface" },
	{ "IFNAME:ifname", "Interface" }, { "}", NULL }, T_END
};
static const struct cmd_tok t_prof_identity[] = {
	{ "identity", "Specify IKE identity to use" },
	{ "local", "Local IKE identity" },
	{ "{", NULL },
	{ "address", "IP address" },
	{ "{", NULL }, { "A.B.C.D:addr", "IPv4 address" }, { "|", NULL },
	{ "X:X::X:X:addr6", "IPv6 address" }, { "}", NULL },
	{ "|", NULL }, { "dn", "Distinguished Name" },
	{ "|", NULL }, { "fqdn", "fully qualified domain name string" },
	{ "WORD:value", "FQDN string" },
	{ "|", NULL }, { "email", "email address string" },
	{ "WORD:value", "Email string" },
	{ "|", NULL }, { "key-id", "key-id opaque string - proprietary" },
	{ "WORD:value", "Key-id string" },
	{ "}", NULL }, T_END
};
#define PSK_KEY \
	{ "[", NULL }, { "key", "Specify the key" }, \
	{ "[", NULL }, { "{", NULL }, \
	{ "0", "Specifies an UNENCRYPTED password will follow" }, \
	{ "|", NULL }, \
	{ "6", "Specifies an ENCRYPTED password will follow" }, \
	{ "}", NULL }, { "]", NULL }, \
	{ "LINE:psk", "The key" }, { "]", NULL }
static const struct cmd_tok t_prof_auth[] = {
	{ "authentication", "Set authentication method" },
	{ "{", NULL },
	{ "local", "Local authentication method" },
	{ "{", NULL }, { "pre-share", "Pre-Shared Key" }, PSK_KEY,
	{ "|", NULL },
	{ "rsa-sig", "Rivest-Shamir-Adleman Signature" }, { "|", NULL },
	{ "ecdsa-sig", "ECDSA Signature" }, { "}", NULL },
	{ "|", NULL },
	{ "remote", "Remote authentication method" },
	{ "{", NULL }, { "pre-share", "Pre-Shared Key" }, PSK_KEY,
	{ "|", NULL },
	{ "rsa-sig", "Rivest-Shamir-Adleman Signature" }, { "|", NULL },
	{ "ecdsa-sig", "ECDSA Signature" }, { "|", NULL },
	{ "eap", "Extensible Authentication Protocol" }, { "}", NULL },
	{ "}", NULL }, T_END
};
static const struct cmd_tok t_prof_keyring[] = {
	{ "keyring", "Keyring" },
	{ "local", "Local keyring" },
	{ "WORD:name", "Name of the keyring" }, T_END
};
static const struct cmd_tok t_prof_lifetime[] = {
	{ "lifetime", "Set lifetime for IKEv2 SAs" },
	{ "<120-86400>:n", "Lifetime in seconds" }, T_END
};
static const struct cmd_tok t_prof_nat[] = {
	{ "nat", "Set NAT options" },
	{ "keepalive", "Set NAT keepalive interval" },
	{ "<5-3600>:n", "NAT keepalive interval in seconds" }, T_END
};
static const struct cmd_tok t_prof_vt[] = {
	{ "virtual-template", "Specify the virtual-template for dynamic "
	    "interface creation" },
	{ "<1-4095>:n", "Virtual-template number" }, T_END
};
static const struct cmd_tok t_prof_dpd[] = {
	{ "dpd", "Enable IKE liveness check for peers" },
	{ "<10-3600>:interval", "DPD interval in seconds" },
	{ "<2-60>:retry", "Retry interval in seconds" },
	{ "{", NULL }, { "on-demand", "Send DPD on demand" }, { "|", NULL },
	{ "periodic", "Send DPD periodically" }, { "}", NULL }, T_END
};
static const struct cmd_tok t_prof_ivrf[] = {
	{ "ivrf", "Inside VRF" }, { "WORD:name", "VRF name" }, T_END
};
static const struct cmd_tok t_prof_pki[] = {
	{ "pki", "Specify certificate authorities to trust" },
	{ "trustpoint", "Specify trustpoint" },
	{ "WORD:name", "Trustpoint name" }, T_END
};
static const struct cmd_tok t_prof_shutdown[] = {
	{ "shutdown", "Shutdown the profile" }, T_END
};

static const struct cmd_def c_prof_match_id = { M_PROF, -1, CMD_NO, 3,
	h_prof_match_id, t_prof_match_id };
static const struct cmd_def c_prof_match_local = { M_PROF, -1, CMD_NO, 3,
	h_prof_match_local, t_prof_match_local };
static const struct cmd_def c_prof_identity = { M_PROF, -1, CMD_NO, 2,
	h_prof_identity, t_prof_identity };
static const struct cmd_def c_prof_auth = { M_PROF, -1, CMD_NO, 2,
	h_prof_auth, t_prof_auth };
static const struct cmd_def c_prof_keyring = { M_PROF, -1, CMD_NO, 2,
	h_prof_keyring, t_prof_keyring };
static const struct cmd_def c_prof_lifetime = { M_PROF, -1, CMD_NO, 1,
	h_prof_num, t_prof_lifetime };
static const struct cmd_def c_prof_nat = { M_PROF, -1, CMD_NO, 2,
	h_prof_num, t_prof_nat };
static const struct cmd_def c_prof_vt = { M_PROF, -1, CMD_NO, 1,
	h_prof_num, t_prof_vt };
static const struct cmd_def c_prof_dpd = { M_PROF, -1, CMD_NO, 1,
	h_prof_dpd, t_prof_dpd };
static const struct cmd_def c_prof_ivrf = { M_PROF, -1, CMD_NO, 1,
	h_prof_word, t_prof_ivrf };
static const struct cmd_def c_prof_pki = { M_PROF, -1, CMD_NO, 2,
	h_prof_word, t_prof_pki };
static const struct cmd_def c_prof_shutdown = { M_PROF, -1, CMD_NO, 1,
	h_prof_shutdown, t_prof_shutdown };

void
cmd_ikev2_init(void)
{
	c_enc.toks = cmd_repeat_toks(th_enc, ch_enc);
	c_integ.toks = cmd_repeat_toks(th_integ, ch_hash);
	c_prf.toks = cmd_repeat_toks(th_prf, ch_hash);
	c_group.toks = cmd_repeat_toks(th_group, ch_group);
}

const struct cmd_def *const cmds_ikev2[] = {
	&c_proposal, &c_policy, &c_keyring, &c_profile, &c_dpd, &c_nat,
	&c_enc, &c_integ, &c_prf, &c_group,
	&c_pol_proposal, &c_pol_match_local, &c_match_fvrf, &c_description,
	&c_peer, &c_peer_address, &c_peer_hostname, &c_peer_identity,
	&c_peer_psk,
	&c_prof_match_id, &c_prof_match_local, &c_prof_identity,
	&c_prof_auth, &c_prof_keyring, &c_prof_lifetime, &c_prof_nat,
	&c_prof_vt, &c_prof_dpd, &c_prof_ivrf, &c_prof_pki, &c_prof_shutdown,
	NULL
};
