/*
 * parser/cli_graph.c: from command definitions to per-mode trees.
 *
 * Each definition is expanded into its linear paths (every optional
 * group taken or left, every alternative of a choice), and each path is
 * inserted into the trie of every mode the command lives in.  Common
 * leading words merge, so one help text serves every command that
 * starts with that word.  `no` forms get a trie of their own in which a
 * command may end anywhere after its identifying words.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parser/cli_int.h"

#define MAX_PATHS	65536
#define MAX_PATHLEN	64

/* A set of expanded paths, each a list of leaf tokens. */
struct paths {
	const struct cmd_tok	***p;
	size_t			  *len;
	size_t			   n, cap;
	int			   overflow;
};

static int
tok_is(const struct cmd_tok *t, const char *s)
{
	return t->spec != NULL && strcmp(t->spec, s) == 0;
}

static int
tok_structural(const struct cmd_tok *t)
{
	return tok_is(t, "[") || tok_is(t, "]") || tok_is(t, "{") ||
	    tok_is(t, "{*") || tok_is(t, "}") || tok_is(t, "|");
}

static void
paths_clear(struct paths *ps)
{
	size_t	i;

	for (i = 0; i < ps->n; i++)
		free(ps->p[i]);
	ps->n = 0;
}

static void
paths_free(struct paths *ps)
{
	paths_clear(ps);
	free(ps->p);
	free(ps->len);
	free(ps);
}

/* Move the paths of from into to, which must be empty. */
static void
paths_move(struct paths *to, struct paths *from)
{
	struct paths	tmp = *to;

	*to = *from;
	*from = tmp;
	from->n = 0;
}

static int
paths_add(struct paths *ps, const struct cmd_tok **p, size_t len)
{
	if (ps->n == MAX_PATHS || len > MAX_PATHLEN) {
		ps->overflow = 1;
		return -1;
	}
	if (ps->n == ps->cap) {
		ps->cap = ps->cap ? ps->cap * 2 : 16;
		ps->p = realloc(ps->p, ps->cap * sizeof(*ps->p));
		ps->len = realloc(ps->len, ps->cap * sizeof(*ps->len));
		if (ps->p == NULL || ps->len == NULL)
			abort();
	}
	ps->p[ps->n] = malloc(sizeof(*p) * (len ? len : 1));
	if (ps->p[ps->n] == NULL)
		abort();
	if (len)
		memcpy(ps->p[ps->n], p, sizeof(*p) * len);
	ps->len[ps->n++] = len;
	return 0;
}

/* The end of the group that opens at toks[i], or -1. */
static long
group_end(const struct cmd_tok *toks, size_t i)
{
	int	depth = 0;

	for (; toks[i].spec != NULL; i++) {
		if (tok_is(&toks[i], "[") || tok_is(&toks[i], "{") ||
		    tok_is(&toks[i], "{*"))
			depth++;
		else if (tok_is(&toks[i], "]") || tok_is(&toks[i], "}"))
			if (--depth == 0)
				return (long)i;
	}
	return -1;
}

static int expand_seq(const struct cmd_tok *, size_t, size_t,
    struct paths *);

/* Every path through the alternatives between toks[lo] and toks[hi]. */
static int
expand_alts(const struct cmd_tok *toks, size_t lo, size_t hi,
    struct paths *out)
{
	size_t	i, start = lo;
	int	depth = 0;

	for (i = lo; i <= hi; i++) {
		if (i < hi && (tok_is(&toks[i], "[") || tok_is(&toks[i], "{") ||
		    tok_is(&toks[i], "{*")))
			depth++;
		else if (i < hi &&
		    (tok_is(&toks[i], "]") || tok_is(&toks[i], "}")))
			depth--;
		else if (i == hi || (depth == 0 && tok_is(&toks[i], "|"))) {
			if (expand_seq(toks, start, i, out) != 0)
				return -1;
			start = i + 1;
		}
	}
	return 0;
}

