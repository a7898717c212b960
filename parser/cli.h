/*
 * parser/cli.h: the command engine.
 *
 * The engine knows no command by name.  A grammar hands it modes and
 * command definitions as data; from each definition come matching with
 * abbreviation, `?` help, TAB completion, the caret error and the `no`
 * and `default` forms.  The engine needs no terminal: a console, a
 * daemon socket or a test feeds it lines and reads its output.
 */
#ifndef IOSH_PARSER_CLI_H
#define IOSH_PARSER_CLI_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct cli;
struct cmd_args;

/*
 * One token of a command definition.  spec is one of:
 *   a keyword            "crypto", "isakmp", "esp-aes"
 *   "WORD"               any single word (case kept)
 *   "LINE"               the rest of the line, as typed
 *   "A.B.C.D"            an IPv4 address (also masks)
 *   "A.B.C.D/M"          an IPv4 prefix
 *   "X:X::X:X"           an IPv6 address
 *   "X:X::X:X/M"         an IPv6 prefix
 *   "<LO-HI>"            an integer in a range
 *   "IFNAME"             an interface name, from the grammar's types
 *   "[" "]" "{" "}" "|"  optional group, required choice, alternative
 *   "{*" ... "}"         one or more of the alternatives, in any order;
 *                        it must close the command
 * A placeholder may carry a name after a colon ("WORD:map",
 * "<1-10000>:prio") by which the handler fetches its value; a keyword
 * is fetched by the keyword itself.  help is shown by `?`; where two
 * commands share a leading word, one help serves both and the others
 * may leave it NULL.
 */
struct cmd_tok {
	const char	*spec;
	const char	*help;
};

/*
 * The longest WORD and LINE the engine takes: longer ones do not match,
 * and the caret marks them.  Names stay printable and indexable whole.
 */
#define CLI_WORD_MAX	255
#define CLI_LINE_MAX	1000

/* Command flags. */
#define CMD_NO		0x01	/* has `no` and `default` forms */
#define CMD_PIPE	0x02	/* output may be filtered: | include ... */
#define CMD_HIDDEN	0x04	/* matches, but not shown by ? or TAB */
#define CMD_NO_ONLY	0x08	/* exists only in its `no` form */
#define CMD_EXACT	0x10	/* keywords must be typed in full: for
				   catch-alls that keep lines verbatim,
				   so they never take an abbreviation
				   meant for a parent mode */
#define CMD_HINT	0x20	/* a near miss: the line is refused with
				   the IOS error as if this definition
				   were not there, then the handler
				   prints one hint line (hidden too) */
#define CMD_INDENTED	0x40	/* a line of a block, indented in files:
				   from a file, an unindented line that
				   a parent mode takes runs there */

typedef int cmd_handler_fn(struct cli *, const struct cmd_args *);

/*
 * One command.  modes is a bit set of mode ids (1 << id).  enters is
 * the mode pushed after the handler succeeds (not for `no`), or -1.
 * no_min counts the leading tokens (leaves, after expansion of groups)
 * that a `no` form must give: the rest may be left out.  0 means all.
 */
struct cmd_def {
	uint64_t		 modes;
	int			 enters;
	unsigned		 flags;
	int			 no_min;
	cmd_handler_fn		*handler;
	const struct cmd_tok	*toks;		/* ends with { NULL } */
};

#define MODE_BIT(id)	((uint64_t)1 << (id))

/* Mode flags. */
#define MODE_CONFIG	0x01	/* a configuration mode: no, default, do */
#define MODE_EXEC	0x02	/* an exec mode: target of `do` when set */

/*
 * One mode.  prompt is what stands between the hostname and the final
 * character: NULL for exec modes, "config-if" for "R1(config-if)#".
 * term is '>' or '#'.
 */
struct cli_mode {
	int		 id;
	const char	*prompt;
	char		 term;
	int		 parent;	/* -1 for a root */
	unsigned	 flags;
};

