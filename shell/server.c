/*
 * shell/server.c: ioshd's side of the console socket.
 *
 * Every console that attaches gets a session of its own on the one
 * engine and the one running config, so a change made in one console
 * is there in every other.  Requests are served one at a time from the
 * event loop.  A question to a console (Password:) waits in the
 * engine for that console's answer while the loop serves the others.
 *
 * What goes to a console is queued and written as the console takes
 * it: a console that reads slowly (a person at --More--, a suspended
 * iosh) never holds up the daemon, whose loop also runs the IKE
 * daemon.  While a console has output queued, its next request waits.
 */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <syslog.h>
#include <unistd.h>

#include <event2/buffer.h>
#include <event2/event.h>

#include "shell/proto.h"
#include "shell/server.h"

struct session {
	struct server	*srv;
	int		 fd;
	int		 vty;		/* its number, as IOS names lines */
	char		 user[64];
	struct event	*ev;		/* requests */
	struct event	*wev;		/* room to write */
	struct evbuffer	*obuf;		/* frames to write */
	struct proto_rd	 rd;
	struct cli	*cli;
	struct session	*next;
};

struct server {
	struct event_base	*base;
	struct cli_engine	*eng;
	void			*model;
	int			 user_mode, priv_mode;
	int			 lfd;
	struct event		*lev;
	struct session		*sessions;
	int			 nvty;
	server_hook_fn		*after;
	void			*after_arg;
};

#define SESS_LOG_MAX	(4 << 20)	/* queued: log lines dropped */

static void	sess_free(struct session *);
static void	sess_serve(struct session *);

/*
 * Write what is queued without waiting: 0 (the rest waits for room, the
 * write event is armed), or -1 when the console is gone.
 */
static int
sess_flush(struct session *s)
{
	int	n;

	while (evbuffer_get_length(s->obuf) > 0) {
		n = evbuffer_write(s->obuf, s->fd);
		if (n > 0)
			continue;
		if (n < 0 && errno == EINTR)
			continue;
		if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK))
			return -1;
		event_add(s->wev, NULL);
		return 0;
	}
	return 0;
}

static void
sess_frame(struct session *s, const char *tag, const char *buf, size_t len)
{
	evbuffer_add_printf(s->obuf, "%s %zu\n", tag, len);
	evbuffer_add(s->obuf, buf, len);
}

static void
sess_out(void *arg, const char *buf, size_t len)
{
	struct session	*s = arg;
	size_t		 n;

	while (len > 0) {
		n = len < PROTO_CHUNK ? len : PROTO_CHUNK;
		sess_frame(s, "OUT", buf, n);
		buf += n;
		len -= n;
	}
	sess_flush(s);
}

/* The console took some: write more; when all is out, serve it again. */
static void
sess_writable(evutil_socket_t fd, short what, void *arg)
{
	struct session	*s = arg;

	if (sess_flush(s) != 0) {
		sess_free(s);
		return;
	}
	if (evbuffer_get_length(s->obuf) == 0) {
		event_add(s->ev, NULL);
		sess_serve(s);
	}
}

/*
 * A question for the console: the line that asked waits in the engine
 * (cli_set_ask_later) while the loop goes on serving everyone else;
 * the console's ANS runs it again with the answer.
 */
static void
sess_question(struct session *s)
{
	const char	*q;
	char		 tag[32];
	int		 echo;

	if ((q = cli_question(s->cli, &echo)) == NULL)
		return;
	snprintf(tag, sizeof(tag), "ASK %d", echo);
	sess_frame(s, tag, q, strlen(q));
}

static void
sess_free(struct session *s)
{
	struct session	**pp;

	for (pp = &s->srv->sessions; *pp != NULL; pp = &(*pp)->next)
		if (*pp == s) {
			*pp = s->next;
			break;
		}
	event_free(s->ev);
	event_free(s->wev);
	evbuffer_free(s->obuf);
	close(s->fd);
	cli_free(s->cli);
	free(s);
}

