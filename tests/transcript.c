/*
 * tests/transcript.c: replay console transcripts.
 *
 *	transcript FILE...
 *
 * A transcript is the screen of a console session, as an engineer
 * would see it.  A line that starts with the current prompt is input;
 * every other line is output the session must print.  Input may end
 * with `?` (help is shown for the line so far), with `<TAB>` (the next
 * input line must start with the completed line), or be `^Z`.  A line
 * may carry the keys pressed at the pager at its end, as
 * `<KEYS:space,enter,q>`;
 * the pager's prompt shows as a line " --More-- ".  Each file starts in
 * privileged exec on a fresh running config and a state directory of
 * its own.  The run stops at the first line that differs.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "grammar/ios.h"
#include "shell/shell.h"

struct screen {
	char	*s;
	size_t	 len, cap;
};

struct run {
	struct screen	 scr;
	char		 keys[64];
	size_t		 nkey;
	char		 state[64];
};

static void
scr_add(struct screen *sc, const char *s, size_t len)
{
	if (sc->len + len + 1 > sc->cap) {
		sc->cap = (sc->len + len + 1) * 2;
		sc->s = realloc(sc->s, sc->cap);
		if (sc->s == NULL)
			abort();
	}
	memcpy(sc->s + sc->len, s, len);
	sc->len += len;
	sc->s[sc->len] = '\0';
}

static void
put(void *arg, const char *buf, size_t len)
{
	static const char	unmore[] =
	    "\b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\b";
	struct run		*r = arg;

	if (len == sizeof(unmore) - 1 && memcmp(buf, unmore, len) == 0)
		scr_add(&r->scr, "\n", 1);
	else
		scr_add(&r->scr, buf, len);
}

static int
getkey(void *arg)
{
	struct run	*r = arg;

	return r->keys[r->nkey] ? r->keys[r->nkey++] : -1;
}

static char **
read_lines(const char *path, size_t *n)
{
	FILE	 *f = fopen(path, "r");
	char	**v = NULL, *line = NULL;
	size_t	  cap = 0;
	ssize_t	  len;

	*n = 0;
	if (f == NULL)
		return NULL;
	while ((len = getline(&line, &cap, f)) != -1) {
		while (len > 0 && (line[len - 1] == '\n' ||
		    line[len - 1] == ' '))
			line[--len] = '\0';
		v = realloc(v, (*n + 1) * sizeof(*v));
		v[(*n)++] = strdup(line);
	}
	free(line);
	fclose(f);
	return v;
}

static int
ends_with(const char *s, const char *tail)
{
	size_t	a = strlen(s), b = strlen(tail);

	return a >= b && strcmp(s + a - b, tail) == 0;
}

/* Keys pressed at the pager: "space,enter,q". */
static void
parse_keys(struct run *r, char *list)
{
	char	*k, *save;
	size_t	 n = 0;

	for (k = strtok_r(list, ",", &save); k != NULL && n + 1 <
	    sizeof(r->keys); k = strtok_r(NULL, ",", &save))
		r->keys[n++] = strcmp(k, "space") == 0 ? ' ' :
		    strcmp(k, "enter") == 0 ? '\n' : k[0];
	r->keys[n] = '\0';
}

/* Run one input line; its screen goes to r->scr. */
static void
feed(struct cli *cli, struct run *r, char *typed, char **pending)
{
	char	**words, *keys;
	size_t	  n, len;

	keys = strstr(typed, "<KEYS:");
	r->keys[0] = '\0';
	r->nkey = 0;
	if (keys != NULL && ends_with(keys, ">")) {
		keys[strlen(keys) - 1] = '\0';
		*keys = '\0';
		parse_keys(r, keys + 6);
	}
	if (ends_with(typed, "?"))
		cli_describe(cli, typed);
	else if (ends_with(typed, "<TAB>")) {
		len = strlen(typed) - 5;
		typed[len] = '\0';
		n = cli_complete(cli, typed, &words);
		if (n == 1) {
			len = strrchr(typed, ' ') ? (size_t)(strrchr(typed,
			    ' ') - typed) + 1 : 0;
			if (asprintf(pending, "%.*s%s ", (int)len, typed,
			    words[0]) < 0)
				abort();
		} else
			*pending = strdup(typed);
		cli_strv_free(words, n);
	} else if (strcmp(typed, "^Z") == 0)
		cli_mode_end(cli);
	else
		cli_execute(cli, typed);
}

