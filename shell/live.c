/*
 * shell/live.c: the show and clear commands that read live state (the
 * IKE daemon's SAs, the kernel's counters, the compiled plan) rather
 * than the running config.
 *
 * They are IOS commands, defined as data like every other, but their
 * answers come from the router that ioshd runs, so they live here and
 * are added to the grammar by the program that has a router.  A
 * console without one says so.
 */
#include <stdlib.h>
#include <string.h>

#include "grammar/ios.h"
#include "shell/live.h"
#include "shell/router.h"
#include "shell/show.h"

/* XXX: one router per process; ioshd has exactly one. */
static struct router	*live_router;

void
live_set_router(struct router *r)
{
	live_router = r;
}

static int
live_missing(struct cli *cli)
{
	cli_puts(cli, "% Not available: this console is not attached to "
	    "ioshd\n");
	return CLI_ERR_FAILED;
}

static int
h_show_ikev2_sa(struct cli *cli, const struct cmd_args *a)
{
	if (live_router == NULL)
		return live_missing(cli);
	return router_show_ikev2_sa(live_router, cli, cmd_has(a,
	    "detailed"));
}

static int
h_show_ipsec_sa(struct cli *cli, const struct cmd_args *a)
{
	if (live_router == NULL)
		return live_missing(cli);
	return router_show_ipsec_sa(live_router, cli, cmd_arg(a, "peer-addr"),
	    cmd_has(a, "detail"));
}

static int
h_show_session(struct cli *cli, const struct cmd_args *a)
{
	if (live_router == NULL)
		return live_missing(cli);
	return router_show_session(live_router, cli, cmd_has(a, "detail"));
}

static int
h_show_compile(struct cli *cli, const struct cmd_args *a)
{
	if (live_router == NULL)
		return live_missing(cli);
	return router_show_compile(live_router, cli, cmd_has(a, "diff"));
}

/*
 * clear crypto sa [peer A], clear crypto ikev2 sa [local A | remote A],
 * clear crypto session [remote A]: silent on success, as IOS is; the
 * log tells the rest.
 */
static int
h_clear_sa(struct cli *cli, const struct cmd_args *a)
{
	const char	*remote = cmd_arg(a, "peer-addr");

	if (live_router == NULL)
		return live_missing(cli);
	if (remote == NULL)
		remote = cmd_arg(a, "remote-addr");
	if (router_clear(live_router, remote, cmd_arg(a, "local-addr")) < 0) {
		cli_puts(cli, "% Invalid address\n");
		return CLI_ERR_FAILED;
	}
	return CLI_OK;
}

/* From netlink, with no router: shell/show_cmd.c. */
static int
h_show_ip_route(struct cli *cli, const struct cmd_args *a)
{
	(void)a;
	return show_cmd_ip_route(cli);
}

static int
h_show_interfaces(struct cli *cli, const struct cmd_args *a)
{
	return show_cmd_interfaces(cli, cmd_arg(a, "ifname"), live_router);
}

static int
h_show_ip_brief(struct cli *cli, const struct cmd_args *a)
{
	(void)a;
	return show_cmd_ip_brief(cli, live_router);
}

#define LIVE_EXEC	(MODE_BIT(IOS_M_PRIV))
#define LIVE_USER	(MODE_BIT(IOS_M_USER) | MODE_BIT(IOS_M_PRIV))
#define T_SHOW		{ "show", "Show running system information" }
#define T_CRYPTO	{ "crypto", "Encryption module" }
#define T_CLEAR		{ "clear", "Reset functions" }

static const struct cmd_tok t_ikev2_sa[] = {
	T_SHOW, T_CRYPTO, { "ikev2", "Shows ikev2 information" },
	{ "sa", "Shows ikev2 SAs" }, { "[", NULL },
	{ "detailed", "Shows ikev2 SAs in detail" }, { "]", NULL },
	{ NULL, NULL },
};

static const struct cmd_tok t_ipsec_sa[] = {
	T_SHOW, T_CRYPTO, { "ipsec", "Show IPSEC policy" },
	{ "sa", "IPSEC SA table" }, { "[", NULL },
	{ "peer", "Peer specific information" },
	{ "A.B.C.D:peer-addr", "IPv4 Peer Address" }, { "]", NULL },
	{ "[", NULL }, { "detail", "detailed error counters" }, { "]", NULL },
	{ NULL, NULL },
};

static const struct cmd_tok t_session[] = {
	T_SHOW, T_CRYPTO, { "session", "Show crypto sessions (tunnels)" },
	{ "[", NULL }, { "detail", "Show detailed session information" },
	{ "]", NULL }, { NULL, NULL },
};

static const struct cmd_tok t_compile[] = {
	T_SHOW, T_CRYPTO, { "compile", "Kernel objects and IKE peers this "
	    "config makes (iosh)" }, { "[", NULL },
	{ "diff", "What an apply would change in the kernel now" },
	{ "]", NULL }, { NULL, NULL },
};

static const struct cmd_tok t_clear_sa[] = {
	T_CLEAR, T_CRYPTO, { "sa", "Clear all crypto SAs" }, { "[", NULL },
	{ "peer", "Clear all crypto SAs for a given crypto peer" },
	{ "A.B.C.D:peer-addr", "IP address of crypto peer" }, { "]", NULL },
	{ NULL, NULL },
};