/* An interface type the IFNAME placeholder knows, for matching. */
struct cli_iftype {
	const char	*name;		/* "GigabitEthernet" */
	const char	*help;		/* "GigabitEthernet IEEE 802.3z" */
	const char	*numhelp;	/* "<0-9>  ... interface number" */
};

/* An exec alias: one word standing for a keyword of the same mode. */
struct cli_alias {
	int		 mode;
	const char	*alias;		/* "s" */
	const char	*word;		/* "show" */
};

struct cli_grammar {
	const struct cli_mode		*modes;
	size_t				 nmodes;
	const struct cmd_def *const	*cmds;
	size_t				 ncmds;
	const struct cli_iftype		*iftypes;
	size_t				 niftypes;
	int				 exec_mode;	/* target of `do` */
	/* The hostname for the prompt. */
	const char			*(*hostname)(void *model);
	const struct cli_alias		*aliases;
	size_t				 naliases;
};

/*
 * Where output goes.  The engine hands whole lines of a command's
 * output, after any `| include` filter, to write().
 */
typedef void cli_write_fn(void *arg, const char *buf, size_t len);

/* Engine setup, done once per grammar. */
struct cli_engine;
struct cli_engine	*cli_engine_new(const struct cli_grammar *,
			    char *err, size_t errlen);
void			 cli_engine_free(struct cli_engine *);

/* A session: its mode stack, terminal settings, output. */
struct cli		*cli_new(struct cli_engine *, int mode, void *model);
void			 cli_free(struct cli *);
void			 cli_set_output(struct cli *, cli_write_fn *, void *);
void			*cli_model(const struct cli *);

/*
 * Source of the lines, for error messages.  interactive: the caret sits
 * under the typed line after the prompt.  Otherwise each error names
 * the source and line number and repeats the line.
 */
void			 cli_set_source(struct cli *, const char *name,
			    int interactive);
/* Is a person typing (or pasting) the lines, rather than a file? */
int			 cli_interactive(const struct cli *);

/* Results of cli_execute(). */
#define CLI_OK		0
#define CLI_ERR_INVALID	1	/* caret error */
#define CLI_ERR_INCOMPL	2
#define CLI_ERR_AMBIG	3
#define CLI_ERR_UNKNOWN	4	/* unknown exec word */
#define CLI_ERR_FAILED	5	/* the handler refused */
#define CLI_EXIT	6	/* the session asked to end */
#define CLI_ASKED	7	/* waits for an answer: cli_answer() */

int			 cli_execute(struct cli *, const char *line);

/*
 * Run every line of f, named name in errors, in a session of its own
 * that starts in mode and shares this one's model and output: a
 * startup-config at boot, `copy startup-config running-config`, a
 * pasted file.  Returns the number of lines that failed.
 */
int			 cli_feed(struct cli *, FILE *f, const char *name,
			    int mode);

/*
 * Help and completion, for the line editor.  cli_describe() writes the
 * `?` listing for the line as typed so far.  cli_complete() returns the
 * number of candidate keywords for the last word and stores them (the
 * caller frees the array and each string with cli_strv_free).
 */
void			 cli_describe(struct cli *, const char *line);
size_t			 cli_complete(struct cli *, const char *line,
			    char ***words);
void			 cli_strv_free(char **, size_t);

/* The prompt for the current mode, valid until the next call. */
const char		*cli_prompt(struct cli *);
int			 cli_mode(const struct cli *);

/* Mode stack, for handlers. */
void			 cli_set_ctx(struct cli *, void *ctx);	/* for enters */
void			*cli_ctx(const struct cli *);		/* this level */
void			 cli_mode_exit(struct cli *);	/* up one level */
void			 cli_mode_end(struct cli *);	/* to exec root */
void			 cli_mode_set(struct cli *, int mode);

/*
 * The model says ctx is going away (an object deleted by one session,
 * or re-made by a copy into running-config): every session of the
 * engine that stands in a mode with that context, or takes raw lines
 * for it, climbs to the mode above it, as IOS lets the other console
 * go on.  Call it before freeing ctx.
 */
