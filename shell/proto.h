/*
 * shell/proto.h: the console protocol between iosh and ioshd (see
 * shell/proto.c for the requests and frames).
 */
#ifndef IOSH_SHELL_PROTO_H
#define IOSH_SHELL_PROTO_H

#include <stddef.h>

#define PROTO_MAX		65536	/* a line or a body, at most */
#define PROTO_CHUNK		32768	/* output goes in frames this big */
#define PROTO_TIMEOUT_MS	60000

/* A bounded reader of lines and bodies from a socket. */
struct proto_rd {
	int	fd;
	char	buf[PROTO_MAX];
	size_t	len;
};

void	proto_init(struct proto_rd *, int fd);
int	proto_line(struct proto_rd *, char *, size_t, int wait);
int	proto_body(struct proto_rd *, char *, size_t);
int	proto_pull(struct proto_rd *);
int	proto_write(int fd, const void *, size_t);
int	proto_frame(int fd, const char *tag, const char *, size_t);

#endif
