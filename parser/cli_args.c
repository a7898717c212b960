/*
 * parser/cli_args.c: the arguments of a matched command.
 *
 * After a walk the engine knows the node where the command ends.  From
 * there it climbs back to the root, step by step, and records for each
 * word the text it took: the full keyword for a keyword, the canonical
 * name for an interface, the rest of the line for LINE.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parser/cli_int.h"

static size_t
args_text(struct cmd_args *a, const char *s, size_t len)
{
	size_t	off = a->buflen;

	if (a->buflen + len + 1 > a->bufcap) {
		a->bufcap = (a->buflen + len + 1) * 2;
		a->buf = realloc(a->buf, a->bufcap);
		if (a->buf == NULL)
			abort();
	}
	memcpy(a->buf + a->buflen, s, len);
	a->buf[a->buflen + len] = '\0';
	a->buflen += len + 1;
	return off;
}

static void
args_push(struct cmd_args *a, const struct node *n, size_t off)
{
	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 16;
		a->v = realloc(a->v, a->cap * sizeof(*a->v));
		if (a->v == NULL)
			abort();
	}
	a->v[a->n].node = n;
	a->v[a->n].off = off;
	a->n++;
}

/* The canonical interface name: full type, then the number. */
static size_t
args_ifname(const struct cli_engine *e, struct cmd_args *a,
    const struct tok *t, size_t ntok)
{
	const struct cli_iftype	*type;
	const char		*num;
	size_t			 tl = 0, numlen, n, off;

	while (tl < t->len && (isalpha((unsigned char)t->s[tl]) ||
	    t->s[tl] == '-'))
		tl++;
	type = match_iftype(e, t->s, tl, &n);
	if (type == NULL)
		return args_text(a, t->s, t->len);
	num = ntok == 2 ? t[1].s : t->s + tl;
	numlen = ntok == 2 ? t[1].len : t->len - tl;
	off = args_text(a, type->name, strlen(type->name));
	a->buflen--;
	args_text(a, num, numlen);
	return off;
}

static size_t
args_value(const struct cli_engine *e, struct cmd_args *a, const char *line,
    const struct node *n, const struct tok *t, size_t ntok)
{
	size_t	len;

	switch (n->type) {
	case N_KW:		/* an alias gives its keyword */
		return args_text(a, n->name, strlen(n->name));
	case N_LINE:
		len = strlen(line + t->off);
		while (len > 0 && isspace((unsigned char)line[t->off +
		    len - 1]))
			len--;
		return args_text(a, line + t->off, len);
	case N_IFNAME:
		return args_ifname(e, a, t, ntok);
	default:
		return args_text(a, t->s, t->len);
	}
}

static int
state_has(const struct state *st, const struct node *n)
{
	size_t	i;

	for (i = 0; i < st->cnt; i++)
		if (st->n[i] == n)
			return 1;
	return 0;
}

/* Put the n arguments collected backwards in order. */
static void
args_reverse(struct cmd_args *a)
{
	struct arg	tmp;
	size_t		i;

	for (i = 0; i < a->n / 2; i++) {
		tmp = a->v[i];
		a->v[i] = a->v[a->n - 1 - i];
		a->v[a->n - 1 - i] = tmp;
	}
}

static int
kids_have(const struct node *m, const struct node *n)
{
	size_t	i;

	for (i = 0; i < m->nkids; i++)
		if (m->kids[i] == n)
			return 1;
	for (i = 0; m->loop != NULL && i < m->loop->nkids; i++)
		if (m->loop->kids[i] == n)
			return 1;
	return 0;
}

/* The node of step s that n came from: the one whose kids hold it. */
static const struct node *
args_pred(const struct step *s, const struct node *n)
{
	size_t	i;

	for (i = 0; i < s->st.cnt; i++)
		if (kids_have(s->st.n[i], n))
			return s->st.n[i];
	return NULL;
}

/*
 * Fill a from the first nsteps steps of w, for the command that ends at
 * node end, climbing back from it through the node each step came from
 * (the words of a repeat group can pass one node many times).  Returns
 * 0, or -1 if the steps do not lead there.
 */
int
args_collect(const struct cli_engine *e, struct cmd_args *a,
    const char *line, const struct tok *toks, size_t ntoks,
    const struct walk *w, size_t nsteps, const struct node *end)
{
	const struct node	*cur = end;
	const struct step	*s;
	size_t			 i;

	a->line = line;
	a->n = 0;
	a->buflen = 0;
	a->negate = a->deflt = a->viado = 0;
	for (i = nsteps; i-- > 0;) {
		s = &w->steps[i];
		if (cur == NULL || !state_has(&s->st, cur) ||
		    s->tok + s->ntok > ntoks)
			return -1;
		if (cur->flags & NODE_NO)
			a->negate = 1;
		else if (cur->flags & NODE_DEFAULT)
			a->deflt = 1;
		else if (cur->flags & NODE_DO)
			a->viado = 1;
		else
			args_push(a, cur, args_value(e, a, line, cur,
			    &toks[s->tok], s->ntok));
		if (i > 0)
			cur = args_pred(&w->steps[i - 1], cur);
	}
	args_reverse(a);
	return 0;
}

void
args_free(struct cmd_args *a)
{
	free(a->v);
	free(a->buf);
	memset(a, 0, sizeof(*a));
}

/*
 * The nth argument called name.  A placeholder and a keyword of one
 * command never share a name (cli_engine_new refuses that), so the
 * name alone says which.
 */
static const struct arg *
args_find(const struct cmd_args *a, const char *name, int nth)
{
	size_t	i;

	for (i = 0; i < a->n; i++)
		if (strcasecmp(a->v[i].node->name, name) == 0 && nth-- == 0)
			return &a->v[i];
	return NULL;
}

int
cmd_negated(const struct cmd_args *a)
{
	return a->negate;
}

int
cmd_default(const struct cmd_args *a)
{
	return a->deflt;
}

const char *
cmd_arg_nth(const struct cmd_args *a, const char *name, int n)
{
	const struct arg	*v = args_find(a, name, n);

	return v ? a->buf + v->off : NULL;
}

const char *
cmd_arg(const struct cmd_args *a, const char *name)
{
	return cmd_arg_nth(a, name, 0);
}

int
cmd_has(const struct cmd_args *a, const char *name)
{
	return args_find(a, name, 0) != NULL;
}

long
cmd_num(const struct cmd_args *a, const char *name, long dflt)
{
	const char	*s = cmd_arg(a, name);

	return s ? strtol(s, NULL, 10) : dflt;
}

const char *
cmd_line(const struct cmd_args *a)
{
	return a->line;
}

int
cmd_nargs(const struct cmd_args *a)
{
	return (int)a->n;
}

const char *
cmd_arg_at(const struct cmd_args *a, int i, const char **name)
{
	if (i < 0 || (size_t)i >= a->n)
		return NULL;
	if (name != NULL)
		*name = a->v[i].node->name;
	return a->buf + a->v[i].off;
}
