/*
 * shell/client.c: the console's engine in ioshd, across the socket.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "shell/client.h"
#include "shell/proto.h"

struct client {
	int		 fd;
	struct proto_rd	 rd;
	char		 prompt[256];
	struct cli_term	 term;
	cli_write_fn	*out;
	void		*outarg;
	cli_ask_fn	*ask;
	void		*askarg;
	char		**words;
	size_t		  nwords;
};

static void
client_word(struct client *c, const char *w)
{
	c->words = realloc(c->words, (c->nwords + 1) * sizeof(*c->words));
	if (c->words == NULL || (c->words[c->nwords] = strdup(w)) == NULL)
		abort();
	c->nwords++;
}

static int
client_answer(struct client *c, int echo, const char *prompt)
{
	char	ans[1024], *msg;
	int	rc = -1;

	if (c->ask == NULL || c->ask(c->askarg, prompt, echo, ans,
	    sizeof(ans)) != 0)
		ans[0] = '\0';
	if (asprintf(&msg, "ANS %s\n", ans) >= 0) {
		rc = proto_write(c->fd, msg, strlen(msg));
		explicit_bzero(msg, strlen(msg));
		free(msg);
	}
	explicit_bzero(ans, sizeof(ans));
	return rc;
}

/* Read frames until DONE; returns its result, or -1 when the link broke. */
static int
client_wait(struct client *c)
{
	char	*line = malloc(PROTO_MAX), *body = malloc(PROTO_MAX + 1);
	size_t	 n;
	int	 rc = -1, echo;

	if (line == NULL || body == NULL)
		goto done;
	while (proto_line(&c->rd, line, PROTO_MAX, 1) == 1) {
		if (sscanf(line, "OUT %zu", &n) == 1 ||
		    sscanf(line, "LOG %zu", &n) == 1) {
			if (proto_body(&c->rd, body, n) != 0)
				break;
			c->out(c->outarg, body, n);
		} else if (sscanf(line, "ASK %d %zu", &echo, &n) == 2) {
			if (proto_body(&c->rd, body, n) != 0 ||
			    client_answer(c, echo, body) != 0)
				break;
		} else if (strncmp(line, "WORD ", 5) == 0)
			client_word(c, line + 5);
		else if (sscanf(line, "DONE %d %d %d", &rc, &c->term.length,
		    &c->term.width) == 3) {
			if (proto_line(&c->rd, c->prompt, sizeof(c->prompt),
			    1) != 1)
				rc = -1;
			break;
		}
	}
done:
	free(line);
	free(body);
	return rc;
}

static int
client_req(struct client *c, const char *verb, const char *arg)
{
	char	*msg;
	int	 rc;

	if (asprintf(&msg, "%s%s%s\n", verb, arg ? " " : "",
	    arg ? arg : "") < 0)
		return -1;
	rc = strchr(arg ? arg : "", '\n') != NULL ? -1 :
	    proto_write(c->fd, msg, strlen(msg));
	free(msg);
	return rc == 0 ? client_wait(c) : -1;
}

struct client *
client_connect(const char *path, cli_write_fn *out, void *outarg)
{
	struct sockaddr_un	 sun;
	struct client		*c;
	int			 fd;

	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	if (strlen(path) >= sizeof(sun.sun_path))
		return NULL;
	strcpy(sun.sun_path, path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return NULL;
	if (connect(fd, (struct sockaddr *)&sun, sizeof(sun)) != 0) {
		close(fd);
		return NULL;
	}
	c = calloc(1, sizeof(*c));
	if (c == NULL)
		abort();
	c->fd = fd;
	proto_init(&c->rd, fd);
	c->out = out;
	c->outarg = outarg;
	if (client_req(c, "HELLO", NULL) < 0) {
		client_free(c);
		return NULL;
	}
	return c;
}

void
client_free(struct client *c)
{
	if (c == NULL)
		return;
	close(c->fd);
	free(c);
}


static const char *
cl_prompt(void *arg)
{
	return ((struct client *)arg)->prompt;
}

/*
 * A line the daemon cannot take is refused here, not sent; a daemon
 * that went away is said, not left for the next key to find.
 */
static int
cl_run(void *arg, const char *line)
{
	struct client	*c = arg;
	char		 msg[128];
	int		 n, rc;

	if (strlen(line) > PROTO_MAX - 16) {
		n = snprintf(msg, sizeof(msg), "%% Line too long (%zu "
		    "characters; a line holds %d at most)\n", strlen(line),
		    PROTO_MAX - 16);
		c->out(c->outarg, msg, (size_t)n);
		return CLI_ERR_INVALID;
	}
	if ((rc = client_req(c, "RUN", line)) >= 0)
		return rc;
	n = snprintf(msg, sizeof(msg), "\n%% Connection to ioshd closed\n");
	c->out(c->outarg, msg, (size_t)n);
	return CLI_EXIT;
}

static void
cl_describe(void *arg, const char *line)
{
	client_req(arg, "HELP", line);
}

static size_t
cl_complete(void *arg, const char *line, char ***words)
{
	struct client	*c = arg;
	size_t		 n;

	c->words = NULL;
	c->nwords = 0;
	client_req(c, "COMP", line);
	*words = c->words;
	n = c->nwords;
	c->words = NULL;
	c->nwords = 0;
	return n;
}

static void
cl_end(void *arg)
{
	client_req(arg, "END", NULL);
}

static struct cli_term *
cl_term(void *arg)
{
	return &((struct client *)arg)->term;
}

static void
cl_set_ask(void *arg, cli_ask_fn *fn, void *fnarg)
{
	struct client	*c = arg;

	c->ask = fn;
	c->askarg = fnarg;
}

static void
cl_source(void *arg, const char *name)
{
	client_req(arg, "SRC", name ? name : "-");
}

static int
cl_async_fd(void *arg)
{
	return ((struct client *)arg)->fd;
}

/* Log lines that came between requests: show them now. */
static void
cl_async_read(void *arg)
{
	struct client	*c = arg;
	char		*line = malloc(PROTO_MAX);
	char		*body = malloc(PROTO_MAX + 1);
	size_t		 n;

	if (line == NULL || body == NULL || proto_pull(&c->rd) <= 0)
		goto done;
	while (proto_line(&c->rd, line, PROTO_MAX, 0) == 1)
		if (sscanf(line, "LOG %zu", &n) == 1 &&
		    proto_body(&c->rd, body, n) == 0)
			c->out(c->outarg, body, n);
done:
	free(line);
	free(body);
}

const struct console_ops client_ops = {
	cl_prompt, cl_run, cl_describe, cl_complete, cl_end, cl_term,
	cl_set_ask, cl_source, cl_async_fd, cl_async_read,
};