/* Each line the session printed must be the next line of the file. */
static int
compare(const char *path, char **want, size_t nwant, size_t *pos,
    const struct screen *got)
{
	const char	*p = got->len ? got->s : "", *nl;
	size_t		 len;

	for (; *p != '\0'; p = *nl ? nl + 1 : nl) {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		len = (size_t)(nl - p);
		while (len > 0 && p[len - 1] == ' ')
			len--;
		if (*pos >= nwant || strlen(want[*pos]) != len ||
		    strncmp(want[*pos], p, len) != 0) {
			fprintf(stderr, "%s:%zu: want: %s\n"
			    "%s:%zu: got:  %.*s\n", path, *pos + 1,
			    *pos < nwant ? want[*pos] : "(end of file)", path,
			    *pos + 1, (int)len, p);
			return -1;
		}
		(*pos)++;
	}
	return 0;
}

static int
replay(const char *path, struct cli *cli, struct pager *pager, struct run *r,
    char **lines, size_t n)
{
	char		*pending = NULL, *typed;
	const char	*prompt;
	size_t		 pos = 0, len;
	int		 rc = 0;

	while (pos < n && rc == 0) {
		prompt = cli_prompt(cli);
		if (strncmp(lines[pos], prompt, strlen(prompt)) != 0) {
			fprintf(stderr, "%s:%zu: want the prompt %s here\n",
			    path, pos + 1, prompt);
			return -1;
		}
		typed = strdup(lines[pos] + strlen(prompt));
		len = pending ? strlen(pending) : 0;
		while (len > 0 && pending[len - 1] == ' ')
			len--;
		if (pending != NULL && strncmp(typed, pending, len) != 0) {
			fprintf(stderr, "%s:%zu: the line should go on from "
			    "\"%s\"\n", path, pos + 1, pending);
			rc = -1;
		}
		free(pending);
		pending = NULL;
		pos++;
		r->scr.len = 0;
		if (r->scr.s != NULL)
			r->scr.s[0] = '\0';
		pager_start(pager, cli_term(cli)->length);
		if (rc == 0)
			feed(cli, r, typed, &pending);
		free(typed);
		if (rc == 0)
			rc = compare(path, lines, n, &pos, &r->scr);
	}
	free(pending);
	return rc;
}

static int
run_file(struct cli_engine *eng, const char *path)
{
	struct ios_config	*cfg = ios_config_new();
	struct run		 r;
	struct pager		 pager;
	struct cli		*cli;
	char			**lines, sp[128];
	size_t			  n, i;
	int			  rc;

	memset(&r, 0, sizeof(r));
	snprintf(r.state, sizeof(r.state), "/tmp/iosh-transcript.XXXXXX");
	if (mkdtemp(r.state) == NULL)
		return -1;
	snprintf(sp, sizeof(sp), "%s/startup-config", r.state);
	ios_config_set_paths(cfg, sp, NULL);
	ios_config_set_engine(cfg, eng);
	lines = read_lines(path, &n);
	if (lines == NULL) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	pager_init(&pager, put, &r, getkey, &r);
	cli = cli_new(eng, IOS_M_PRIV, cfg);
	cli_set_output(cli, pager_write, &pager);
	rc = replay(path, cli, &pager, &r, lines, n);
	cli_free(cli);
	ios_config_free(cfg);
	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	free(r.scr.s);
	snprintf(sp, sizeof(sp), "rm -rf %s", r.state);
	if (system(sp) != 0)
		rc = -1;
	return rc;
}

int
main(int argc, char **argv)
{
	struct cli_engine	*eng;
	char			 err[256];
	int			 i, failed = 0;

	eng = cli_engine_new(ios_grammar(), err, sizeof(err));
	if (eng == NULL) {
		fprintf(stderr, "grammar: %s\n", err);
		return 1;
	}
	for (i = 1; i < argc; i++) {
		if (run_file(eng, argv[i]) != 0) {
			printf("FAIL %s\n", argv[i]);
			failed++;
		} else
			printf("PASS %s\n", argv[i]);
	}
	printf("%d passed, %d failed\n", argc - 1 - failed, failed);
	cli_engine_free(eng);
	return failed ? 1 : 0;
}
