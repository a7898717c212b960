/*
 * shell/show_cmd.c: show ip route, show interfaces [IF] and show ip
 * interface brief at a console: this namespace's netlink state, read
 * now, named after the console's running config.  They need no router,
 * so any program with the live grammar answers them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grammar/ios.h"
#include "shell/router.h"
#include "shell/show.h"

enum show_cmd_what { SHOW_ROUTE, SHOW_IFS, SHOW_BRIEF };

static int
show_cmd_links(FILE *f, struct cli *cli, struct show_state *st,
    const char *ifname)
{
	char	canon[64];
	size_t	i;

	if (ifname == NULL) {
		for (i = 0; i < st->nlinks; i++)
			show_interface(f, &st->links[i]);
		return CLI_OK;
	}
	if (ifname_canon(ifname, canon, sizeof(canon)) != 0)
		snprintf(canon, sizeof(canon), "%s", ifname);
	for (i = 0; i < st->nlinks; i++)
		if (strcmp(st->links[i].name, canon) == 0 ||
		    strcmp(st->links[i].dev, ifname) == 0) {
			show_interface(f, &st->links[i]);
			return CLI_OK;
		}
	cli_printf(cli, "%% Interface %s not found\n", ifname);
	return CLI_ERR_FAILED;
}

/*
 * A tunnel's line protocol is the router's: up while the kernel holds
 * SAs for it (shell/router_link.c), as IOS has it with tunnel
 * protection, whatever the Linux device says.
 */
static void
show_cmd_tunnels(struct show_state *st, const struct router *r)
{
	size_t	i;
	int	proto;

	for (i = 0; r != NULL && i < st->nlinks; i++)
		if (strncmp(st->links[i].name, "Tunnel", 6) == 0 &&
		    (proto = router_link_proto(r, st->links[i].name)) >= 0)
			st->links[i].oper_up = proto;
}

static int
show_cmd(struct cli *cli, enum show_cmd_what what, const char *ifname,
    const struct router *r)
{
	struct show_state	 st;
	char			 err[256], *buf = NULL;
	size_t			 len = 0;
	FILE			*f;
	int			 rc = CLI_OK;

	if (show_nl_read(cli_model(cli), &st, err, sizeof(err)) != 0) {
		cli_printf(cli, "%% %s\n", err);
		return CLI_ERR_FAILED;
	}
	if ((f = open_memstream(&buf, &len)) == NULL) {
		show_nl_free(&st);
		return CLI_ERR_FAILED;
	}
	show_cmd_tunnels(&st, r);
	if (what == SHOW_ROUTE)
		show_ip_route(f, st.routes, st.nroutes);
	else if (what == SHOW_BRIEF)
		show_ip_brief(f, st.links, st.nlinks);
	else
		rc = show_cmd_links(f, cli, &st, ifname);
	fclose(f);
	if (buf != NULL)
		cli_puts(cli, buf);
	free(buf);
	show_nl_free(&st);
	return rc;
}

int
show_cmd_ip_route(struct cli *cli)
{
	return show_cmd(cli, SHOW_ROUTE, NULL, NULL);
}

int
show_cmd_interfaces(struct cli *cli, const char *ifname,
    const struct router *r)
{
	return show_cmd(cli, SHOW_IFS, ifname, r);
}

int
show_cmd_ip_brief(struct cli *cli, const struct router *r)
{
	return show_cmd(cli, SHOW_BRIEF, NULL, r);
}