static int
sess_done(struct session *s, int rc)
{
	struct cli_term	*t = cli_term(s->cli);
	char		 buf[512];
	int		 n;

	n = snprintf(buf, sizeof(buf), "DONE %d %d %d\n%s\n", rc, t->length,
	    t->width, cli_prompt(s->cli));
	evbuffer_add(s->obuf, buf, (size_t)n);
	return sess_flush(s);
}

static int
sess_complete(struct session *s, const char *line)
{
	char	**words, buf[512];
	size_t	  n, i;
	int	  len;

	n = cli_complete(s->cli, line, &words);
	for (i = 0; i < n; i++) {
		len = snprintf(buf, sizeof(buf), "WORD %s\n", words[i]);
		evbuffer_add(s->obuf, buf, (size_t)len);
	}
	cli_strv_free(words, n);
	return CLI_OK;
}

/* Leaving configuration mode is logged, as IOS does. */
static void
sess_configured(struct session *s, int was_config)
{
	char	line[256];

	if (!was_config || cli_in_config(s->cli))
		return;
	snprintf(line, sizeof(line), "%%SYS-5-CONFIG_I: Configured from "
	    "console by %s on vty%d", s->user, s->vty);
	syslog(LOG_NOTICE, "%s", line);
	server_log(s->srv, 0, line);
}

/* One request; returns the result, CLI_EXIT to close the session. */
static int
sess_request(struct session *s, const char *req)
{
	int	rc = CLI_OK, was_config = cli_in_config(s->cli);

	if (strncmp(req, "RUN ", 4) == 0 || strncmp(req, "ANS ", 4) == 0) {
		if (req[0] == 'R')
			rc = cli_execute(s->cli, req + 4);
		else if (cli_question(s->cli, NULL) != NULL)
			rc = cli_answer(s->cli, req + 4);
		else
			return CLI_ASKED;	/* nothing asked: no reply */
		if (rc == CLI_ASKED)
			sess_question(s);
		if (s->srv->after != NULL)
			s->srv->after(s->srv->after_arg, s->cli);
	} else if (strncmp(req, "HELP ", 5) == 0)
		cli_describe(s->cli, req + 5);
	else if (strncmp(req, "COMP ", 5) == 0)
		rc = sess_complete(s, req + 5);
	else if (strcmp(req, "END") == 0)
		cli_mode_end(s->cli);
	else if (strncmp(req, "SRC ", 4) == 0)
		cli_set_source(s->cli, req + 4, strcmp(req + 4, "-") == 0);
	else if (strcmp(req, "HELLO") != 0)
		rc = CLI_ERR_INVALID;
	sess_configured(s, was_config);
	return rc;
}

/*
 * The requests that are in: one after the other, until one leaves
 * output the console has not taken yet; the rest wait for it.
 */
static void
sess_serve(struct session *s)
{
	char	*line = malloc(PROTO_MAX);
	int	 rc;

	if (line == NULL)
		goto close;
	while ((rc = proto_line(&s->rd, line, PROTO_MAX, 0)) == 1) {
		rc = sess_request(s, line);
		if (strncmp(line, "ANS ", 4) == 0)
			explicit_bzero(line, PROTO_MAX);	/* a password */
		/* Asked: no DONE; the answer is the console's next line. */
		if (rc == CLI_ASKED ? sess_flush(s) != 0 :
		    sess_done(s, rc) != 0 || rc == CLI_EXIT)
			goto close;
		if (evbuffer_get_length(s->obuf) > 0) {
			event_del(s->ev);
			break;
		}
	}
	if (rc == -1)
		goto close;
	free(line);
	return;
close:
	free(line);
	sess_free(s);
}

static void
sess_read(evutil_socket_t fd, short what, void *arg)
{
	struct session	*s = arg;

	if (proto_pull(&s->rd) == 0) {
		sess_free(s);
		return;
	}
	sess_serve(s);
}

/*
 * Who is at the other end: root gets privileged exec at once, anyone
 * else starts in user exec.
 */
