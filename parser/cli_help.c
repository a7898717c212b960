/*
 * parser/cli_help.c: `?` and TAB, from the same trees that match.
 *
 * "show ?" lists the words that may come next with their help, sorted
 * and aligned, and <cr> where the line is already complete.  "sh?"
 * lists the keywords that start so.  TAB offers the keywords (and
 * interface types) that start with the last, partial word.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parser/cli_int.h"

#define MAX_ENTRIES	1024

struct entry {
	const char	*word;
	const char	*help;
};

struct listing {
	struct entry	v[MAX_ENTRIES];
	size_t		n;
};

static void
list_add(struct listing *l, const char *word, const char *help)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].word, word) == 0)
			return;
	if (l->n < MAX_ENTRIES) {
		l->v[l->n].word = word;
		l->v[l->n].help = help ? help : "";
		l->n++;
	}
}

static int
entry_cmp(const void *a, const void *b)
{
	const struct entry	*x = a, *y = b;

	return strcmp(x->word, y->word);
}

/* Entries for one next node; an interface name lists its types. */
static void
list_node(const struct cli_engine *e, struct listing *l, const struct node *n)
{
	size_t	i;

	if (n->flags & NODE_HIDDEN)
		return;
	if (n->type != N_IFNAME) {
		list_add(l, n->text, n->help);
		return;
	}
	for (i = 0; i < e->g->niftypes; i++)
		list_add(l, e->g->iftypes[i].name, e->g->iftypes[i].help);
}

static void
list_print(struct cli *c, struct listing *l, int cr)
{
	size_t	i, w = cr ? 4 : 0;

	qsort(l->v, l->n, sizeof(l->v[0]), entry_cmp);
	for (i = 0; i < l->n; i++)
		if (strlen(l->v[i].word) > w)
			w = strlen(l->v[i].word);
	for (i = 0; i < l->n; i++)
		cli_printf(c, "  %-*s  %s\n", (int)w, l->v[i].word,
		    l->v[i].help);
	if (cr)
		cli_printf(c, "  %-*s  %s\n", (int)w, "<cr>", "<cr>");
	cli_printf(c, "\n");
}

static int
ends_with_space(const char *line)
{
	size_t	len = strlen(line);

	return len == 0 || isspace((unsigned char)line[len - 1]);
}

/*
 * "interface tunnel ?": the type alone, waiting for its number.  Prints
 * the number's help and returns 1 when that is the case.
 */
static int
describe_ifnum(struct cli *c, const struct state *st, const struct tok *t)
{
	const struct node	*kids[MAX_ENTRIES];
	const struct cli_iftype	*type;
	size_t			 nk, i, n;

	type = match_iftype(c->e, t->s, t->len, &n);
	if (type == NULL)
		return 0;
	nk = match_kids(c->e, st, kids, MAX_ENTRIES);
	for (i = 0; i < nk; i++)
		if (kids[i]->type == N_IFNAME) {
			cli_printf(c, "  %s\n\n", type->numhelp ?
			    type->numhelp : "<0-4294967295>  Interface number");
			return 1;
		}
	return 0;
}

/* The walk over all tokens but the last n; prints its error if any. */
static int
describe_walk(struct cli *c, const char *line, size_t ntoks, size_t skip,
    struct state *st)
{
	int	rc;

	rc = match_walk(c->e, cli_mode(c), c->toks, ntoks - skip, &c->walk);
	if (rc == CLI_OK) {
		match_state(c->e, cli_mode(c), &c->walk, st);
		return CLI_OK;
	}
	if (rc == CLI_ERR_INVALID && skip == 0 && ntoks >= 2 &&
	    c->walk.nsteps == ntoks - 1) {
		match_state(c->e, cli_mode(c), &c->walk, st);
		if (describe_ifnum(c, st, &c->toks[ntoks - 1]))
			return CLI_ERR_FAILED;
	}
	if (rc == CLI_ERR_INVALID)
		cli_printf(c, "%*s^\n%% Invalid input detected at '^' "
		    "marker.\n\n", (int)(strlen(cli_prompt(c)) +
		    c->walk.err_off), "");
	else
		cli_printf(c, "%% Ambiguous command:  \"%s\"\n", line);
	return rc;
}

