/*
 * shell/server.h: ioshd's console socket (see shell/proto.c).
 */
#ifndef IOSH_SHELL_SERVER_H
#define IOSH_SHELL_SERVER_H

#include "parser/cli.h"

struct event_base;
struct server;

/* Called after each line a console ran (apply the config, log). */
typedef void server_hook_fn(void *arg, struct cli *);

struct server	*server_new(struct event_base *, struct cli_engine *,
		    void *model, int user_mode, int priv_mode);
void		 server_set_hook(struct server *, server_hook_fn *, void *);
int		 server_listen(struct server *, const char *path, int gid);
void		 server_log(struct server *, unsigned debug,
		    const char *line);
void		 server_free(struct server *);

#endif
