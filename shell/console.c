/*
 * shell/console.c: the interactive console, libedit at the edge.
 *
 * libedit edits the line and keeps history.  `?` is answered the moment
 * it is typed, TAB completes a unique keyword, Ctrl-Z ends configuration
 * and Ctrl-C drops the line.  Between lines the terminal does not echo,
 * so that lines a client types ahead are echoed once, by libedit, when
 * it reads them.
 */
#include <errno.h>
#include <histedit.h>
#include <poll.h>
#include <signal.h>
#include <wchar.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "shell/shell.h"

struct console {
	const struct console_ops *ops;
	void		*eng;
	struct pager	*pager;
	EditLine	*el;
	History		*hist;
	struct termios	 saved;
	int		 have_saved;
	int		 ctrlz, ctrlc;
	char		*zline;		/* the line Ctrl-Z ended */
	int		 width;
};

static struct console *
console_of(EditLine *el)
{
	void	*data = NULL;

	el_get(el, EL_CLIENTDATA, &data);
	return data;
}

static char *
console_prompt(EditLine *el)
{
	struct console	*con = console_of(el);

	return (char *)con->ops->prompt(con->eng);
}

/* The line typed so far, up to the cursor. */
static char *
console_typed(EditLine *el)
{
	const LineInfo	*li = el_line(el);

	return strndup(li->buffer, (size_t)(li->cursor - li->buffer));
}

static void
out(const char *s)
{
	fputs(s, stdout);
	fflush(stdout);
}

static unsigned char
fn_help(EditLine *el, int ch)
{
	struct console	*con = console_of(el);
	char		*typed = console_typed(el);

	if (typed == NULL)
		return CC_ERROR;
	out("?\n");
	pager_start(con->pager, con->ops->term(con->eng)->length);
	con->ops->describe(con->eng, typed);
	free(typed);
	return CC_REDISPLAY;
}

static unsigned char
fn_complete(EditLine *el, int ch)
{
	struct console	*con = console_of(el);
	char		*typed = console_typed(el), **words;
	size_t		 n, plen;
	const char	*sp;

	if (typed == NULL)
		return CC_ERROR;
	n = con->ops->complete(con->eng, typed, &words);
	if (n == 1) {
		sp = strrchr(typed, ' ');
		plen = strlen(sp ? sp + 1 : typed);
		el_deletestr(el, (int)plen);
		el_insertstr(el, words[0]);
		el_insertstr(el, " ");
	}
	cli_strv_free(words, n);
	free(typed);
	return n == 1 ? CC_REFRESH : CC_NORM;
}

static unsigned char
fn_ctrlz(EditLine *el, int ch)
{
	struct console	*con = console_of(el);
	const LineInfo	*li = el_line(el);

	/* The line as it stands: the buffer goes on past it unterminated. */
	free(con->zline);
	con->zline = strndup(li->buffer, (size_t)(li->lastchar - li->buffer));
	con->ctrlz = 1;
	out("^Z");
	return CC_NEWLINE;
}

static unsigned char
fn_ctrlc(EditLine *el, int ch)
{
	console_of(el)->ctrlc = 1;
	out("^C");
	return CC_NEWLINE;
}

/*
 * Read a key, and meanwhile show the log lines that come from the
 * daemon (terminal monitor) above the line being typed, which is then
 * drawn again, as IOS does.
 */
static int
console_getc(EditLine *el, wchar_t *wc)
{
	struct console	*con = console_of(el);
	struct pollfd	 pfd[2] = { { STDIN_FILENO, POLLIN, 0 }, { -1, 0, 0 } };
	unsigned char	 ch;
	ssize_t		 n;

	if (con->ops->async_fd != NULL)
		pfd[1].fd = con->ops->async_fd(con->eng);
	pfd[1].events = POLLIN;
	for (;;) {
		if (poll(pfd, pfd[1].fd >= 0 ? 2 : 1, -1) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (pfd[1].fd >= 0 && (pfd[1].revents & (POLLIN | POLLHUP))) {
			out("\r\n");
			con->ops->async_read(con->eng);
			el_set(el, EL_REFRESH);
			if (pfd[1].revents & POLLHUP)
				pfd[1].fd = -1;
		}
		if (!(pfd[0].revents & (POLLIN | POLLHUP)))
			continue;
		if ((n = read(STDIN_FILENO, &ch, 1)) == 1) {
			*wc = (wchar_t)ch;
			return 1;
		}
		return n == 0 ? 0 : -1;
	}
}

/* Make `terminal width` real: the tty and libedit both learn it. */
static void
console_width(struct console *con)
{
	struct winsize	ws;
	int		w = con->ops->term(con->eng)->width;

	if (w == con->width)
		return;
	con->width = w;
	if (ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) != 0)
		return;
	ws.ws_col = (unsigned short)(w ? w : 512);
	ioctl(STDIN_FILENO, TIOCSWINSZ, &ws);
	el_resize(con->el);
}

static void
console_noecho(struct console *con)
{
	struct termios	t;

	if (!con->have_saved)
		return;
	t = con->saved;
	t.c_lflag &= ~(tcflag_t)ECHO;
	tcsetattr(STDIN_FILENO, TCSANOW, &t);
}