void			 cli_ctx_gone(struct cli_engine *, const void *ctx);

/*
 * A handler may take the lines that follow as raw text (a banner, a
 * certificate): fn is called with each next line until it returns 1
 * (the line was the last it takes) or -1 (the line is not raw text:
 * the taking ends and the line runs as a command).
 */
typedef int cli_raw_fn(struct cli *, const char *line, void *arg);
void			 cli_take_lines(struct cli *, cli_raw_fn *, void *);

/*
 * A question to whoever is at the console: "Password: " (echo off),
 * "Destination filename [startup-config]? ".  The answer, without its
 * line end, goes to buf.  Returns 0, or -1 when nobody can answer (a
 * file, a pipe): the handler then takes the default.
 */
typedef int cli_ask_fn(void *arg, const char *prompt, int echo, char *buf,
    size_t len);
void			 cli_set_ask(struct cli *, cli_ask_fn *, void *);
int			 cli_ask(struct cli *, const char *prompt, int echo,
			    char *buf, size_t len);

/*
 * Questions answered later, for a daemon that serves many consoles from
 * one loop and must not wait for one of them.  With cli_set_ask_later(),
 * cli_ask() returns CLI_ASK_LATER when no answer is at hand; the handler
 * then returns CLI_ASKED at once, and must ask before it prints or
 * changes anything.  cli_execute() returns CLI_ASKED and cli_question()
 * tells the question.  cli_answer() runs the line again from the start,
 * its questions taking the answers given so far in order, and returns
 * what cli_execute() would: CLI_ASKED again for a further question.
 * cli_abandon() drops the line (its answers are wiped).
 */
#define CLI_ASK_LATER	(-2)
void			 cli_set_ask_later(struct cli *, int);
const char		*cli_question(const struct cli *, int *echo);
int			 cli_answer(struct cli *, const char *);
void			 cli_abandon(struct cli *);

/*
 * The lines a person typed in this session (`show history`): the n-th
 * most recent first (0: the last), NULL past the end.  Kept for
 * interactive sessions only, CLI_HISTORY lines at most.
 */
#define CLI_HISTORY	20
const char		*cli_history(const struct cli *, int n);

/* Terminal settings a session keeps. */
struct cli_term {
	int		length;		/* 0: no paging */
	int		width;
	int		monitor;
	int		lineno;		/* of the line being run, from 1 */
	unsigned	debug;		/* debug switches, the grammar's bits */
};
struct cli_term		*cli_term(struct cli *);
/* Whether the session is in a configuration mode now. */
int			 cli_in_config(const struct cli *);

/* Output from handlers. */
void			 cli_printf(struct cli *, const char *, ...)
			    __attribute__((format(printf, 2, 3)));
void			 cli_vprintf(struct cli *, const char *, va_list);
void			 cli_puts(struct cli *, const char *);
void			 cli_write(struct cli *, const char *, size_t);

/* The arguments of a matched command. */
int			 cmd_negated(const struct cmd_args *);	/* no */
int			 cmd_default(const struct cmd_args *);	/* default */
const char		*cmd_arg(const struct cmd_args *, const char *name);
const char		*cmd_arg_nth(const struct cmd_args *,
			    const char *name, int n);
int			 cmd_has(const struct cmd_args *, const char *name);
/*
 * cmd_arg and cmd_arg_nth give the value of a placeholder, or of a
 * keyword (the keyword itself), by name; cmd_has says whether it was
 * typed.  cli_engine_new refuses a command whose placeholder is named
 * like one of its keywords, so a name means one thing.
 */
long			 cmd_num(const struct cmd_args *, const char *name,
			    long dflt);
const char		*cmd_line(const struct cmd_args *);	/* as typed */
/* Every matched word in typed order: its value and its name. */
int			 cmd_nargs(const struct cmd_args *);
const char		*cmd_arg_at(const struct cmd_args *, int i,
			    const char **name);

#endif
