/*
 * shell/client.h: a console attached to ioshd.
 */
#ifndef IOSH_SHELL_CLIENT_H
#define IOSH_SHELL_CLIENT_H

#include "shell/shell.h"

struct client;

/* Attach to the daemon at path; NULL when nobody listens there. */
struct client	*client_connect(const char *path, cli_write_fn *, void *);
void		 client_free(struct client *);

/* The console's engine, in the daemon. */
extern const struct console_ops client_ops;

#endif
