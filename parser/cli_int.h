/*
 * parser/cli_int.h: what the engine's files share and nobody else sees.
 */
#ifndef IOSH_PARSER_CLI_INT_H
#define IOSH_PARSER_CLI_INT_H

#include "parser/cli.h"

enum node_type {
	N_ROOT,
	N_KW,
	N_WORD,
	N_LINE,
	N_IPV4,
	N_IPV4P,
	N_IPV6,
	N_IPV6P,
	N_RANGE,
	N_IFNAME,
};

/* What a node means beyond its type. */
#define NODE_HIDDEN	0x01	/* every command through it is hidden */
#define NODE_SHARED	0x02	/* kids belong to another node */
#define NODE_NO		0x04	/* the `no` prefix */
#define NODE_DEFAULT	0x08	/* the `default` prefix */
#define NODE_DO		0x10	/* the `do` prefix */
#define NODE_PIPE	0x20	/* the `|` of an output modifier */
#define NODE_EXACT	0x80	/* only whole keywords match */
#define NODE_HINT	0x100	/* only hint definitions pass here */

/*
 * One node of a mode's command tree.  The tree is a trie over the
 * tokens of every expanded command path; a node where a command ends
 * points at that command.
 */
struct node {
	enum node_type		 type;
	unsigned		 flags;
	const char		*text;		/* keyword, or the spec shown */
	size_t			 textlen;
	const char		*name;		/* argument name */
	const char		*help;
	long			 lo, hi;	/* N_RANGE */
	const struct cmd_def	*cmd;
	struct node		*loop;		/* repeat: its kids come next */
	struct node		**kids;
	size_t			 nkids, cap;
};

struct cli_engine {
	const struct cli_grammar	*g;
	struct node			**roots;	/* per mode */
	struct node			**noroots;	/* `no` forms */
	struct node			*pipe;		/* `|` and below */
	char				*strings;	/* owned text */
	struct cli			*sessions;	/* every live one */
};

/* A token of the input line. */
struct tok {
	const char	*s;
	size_t		 len;
	size_t		 off;		/* from the start of the line */
};

/* One matched leaf: the node and the text it took. */
struct arg {
	const struct node	*node;
	size_t			 off;	/* of its value in cmd_args.buf */
};

struct cmd_args {
	const char		*line;
	struct arg		*v;
	size_t			 n, cap;
	char			*buf;
	size_t			 buflen, bufcap;
	int			 negate, deflt, viado;
	const struct node	*modifier;	/* pipe modifier, or NULL */
	const char		*regex;
};

#define MAX_STATES	16

/* The nodes still in play after a step. */
struct state {
	const struct node	*n[MAX_STATES];
	size_t			 cnt;
};

/* A walk over a line: for each step, its tokens and its nodes. */
struct step {
	struct state	st;
	size_t		tok, ntok;
};

struct walk {
	struct step	*steps;
	size_t		 nsteps, cap;
	size_t		 err_off;
};

#define MAX_DEPTH	16

struct level {
	int	 mode;
	void	*ctx;
};

/* Output without a modifier goes on in pieces this big. */
#define CLI_STREAM	65536
#define CLI_ANSWERS	8	/* questions of one line, at most */

struct cli {
	struct cli_engine	*e;
	struct cli		*next;		/* in e->sessions */
	void			*model;
	struct level		 stack[MAX_DEPTH];
	int			 depth;
	void			*next_ctx;
	cli_write_fn		*write;
	void			*write_arg;
	char			*src;
	int			 interactive;
	struct cli_term		 term;
	char			 prompt[256];
	/* Scratch, kept between lines. */
	struct tok		*toks;
	size_t			 tokcap;
	struct walk		 walk;
	struct cmd_args		 args;
	char			*out;
	size_t			 outlen, outcap;
	int			 stream;	/* no modifier: sent as made */
	cli_raw_fn		*raw;
	void			*raw_arg;
	cli_ask_fn		*ask;
	void			*ask_arg;
	/* Questions answered later (cli_set_ask_later). */
	int			 ask_later;
	int			 replay;	/* running asked again */
	char			*asked;		/* the line that asked */
	char			 question[256];
	int			 qecho;
	char			*answers[CLI_ANSWERS];
	int			 nanswers, nused;
	char			*hist[CLI_HISTORY];
	int			 nhist;		/* lines kept */
	int			 hnext;		/* slot for the next */
};

/* cli.c */
void	cli_write_raw(struct cli *, const char *, size_t);

/* cli_graph.c */
int	graph_build(struct cli_engine *, char *, size_t);
void	graph_free(struct cli_engine *);

/* cli_match.c */
size_t	match_tokenize(const char *, struct tok **, size_t *);
void	match_start(const struct cli_engine *, int, struct state *);
int	match_walk(const struct cli_engine *, int, const struct tok *,
	    size_t, struct walk *);
void	match_state(const struct cli_engine *, int, const struct walk *,
	    struct state *);
int	match_node(const struct cli_engine *, const struct node *,
	    const struct tok *, size_t, size_t *);
const struct cli_iftype
	*match_iftype(const struct cli_engine *, const char *, size_t,
	    size_t *);
const struct node
	*match_end(const struct state *);
size_t	match_kids(const struct cli_engine *, const struct state *,
	    const struct node **, size_t);

/* cli_args.c */
int	args_collect(const struct cli_engine *, struct cmd_args *,
	    const char *, const struct tok *, size_t, const struct walk *,
	    size_t, const struct node *);
void	args_free(struct cmd_args *);

/* cli_pipe.c */
int	pipe_filter(const char *, size_t, const char *, const char *,
	    char **, size_t *, char *, size_t);

#endif