/* "sh?": the words that start with the partial last token. */
static void
describe_partial(struct cli *c, const struct state *st, const struct tok *t)
{
	const struct node	*kids[MAX_ENTRIES];
	struct listing		*l;
	size_t			 nk, i, used;

	l = calloc(1, sizeof(*l));
	if (l == NULL)
		abort();
	nk = match_kids(c->e, st, kids, MAX_ENTRIES);
	for (i = 0; i < nk; i++) {
		if (kids[i]->flags & NODE_HIDDEN)
			continue;
		if (kids[i]->type == N_KW ? strncasecmp(kids[i]->text, t->s,
		    t->len) == 0 : match_node(c->e, kids[i], t, 1, &used) != 0)
			list_add(l, kids[i]->text, NULL);
	}
	qsort(l->v, l->n, sizeof(l->v[0]), entry_cmp);
	if (l->n == 0)
		cli_puts(c, "% Unrecognized command\n");
	for (i = 0; i < l->n; i++)
		cli_printf(c, "%s%s", l->v[i].word, i + 1 < l->n ? "  " :
		    "\n\n");
	free(l);
}

/* The `?` listing for line, typed up to (and maybe with) the `?`. */
void
cli_describe(struct cli *c, const char *typed)
{
	const struct node	*kids[MAX_ENTRIES];
	struct listing		*l;
	struct state		 st;
	size_t			 ntoks, nk, i, len = strlen(typed);
	char			*line;
	int			 partial;

	if (len > 0 && typed[len - 1] == '?')
		len--;
	line = strndup(typed, len);
	if (line == NULL)
		abort();
	partial = !ends_with_space(line);
	c->outlen = 0;
	ntoks = match_tokenize(line, &c->toks, &c->tokcap);
	if (describe_walk(c, line, ntoks, partial, &st) != CLI_OK)
		goto done;
	if (partial) {
		describe_partial(c, &st, &c->toks[ntoks - 1]);
		goto done;
	}
	l = calloc(1, sizeof(*l));
	if (l == NULL)
		abort();
	nk = match_kids(c->e, &st, kids, MAX_ENTRIES);
	for (i = 0; i < nk; i++)
		list_node(c->e, l, kids[i]);
	list_print(c, l, match_end(&st) != NULL);
	free(l);
done:
	cli_write_raw(c, c->out, c->outlen);
	c->outlen = 0;
	free(line);
}

static void
strv_add(char ***v, size_t *n, const char *s)
{
	size_t	i;

	for (i = 0; i < *n; i++)
		if (strcmp((*v)[i], s) == 0)
			return;
	*v = realloc(*v, (*n + 1) * sizeof(**v));
	if (*v == NULL || ((*v)[*n] = strdup(s)) == NULL)
		abort();
	(*n)++;
}

size_t
cli_complete(struct cli *c, const char *line, char ***words)
{
	const struct node	*kids[MAX_ENTRIES];
	const struct tok	*t;
	struct state		 st;
	size_t			 ntoks, nk, i, j, n = 0;

	*words = NULL;
	ntoks = match_tokenize(line, &c->toks, &c->tokcap);
	if (ends_with_space(line) || ntoks == 0)
		return 0;
	if (match_walk(c->e, cli_mode(c), c->toks, ntoks - 1, &c->walk) !=
	    CLI_OK)
		return 0;
	match_state(c->e, cli_mode(c), &c->walk, &st);
	t = &c->toks[ntoks - 1];
	nk = match_kids(c->e, &st, kids, MAX_ENTRIES);
	for (i = 0; i < nk; i++) {
		if (kids[i]->flags & NODE_HIDDEN)
			continue;
		if (kids[i]->type == N_KW &&
		    strncasecmp(kids[i]->text, t->s, t->len) == 0)
			strv_add(words, &n, kids[i]->text);
		if (kids[i]->type != N_IFNAME)
			continue;
		for (j = 0; j < c->e->g->niftypes; j++)
			if (strncasecmp(c->e->g->iftypes[j].name, t->s,
			    t->len) == 0)
				strv_add(words, &n, c->e->g->iftypes[j].name);
	}
	return n;
}

void
cli_strv_free(char **v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}