/* The cross product of a and b, into out. */
static int
paths_join(const struct paths *a, const struct paths *b, struct paths *out)
{
	const struct cmd_tok	*buf[MAX_PATHLEN * 2];
	size_t			 i, j;

	for (i = 0; i < a->n; i++)
		for (j = 0; j < b->n; j++) {
			if (a->len[i] + b->len[j] > MAX_PATHLEN) {
				out->overflow = 1;
				return -1;
			}
			memcpy(buf, a->p[i], sizeof(*buf) * a->len[i]);
			memcpy(buf + a->len[i], b->p[j],
			    sizeof(*buf) * b->len[j]);
			if (paths_add(out, buf, a->len[i] + b->len[j]) != 0)
				return -1;
		}
	return 0;
}

/* Every path through toks[lo..hi), appended to out. */
static int
expand_seq(const struct cmd_tok *toks, size_t lo, size_t hi,
    struct paths *out)
{
	static __thread int	 depth;
	struct paths		*acc, *item, *next;
	size_t			 i;
	long			 end;
	int			 rc = -1;

	if (++depth > 16) {
		depth--;
		return -1;
	}
	acc = calloc(1, sizeof(*acc));
	item = calloc(1, sizeof(*item));
	next = calloc(1, sizeof(*next));
	if (acc == NULL || item == NULL || next == NULL)
		abort();
	paths_add(acc, NULL, 0);
	for (i = lo; i < hi; i++) {
		paths_clear(item);
		if (tok_is(&toks[i], "[") || tok_is(&toks[i], "{")) {
			end = group_end(toks, i);
			if (end < 0 || (size_t)end >= hi)
				goto done;
			if (tok_is(&toks[i], "["))
				paths_add(item, NULL, 0);
			if (expand_alts(toks, i + 1, (size_t)end, item) != 0)
				goto done;
			i = (size_t)end;
		} else if (tok_structural(&toks[i]))
			goto done;
		else
			paths_add(item, &(const struct cmd_tok *){ &toks[i] },
			    1);
		paths_clear(next);
		if (paths_join(acc, item, next) != 0)
			goto done;
		paths_clear(acc);
		paths_move(acc, next);
	}
	for (i = 0; i < acc->n; i++)
		if (paths_add(out, acc->p[i], acc->len[i]) != 0)
			goto done;
	rc = 0;
done:
	paths_free(acc);
	paths_free(item);
	paths_free(next);
	depth--;
	return rc;
}

static struct node *
node_new(enum node_type type, const char *text, size_t textlen,
    const char *name, size_t namelen, const char *help)
{
	struct node	*n;

	n = calloc(1, sizeof(*n));
	if (n == NULL)
		abort();
	n->type = type;
	n->text = strndup(text, textlen);
	n->textlen = textlen;
	n->name = name ? strndup(name, namelen) : n->text;
	n->help = help;
	if (n->text == NULL || n->name == NULL)
		abort();
	return n;
}

static void
node_free(struct node *n)
{
	size_t	i;

	if (n == NULL)
		return;
	if (!(n->flags & NODE_SHARED)) {
		for (i = 0; i < n->nkids; i++)
			node_free(n->kids[i]);
		free(n->kids);
	}
	if (n->name != n->text)
		free((char *)n->name);
	free((char *)n->text);
	free(n);
}

static void
node_add_kid(struct node *parent, struct node *kid)
{
	if (parent->nkids == parent->cap) {
		parent->cap = parent->cap ? parent->cap * 2 : 4;
		parent->kids = realloc(parent->kids,
		    parent->cap * sizeof(*parent->kids));
		if (parent->kids == NULL)
			abort();
	}
	parent->kids[parent->nkids++] = kid;
}

