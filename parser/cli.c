/*
 * parser/cli.c: sessions, the mode stack, and running a line.
 *
 * A line runs in the mode at the top of the stack.  When it does not
 * fit there but fits a parent configuration mode, it runs there and the
 * stack climbs to that mode, as IOS does with pasted configs.  Errors
 * come out as IOS prints them: a caret under the offending token, or
 * the incomplete and ambiguous messages.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/cli_int.h"

static void	cli_flush(struct cli *, const char *, const char *);

struct cli_engine *
cli_engine_new(const struct cli_grammar *g, char *err, size_t errlen)
{
	struct cli_engine	*e;

	e = calloc(1, sizeof(*e));
	if (e == NULL)
		abort();
	e->g = g;
	if (graph_build(e, err, errlen) != 0) {
		cli_engine_free(e);
		return NULL;
	}
	return e;
}

void
cli_engine_free(struct cli_engine *e)
{
	if (e == NULL)
		return;
	graph_free(e);
	free(e);
}

struct cli *
cli_new(struct cli_engine *e, int mode, void *model)
{
	struct cli	*c;

	c = calloc(1, sizeof(*c));
	if (c == NULL)
		abort();
	c->e = e;
	c->model = model;
	c->stack[0].mode = mode;
	c->depth = 1;
	c->term.length = 24;
	c->term.width = 80;
	c->interactive = 1;
	c->next = e->sessions;
	e->sessions = c;
	return c;
}

void
cli_free(struct cli *c)
{
	struct cli	**pp;
	int		  i;

	if (c == NULL)
		return;
	for (pp = &c->e->sessions; *pp != NULL; pp = &(*pp)->next)
		if (*pp == c) {
			*pp = c->next;
			break;
		}
	cli_abandon(c);
	for (i = 0; i < CLI_HISTORY; i++)
		free(c->hist[i]);
	free(c->src);
	free(c->toks);
	free(c->walk.steps);
	args_free(&c->args);
	free(c->out);
	free(c);
}

void
cli_set_output(struct cli *c, cli_write_fn *fn, void *arg)
{
	c->write = fn;
	c->write_arg = arg;
}

void *
cli_model(const struct cli *c)
{
	return c->model;
}

int
cli_interactive(const struct cli *c)
{
	return c->interactive;
}

void
cli_set_source(struct cli *c, const char *name, int interactive)
{
	free(c->src);
	c->src = name ? strdup(name) : NULL;
	c->interactive = interactive;
	c->term.lineno = 0;
}

struct cli_term *
cli_term(struct cli *c)
{
	return &c->term;
}

int
cli_in_config(const struct cli *c)
{
	return (c->e->g->modes[cli_mode(c)].flags & MODE_CONFIG) != 0;
}

int
cli_mode(const struct cli *c)
{
	return c->stack[c->depth - 1].mode;
}

const char *
cli_prompt(struct cli *c)
{
	const struct cli_mode	*m = &c->e->g->modes[cli_mode(c)];
	const char		*host = "Router";

	if (c->e->g->hostname != NULL && c->e->g->hostname(c->model) != NULL)
		host = c->e->g->hostname(c->model);
	if (m->prompt != NULL)
		snprintf(c->prompt, sizeof(c->prompt), "%s(%s)%c", host,
		    m->prompt, m->term);
	else
		snprintf(c->prompt, sizeof(c->prompt), "%s%c", host, m->term);
	return c->prompt;
}

void
cli_set_ctx(struct cli *c, void *ctx)
{
	c->next_ctx = ctx;
}

void *
cli_ctx(const struct cli *c)
{
	return c->stack[c->depth - 1].ctx;
}

void
cli_mode_exit(struct cli *c)
{
	if (c->depth > 1)
		c->depth--;
}

void
cli_mode_end(struct cli *c)
{
	c->depth = 1;
}

/* Climb to the parent of mode (or the root), then enter mode. */
void
cli_mode_set(struct cli *c, int mode)
{
	int	parent = c->e->g->modes[mode].parent;

	while (c->depth > 0 && parent >= 0 &&
	    c->stack[c->depth - 1].mode != parent)
		c->depth--;
	if (parent < 0 || c->depth == 0 || c->depth == MAX_DEPTH)
		c->depth = 0;
	c->stack[c->depth].mode = mode;
	c->stack[c->depth].ctx = c->next_ctx;
	c->depth++;
	c->next_ctx = NULL;
}