static int
sess_who(struct server *srv, struct session *s)
{
	struct ucred	 cred;
	struct passwd	*pw;
	socklen_t	 len = sizeof(cred);

	snprintf(s->user, sizeof(s->user), "unknown");
	if (getsockopt(s->fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0)
		return srv->user_mode;
	if ((pw = getpwuid(cred.uid)) != NULL)
		snprintf(s->user, sizeof(s->user), "%s", pw->pw_name);
	else
		snprintf(s->user, sizeof(s->user), "uid%u",
		    (unsigned)cred.uid);
	return cred.uid == 0 ? srv->priv_mode : srv->user_mode;
}

static void
srv_accept(evutil_socket_t lfd, short what, void *arg)
{
	struct server	*srv = arg;
	struct session	*s;
	int		 fd;

	fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
	if (fd < 0)
		return;
	s = calloc(1, sizeof(*s));
	if (s == NULL) {
		close(fd);
		return;
	}
	s->srv = srv;
	s->fd = fd;
	s->vty = srv->nvty++;
	proto_init(&s->rd, fd);
	s->cli = cli_new(srv->eng, sess_who(srv, s), srv->model);
	cli_set_output(s->cli, sess_out, s);
	cli_set_ask_later(s->cli, 1);
	s->ev = event_new(srv->base, fd, EV_READ | EV_PERSIST, sess_read, s);
	s->wev = event_new(srv->base, fd, EV_WRITE, sess_writable, s);
	s->obuf = evbuffer_new();
	event_add(s->ev, NULL);
	s->next = srv->sessions;
	srv->sessions = s;
}

struct server *
server_new(struct event_base *base, struct cli_engine *eng, void *model,
    int user_mode, int priv_mode)
{
	struct server	*srv = calloc(1, sizeof(*srv));

	if (srv == NULL)
		return NULL;
	srv->base = base;
	srv->eng = eng;
	srv->model = model;
	srv->user_mode = user_mode;
	srv->priv_mode = priv_mode;
	srv->lfd = -1;
	return srv;
}

void
server_set_hook(struct server *srv, server_hook_fn *fn, void *arg)
{
	srv->after = fn;
	srv->after_arg = arg;
}

/* Listen at path, readable by root only (mode 0600), or by gid. */
int
server_listen(struct server *srv, const char *path, int gid)
{
	struct sockaddr_un	sun;
	mode_t			old;

	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	if (strlen(path) >= sizeof(sun.sun_path)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	strcpy(sun.sun_path, path);
	srv->lfd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC,
	    0);
	if (srv->lfd < 0)
		return -1;
	unlink(path);
	old = umask(0177);
	if (bind(srv->lfd, (struct sockaddr *)&sun, sizeof(sun)) != 0) {
		umask(old);
		return -1;
	}
	umask(old);
	if (gid >= 0 && (chown(path, (uid_t)-1, (gid_t)gid) != 0 ||
	    chmod(path, 0660) != 0))
		return -1;
	if (listen(srv->lfd, 16) != 0)
		return -1;
	srv->lev = event_new(srv->base, srv->lfd, EV_READ | EV_PERSIST,
	    srv_accept, srv);
	return event_add(srv->lev, NULL);
}

/*
 * A log line to every console that asked for them (terminal monitor);
 * a debug line (debug names its switch) only to those that turned that
 * debug on too.
 */
void
server_log(struct server *srv, unsigned debug, const char *line)
{
	struct session	*s;
	struct cli_term	*t;
	char		*msg;

	if (asprintf(&msg, "%s\n", line) < 0)
		return;
	for (s = srv->sessions; s != NULL; s = s->next) {
		t = cli_term(s->cli);
		if (!t->monitor || (debug != 0 && !(t->debug & debug)) ||
		    evbuffer_get_length(s->obuf) > SESS_LOG_MAX)
			continue;
		sess_frame(s, "LOG", msg, strlen(msg));
		sess_flush(s);
	}
	free(msg);
}

void
server_free(struct server *srv)
{
	if (srv == NULL)
		return;
	while (srv->sessions != NULL)
		sess_free(srv->sessions);
	if (srv->lev != NULL)
		event_free(srv->lev);
	if (srv->lfd >= 0)
		close(srv->lfd);
	free(srv);
}