static const struct {
	const char	*spec;
	enum node_type	 type;
} placeholders[] = {
	{ "WORD",	N_WORD },
	{ "LINE",	N_LINE },
	{ "A.B.C.D",	N_IPV4 },
	{ "A.B.C.D/M",	N_IPV4P },
	{ "X:X::X:X",	N_IPV6 },
	{ "X:X::X:X/M",	N_IPV6P },
	{ "IFNAME",	N_IFNAME },
};

/* A token spec, read without copying. */
struct spec {
	enum node_type	 type;
	const char	*text, *name;
	size_t		 textlen, namelen;
};

static void
spec_parse(const struct cmd_tok *t, struct spec *sp)
{
	const char	*colon = strchr(t->spec, ':');
	size_t		 i, n = sizeof(placeholders) / sizeof(placeholders[0]);

	/* "X:X::X:X" holds colons of its own. */
	if (strncmp(t->spec, "X:X::X:X", 8) == 0)
		colon = strchr(t->spec + 8, ':');
	sp->text = t->spec;
	sp->textlen = colon ? (size_t)(colon - t->spec) : strlen(t->spec);
	sp->name = colon ? colon + 1 : t->spec;
	sp->namelen = colon ? strlen(colon + 1) : sp->textlen;
	for (i = 0; i < n; i++)
		if (strlen(placeholders[i].spec) == sp->textlen &&
		    strncmp(placeholders[i].spec, t->spec, sp->textlen) == 0)
			break;
	if (i < n)
		sp->type = placeholders[i].type;
	else if (t->spec[0] == '<')
		sp->type = N_RANGE;
	else {
		sp->type = N_KW;
		sp->textlen = sp->namelen = strlen(t->spec);
		sp->name = t->spec;
	}
}

/* A node for one token spec, not yet linked. */
static struct node *
node_from_spec(const struct spec *sp, const char *help)
{
	struct node	*n;
	char		*endp;

	n = node_new(sp->type, sp->text, sp->textlen,
	    sp->name != sp->text ? sp->name : NULL, sp->namelen, help);
	if (sp->type == N_RANGE) {
		n->lo = strtol(sp->text + 1, &endp, 10);
		n->hi = *endp == '-' ? strtol(endp + 1, &endp, 10) : n->lo;
	}
	return n;
}

static struct node *
node_from_tok(const struct cmd_tok *t)
{
	struct spec	sp;

	spec_parse(t, &sp);
	return node_from_spec(&sp, t->help);
}

static int
node_is(const struct node *n, const struct spec *sp)
{
	if (n->type != sp->type || n->textlen != sp->textlen)
		return 0;
	if (n->type == N_KW)
		return strncasecmp(n->text, sp->text, sp->textlen) == 0;
	return strncmp(n->text, sp->text, sp->textlen) == 0 &&
	    strlen(n->name) == sp->namelen &&
	    strncmp(n->name, sp->name, sp->namelen) == 0;
}

/* The kid of parent that is the same as t, made if missing. */
static struct node *
node_step(struct node *parent, const struct cmd_tok *t,
    const struct spec *sp, unsigned flags)
{
	struct node	*n;
	size_t		 i;

	for (i = parent->nkids; i-- > 0;) {
		n = parent->kids[i];
		if (!node_is(n, sp))
			continue;
		if (n->help == NULL)
			n->help = t->help;
		/* A word is hidden, exact or a hint if all its users are. */
		n->flags &= flags | ~(unsigned)(NODE_HIDDEN | NODE_EXACT |
		    NODE_HINT);
		return n;
	}
	n = node_from_spec(sp, t->help);
	n->flags |= flags;
	node_add_kid(parent, n);
	return n;
}

static void
node_end(struct node *n, const struct cmd_def *c)
{
	if (n->cmd == NULL)
		n->cmd = c;
}

static unsigned
cmd_node_flags(const struct cmd_def *c)
{
	unsigned	flags = 0;

	if (c->flags & (CMD_HIDDEN | CMD_HINT))
		flags |= NODE_HIDDEN;
	if (c->flags & CMD_EXACT)
		flags |= NODE_EXACT;
	if (c->flags & CMD_HINT)
		flags |= NODE_HINT;
	return flags;
}