void
cli_ctx_gone(struct cli_engine *e, const void *ctx)
{
	struct cli	*c;
	int		 i;

	if (e == NULL || ctx == NULL)
		return;
	for (c = e->sessions; c != NULL; c = c->next) {
		if (c->raw_arg == ctx) {
			c->raw = NULL;
			c->raw_arg = NULL;
		}
		if (c->next_ctx == ctx)
			c->next_ctx = NULL;
		for (i = 1; i < c->depth; i++)
			if (c->stack[i].ctx == ctx) {
				c->depth = i;
				break;
			}
	}
}

void
cli_set_ask(struct cli *c, cli_ask_fn *fn, void *arg)
{
	c->ask = fn;
	c->ask_arg = arg;
}

int
cli_ask(struct cli *c, const char *prompt, int echo, char *buf, size_t len)
{
	if (c->ask_later && c->interactive && len > 0) {
		if (c->nused < c->nanswers) {
			snprintf(buf, len, "%s", c->answers[c->nused++]);
			return 0;
		}
		snprintf(c->question, sizeof(c->question), "%s", prompt);
		c->qecho = echo;
		return CLI_ASK_LATER;
	}
	if (c->ask == NULL || !c->interactive || len == 0)
		return -1;
	cli_flush(c, NULL, NULL);
	return c->ask(c->ask_arg, prompt, echo, buf, len);
}

void
cli_set_ask_later(struct cli *c, int on)
{
	c->ask_later = on;
}

const char *
cli_question(const struct cli *c, int *echo)
{
	if (c->asked == NULL)
		return NULL;
	if (echo != NULL)
		*echo = c->qecho;
	return c->question;
}

void
cli_abandon(struct cli *c)
{
	int	i;

	for (i = 0; i < c->nanswers; i++) {
		explicit_bzero(c->answers[i], strlen(c->answers[i]));
		free(c->answers[i]);
	}
	c->nanswers = c->nused = 0;
	free(c->asked);
	c->asked = NULL;
}

int
cli_answer(struct cli *c, const char *answer)
{
	int	rc;

	if (c->asked == NULL)
		return CLI_ERR_FAILED;
	if (c->nanswers == CLI_ANSWERS ||
	    (c->answers[c->nanswers] = strdup(answer)) == NULL) {
		cli_abandon(c);
		return CLI_ERR_FAILED;
	}
	c->nanswers++;
	c->nused = 0;
	c->replay = 1;
	rc = cli_execute(c, c->asked);
	c->replay = 0;
	if (rc != CLI_ASKED)
		cli_abandon(c);
	return rc;
}

void
cli_take_lines(struct cli *c, cli_raw_fn *fn, void *arg)
{
	c->raw = fn;
	c->raw_arg = arg;
}

/*
 * A command's output with no modifier (| include ...) needs no holding
 * back: it goes on in pieces of CLI_STREAM bytes as the handler prints
 * it, rather than all at its end.
 */
static void
cli_stream(struct cli *c)
{
	if (c->stream && c->outlen >= CLI_STREAM) {
		cli_write_raw(c, c->out, c->outlen);
		c->outlen = 0;
	}
}

void
cli_vprintf(struct cli *c, const char *fmt, va_list ap)
{
	va_list	ap2;
	int	n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return;
	if (c->outlen + (size_t)n + 1 > c->outcap) {
		c->outcap = (c->outlen + (size_t)n + 1) * 2;
		c->out = realloc(c->out, c->outcap);
		if (c->out == NULL)
			abort();
	}
	vsnprintf(c->out + c->outlen, (size_t)n + 1, fmt, ap);
	c->outlen += (size_t)n;
	cli_stream(c);
}

