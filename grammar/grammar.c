/*
 * grammar/grammar.c: the IOS modes and the gathering of every command
 * set into the grammar the engine takes.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/stat.h>

#include "grammar/cmd.h"

/* id, prompt, term, parent, flags; indexed by enum ios_mode. */
static const struct cli_mode ios_modes[IOS_M_COUNT] = {
	{ IOS_M_USER, NULL, '>', -1, MODE_EXEC },
	{ IOS_M_PRIV, NULL, '#', -1, MODE_EXEC },
	{ IOS_M_CONFIG, "config", '#', IOS_M_PRIV, MODE_CONFIG },
	{ IOS_M_IF, "config-if", '#', IOS_M_CONFIG, MODE_CONFIG },
	{ IOS_M_ISAKMP, "config-isakmp", '#', IOS_M_CONFIG, MODE_CONFIG },
	{ IOS_M_ISAPROF, "conf-isa-prof", '#', IOS_M_CONFIG, MODE_CONFIG },
	{ IOS_M_KEYRING, "conf-keyring", '#', IOS_M_CONFIG, MODE_CONFIG },
	{ IOS_M_IKEV2_PROP, "config-ikev2-proposal", '#', IOS_M_CONFIG,
	    MODE_CONFIG },
	{ IOS_M_IKEV2_POL, "config-ikev2-policy", '#', IOS_M_CONFIG,
	    MODE_CONFIG },
	{ IOS_M_IKEV2_KR, "config-ikev2-keyring", '#', IOS_M_CONFIG,
	    MODE_CONFIG },
	{ IOS_M_IKEV2_KR_PEER, "config-ikev2-keyring-peer", '#',
	    IOS_M_IKEV2_KR, MODE_CONFIG },
	{ IOS_M_IKEV2_PROF, "config-ikev2-profile", '#', IOS_M_CONFIG,
	    MODE_CONFIG },
	{ IOS_M_TRANS, "cfg-crypto-trans", '#', IOS_M_CONFIG, MODE_CONFIG },
	{ IOS_M_IPSEC_PROF, "ipsec-profile", '#', IOS_M_CONFIG, MODE_CONFIG },
	{ IOS_M_CMAP, "config-crypto-map", '#', IOS_M_CONFIG, MODE_CONFIG },
	{ IOS_M_EXT_NACL, "config-ext-nacl", '#', IOS_M_CONFIG, MODE_CONFIG },
	{ IOS_M_STD_NACL, "config-std-nacl", '#', IOS_M_CONFIG, MODE_CONFIG },
	{ IOS_M_LINE, "config-line", '#', IOS_M_CONFIG, MODE_CONFIG },
	/* XXX: one prompt for every kept block (router, redundancy...) */
	{ IOS_M_KEEP, "config-block", '#', IOS_M_CONFIG, MODE_CONFIG },
};

/* IOS's default exec aliases (show aliases), where the word exists. */
static const struct cli_alias ios_aliases[] = {
	{ IOS_M_USER, "s", "show" }, { IOS_M_PRIV, "s", "show" },
	{ IOS_M_USER, "lo", "logout" }, { IOS_M_PRIV, "lo", "logout" },
};

static const char *
ios_hostname(void *model)
{
	const struct ios_config	*cfg = model;

	return cfg != NULL && cfg->hostname != NULL ? cfg->hostname :
	    "Router";
}

static const struct cmd_def *const *ios_sets[] = {
	cmds_exec, cmds_ikev2, cmds_isakmp, cmds_ipsec, cmds_if, cmds_route,
	cmds_acl, cmds_show_crypto,
	NULL,			/* the kept lines, made at start-up */
};

const struct cli_grammar *
ios_grammar(void)
{
	static struct cli_grammar	 g;
	static const struct cmd_def	**all;
	const struct cmd_def *const	**sets = ios_sets;
	size_t				 nsets = sizeof(ios_sets) /
					    sizeof(ios_sets[0]), n = 0, i, j;

	if (g.modes != NULL)
		return &g;
	cmd_ikev2_init();
	cmd_ipsec_init();
	sets[nsets - 1] = cmd_keep_cmds();
	for (i = 0; i < nsets; i++)
		for (j = 0; sets[i][j] != NULL; j++)
			n++;
	if ((all = calloc(n, sizeof(*all))) == NULL)
		return NULL;
	n = 0;
	for (i = 0; i < nsets; i++)
		for (j = 0; sets[i][j] != NULL; j++)
			all[n++] = sets[i][j];
	g.cmds = all;
	g.ncmds = n;
	g.iftypes = ios_iftypes;
	g.niftypes = ios_niftypes;
	g.exec_mode = IOS_M_PRIV;
	g.hostname = ios_hostname;
	g.aliases = ios_aliases;
	g.naliases = sizeof(ios_aliases) / sizeof(ios_aliases[0]);
	g.nmodes = IOS_M_COUNT;
	g.modes = ios_modes;
	return &g;
}

int
ios_config_set_paths(struct ios_config *cfg, const char *startup,
    const char *ifmap)
{
	str_set(&cfg->startup_path, startup);
	str_set(&cfg->ifmap_path, ifmap);
	if ((startup != NULL && cfg->startup_path == NULL) ||
	    (ifmap != NULL && cfg->ifmap_path == NULL))
		return -1;
	return 0;
}

/* The model's deletes reach every session of the engine. */
static void
ios_gone(struct ios_config *cfg, const void *o)
{
	cli_ctx_gone(cfg->engine, o);
}

void
ios_config_set_engine(struct ios_config *cfg, struct cli_engine *eng)
{
	cfg->engine = eng;
	cfg->gone = eng != NULL ? ios_gone : NULL;
}

int
ios_config_load(struct ios_config *cfg, struct cli_engine *eng,
    const char *path, cli_write_fn *out, void *arg)
{
	struct cli	*cli;
	struct stat	 st;
	FILE		*f;
	int		 failed, saved;

	if ((f = fopen(path, "r")) == NULL)
		saved = errno;
	else if (fstat(fileno(f), &st) == -1)
		saved = errno;
	else if (S_ISDIR(st.st_mode))
		saved = EISDIR;
	else
		saved = 0;
	if (saved != 0) {
		if (f != NULL)
			fclose(f);
		/*
		 * A startup-config that is there but cannot be read is not
		 * an empty one: the first save keeps it as the backup.
		 */
		if (saved != ENOENT && cfg->startup_path != NULL &&
		    strcmp(path, cfg->startup_path) == 0)
			cfg->boot_failed = 1;
		errno = saved;
		return -1;
	}
	if ((cli = cli_new(eng, IOS_M_PRIV, cfg)) == NULL) {
		fclose(f);
		errno = ENOMEM;
		return -1;
	}
	cli_set_output(cli, out, arg);
	failed = cli_feed(cli, f, path, IOS_M_CONFIG);
	fclose(f);
	cli_free(cli);
	if (failed > 0 && cfg->startup_path != NULL &&
	    strcmp(path, cfg->startup_path) == 0)
		cfg->boot_failed = 1;
	return failed;
}
