/*
 * shell/iosh.c: the iosh program.
 *
 *	iosh [-s STATEDIR] [-c COMMAND]... [FILE]
 *
 * Loads the startup-config from the state directory, then runs the
 * console on a terminal, the -c commands, or the lines of FILE (or of
 * standard input when it is not a terminal).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "grammar/ios.h"
#include "shell/shell.h"

#define STATE_DEFAULT	LOCALSTATEDIR "/lib/iosh"

struct opts {
	const char	*state;
	char		**cmds;
	int		  ncmds;
	const char	*file;
};

static void
usage(void)
{
	fprintf(stderr, "usage: iosh [-s statedir] [-c command]... "
	    "[file]\n");
}

static void
put_stdout(void *arg, const char *buf, size_t len)
{
	fwrite(buf, 1, len, stdout);
	fflush(stdout);
}

static int
key_stdin(void *arg)
{
	return console_key();
}

/*
 * The state directory: -s, then $IOSH_STATE, then the system's when it
 * can be written, else ./state, so that a newcomer without root can
 * try iosh where they stand.
 */
static const char *
state_dir(const char *opt)
{
	const char	*env = getenv("IOSH_STATE");

	if (opt != NULL)
		return opt;
	if (env != NULL && *env != '\0')
		return env;
	if (access(STATE_DEFAULT, W_OK) == 0)
		return STATE_DEFAULT;
	return "state";
}

static int
parse_opts(int argc, char **argv, struct opts *o)
{
	int	ch;

	memset(o, 0, sizeof(*o));
	o->cmds = calloc((size_t)argc, sizeof(*o->cmds));
	if (o->cmds == NULL)
		return -1;
	while ((ch = getopt(argc, argv, "s:c:h")) != -1) {
		switch (ch) {
		case 's':
			o->state = optarg;
			break;
		case 'c':
			o->cmds[o->ncmds++] = optarg;
			break;
		default:
			return -1;
		}
	}
	if (optind < argc)
		o->file = argv[optind++];
	return optind < argc ? -1 : 0;
}

/* Run each line of each -c argument in privileged exec. */
static int
run_commands(struct cli *cli, struct opts *o)
{
	char	*copy, *line, *save;
	int	 i, failed = 0, rc;

	cli_set_source(cli, "command", 0);
	cli_term(cli)->length = 0;
	for (i = 0; i < o->ncmds; i++) {
		copy = strdup(o->cmds[i]);
		if (copy == NULL)
			return 1;
		for (line = strtok_r(copy, "\n", &save); line != NULL;
		    line = strtok_r(NULL, "\n", &save)) {
			rc = cli_execute(cli, line);
			failed += rc != CLI_OK && rc != CLI_EXIT;
		}
		free(copy);
	}
	return failed ? 1 : 0;
}

static int
run_file(struct cli *cli, const char *path)
{
	FILE	*f = path ? fopen(path, "r") : stdin;
	int	 failed;

	if (f == NULL) {
		fprintf(stderr, "iosh: %s: %s\n", path, strerror(errno));
		return 1;
	}
	failed = cli_feed(cli, f, path ? path : "stdin", IOS_M_PRIV);
	if (f != stdin)
		fclose(f);
	return failed ? 1 : 0;
}

static int
boot(struct ios_config *cfg, struct cli_engine *eng, const char *state)
{
	char	path[4096];
	int	failed;

	if (mkdir(state, 0700) != 0 && errno != EEXIST) {
		fprintf(stderr, "iosh: %s: %s\n", state, strerror(errno));
		return -1;
	}
	snprintf(path, sizeof(path), "%s/startup-config", state);
	if (ios_config_set_paths(cfg, path, NULL) != 0)
		return -1;
	ios_config_set_engine(cfg, eng);
	failed = ios_config_load(cfg, eng, path, put_stdout, NULL);
	if (failed < 0 && errno != ENOENT)
		fprintf(stderr, "iosh: %s: %s\n", path, strerror(errno));
	return 0;
}

int
main(int argc, char **argv)
{
	struct opts		 o;
	struct ios_config	*cfg;
	struct cli_engine	*eng;
	struct cli		*cli;
	struct pager		 pager;
	char			 err[256];
	int			 rc;

	if (parse_opts(argc, argv, &o) != 0) {
		usage();
		return 2;
	}
	eng = cli_engine_new(ios_grammar(), err, sizeof(err));
	if (eng == NULL) {
		fprintf(stderr, "iosh: grammar: %s\n", err);
		return 1;
	}
	cfg = ios_config_new();
	if (boot(cfg, eng, state_dir(o.state)) != 0)
		return 1;
	pager_init(&pager, put_stdout, NULL, key_stdin, NULL);
	cli = cli_new(eng, IOS_M_PRIV, cfg);
	cli_set_output(cli, pager_write, &pager);
	if (o.ncmds > 0)
		rc = run_commands(cli, &o);
	else if (o.file != NULL || !isatty(STDIN_FILENO))
		rc = run_file(cli, o.file);
	else {
		cli_mode_set(cli, IOS_M_USER);
		rc = console_run(&local_ops, cli, &pager);
	}
	cli_free(cli);
	ios_config_free(cfg);
	cli_engine_free(eng);
	free(o.cmds);
	return rc;
}