static void
console_restore(struct console *con)
{
	if (con->have_saved)
		tcsetattr(STDIN_FILENO, TCSANOW, &con->saved);
}

/* A question from a handler: read the answer as a line from fd 0. */
static int
console_ask(void *arg, const char *prompt, int echo, char *buf, size_t len)
{
	struct console	*con = arg;
	struct termios	 t;
	size_t		 n = 0;
	char		 ch;

	out(prompt);
	if (con->have_saved) {
		t = con->saved;
		if (!echo)
			t.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSANOW, &t);
	}
	while (read(STDIN_FILENO, &ch, 1) == 1 && ch != '\n' && ch != '\r')
		if (n + 1 < len)
			buf[n++] = ch;
	buf[n] = '\0';
	if (!echo)
		out("\n");
	console_noecho(con);
	return 0;
}

static void
console_setup(struct console *con)
{
	HistEvent	ev;

	con->have_saved = tcgetattr(STDIN_FILENO, &con->saved) == 0;
	console_noecho(con);
	con->el = el_init("iosh", stdin, stdout, stderr);
	con->hist = history_init();
	history(con->hist, &ev, H_SETSIZE, 256);
	history(con->hist, &ev, H_SETUNIQUE, 1);
	el_set(con->el, EL_CLIENTDATA, con);
	el_set(con->el, EL_EDITOR, "emacs");
	el_set(con->el, EL_PROMPT, console_prompt);
	el_set(con->el, EL_HIST, history, con->hist);
	el_set(con->el, EL_SETTY, "-d", "-isig", NULL);
	if (con->ops->async_fd != NULL && con->ops->async_read != NULL)
		el_set(con->el, EL_GETCFN, console_getc);
	el_set(con->el, EL_ADDFN, "ios-help", "context help", fn_help);
	el_set(con->el, EL_ADDFN, "ios-complete", "complete", fn_complete);
	el_set(con->el, EL_ADDFN, "ios-end", "end configuration", fn_ctrlz);
	el_set(con->el, EL_ADDFN, "ios-abort", "drop the line", fn_ctrlc);
	el_set(con->el, EL_BIND, "?", "ios-help", NULL);
	el_set(con->el, EL_BIND, "\t", "ios-complete", NULL);
	el_set(con->el, EL_BIND, "^Z", "ios-end", NULL);
	el_set(con->el, EL_BIND, "^C", "ios-abort", NULL);
	con->width = -1;
	console_width(con);
	con->ops->set_ask(con->eng, console_ask, con);
}

static int
console_line(struct console *con, const char *typed)
{
	HistEvent	 ev;
	char		*line;
	size_t		 len;
	int		 rc;

	/* Ctrl-C drops the line; Ctrl-Z runs it, as IOS, then ends. */
	if (con->ctrlz)
		typed = con->zline != NULL ? con->zline : "";
	len = strcspn(typed, "\r\n");
	if (con->ctrlc || (con->ctrlz && typed[strspn(typed, " \t")] ==
	    '\0')) {
		out("\n");
		con->ops->end(con->eng);
		con->ctrlz = con->ctrlc = 0;
		return CLI_OK;
	}
	/* The line without its end: the engine and the daemon take one. */
	if ((line = strndup(typed, len)) == NULL)
		return CLI_OK;
	if (line[strspn(line, " \t")] != '\0')
		history(con->hist, &ev, H_ENTER, line);
	if (con->ctrlz)
		out("\n");
	pager_start(con->pager, isatty(STDOUT_FILENO) ?
	    con->ops->term(con->eng)->length : 0);
	rc = con->ops->run(con->eng, line);
	free(line);
	if (con->ctrlz) {
		con->ops->end(con->eng);
		con->ctrlz = 0;
	}
	console_width(con);
	return rc;
}

int
console_key(void)
{
	struct termios	old, raw;
	unsigned char	c;
	ssize_t		n;

	if (tcgetattr(STDIN_FILENO, &old) != 0)
		return -1;
	raw = old;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	tcsetattr(STDIN_FILENO, TCSANOW, &raw);
	n = read(STDIN_FILENO, &c, 1);
	tcsetattr(STDIN_FILENO, TCSANOW, &old);
	return n == 1 ? c : -1;
}

int
console_run(const struct console_ops *ops, void *eng, struct pager *pager)
{
	struct console	 con;
	const char	*line;
	int		 n;

	memset(&con, 0, sizeof(con));
	con.ops = ops;
	con.eng = eng;
	con.pager = pager;
	signal(SIGINT, SIG_IGN);
	console_setup(&con);
	for (;;) {
		console_restore(&con);
		line = el_gets(con.el, &n);
		console_noecho(&con);
		/* Ctrl-Z on an empty line reads as the end: it is not. */
		if (line == NULL && (con.ctrlz || con.ctrlc))
			line = "";
		if (line == NULL) {
			out("\n");
			break;
		}
		if (console_line(&con, line) == CLI_EXIT)
			break;
	}
	console_restore(&con);
	free(con.zline);
	history_end(con.hist);
	el_end(con.el);
	return 0;
}
