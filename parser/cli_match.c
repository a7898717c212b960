/*
 * parser/cli_match.c: tokens against a mode's tree.
 *
 * Each token is tried against every next node; the best kind of match
 * wins (an exact keyword, then a keyword prefix, then a typed
 * placeholder, then WORD, then LINE).  A prefix that fits two different
 * keywords is ambiguous.  The walk keeps, for every step, the nodes
 * still in play, so that the command finally chosen can be traced back
 * to the tokens that matched each of its words.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parser/cli_int.h"

enum {
	LVL_NONE,
	LVL_EXACT,
	LVL_PARTIAL,
	LVL_TYPED,
	LVL_WORD,
	LVL_LINE,
};

size_t
match_tokenize(const char *line, struct tok **toks, size_t *cap)
{
	const char	*p = line;
	size_t		 n = 0;

	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
			p++;
		if (*p == '\0')
			break;
		if (n == *cap) {
			*cap = *cap ? *cap * 2 : 16;
			*toks = realloc(*toks, *cap * sizeof(**toks));
			if (*toks == NULL)
				abort();
		}
		(*toks)[n].s = p;
		(*toks)[n].off = (size_t)(p - line);
		while (*p && *p != ' ' && *p != '\t' && *p != '\r' &&
		    *p != '\n')
			p++;
		(*toks)[n].len = (size_t)(p - (*toks)[n].s);
		n++;
	}
	return n;
}

static int
parse_num(const char *s, size_t len, long *v)
{
	size_t	i;
	long	x = 0;

	if (len == 0 || len > 10)
		return -1;
	for (i = 0; i < len; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		x = x * 10 + (s[i] - '0');
	}
	*v = x;
	return 0;
}

static int
is_addr(int af, const char *s, size_t len, int plen_max)
{
	char		 buf[64];
	unsigned char	 bin[16];
	const char	*slash;
	long		 plen;

	if (len >= sizeof(buf))
		return 0;
	memcpy(buf, s, len);
	buf[len] = '\0';
	slash = strchr(buf, '/');
	if ((plen_max > 0) != (slash != NULL))
		return 0;
	if (slash != NULL) {
		if (parse_num(slash + 1, strlen(slash + 1), &plen) != 0 ||
		    plen > plen_max)
			return 0;
		buf[slash - buf] = '\0';
	}
	return inet_pton(af, buf, bin) == 1;
}

/* The interface type that s (len chars, letters only) names. */
const struct cli_iftype *
match_iftype(const struct cli_engine *e, const char *s, size_t len,
    size_t *nmatch)
{
	const struct cli_iftype	*hit = NULL;
	size_t			 i;

	*nmatch = 0;
	if (len == 0)
		return NULL;
	for (i = 0; i < e->g->niftypes; i++) {
		if (strncasecmp(e->g->iftypes[i].name, s, len) != 0)
			continue;
		if (strlen(e->g->iftypes[i].name) == len) {
			*nmatch = 1;
			return &e->g->iftypes[i];
		}
		hit = &e->g->iftypes[i];
		(*nmatch)++;
	}
	return *nmatch == 1 ? hit : NULL;
}

static size_t
iftype_len(const char *s, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++)
		if (!isalpha((unsigned char)s[i]) && s[i] != '-')
			break;
	return i;
}

static int
is_ifnum(const char *s, size_t len)
{
	size_t	i;

	if (len == 0 || !isdigit((unsigned char)s[0]))
		return 0;
	for (i = 0; i < len; i++)
		if (!isdigit((unsigned char)s[i]) && s[i] != '/' &&
		    s[i] != '.' && s[i] != ':')
			return 0;
	return 1;
}

/* An interface name in one token ("gi0/0") or two ("gi 0/0"). */
static int
match_ifname(const struct cli_engine *e, const struct tok *t, size_t nleft,
    size_t *used)
{
	size_t	tl = iftype_len(t->s, t->len), n;

	if (match_iftype(e, t->s, tl, &n) == NULL)
		return LVL_NONE;
	if (tl < t->len) {
		*used = 1;
		return is_ifnum(t->s + tl, t->len - tl) ? LVL_TYPED : LVL_NONE;
	}
	if (nleft > 1 && is_ifnum(t[1].s, t[1].len)) {
		*used = 2;
		return LVL_TYPED;
	}
	return LVL_NONE;
}