/*
 * Follow (making what is missing) the path p from n; the command ends
 * at every node from depth end_from on.  Returns the last node.
 */
static struct node *
trie_insert(struct node *n, const struct cmd_def *c, const struct spec *specs,
    const struct cmd_tok **p, size_t len, size_t end_from)
{
	unsigned	flags = cmd_node_flags(c);
	size_t		i;

	for (i = 0; i < len; i++) {
		n = node_step(n, p[i], &specs[p[i] - c->toks], flags);
		if (i + 1 >= end_from)
			node_end(n, c);
	}
	return n;
}

/* Insert one path; *last and *nolast get where it ends (or NULL). */
static void
insert_path(struct node *root, struct node *noroot, const struct cmd_def *c,
    const struct spec *specs, const struct cmd_tok **p, size_t len,
    struct node **last, struct node **nolast)
{
	size_t	min;

	*last = *nolast = NULL;
	if (!(c->flags & CMD_NO_ONLY))
		*last = trie_insert(root, c, specs, p, len, len);
	if (!(c->flags & CMD_NO))
		return;
	min = c->no_min > 0 && (size_t)c->no_min < len ? (size_t)c->no_min
	    : len;
	*nolast = trie_insert(noroot, c, specs, p, len, min);
}

/*
 * A repeat group "{*" ... "}" ends a command: one or more of its
 * alternatives, in any order.  Each path is the head and one
 * alternative; where it ends, the node loops back to the node after the
 * head, whose kids are the alternatives again.
 */
static void
insert_repeat(struct node *root, struct node *noroot,
    const struct cmd_def *c, const struct spec *specs,
    const struct paths *head, const struct paths *body)
{
	const struct cmd_tok	*buf[MAX_PATHLEN * 2];
	struct node		*last, *nolast;
	size_t			 h, b, len;

	for (h = 0; h < head->n; h++)
		for (b = 0; b < body->n; b++) {
			len = head->len[h] + body->len[b];
			memcpy(buf, head->p[h], sizeof(*buf) * head->len[h]);
			memcpy(buf + head->len[h], body->p[b],
			    sizeof(*buf) * body->len[b]);
			insert_path(root, noroot, c, specs, buf, len, &last,
			    &nolast);
			if (last != NULL && last->loop == NULL)
				last->loop = trie_insert(root, c, specs,
				    head->p[h], head->len[h], SIZE_MAX);
			if (nolast != NULL && nolast->loop == NULL)
				nolast->loop = trie_insert(noroot, c, specs,
				    head->p[h], head->len[h], SIZE_MAX);
		}
}

static struct node *
shared_node(const char *kw, const char *help, unsigned flags,
    const struct node *target)
{
	struct node	*n = node_new(N_KW, kw, strlen(kw), NULL, 0, help);

	n->flags = flags | NODE_SHARED;
	n->kids = target->kids;
	n->nkids = target->nkids;
	return n;
}

static const struct cmd_def pipe_end = { 0, -1, 0, 0, NULL, NULL };

static struct node *
pipe_tree(void)
{
	static const struct cmd_tok mods[] = {
		{ "begin", "Begin with the line that matches" },
		{ "count", "Count number of lines which match regexp" },
		{ "exclude", "Exclude lines that match" },
		{ "include", "Include lines that match" },
		{ "section", "Filter a section of output" },
	};
	static const struct cmd_tok line = { "LINE",
	    "Regular Expression" };
	static const struct cmd_tok bar = { "|", "Output modifiers" };
	struct node	*pipe, *m, *l;
	size_t		 i;

	pipe = node_new(N_KW, bar.spec, 1, NULL, 0, bar.help);
	pipe->flags = NODE_PIPE;
	for (i = 0; i < sizeof(mods) / sizeof(mods[0]); i++) {
		m = node_from_tok(&mods[i]);
		l = node_from_tok(&line);
		l->cmd = &pipe_end;
		node_add_kid(m, l);
		node_add_kid(pipe, m);
	}
	return pipe;
}

