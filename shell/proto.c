/*
 * shell/proto.c: the console protocol between iosh and ioshd.
 *
 * One local stream socket, line-oriented.  The console sends one
 * request a line:
 *
 *	RUN <line>	run a line		HELP <line>	`?`
 *	COMP <line>	TAB			END		Ctrl-Z
 *	SRC <name>	lines come from a file named so (errors name lines)
 *	ANS <text>	the answer to a question
 *
 * ioshd answers with frames, each a header line and maybe a body:
 *
 *	OUT <n>\n<n bytes>		output
 *	WORD <word>\n			a completion
 *	ASK <echo> <n>\n<n bytes>	a question; the console sends ANS
 *	DONE <rc> <length> <width>\n<prompt>\n
 *					the request is done
 *
 * Both sides use the bounded line reader below; nothing a peer sends
 * can grow a buffer past PROTO_MAX.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

#include "shell/proto.h"

int
proto_write(int fd, const void *buf, size_t len)
{
	const char	*p = buf;
	ssize_t		 n;

	while (len > 0) {
		n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN) {
			struct pollfd	pfd = { fd, POLLOUT, 0 };

			poll(&pfd, 1, 1000);
			continue;
		}
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* A frame in one write: its header and its body together. */
int
proto_frame(int fd, const char *tag, const char *body, size_t len)
{
	char		 hdr[64];
	struct iovec	 iov[2];
	ssize_t		 n;
	size_t		 hl;
	int		 m;

	m = snprintf(hdr, sizeof(hdr), "%s %zu\n", tag, len);
	hl = (size_t)m;
	iov[0].iov_base = hdr;
	iov[0].iov_len = hl;
	iov[1].iov_base = (void *)body;
	iov[1].iov_len = len;
	do
		n = writev(fd, iov, 2);
	while (n < 0 && errno == EINTR);
	if (n < 0 && errno != EAGAIN)
		return -1;
	if (n < 0)
		n = 0;
	/* What did not fit goes the slow way. */
	if ((size_t)n < hl && proto_write(fd, hdr + n, hl - (size_t)n) != 0)
		return -1;
	n = (size_t)n > hl ? n - (ssize_t)hl : 0;
	return proto_write(fd, body + n, len - (size_t)n);
}

void
proto_init(struct proto_rd *r, int fd)
{
	memset(r, 0, sizeof(*r));
	r->fd = fd;
}

/* Read more into r; 1 on data, 0 at the end, -1 on error or time-out. */
static int
proto_fill(struct proto_rd *r, int timeout_ms)
{
	struct pollfd	pfd = { r->fd, POLLIN, 0 };
	ssize_t		n;

	if (r->len == sizeof(r->buf))
		return -1;
	if (timeout_ms >= 0 && poll(&pfd, 1, timeout_ms) <= 0)
		return -1;
	do
		n = read(r->fd, r->buf + r->len, sizeof(r->buf) - r->len);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return errno == EAGAIN ? 1 : -1;
	r->len += (size_t)n;
	return n > 0;
}

/*
 * The next line, without its newline, into line (at most len - 1
 * chars).  Returns 1, 0 when the peer closed, -1 on error, or -2 when
 * no whole line is there yet and wait is 0.
 */
int
proto_line(struct proto_rd *r, char *line, size_t len, int wait)
{
	char	*nl;
	size_t	 n;
	int	 rc;

	for (;;) {
		nl = memchr(r->buf, '\n', r->len);
		if (nl != NULL)
			break;
		if (!wait)
			return r->len == sizeof(r->buf) ? -1 : -2;
		rc = proto_fill(r, PROTO_TIMEOUT_MS);
		if (rc <= 0)
			return rc;
	}
	n = (size_t)(nl - r->buf);
	if (n >= len)
		return -1;
	memcpy(line, r->buf, n);
	line[n] = '\0';
	memmove(r->buf, nl + 1, r->len - n - 1);
	r->len -= n + 1;
	return 1;
}

/* Read what is there without blocking; 0 when the peer closed. */
int
proto_pull(struct proto_rd *r)
{
	return proto_fill(r, 0);
}

/* Exactly len bytes of body into buf (NUL-terminated). */
int
proto_body(struct proto_rd *r, char *buf, size_t len)
{
	size_t	take;

	while (r->len < len && len <= sizeof(r->buf)) {
		if (proto_fill(r, PROTO_TIMEOUT_MS) <= 0)
			return -1;
	}
	if (len > sizeof(r->buf))
		return -1;
	take = len;
	memcpy(buf, r->buf, take);
	buf[take] = '\0';
	memmove(r->buf, r->buf + take, r->len - take);
	r->len -= take;
	return 0;
}