void
cli_printf(struct cli *c, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	cli_vprintf(c, fmt, ap);
	va_end(ap);
}

/* Without printf: a show command's whole output is often one string. */
void
cli_puts(struct cli *c, const char *s)
{
	cli_write(c, s, strlen(s));
}

void
cli_write(struct cli *c, const char *s, size_t n)
{
	if (c->outlen + n + 1 > c->outcap) {
		c->outcap = (c->outlen + n + 1) * 2;
		c->out = realloc(c->out, c->outcap);
		if (c->out == NULL)
			abort();
	}
	memcpy(c->out + c->outlen, s, n);
	c->outlen += n;
	c->out[c->outlen] = '\0';
	cli_stream(c);
}

void
cli_write_raw(struct cli *c, const char *s, size_t len)
{
	if (c->write != NULL && len > 0)
		c->write(c->write_arg, s, len);
}

/* Send what handlers printed, through the modifier if there is one. */
static void
cli_flush(struct cli *c, const char *mod, const char *expr)
{
	char	*f, err[128];
	size_t	 flen;

	if (mod == NULL) {
		cli_write_raw(c, c->out, c->outlen);
	} else if (pipe_filter(c->out ? c->out : "", c->outlen, mod, expr,
	    &f, &flen, err, sizeof(err)) == 0) {
		cli_write_raw(c, f, flen);
		free(f);
	} else {
		c->outlen = 0;
		cli_printf(c, "%% Invalid regular expression: %s\n", err);
		cli_write_raw(c, c->out, c->outlen);
	}
	c->outlen = 0;
}

/* Where the line is, for an error: the prompt, or source and number. */
static size_t
cli_err_where(struct cli *c, const char *line)
{
	char	pre[300];

	if (c->interactive)
		return strlen(cli_prompt(c));
	snprintf(pre, sizeof(pre), "%s:%d: ", c->src ? c->src : "input",
	    c->term.lineno);
	cli_printf(c, "%s%s\n", pre, line);
	return strlen(pre);
}

static void
cli_error(struct cli *c, const char *line, int rc, size_t off, int first)
{
	size_t	col = cli_err_where(c, line);
	int	exec = c->e->g->modes[cli_mode(c)].flags & MODE_EXEC;
	size_t	len = strlen(line);

	while (len > 0 && isspace((unsigned char)line[len - 1]))
		len--;
	if (rc == CLI_ERR_INVALID && first && exec)
		cli_puts(c, "% Unknown command or computer name, or unable "
		    "to find computer address\n");
	else if (rc == CLI_ERR_INVALID)
		cli_printf(c, "%*s^\n%% Invalid input detected at '^' "
		    "marker.\n\n", (int)(col + off), "");
	else if (rc == CLI_ERR_INCOMPL)
		cli_puts(c, "% Incomplete command.\n\n");
	else if (rc == CLI_ERR_AMBIG)
		cli_printf(c, "%% Ambiguous command:  \"%.*s\"\n", (int)len,
		    line);
	cli_flush(c, NULL, NULL);
}

/* What a walk found: the command's end, and any modifier. */
struct found {
	const struct node	*end;
	size_t			 cmdsteps;
	const struct node	*mod;
	const char		*expr;
};

static int
cli_find(struct cli *c, const char *line, struct found *f)
{
	const struct walk	*w = &c->walk;
	size_t			 i;

	memset(f, 0, sizeof(*f));
	f->cmdsteps = w->nsteps;
	for (i = 0; i < w->nsteps; i++)
		if (w->steps[i].st.n[0]->flags & NODE_PIPE) {
			f->cmdsteps = i;
			break;
		}
	if (f->cmdsteps < w->nsteps) {
		if (w->nsteps < f->cmdsteps + 3)
			return CLI_ERR_INCOMPL;
		f->mod = w->steps[f->cmdsteps + 1].st.n[0];
		f->expr = line + c->toks[w->steps[f->cmdsteps + 2].tok].off;
	}
	if (f->cmdsteps == 0)
		return CLI_ERR_INCOMPL;
	f->end = match_end(&w->steps[f->cmdsteps - 1].st);
	return f->end ? CLI_OK : CLI_ERR_INCOMPL;
}