/* How well node n takes the tokens at t (nleft of them). */
int
match_node(const struct cli_engine *e, const struct node *n,
    const struct tok *t, size_t nleft, size_t *used)
{
	long	v;

	*used = 1;
	switch (n->type) {
	case N_KW:
		if (t->len > n->textlen || tolower((unsigned char)*t->s) !=
		    tolower((unsigned char)*n->text) ||
		    strncasecmp(n->text, t->s, t->len) != 0)
			return LVL_NONE;
		if (t->len == n->textlen)
			return LVL_EXACT;
		return n->flags & NODE_EXACT ? LVL_NONE : LVL_PARTIAL;
	case N_WORD:
		return t->len <= CLI_WORD_MAX ? LVL_WORD : LVL_NONE;
	case N_LINE:
		*used = nleft;
		return (size_t)(t[nleft - 1].s + t[nleft - 1].len - t->s) <=
		    CLI_LINE_MAX ? LVL_LINE : LVL_NONE;
	case N_IPV4:
		return is_addr(AF_INET, t->s, t->len, 0) ? LVL_TYPED : 0;
	case N_IPV4P:
		return is_addr(AF_INET, t->s, t->len, 32) ? LVL_TYPED : 0;
	case N_IPV6:
		return is_addr(AF_INET6, t->s, t->len, 0) ? LVL_TYPED : 0;
	case N_IPV6P:
		return is_addr(AF_INET6, t->s, t->len, 128) ? LVL_TYPED : 0;
	case N_RANGE:
		if (parse_num(t->s, t->len, &v) != 0 || v < n->lo || v > n->hi)
			return LVL_NONE;
		return LVL_TYPED;
	case N_IFNAME:
		return match_ifname(e, t, nleft, used);
	case N_ROOT:
		break;
	}
	return LVL_NONE;
}

/* The command that ends at one of the nodes of st, or NULL. */
const struct node *
match_end(const struct state *st)
{
	size_t	i;

	for (i = 0; i < st->cnt; i++)
		if (st->n[i]->cmd != NULL)
			return st->n[i];
	return NULL;
}

static int
state_pipes(const struct state *st)
{
	size_t	i;

	for (i = 0; i < st->cnt; i++)
		if (st->n[i]->cmd != NULL && (st->n[i]->cmd->flags & CMD_PIPE))
			return 1;
	return 0;
}

/* Every node that may come after st, at most max of them. */
size_t
match_kids(const struct cli_engine *e, const struct state *st,
    const struct node **out, size_t max)
{
	size_t	i, j, n = 0;

	for (i = 0; i < st->cnt; i++) {
		for (j = 0; j < st->n[i]->nkids && n < max; j++)
			out[n++] = st->n[i]->kids[j];
		for (j = 0; st->n[i]->loop != NULL &&
		    j < st->n[i]->loop->nkids && n < max; j++)
			out[n++] = st->n[i]->loop->kids[j];
	}
	if (state_pipes(st) && n < max)
		out[n++] = e->pipe;
	return n;
}

#define MAX_KIDS	1024

/*
 * One step: the nodes after st that take the tokens at t best.  Returns
 * CLI_OK, CLI_ERR_INVALID or CLI_ERR_AMBIG; *used says how many tokens
 * the step took.
 */
static int
match_step(const struct cli_engine *e, const struct state *st,
    const struct tok *t, size_t nleft, struct state *next, size_t *used)
{
	const struct node	*kids[MAX_KIDS], *kw = NULL;
	size_t			 nk, i, u;
	int			 lvl, best = LVL_LINE + 1, ambig = 0;

	nk = match_kids(e, st, kids, MAX_KIDS);
	next->cnt = 0;
	*used = 1;
	for (i = 0; i < nk; i++) {
		lvl = match_node(e, kids[i], t, nleft, &u);
		if (lvl == LVL_NONE || lvl > best)
			continue;
		if (lvl < best) {
			best = lvl;
			next->cnt = 0;
			kw = NULL;
			ambig = 0;
		}
		if (lvl == LVL_PARTIAL) {
			if (kw != NULL && strcasecmp(kw->text, kids[i]->text))
				ambig = 1;
			kw = kids[i];
		}
		if (next->cnt < MAX_STATES)
			next->n[next->cnt++] = kids[i];
		*used = u;
	}
	if (next->cnt == 0)
		return CLI_ERR_INVALID;
	return ambig ? CLI_ERR_AMBIG : CLI_OK;
}

void
match_start(const struct cli_engine *e, int mode, struct state *st)
{
	st->cnt = 1;
	st->n[0] = e->roots[mode];
}

/*
 * Walk toks from the root of mode.  On return w holds one step per
 * matched word; the status says whether every token matched.
 */
int
match_walk(const struct cli_engine *e, int mode, const struct tok *toks,
    size_t ntoks, struct walk *w)
{
	struct state	 cur;
	size_t		 i = 0, used;
	int		 rc;

	w->nsteps = 0;
	w->err_off = 0;
	match_start(e, mode, &cur);
	while (i < ntoks) {
		if (w->nsteps == w->cap) {
			w->cap = w->cap ? w->cap * 2 : 16;
			w->steps = realloc(w->steps,
			    w->cap * sizeof(*w->steps));
			if (w->steps == NULL)
				abort();
		}
		rc = match_step(e, &cur, &toks[i], ntoks - i,
		    &w->steps[w->nsteps].st, &used);
		if (rc != CLI_OK) {
			w->err_off = toks[i].off;
			return rc;
		}
		w->steps[w->nsteps].tok = i;
		w->steps[w->nsteps].ntok = used;
		cur = w->steps[w->nsteps].st;
		w->nsteps++;
		i += used;
	}
	return CLI_OK;
}

/* The state after the last step, or the root of mode. */
void
match_state(const struct cli_engine *e, int mode, const struct walk *w,
    struct state *st)
{
	if (w->nsteps == 0)
		match_start(e, mode, st);
	else
		*st = w->steps[w->nsteps - 1].st;
}
