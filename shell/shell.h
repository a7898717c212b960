/*
 * shell/shell.h: the console around the engine.
 *
 * The console is a thin layer: libedit reads keys and keeps history,
 * the engine answers every line, `?` and TAB, and the pager stops long
 * output at the terminal's length.  Nothing here knows a command.
 */
#ifndef IOSH_SHELL_SHELL_H
#define IOSH_SHELL_SHELL_H

#include <stddef.h>

#include "parser/cli.h"

/* The --More-- pager.  getkey returns the next key, or -1 at the end. */
struct pager {
	int	(*getkey)(void *);
	void	*keyarg;
	void	(*put)(void *, const char *, size_t);
	void	*putarg;
	int	 length;	/* lines per page; 0: no paging */
	int	 lines;		/* shown on this page */
	int	 aborted;	/* q pressed: drop the rest */
};

void	pager_init(struct pager *, void (*)(void *, const char *, size_t),
	    void *, int (*)(void *), void *);
void	pager_start(struct pager *, int length);
void	pager_write(void *pager, const char *, size_t);

/*
 * What the console asks of an engine: the one in this process (local.c)
 * or the one in ioshd, across the socket (client.c).
 */
struct console_ops {
	const char	*(*prompt)(void *);
	int		 (*run)(void *, const char *line);
	void		 (*describe)(void *, const char *line);
	size_t		 (*complete)(void *, const char *line, char ***);
	void		 (*end)(void *);		/* Ctrl-Z, Ctrl-C */
	struct cli_term	*(*term)(void *);
	void		 (*set_ask)(void *, cli_ask_fn *, void *);
	/* Lines come from a file named so; NULL: a person at a console. */
	void		 (*source)(void *, const char *name);
	/*
	 * Log lines may come while the console waits for keys: a
	 * descriptor to watch (-1: none), and what to do when it is
	 * readable.  Either may be NULL.
	 */
	int		 (*async_fd)(void *);
	void		 (*async_read)(void *);
};

/* The engine in this process, its output through pager. */
extern const struct console_ops local_ops;

/* One key from the terminal, unbuffered and unechoed; -1 at the end. */
int	console_key(void);

/* Run the interactive console on the terminal until exit or EOF. */
int	console_run(const struct console_ops *, void *, struct pager *);

#endif