/* Run the command found; returns the handler's verdict. */
static int
cli_run(struct cli *c, const char *line, size_t ntoks, struct found *f)
{
	const struct cmd_def	*cmd = f->end->cmd;
	int			 rc = CLI_OK;

	if (args_collect(c->e, &c->args, line, c->toks, ntoks, &c->walk,
	    f->cmdsteps, f->end) != 0)
		return CLI_ERR_INVALID;
	c->next_ctx = NULL;
	c->outlen = 0;
	c->stream = f->mod == NULL;
	if (cmd->handler != NULL)
		rc = cmd->handler(c, &c->args);
	c->stream = 0;
	if (rc == CLI_ASKED) {
		cli_flush(c, f->mod ? f->mod->text : NULL, f->expr);
		if (!c->replay && (c->asked = strdup(line)) == NULL)
			return CLI_ERR_FAILED;
		return CLI_ASKED;
	}
	if (rc != CLI_OK && rc != CLI_EXIT && !c->interactive) {
		/* From a file, a refusal names the line, as caret errors. */
		char	pre[300];
		int	n = snprintf(pre, sizeof(pre), "%s:%d: ",
			    c->src ? c->src : "input", c->term.lineno);

		cli_write_raw(c, pre, n > 0 ? (size_t)n < sizeof(pre) ?
		    (size_t)n : sizeof(pre) - 1 : 0);
		cli_write_raw(c, line, strlen(line));
		cli_write_raw(c, "\n", 1);
	}
	cli_flush(c, f->mod ? f->mod->text : NULL, f->expr);
	if (rc == CLI_OK && cmd->enters >= 0 && !c->args.negate &&
	    !c->args.deflt && !c->args.viado)
		cli_mode_set(c, cmd->enters);
	return rc == CLI_OK || rc == CLI_EXIT ? rc : CLI_ERR_FAILED;
}

static void
cli_remember(struct cli *c, const char *line)
{
	char	*copy;
	size_t	 len = strlen(line);

	while (len > 0 && isspace((unsigned char)line[len - 1]))
		len--;
	if (!c->interactive || len == 0 || (copy = strndup(line, len)) == NULL)
		return;
	free(c->hist[c->hnext]);
	c->hist[c->hnext] = copy;
	c->hnext = (c->hnext + 1) % CLI_HISTORY;
	if (c->nhist < CLI_HISTORY)
		c->nhist++;
}

const char *
cli_history(const struct cli *c, int n)
{
	if (n < 0 || n >= c->nhist)
		return NULL;
	return c->hist[(c->hnext - 1 - n + 2 * CLI_HISTORY) % CLI_HISTORY];
}

static int
is_comment(const char *line)
{
	while (*line == ' ' || *line == '\t')
		line++;
	return *line == '!' || *line == '\0' || *line == '\n' ||
	    *line == '\r';
}

/*
 * A hint definition matched: where the line leaves the real grammar
 * (the first word only hint definitions take) is where the caret goes,
 * and the hint its handler prints is kept for after the error.
 */
static int
cli_hint(struct cli *c, const char *line, size_t ntoks, struct found *f,
    char **hint)
{
	const struct walk	*w = &c->walk;
	size_t			 i, j;

	c->walk.err_off = strlen(line);
	for (i = 0; i < f->cmdsteps; i++) {
		for (j = 0; j < w->steps[i].st.cnt; j++)
			if (!(w->steps[i].st.n[j]->flags & NODE_HINT))
				break;
		if (j == w->steps[i].st.cnt) {
			c->walk.err_off = c->toks[w->steps[i].tok].off;
			break;
		}
	}
	free(*hint);
	*hint = NULL;
	c->outlen = 0;
	if (args_collect(c->e, &c->args, line, c->toks, ntoks, &c->walk,
	    f->cmdsteps, f->end) == 0 && f->end->cmd->handler != NULL)
		f->end->cmd->handler(c, &c->args);
	if (c->outlen > 0)
		*hint = strndup(c->out, c->outlen);
	c->outlen = 0;
	return CLI_ERR_INVALID;
}

