/*
 * shell/iosh.c: the iosh program.
 *
 *	iosh [-s STATEDIR] [-S SOCKET] [-c COMMAND]... [FILE]
 *
 * Attaches to a running ioshd when one listens on the socket; otherwise
 * hosts the engine itself, loading the startup-config from the state
 * directory.  Then runs the console on a terminal, the -c commands, or
 * the lines of FILE (or of standard input when it is not a terminal).
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <event2/event.h>

#include "grammar/ios.h"
#include "shell/client.h"
#include "shell/live.h"
#include "shell/router.h"
#include "shell/shell.h"

#define STATE_DEFAULT	LOCALSTATEDIR "/lib/iosh"
#define SOCK_SYSTEM	"/run/iosh/ioshd.sock"

struct opts {
	const char	*state;
	const char	*sock;
	char		**cmds;
	int		  ncmds;
	const char	*file;
};

/* The engine the console talks to: here, or in ioshd. */
struct engine {
	const struct console_ops	*ops;
	void				*arg;
	struct client			*client;
	struct ios_config		*cfg;
	struct cli_engine		*eng;
	struct cli			*cli;
	struct event_base		*base;
	struct router			*router;	/* plans only */
};

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
	static const struct option longopts[] = {
		{ "state",	required_argument,	NULL,	's' },
		{ "socket",	required_argument,	NULL,	'S' },
		{ "command",	required_argument,	NULL,	'c' },
		{ NULL,		0,			NULL,	0 },
	};

	while ((ch = getopt_long(argc, argv, "s:S:c:", longopts, NULL)) !=
	    -1) {
		switch (ch) {
		case 's':
			o->state = optarg;
			break;
		case 'S':
			o->sock = optarg;
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
	o->state = state_dir(o->state);
	if (o->sock == NULL)
		o->sock = getenv("IOSH_SOCKET");
	return optind < argc ? -1 : 0;
}

/*
 * Host the engine here: load the startup-config, as ioshd would, with
 * a router that only plans (show crypto compile works; nothing is
 * applied and no IKE runs).
 */
static int
engine_local(struct engine *e, const char *state, struct pager *pager)
{
	char	path[4096], err[256];
	int	failed;

	e->eng = cli_engine_new(live_grammar(), err, sizeof(err));
	if (e->eng == NULL) {
		fprintf(stderr, "iosh: grammar: %s\n", err);
		return -1;
	}
	if (mkdir(state, 0700) != 0 && errno != EEXIST) {
		fprintf(stderr, "iosh: %s: %s\n", state, strerror(errno));
		return -1;
	}
	snprintf(path, sizeof(path), "%s/startup-config", state);
	e->cfg = ios_config_new();
	if (ios_config_set_paths(e->cfg, path, NULL) != 0)
		return -1;
	ios_config_set_engine(e->cfg, e->eng);
	failed = ios_config_load(e->cfg, e->eng, path, put_stdout, NULL);
	if (failed < 0 && errno != ENOENT)
		fprintf(stderr, "iosh: %s: %s\n", path, strerror(errno));
	if ((e->base = event_base_new()) == NULL ||
	    (e->router = router_new(e->base, e->cfg, 1)) == NULL)
		return -1;
	live_set_router(e->router);
	e->cli = cli_new(e->eng, IOS_M_PRIV, e->cfg);
	cli_set_output(e->cli, pager_write, pager);
	e->ops = &local_ops;
	e->arg = e->cli;
	return 0;
}

static int
engine_open(struct engine *e, struct opts *o, struct pager *pager)
{
	char	sock[4096];

	memset(e, 0, sizeof(*e));
	/* -S, $IOSH_SOCKET, the installed daemon's, then the state dir's. */
	if (o->sock != NULL)
		snprintf(sock, sizeof(sock), "%s", o->sock);
	else if (access(SOCK_SYSTEM, F_OK) == 0)
		snprintf(sock, sizeof(sock), "%s", SOCK_SYSTEM);
	else
		snprintf(sock, sizeof(sock), "%s/ioshd.sock", o->state);
	e->client = client_connect(sock, pager_write, pager);
	if (e->client != NULL) {
		e->ops = &client_ops;
		e->arg = e->client;
		return 0;
	}
	if (o->sock != NULL) {
		fprintf(stderr, "iosh: no ioshd on %s\n", o->sock);
		return -1;
	}
	return engine_local(e, o->state, pager);
}

static void
engine_close(struct engine *e)
{
	client_free(e->client);
	cli_free(e->cli);
	live_set_router(NULL);
	router_free(e->router);
	if (e->base != NULL)
		event_base_free(e->base);
	ios_config_free(e->cfg);
	cli_engine_free(e->eng);
}

/* Run each line of each -c argument. */
static int
run_commands(struct engine *e, struct opts *o)
{
	char	*copy, *line, *save;
	int	 i, failed = 0, rc = CLI_OK;

	e->ops->source(e->arg, "command");
	for (i = 0; i < o->ncmds && rc != CLI_EXIT; i++) {
		copy = strdup(o->cmds[i]);
		if (copy == NULL)
			return 1;
		for (line = strtok_r(copy, "\n", &save);
		    line != NULL && rc != CLI_EXIT;
		    line = strtok_r(NULL, "\n", &save)) {
			rc = e->ops->run(e->arg, line);
			failed += rc != CLI_OK && rc != CLI_EXIT;
		}
		free(copy);
	}
	return failed ? 1 : 0;
}

/* Every line of a file or a pipe, as if pasted; errors name the line. */
static int
run_file(struct engine *e, const char *path)
{
	FILE	*f = path ? fopen(path, "r") : stdin;
	char	*line = NULL;
	size_t	 cap = 0;
	ssize_t	 len;
	int	 failed = 0, rc = CLI_OK;

	if (f == NULL) {
		fprintf(stderr, "iosh: %s: %s\n", path, strerror(errno));
		return 1;
	}
	e->ops->source(e->arg, path ? path : "stdin");
	while (rc != CLI_EXIT && (len = getline(&line, &cap, f)) != -1) {
		while (len > 0 && (line[len - 1] == '\n' ||
		    line[len - 1] == '\r'))
			line[--len] = '\0';
		rc = e->ops->run(e->arg, line);
		failed += rc != CLI_OK && rc != CLI_EXIT;
	}
	free(line);
	if (f != stdin)
		fclose(f);
	return failed ? 1 : 0;
}

int
main(int argc, char **argv)
{
	struct opts	o;
	struct engine	e;
	struct pager	pager;
	int		rc;

	if (parse_opts(argc, argv, &o) != 0) {
		fprintf(stderr, "usage: iosh [-s statedir] [-S socket] "
		    "[-c command]... [file]\n");
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);
	pager_init(&pager, put_stdout, NULL, key_stdin, NULL);
	if (engine_open(&e, &o, &pager) != 0)
		return 1;
	if (o.ncmds > 0)
		rc = run_commands(&e, &o);
	else if (o.file != NULL || !isatty(STDIN_FILENO))
		rc = run_file(&e, o.file);
	else {
		if (e.cli != NULL) {
			printf("%% No ioshd is running: this console edits the "
			    "configuration in %s\n%% and only plans kernel "
			    "changes (show crypto compile).\n\n", o.state);
			cli_mode_set(e.cli, IOS_M_USER);
		}
		rc = console_run(e.ops, e.arg, &pager);
	}
	engine_close(&e);
	free(o.cmds);
	return rc;
}