static int
graph_check_modes(const struct cli_grammar *g, char *err, size_t errlen)
{
	size_t	i;

	if (g->nmodes > 64) {
		snprintf(err, errlen, "too many modes (%zu)", g->nmodes);
		return -1;
	}
	for (i = 0; i < g->nmodes; i++)
		if (g->modes[i].id != (int)i) {
			snprintf(err, errlen, "mode %zu has id %d", i,
			    g->modes[i].id);
			return -1;
		}
	return 0;
}

/*
 * A placeholder named like a keyword of the same command would make
 * cmd_arg() ambiguous to the reader of the handler: refuse it.
 */
static int
spec_shadowed(const struct cmd_def *c, const struct spec *sp, size_t n,
    char *err, size_t errlen)
{
	size_t	i, j;

	for (i = 0; i < n; i++) {
		if (sp[i].text == NULL || sp[i].type == N_KW ||
		    sp[i].name == sp[i].text)
			continue;
		for (j = 0; j < n; j++)
			if (sp[j].text != NULL && sp[j].type == N_KW &&
			    sp[j].textlen == sp[i].namelen &&
			    strncasecmp(sp[j].text, sp[i].name,
			    sp[i].namelen) == 0) {
				snprintf(err, errlen, "command \"%s ...\": "
				    "placeholder %s is named like a keyword",
				    c->toks[0].spec, c->toks[i].spec);
				return -1;
			}
	}
	return 0;
}

/* Where a repeat group opens (it must close the command), or ntoks. */
static size_t
repeat_at(const struct cmd_tok *toks, size_t ntoks, long *end)
{
	size_t	i;

	*end = -1;
	for (i = 0; i < ntoks; i++)
		if (tok_is(&toks[i], "{*")) {
			*end = group_end(toks, i);
			return i;
		}
	return ntoks;
}

/* Expand c into ps (and body, for a repeat group); -1 if it can't be. */
static int
graph_expand(const struct cmd_def *c, size_t ntoks, size_t rep, long end,
    struct paths *ps, struct paths *body)
{
	if (rep < ntoks && (rep == 0 || end != (long)ntoks - 1))
		return -1;
	if (expand_seq(c->toks, 0, rep, ps) != 0 || ps->overflow)
		return -1;
	if (rep < ntoks && (expand_alts(c->toks, rep + 1, (size_t)end,
	    body) != 0 || body->overflow))
		return -1;
	return 0;
}

static int
graph_insert_cmd(struct cli_engine *e, const struct cmd_def *c,
    struct paths *ps, char *err, size_t errlen)
{
	struct spec	*specs;
	struct paths	*body;
	struct node	*last, *nolast;
	size_t		 i, m, ntoks, rep;
	long		 end;
	int		 rc = -1;

	paths_clear(ps);
	for (ntoks = 0; c->toks[ntoks].spec != NULL; ntoks++)
		;
	rep = repeat_at(c->toks, ntoks, &end);
	if ((body = calloc(1, sizeof(*body))) == NULL)
		abort();
	if (graph_expand(c, ntoks, rep, end, ps, body) != 0) {
		snprintf(err, errlen, "command \"%s ...\": bad or too large "
		    "syntax", c->toks[0].spec);
		paths_free(body);
		return -1;
	}
	specs = calloc(ntoks, sizeof(*specs));
	if (specs == NULL)
		abort();
	for (i = 0; i < ntoks; i++)
		if (!tok_structural(&c->toks[i]))
			spec_parse(&c->toks[i], &specs[i]);
	if (spec_shadowed(c, specs, ntoks, err, errlen) != 0)
		goto done;
	for (m = 0; m < e->g->nmodes; m++) {
		if (!(c->modes & MODE_BIT(m)))
			continue;
		if (rep < ntoks)
			insert_repeat(e->roots[m], e->noroots[m], c, specs, ps,
			    body);
		else
			for (i = 0; i < ps->n; i++)
				insert_path(e->roots[m], e->noroots[m], c,
				    specs, ps->p[i], ps->len[i], &last,
				    &nolast);
	}
	rc = 0;
done:
	free(specs);
	paths_free(body);
	return rc;
}