int
cli_execute(struct cli *c, const char *line)
{
	const struct cli_mode	*modes = c->e->g->modes;
	struct found		 f;
	size_t			 ntoks, off = 0;
	int			 lvl, rc, err = CLI_OK, top = c->depth - 1;
	int			 flat, held = -1;
	char			*hint = NULL, *best_hint = NULL;

	if (c->asked != NULL && !c->replay)
		cli_abandon(c);		/* a new line: no answer came */
	if (!c->replay)
		c->term.lineno++;
	if (c->raw != NULL && !c->replay) {
		rc = c->raw(c, line, c->raw_arg);
		if (rc != 0)
			c->raw = NULL;
		cli_flush(c, NULL, NULL);
		if (rc >= 0)
			return CLI_OK;
	}
	if (!c->replay)
		cli_remember(c, line);
	if (is_comment(line))
		return CLI_OK;
	ntoks = match_tokenize(line, &c->toks, &c->tokcap);
	flat = !c->interactive && !isspace((unsigned char)line[0]);
	for (lvl = top; lvl >= 0; lvl--) {
		if (lvl < top && !(modes[c->stack[lvl].mode].flags &
		    MODE_CONFIG))
			break;
		rc = match_walk(c->e, c->stack[lvl].mode, c->toks, ntoks,
		    &c->walk);
		if (rc == CLI_OK)
			rc = cli_find(c, line, &f);
		if (rc == CLI_OK && (f.end->cmd->flags & CMD_HINT))
			rc = cli_hint(c, line, ntoks, &f, &hint);
		if (rc == CLI_OK && flat && held < 0 &&
		    (f.end->cmd->flags & CMD_INDENTED)) {
			/* A parent mode may take it; if none does, this. */
			held = lvl;
			continue;
		}
		if (rc == CLI_OK) {
			free(hint);
			free(best_hint);
			c->depth = lvl + 1;
			return cli_run(c, line, ntoks, &f);
		}
		if (rc == CLI_ERR_INCOMPL)
			c->walk.err_off = strlen(line);
		if (lvl == top || c->walk.err_off > off) {
			err = rc;
			off = c->walk.err_off;
			free(best_hint);
			best_hint = hint;
		} else
			free(hint);
		hint = NULL;
	}
	if (held >= 0) {
		free(hint);
		free(best_hint);
		match_walk(c->e, c->stack[held].mode, c->toks, ntoks,
		    &c->walk);
		cli_find(c, line, &f);
		c->depth = held + 1;
		return cli_run(c, line, ntoks, &f);
	}
	cli_error(c, line, err, off, off == c->toks[0].off);
	if (best_hint != NULL)
		cli_write_raw(c, best_hint, strlen(best_hint));
	free(best_hint);
	return err;
}

int
cli_feed(struct cli *c, FILE *f, const char *name, int mode)
{
	struct cli	*sub = cli_new(c->e, mode, c->model);
	char		*line = NULL;
	size_t		 cap = 0;
	ssize_t		 len;
	int		 failed = 0, rc;

	cli_set_output(sub, c->write, c->write_arg);
	cli_set_source(sub, name, 0);
	sub->stack[0].mode = c->e->g->exec_mode;
	cli_mode_set(sub, mode);
	while ((len = getline(&line, &cap, f)) != -1) {
		while (len > 0 && (line[len - 1] == '\n' ||
		    line[len - 1] == '\r'))
			line[--len] = '\0';
		rc = cli_execute(sub, line);
		if (rc == CLI_EXIT)
			break;
		if (rc != CLI_OK)
			failed++;
		if (c->e->g->modes[cli_mode(sub)].flags & MODE_EXEC)
			cli_mode_set(sub, mode);
	}
	if (line != NULL)
		explicit_bzero(line, cap);	/* configs hold keys */
	free(line);
	cli_free(sub);
	return failed;
}