static const struct cmd_tok t_clear_ikev2[] = {
	T_CLEAR, T_CRYPTO, { "ikev2", "Clear IKEv2" },
	{ "sa", "Clear IKEv2 SAs" }, { "[", NULL },
	{ "local", "Local Address" },
	{ "A.B.C.D:local-addr", "IPv4 Local Address" }, { "|", NULL },
	{ "remote", "Remote Address" },
	{ "A.B.C.D:remote-addr", "IPv4 Remote Address" }, { "]", NULL },
	{ NULL, NULL },
};

static const struct cmd_tok t_clear_session[] = {
	T_CLEAR, T_CRYPTO, { "session", "Clear crypto sessions (tunnels)" },
	{ "[", NULL },
	{ "remote", "IP address of the remote crypto endpoint" },
	{ "A.B.C.D:remote-addr", "IPv4 address" }, { "]", NULL },
	{ NULL, NULL },
};

static const struct cmd_tok t_ip_route[] = {
	T_SHOW, { "ip", "IP information" },
	{ "route", "IP routing table" }, { NULL, NULL },
};

/* XXX: IFNAME takes IOS names only; an unmapped device is not named. */
static const struct cmd_tok t_interfaces[] = {
	T_SHOW, { "interfaces", "Interface status and configuration" },
	{ "[", NULL }, { "IFNAME:ifname", "Interface" }, { "]", NULL },
	{ NULL, NULL },
};

static const struct cmd_tok t_ip_brief[] = {
	T_SHOW, { "ip", "IP information" },
	{ "interface", "IP interface status and configuration" },
	{ "brief", "Brief summary of IP status and configuration" },
	{ NULL, NULL },
};

/*
 * debug crypto ikev2, undebug: per console.  The IKE daemon always
 * writes its debug lines; a console sees them when it has turned the
 * debug on and asked for log lines (terminal monitor).
 */
static int
h_debug(struct cli *cli, const struct cmd_args *a)
{
	struct cli_term	*t = cli_term(cli);

	if (cmd_has(a, "all")) {
		t->debug = 0;
		cli_puts(cli, "All possible debugging has been turned off\n");
	} else if (cmd_has(a, "undebug") || cmd_negated(a)) {
		t->debug &= ~LIVE_DEBUG_IKEV2;
		cli_puts(cli, "IKEv2 default debugging is off\n");
	} else {
		t->debug |= LIVE_DEBUG_IKEV2;
		cli_puts(cli, "IKEv2 default debugging is on\n");
	}
	return CLI_OK;
}

static const struct cmd_tok t_debug[] = {
	{ "debug", "Debugging functions (see also 'undebug')" },
	{ "crypto", "Cryptographic subsystem" },
	{ "ikev2", "IKEv2 debug messages" }, { NULL, NULL },
};

static const struct cmd_tok t_undebug[] = {
	{ "undebug", "Disable debugging functions (see also 'debug')" },
	{ "{", NULL }, { "all", "Disable all debugging" }, { "|", NULL },
	{ "crypto", "Cryptographic subsystem" },
	{ "ikev2", "IKEv2 debug messages" }, { "}", NULL }, { NULL, NULL },
};

static const struct cmd_tok t_no_debug[] = {
	{ "debug", NULL }, { "{", NULL }, { "all", "Disable all debugging" },
	{ "|", NULL }, { "crypto", NULL }, { "ikev2", NULL }, { "}", NULL },
	{ NULL, NULL },
};

static const struct cmd_def live_cmds[] = {
	{ LIVE_EXEC, -1, 0, 0, h_debug, t_debug },
	{ LIVE_EXEC, -1, 0, 0, h_debug, t_undebug },
	{ LIVE_EXEC, -1, CMD_NO | CMD_NO_ONLY, 2, h_debug, t_no_debug },
	{ LIVE_USER, -1, CMD_PIPE, 0, h_show_ip_route, t_ip_route },
	{ LIVE_USER, -1, CMD_PIPE, 0, h_show_interfaces, t_interfaces },
	{ LIVE_USER, -1, CMD_PIPE, 0, h_show_ip_brief, t_ip_brief },
	{ LIVE_EXEC, -1, CMD_PIPE, 0, h_show_ikev2_sa, t_ikev2_sa },
	{ LIVE_EXEC, -1, CMD_PIPE, 0, h_show_ipsec_sa, t_ipsec_sa },
	{ LIVE_EXEC, -1, CMD_PIPE, 0, h_show_session, t_session },
	{ LIVE_EXEC, -1, CMD_PIPE, 0, h_show_compile, t_compile },
	{ LIVE_EXEC, -1, 0, 0, h_clear_sa, t_clear_sa },
	{ LIVE_EXEC, -1, 0, 0, h_clear_sa, t_clear_ikev2 },
	{ LIVE_EXEC, -1, 0, 0, h_clear_sa, t_clear_session },
};

#define NLIVE	(sizeof(live_cmds) / sizeof(live_cmds[0]))

/*
 * The IOS grammar with the live commands added: the same modes and
 * interface types, the command list made longer.
 */
const struct cli_grammar *
live_grammar(void)
{
	static struct cli_grammar	 g;
	static const struct cmd_def	**cmds;
	const struct cli_grammar	*ios = ios_grammar();
	size_t				 i;

	if (cmds != NULL)
		return &g;
	cmds = calloc(ios->ncmds + NLIVE, sizeof(*cmds));
	if (cmds == NULL)
		return NULL;
	for (i = 0; i < ios->ncmds; i++)
		cmds[i] = ios->cmds[i];
	for (i = 0; i < NLIVE; i++)
		cmds[ios->ncmds + i] = &live_cmds[i];
	g = *ios;
	g.cmds = (const struct cmd_def *const *)cmds;
	g.ncmds = ios->ncmds + NLIVE;
	return &g;
}