/* Aliases: a hidden word that leads where its keyword leads. */
static void
graph_add_aliases(struct cli_engine *e)
{
	const struct cli_alias	*al;
	struct node		*root, *n;
	size_t			 i, k;

	for (i = 0; i < e->g->naliases; i++) {
		al = &e->g->aliases[i];
		if (al->mode < 0 || (size_t)al->mode >= e->g->nmodes)
			continue;
		root = e->roots[al->mode];
		for (k = 0; k < root->nkids; k++)
			if (root->kids[k]->type == N_KW &&
			    strcasecmp(root->kids[k]->text, al->word) == 0)
				break;
		if (k == root->nkids)
			continue;
		n = shared_node(al->alias, root->kids[k]->help, NODE_HIDDEN,
		    root->kids[k]);
		n->name = strdup(root->kids[k]->text);
		if (n->name == NULL)
			abort();
		node_add_kid(root, n);
	}
}

/* The `no`, `default` and `do` words of every configuration mode. */
static void
graph_add_prefixes(struct cli_engine *e)
{
	const struct cli_grammar	*g = e->g;
	struct node			*root;
	size_t				 m;

	for (m = 0; m < g->nmodes; m++) {
		root = e->roots[m];
		if (!(g->modes[m].flags & MODE_CONFIG))
			continue;
		if (e->noroots[m]->nkids) {
			node_add_kid(root, shared_node("no",
			    "Negate a command or set its defaults", NODE_NO,
			    e->noroots[m]));
			node_add_kid(root, shared_node("default",
			    "Set a command to its defaults", NODE_DEFAULT,
			    e->noroots[m]));
		}
		if (g->exec_mode >= 0 && (size_t)g->exec_mode < g->nmodes)
			node_add_kid(root, shared_node("do",
			    "To run exec commands in config mode", NODE_DO,
			    e->roots[g->exec_mode]));
	}
}

int
graph_build(struct cli_engine *e, char *err, size_t errlen)
{
	const struct cli_grammar	*g = e->g;
	struct paths			*ps;
	size_t				 i;
	int				 rc = -1;

	if (graph_check_modes(g, err, errlen) != 0)
		return -1;
	e->roots = calloc(g->nmodes, sizeof(*e->roots));
	e->noroots = calloc(g->nmodes, sizeof(*e->noroots));
	ps = calloc(1, sizeof(*ps));
	if (e->roots == NULL || e->noroots == NULL || ps == NULL)
		abort();
	for (i = 0; i < g->nmodes; i++) {
		e->roots[i] = node_new(N_ROOT, "", 0, NULL, 0, NULL);
		e->noroots[i] = node_new(N_ROOT, "", 0, NULL, 0, NULL);
	}
	for (i = 0; i < g->ncmds; i++)
		if (graph_insert_cmd(e, g->cmds[i], ps, err, errlen) != 0)
			goto done;
	graph_add_aliases(e);
	graph_add_prefixes(e);
	e->pipe = pipe_tree();
	rc = 0;
done:
	paths_free(ps);
	return rc;
}

void
graph_free(struct cli_engine *e)
{
	size_t	i;

	if (e->roots != NULL)
		for (i = 0; i < e->g->nmodes; i++) {
			node_free(e->roots[i]);
			node_free(e->noroots[i]);
		}
	free(e->roots);
	free(e->noroots);
	node_free(e->pipe);
}
