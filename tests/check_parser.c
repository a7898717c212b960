/*
 * tests/check_parser.c: the engine against a small grammar of its own.
 *
 * The grammar here is made for the test (the engine knows no IOS), but
 * shaped like IOS so the messages can be checked as IOS prints them.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/cli.h"

enum { M_USER, M_PRIV, M_CONF, M_IF, M_POL, M_KR, M_PEER, M_COUNT };

static const struct cli_mode modes[] = {
	{ M_USER, NULL, '>', -1, MODE_EXEC },
	{ M_PRIV, NULL, '#', -1, MODE_EXEC },
	{ M_CONF, "config", '#', M_PRIV, MODE_CONFIG },
	{ M_IF, "config-if", '#', M_CONF, MODE_CONFIG },
	{ M_POL, "config-isakmp", '#', M_CONF, MODE_CONFIG },
	{ M_KR, "config-keyring", '#', M_CONF, MODE_CONFIG },
	{ M_PEER, "config-keyring-peer", '#', M_KR, MODE_CONFIG },
};

static const struct cli_iftype iftypes[] = {
	{ "GigabitEthernet", "GigabitEthernet IEEE 802.3z",
	    "<0-9>  GigabitEthernet interface number" },
	{ "Loopback", "Loopback interface",
	    "<0-2147483647>  Loopback interface number" },
	{ "Tunnel", "Tunnel interface",
	    "<0-2147483647>  Tunnel interface number" },
};

static char	hostname[64] = "Router";
static char	last[512];	/* what the last handler saw */

static const char *
get_hostname(void *model)
{
	return hostname;
}

/* Record the arguments a handler received, as "name=value ...". */
static int
h_record(struct cli *c, const struct cmd_args *a)
{
	static const char *names[] = { "WORD", "secret", "name", "addr", "mask",
	    "prio", "LINE", "if", "nh", "dist", "secondary", "aes", "des",
	    "128", "256", NULL };
	const char	*v;
	int		 i;

	snprintf(last, sizeof(last), "%s%s", cmd_negated(a) ? "no " : "",
	    cmd_default(a) ? "default " : "");
	for (i = 0; names[i] != NULL; i++)
		if ((v = cmd_arg(a, names[i])) != NULL)
			snprintf(last + strlen(last), sizeof(last) -
			    strlen(last), "%s=%s ", names[i], v);
	return CLI_OK;
}

static int
h_hostname(struct cli *c, const struct cmd_args *a)
{
	snprintf(hostname, sizeof(hostname), "%s",
	    cmd_negated(a) ? "Router" : cmd_arg(a, "WORD"));
	return CLI_OK;
}

static int
h_enable(struct cli *c, const struct cmd_args *a)
{
	cli_mode_set(c, M_PRIV);
	return CLI_OK;
}

static int
h_exit(struct cli *c, const struct cmd_args *a)
{
	if (cli_mode(c) == M_USER || cli_mode(c) == M_PRIV)
		return CLI_EXIT;
	cli_mode_exit(c);
	return CLI_OK;
}

static int
h_end(struct cli *c, const struct cmd_args *a)
{
	cli_mode_end(c);
	return CLI_OK;
}

static int
h_show_run(struct cli *c, const struct cmd_args *a)
{
	cli_printf(c, "hostname %s\n!\ninterface Tunnel0\n ip address "
	    "10.0.0.1 255.255.255.0\n!\ninterface GigabitEthernet0/0\n"
	    " description WAN\n!\nend\n", hostname);
	return CLI_OK;
}

static int
h_show_ver(struct cli *c, const struct cmd_args *a)
{
	cli_puts(c, "test version 1\n");
	return CLI_OK;
}

static int
h_policy(struct cli *c, const struct cmd_args *a)
{
	static long	prio;

	prio = cmd_num(a, "prio", -1);
	cli_set_ctx(c, &prio);
	return h_record(c, a);
}

static int
h_fail(struct cli *c, const struct cmd_args *a)
{
	cli_puts(c, "% refused\n");
	return CLI_ERR_FAILED;
}

#define EXEC	(MODE_BIT(M_USER) | MODE_BIT(M_PRIV))
#define CONFS	(MODE_BIT(M_CONF) | MODE_BIT(M_IF) | MODE_BIT(M_POL) | \
		 MODE_BIT(M_KR) | MODE_BIT(M_PEER))

#define CMD(name, modes, enters, flags, nomin, fn, ...)			\
	static const struct cmd_tok name##_toks[] = { __VA_ARGS__,	\
	    { NULL, NULL } };						\
	static const struct cmd_def name = { modes, enters, flags,	\
	    nomin, fn, name##_toks }

CMD(c_enable, MODE_BIT(M_USER), -1, 0, 0, h_enable,
    { "enable", "Turn on privileged commands" });
CMD(c_exit, EXEC | CONFS, -1, 0, 0, h_exit,
    { "exit", "Exit from the current mode" });
CMD(c_end, CONFS, -1, 0, 0, h_end,
    { "end", "Exit from configure mode" });
CMD(c_conf, MODE_BIT(M_PRIV), M_CONF, 0, 0, NULL,
    { "configure", "Enter configuration mode" },
    { "terminal", "Configure from the terminal" });
CMD(c_show_ver, EXEC, -1, CMD_PIPE, 0, h_show_ver,
    { "show", "Show running system information" },
    { "version", "System hardware and software status" });
CMD(c_show_run, MODE_BIT(M_PRIV), -1, CMD_PIPE, 0, h_show_run,
    { "show", NULL },
    { "running-config", "Current operating configuration" });
CMD(c_show_ipr, EXEC, -1, CMD_PIPE, 0, h_record,
    { "show", NULL }, { "ip", "IP information" },
    { "route", "IP routing table" });
CMD(c_show_int, EXEC, -1, CMD_PIPE, 0, h_record,
    { "show", NULL }, { "interfaces", "Interface status" },
    { "[", NULL }, { "IFNAME:if", NULL }, { "]", NULL });
CMD(c_ssh, EXEC, -1, 0, 0, h_record,
    { "ssh", "Open a secure shell client connection" },
    { "WORD", "IP address or hostname of a remote system" });
CMD(c_hostname, MODE_BIT(M_CONF), -1, CMD_NO, 1, h_hostname,
    { "hostname", "Set system's network name" },
    { "WORD", "This system's network name" });
CMD(c_iface, MODE_BIT(M_CONF), M_IF, CMD_NO, 0, h_record,
    { "interface", "Select an interface to configure" },
    { "IFNAME:if", NULL });
CMD(c_ipaddr, MODE_BIT(M_IF), -1, CMD_NO, 2, h_record,
    { "ip", "Interface Internet Protocol config commands" },
    { "address", "Set the IP address of an interface" },
    { "A.B.C.D:addr", "IP address" }, { "A.B.C.D:mask", "IP subnet mask" },
    { "[", NULL }, { "secondary", "Make this IP address a secondary "
    "address" }, { "]", NULL });
CMD(c_desc, MODE_BIT(M_IF), -1, CMD_NO, 1, h_record,
    { "description", "Interface specific description" },
    { "LINE", "Up to 240 characters describing this interface" });
CMD(c_policy, MODE_BIT(M_CONF), M_POL, CMD_NO, 0, h_policy,
    { "crypto", "Encryption module" },
    { "isakmp", "Configure ISAKMP policy" },
    { "policy", "Set policy for an ISAKMP protection suite" },
    { "<1-10000>:prio", "Priority of protection suite" });
CMD(c_encr, MODE_BIT(M_POL), -1, CMD_NO, 1, h_record,
    { "encryption", "Set encryption algorithm for protection suite" },
    { "{", NULL }, { "des", "DES - Data Encryption Standard (56 bit "
    "keys)." }, { "|", NULL }, { "aes", "AES - Advanced Encryption "
    "Standard." }, { "[", NULL }, { "128", "128 bit keys." },
    { "|", NULL }, { "256", "256 bit keys." }, { "]", NULL },
    { "}", NULL });
CMD(c_route, MODE_BIT(M_CONF), -1, CMD_NO, 4, h_record,
    { "ip", "Global IP configuration subcommands" },
    { "route", "Establish static routes" },
    { "A.B.C.D:addr", "Destination prefix" },
    { "A.B.C.D:mask", "Destination prefix mask" },
    { "{", NULL }, { "A.B.C.D:nh", "Forwarding router's address" },
    { "|", NULL }, { "IFNAME:if", NULL }, { "}", NULL },
    { "[", NULL }, { "<1-255>:dist", "Distance metric for this route" },
    { "]", NULL });
CMD(c_keyring, MODE_BIT(M_CONF), M_KR, CMD_NO, 0, h_record,
    { "crypto", NULL }, { "keyring", "Key ring commands" },
    { "WORD:name", "Name of a key ring" });
CMD(c_peer, MODE_BIT(M_KR), M_PEER, CMD_NO, 0, h_record,
    { "peer", "Configure a peer" }, { "WORD:name", "Name of the peer" });
CMD(c_keep, MODE_BIT(M_IF), -1, CMD_EXACT | CMD_HIDDEN, 0, h_record,
    { "ip", NULL }, { "route-cache", "Kept as typed" }, { "LINE", NULL });
CMD(c_isakey, MODE_BIT(M_CONF), -1, CMD_NO, 0, h_record,
    { "crypto", NULL }, { "isakmp", NULL },
    { "key", "Set pre-shared key for remote peer" },
    { "WORD:secret", "The key" }, { "address", "Peer address" },
    { "A.B.C.D:addr", "IP address" });
static int
h_hint(struct cli *c, const struct cmd_args *a)
{
	cli_puts(c, "% Hint: the hash is set with hash\n");
	return CLI_OK;
}

CMD(c_hint, MODE_BIT(M_POL), -1, CMD_HINT, 0, h_hint,
    { "authentication", NULL }, { "sha256", NULL });
CMD(c_auth, MODE_BIT(M_POL), -1, CMD_NO, 0, h_record,
    { "authentication", "Set authentication method" },
    { "pre-share", "Pre-Shared Key" });
static int
h_list(struct cli *c, const struct cmd_args *a)
{
	const char	*name, *v;
	int		 i;

	snprintf(last, sizeof(last), "%s", cmd_negated(a) ? "no " : "");
	for (i = 0; (v = cmd_arg_at(a, i, &name)) != NULL; i++)
		snprintf(last + strlen(last), sizeof(last) - strlen(last),
		    "%s=%s ", name, v);
	return CLI_OK;
}

CMD(c_tset, MODE_BIT(M_CONF), -1, CMD_NO, 4, h_list,
    { "crypto", NULL }, { "ipsec", "IPSEC policy" },
    { "transform-set", "Define transform and settings" },
    { "WORD:tag", "Transform set tag" },
    { "{*", NULL }, { "esp-aes", "ESP transform using AES cipher" },
    { "[", NULL }, { "128", "128 bit keys." }, { "|", NULL },
    { "256", "256 bit keys." }, { "]", NULL }, { "|", NULL },
    { "esp-sha-hmac", "ESP transform using HMAC-SHA auth" },
    { "|", NULL }, { "ah-sha-hmac", "AH-HMAC-SHA transform" },
    { "|", NULL }, { "comp-lzs", "IP Compression using LZS" },
    { "}", NULL });
CMD(c_refuse, MODE_BIT(M_CONF), M_IF, 0, 0, h_fail,
    { "refuse", "A command whose handler says no" });

/* Two questions, then prints both answers; asks before anything else. */
static int
h_ask2(struct cli *c, const struct cmd_args *a)
{
	char	one[32], two[32];
	int	rv;

	if ((rv = cli_ask(c, "First? ", 1, one, sizeof(one))) ==
	    CLI_ASK_LATER)
		return CLI_ASKED;
	if (rv != 0)
		snprintf(one, sizeof(one), "-");
	if ((rv = cli_ask(c, "Password: ", 0, two, sizeof(two))) ==
	    CLI_ASK_LATER)
		return CLI_ASKED;
	if (rv != 0)
		snprintf(two, sizeof(two), "-");
	cli_printf(c, "got %s and %s\n", one, two);
	return CLI_OK;
}

CMD(c_ask2, MODE_BIT(M_PRIV), -1, 0, 0, h_ask2,
    { "ask2", "Ask two questions" });

static const struct cmd_def *const cmds[] = {
	&c_enable, &c_exit, &c_end, &c_conf, &c_show_ver, &c_show_run,
	&c_show_ipr, &c_show_int, &c_ssh, &c_hostname, &c_iface, &c_ipaddr,
	&c_desc, &c_policy, &c_encr, &c_route, &c_keyring, &c_peer,
	&c_refuse, &c_keep, &c_isakey, &c_hint, &c_auth, &c_tset, &c_ask2,
};

static const struct cli_alias aliases[] = {
	{ M_USER, "s", "show" },
	{ M_PRIV, "s", "show" },
};

static const struct cli_grammar grammar = {
	modes, M_COUNT, cmds, sizeof(cmds) / sizeof(cmds[0]),
	iftypes, sizeof(iftypes) / sizeof(iftypes[0]), M_PRIV, get_hostname,
	aliases, sizeof(aliases) / sizeof(aliases[0]),
};

static struct cli_engine	*engine;
static struct cli		*cli;
static char			 out[8192];

static void
capture(void *arg, const char *buf, size_t len)
{
	size_t	have = strlen(out);

	if (have + len >= sizeof(out))
		len = sizeof(out) - have - 1;
	memcpy(out + have, buf, len);
	out[have + len] = '\0';
}

static void
setup(void)
{
	char	err[128];

	snprintf(hostname, sizeof(hostname), "Router");
	engine = cli_engine_new(&grammar, err, sizeof(err));
	ck_assert_msg(engine != NULL, "%s", err);
	cli = cli_new(engine, M_PRIV, NULL);
	cli_set_output(cli, capture, NULL);
}

static void
teardown(void)
{
	cli_free(cli);
	cli_engine_free(engine);
}

/* Run a line and return what it printed. */
static const char *
run(const char *line, int want)
{
	int	rc;

	out[0] = '\0';
	last[0] = '\0';
	rc = cli_execute(cli, line);
	ck_assert_msg(rc == want, "\"%s\": got %d, want %d; output:\n%s",
	    line, rc, want, out);
	return out;
}

START_TEST(abbreviation)
{
	run("conf t", CLI_OK);
	ck_assert_str_eq(cli_prompt(cli), "Router(config)#");
	run("HOSTNAME MyRouter", CLI_OK);
	ck_assert_str_eq(cli_prompt(cli), "MyRouter(config)#");
	run("int tu0", CLI_OK);
	ck_assert_str_eq(last, "if=Tunnel0 ");
	ck_assert_str_eq(cli_prompt(cli), "MyRouter(config-if)#");
	run("exit", CLI_OK);
	run("int GIGABITETHERNET 0/1", CLI_OK);
	ck_assert_str_eq(last, "if=GigabitEthernet0/1 ");
	run("ip add 10.0.0.1 255.255.255.0 sec", CLI_OK);
	ck_assert_str_eq(last,
	    "addr=10.0.0.1 mask=255.255.255.0 secondary=secondary ");
	run("desc  uplink |to the ISP  ", CLI_OK);
	ck_assert_str_eq(last, "LINE=uplink |to the ISP ");
}
END_TEST

START_TEST(ambiguous)
{
	ck_assert_str_eq(run("sh i", CLI_ERR_AMBIG),
	    "% Ambiguous command:  \"sh i\"\n");
	run("sh", CLI_ERR_INCOMPL);
	ck_assert_str_eq(run("sh ip r | i nothing", CLI_OK), "");
	ck_assert_str_eq(run("s i", CLI_ERR_AMBIG),
	    "% Ambiguous command:  \"s i\"\n");
}
END_TEST

START_TEST(alias)
{
	/* "s" is an alias of show, so it is not ambiguous with ssh. */
	ck_assert_str_eq(run("s ver", CLI_OK), "test version 1\n");
	run("s int tu1", CLI_OK);
	ck_assert_str_eq(last, "if=Tunnel1 ");
	out[0] = '\0';
	cli_describe(cli, "s?");
	ck_assert_str_eq(out, "show  ssh\n\n");
}
END_TEST

START_TEST(caret)
{
	run("configure terminal", CLI_OK);
	/* "Router(config)#" is 15 columns, "crypto isakmp " 14 more. */
	ck_assert_str_eq(run("crypto isakmp polcy 10", CLI_ERR_INVALID),
	    "                             ^\n"
	    "% Invalid input detected at '^' marker.\n\n");
	ck_assert_str_eq(run("crypto isakmp policy 10001", CLI_ERR_INVALID),
	    "                                    ^\n"
	    "% Invalid input detected at '^' marker.\n\n");
	ck_assert_str_eq(run("crypto isakmp", CLI_ERR_INCOMPL),
	    "% Incomplete command.\n\n");
	ck_assert_int_eq(cli_mode(cli), M_CONF);
}
END_TEST

START_TEST(unknown_exec_word)
{
	ck_assert_str_eq(run("foo", CLI_ERR_INVALID),
	    "% Unknown command or computer name, or unable to find "
	    "computer address\n");
	ck_assert_str_eq(run("show foo", CLI_ERR_INVALID),
	    "            ^\n% Invalid input detected at '^' marker.\n\n");
}
END_TEST

START_TEST(modes_and_fallthrough)
{
	int	*prio;

	run("conf t", CLI_OK);
	run("crypto isakmp policy 10", CLI_OK);
	ck_assert_str_eq(cli_prompt(cli), "Router(config-isakmp)#");
	prio = cli_ctx(cli);
	ck_assert_ptr_nonnull(prio);
	run("   encr aes 256", CLI_OK);
	ck_assert_str_eq(last, "aes=aes 256=256 ");
	/* A config-mode line from a sub-mode runs there, silently. */
	ck_assert_str_eq(run("ip route 10.2.0.0 255.255.0.0 Tu0 5", CLI_OK),
	    "");
	ck_assert_str_eq(last, "addr=10.2.0.0 mask=255.255.0.0 if=Tunnel0 "
	    "dist=5 ");
	ck_assert_str_eq(cli_prompt(cli), "Router(config)#");
	/* Two levels deep, then a sibling of the parent. */
	run("crypto keyring KR", CLI_OK);
	run("peer P1", CLI_OK);
	ck_assert_str_eq(cli_prompt(cli), "Router(config-keyring-peer)#");
	run("peer P2", CLI_OK);
	ck_assert_str_eq(last, "name=P2 ");
	ck_assert_str_eq(cli_prompt(cli), "Router(config-keyring-peer)#");
	run("crypto isakmp policy 20", CLI_OK);
	ck_assert_str_eq(cli_prompt(cli), "Router(config-isakmp)#");
	/* A rejected line leaves the mode as it was. */
	run("encr blowfish", CLI_ERR_INVALID);
	ck_assert_str_eq(cli_prompt(cli), "Router(config-isakmp)#");
	run("exit", CLI_OK);
	ck_assert_str_eq(cli_prompt(cli), "Router(config)#");
	run("int lo0", CLI_OK);
	run("end", CLI_OK);
	ck_assert_str_eq(cli_prompt(cli), "Router#");
	/* A handler that refuses enters nothing. */
	run("conf t", CLI_OK);
	ck_assert_str_eq(run("refuse", CLI_ERR_FAILED), "% refused\n");
	ck_assert_str_eq(cli_prompt(cli), "Router(config)#");
}
END_TEST

START_TEST(exact_and_names)
{
	run("conf t", CLI_OK);
	run("int gi0/0", CLI_OK);
	/* An exact-only catch-all does not take "route" for route-cache. */
	run("ip route 10.2.0.0 255.255.0.0 1.1.1.1", CLI_OK);
	ck_assert_str_eq(last, "addr=10.2.0.0 mask=255.255.0.0 nh=1.1.1.1 ");
	ck_assert_str_eq(cli_prompt(cli), "Router(config)#");
	run("int gi0/0", CLI_OK);
	run("ip route-cache same-interface", CLI_OK);
	ck_assert_str_eq(last, "LINE=same-interface ");
	ck_assert_str_eq(cli_prompt(cli), "Router(config-if)#");
	/* A value that spells a keyword is still the value. */
	run("crypto isakmp key key address 5.6.7.8", CLI_OK);
	ck_assert_str_eq(last, "secret=key addr=5.6.7.8 ");
	run("crypto isakmp key S3cret address 5.6.7.8", CLI_OK);
	ck_assert_str_eq(last, "secret=S3cret addr=5.6.7.8 ");
}
END_TEST

START_TEST(no_and_default)
{
	run("conf t", CLI_OK);
	run("int gi0/0", CLI_OK);
	run("no ip address", CLI_OK);
	ck_assert_str_eq(last, "no ");
	run("no ip address 1.1.1.1", CLI_OK);
	ck_assert_str_eq(last, "no addr=1.1.1.1 ");
	run("no ip", CLI_ERR_INCOMPL);
	run("default description", CLI_OK);
	ck_assert_str_eq(last, "default ");
	ck_assert_str_eq(cli_prompt(cli), "Router(config-if)#");
	/* no on a mode-entering command does not enter it. */
	run("no crypto isakmp policy 10", CLI_OK);
	ck_assert_str_eq(last, "no prio=10 ");
	ck_assert_str_eq(cli_prompt(cli), "Router(config)#");
	run("hostname R1", CLI_OK);
	run("no hostname", CLI_OK);
	ck_assert_str_eq(cli_prompt(cli), "Router(config)#");
}
END_TEST

START_TEST(do_command)
{
	run("conf t", CLI_OK);
	run("int gi0/0", CLI_OK);
	ck_assert_str_eq(run("do show version", CLI_OK), "test version 1\n");
	ck_assert_str_eq(cli_prompt(cli), "Router(config-if)#");
	ck_assert_str_eq(run("show version", CLI_ERR_INVALID),
	    "                  ^\n"
	    "% Invalid input detected at '^' marker.\n\n");
}
END_TEST

START_TEST(pipes)
{
	ck_assert_str_eq(run("show running-config | include address", CLI_OK),
	    " ip address 10.0.0.1 255.255.255.0\n");
	ck_assert_str_eq(run("sh run | i ^interface", CLI_OK),
	    "interface Tunnel0\ninterface GigabitEthernet0/0\n");
	ck_assert_str_eq(run("sh run | s Giga", CLI_OK),
	    "interface GigabitEthernet0/0\n description WAN\n");
	ck_assert_str_eq(run("sh run | sec WAN", CLI_OK),
	    "interface GigabitEthernet0/0\n description WAN\n");
	ck_assert_str_eq(run("sh run | b GigabitEthernet", CLI_OK),
	    "interface GigabitEthernet0/0\n description WAN\n!\nend\n");
	ck_assert_str_eq(run("sh run | ex ^ |!", CLI_OK),
	    "hostname Router\ninterface Tunnel0\n"
	    "interface GigabitEthernet0/0\nend\n");
	ck_assert_str_eq(run("sh run | count interface", CLI_OK),
	    "Number of lines which match regexp = 2\n");
	run("sh run |", CLI_ERR_INCOMPL);
	run("sh run | include", CLI_ERR_INCOMPL);
	ck_assert_str_eq(run("sh run | grep x", CLI_ERR_INVALID),
	    "                ^\n"
	    "% Invalid input detected at '^' marker.\n\n");
	run("conf t", CLI_OK);
	ck_assert_str_eq(run("do sh ver | i vers", CLI_OK),
	    "test version 1\n");
}
END_TEST

START_TEST(describe)
{
	out[0] = '\0';
	cli_describe(cli, "show ?");
	ck_assert_str_eq(out,
	    "  interfaces      Interface status\n"
	    "  ip              IP information\n"
	    "  running-config  Current operating configuration\n"
	    "  version         System hardware and software status\n\n");
	out[0] = '\0';
	cli_describe(cli, "sh?");
	ck_assert_str_eq(out, "show\n\n");
	out[0] = '\0';
	cli_describe(cli, "s?");
	ck_assert_str_eq(out, "show  ssh\n\n");
	out[0] = '\0';
	cli_describe(cli, "show version ?");
	ck_assert_str_eq(out, "  |     Output modifiers\n  <cr>  <cr>\n\n");
	out[0] = '\0';
	cli_describe(cli, "show interfaces ?");
	ck_assert_str_eq(out,
	    "  GigabitEthernet  GigabitEthernet IEEE 802.3z\n"
	    "  Loopback         Loopback interface\n"
	    "  Tunnel           Tunnel interface\n"
	    "  |                Output modifiers\n"
	    "  <cr>             <cr>\n\n");
	run("conf t", CLI_OK);
	out[0] = '\0';
	cli_describe(cli, "crypto isakmp policy ?");
	ck_assert_str_eq(out,
	    "  <1-10000>  Priority of protection suite\n\n");
	out[0] = '\0';
	cli_describe(cli, "interface tunnel ?");
	ck_assert_str_eq(out,
	    "  <0-2147483647>  Tunnel interface number\n\n");
	out[0] = '\0';
	cli_describe(cli, "crypto isakmp polcy ?");
	ck_assert_str_eq(out, "                             ^\n"
	    "% Invalid input detected at '^' marker.\n\n");
	out[0] = '\0';
	cli_describe(cli, "zz?");
	ck_assert_str_eq(out, "% Unrecognized command\n");
	out[0] = '\0';
	cli_describe(cli, "d?");
	ck_assert_str_eq(out, "default  do\n\n");
}
END_TEST

START_TEST(complete)
{
	char	**w;
	size_t	  n;

	n = cli_complete(cli, "conf", &w);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(w[0], "configure");
	cli_strv_free(w, n);
	n = cli_complete(cli, "s", &w);
	ck_assert_int_eq(n, 2);
	cli_strv_free(w, n);
	n = cli_complete(cli, "show ", &w);
	ck_assert_int_eq(n, 0);
	run("conf t", CLI_OK);
	n = cli_complete(cli, "int gi", &w);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(w[0], "GigabitEthernet");
	cli_strv_free(w, n);
}
END_TEST

START_TEST(file_source)
{
	cli_set_source(cli, "startup-config", 0);
	run("configure terminal", CLI_OK);
	run("! a comment", CLI_OK);
	run("", CLI_OK);
	ck_assert_str_eq(run("crypto isakmp policy x", CLI_ERR_INVALID),
	    "startup-config:4: crypto isakmp policy x\n"
	    "                                       ^\n"
	    "% Invalid input detected at '^' marker.\n\n");
	ck_assert_int_eq(cli_term(cli)->lineno, 4);
}
END_TEST

START_TEST(feed_file)
{
	static const char text[] =
	    "hostname Fed\n"
	    "crypto isakmp policy 10\n"
	    " encr aes 256\n"
	    " bogus line\n"
	    "interface tu1\n"
	    " description from a file\n"
	    "end\n"
	    "crypto isakmp policy 20\n";
	FILE	*f = fmemopen((void *)text, sizeof(text) - 1, "r");
	int	 failed;

	out[0] = '\0';
	failed = cli_feed(cli, f, "startup-config", M_CONF);
	fclose(f);
	ck_assert_int_eq(failed, 1);
	ck_assert_str_eq(out, "startup-config:4:  bogus line\n"
	    "                   ^\n"
	    "% Invalid input detected at '^' marker.\n\n");
	ck_assert_str_eq(last, "prio=20 ");
	/* The session that fed the file stays where it was. */
	ck_assert_str_eq(cli_prompt(cli), "Fed#");
}
END_TEST

START_TEST(hint)
{
	run("conf t", CLI_OK);
	run("crypto isakmp policy 10", CLI_OK);
	/* The IOS error as if the hint were not there, then the hint. */
	ck_assert_str_eq(run("authentication sha256", CLI_ERR_INVALID),
	    "                                     ^\n"
	    "% Invalid input detected at '^' marker.\n\n"
	    "% Hint: the hash is set with hash\n");
	ck_assert_str_eq(cli_prompt(cli), "Router(config-isakmp)#");
	run("auth pre", CLI_OK);
	/* A hint is no help entry and no completion. */
	out[0] = '\0';
	cli_describe(cli, "authentication ?");
	ck_assert_str_eq(out, "  pre-share  Pre-Shared Key\n\n");
}
END_TEST

static const struct cmd_tok shadow_toks[] = {
	{ "set", NULL }, { "key", NULL }, { "WORD:key", NULL }, { NULL, NULL },
};
static const struct cmd_def shadow = { MODE_BIT(M_CONF), -1, 0, 0, NULL,
    shadow_toks };

/*
 * Questions answered later: the line waits, each answer runs it again,
 * the questions take the answers in order; history keeps it once; a
 * new line instead of an answer drops the waiting one.
 */
START_TEST(ask_later)
{
	int	echo = -1;

	cli_set_ask_later(cli, 1);
	out[0] = '\0';
	ck_assert_int_eq(cli_execute(cli, "ask2"), CLI_ASKED);
	ck_assert_str_eq(cli_question(cli, &echo), "First? ");
	ck_assert_int_eq(echo, 1);
	ck_assert_int_eq(cli_answer(cli, "red"), CLI_ASKED);
	ck_assert_str_eq(cli_question(cli, &echo), "Password: ");
	ck_assert_int_eq(echo, 0);
	ck_assert_str_eq(out, "");
	ck_assert_int_eq(cli_answer(cli, "s3cret"), CLI_OK);
	ck_assert_str_eq(out, "got red and s3cret\n");
	ck_assert_ptr_null(cli_question(cli, NULL));
	ck_assert_str_eq(cli_history(cli, 0), "ask2");
	ck_assert_ptr_null(cli_history(cli, 1));
	/* A new line instead of the answer: the first is dropped. */
	ck_assert_int_eq(cli_execute(cli, "ask2"), CLI_ASKED);
	ck_assert_int_eq(cli_execute(cli, "show version"), CLI_OK);
	ck_assert_ptr_null(cli_question(cli, NULL));
	ck_assert_int_eq(cli_answer(cli, "late"), CLI_ERR_FAILED);
	/* Without the mode, nobody to ask: the handler's default. */
	cli_set_ask_later(cli, 0);
	out[0] = '\0';
	ck_assert_int_eq(cli_execute(cli, "ask2"), CLI_OK);
	ck_assert_str_eq(out, "got - and -\n");
}
END_TEST

START_TEST(shadowed_name)
{
	const struct cmd_def	*one[] = { &shadow };
	struct cli_grammar	 g = grammar;
	char			 err[256];

	g.cmds = one;
	g.ncmds = 1;
	ck_assert_ptr_null(cli_engine_new(&g, err, sizeof(err)));
	ck_assert_ptr_nonnull(strstr(err, "named like a keyword"));
}
END_TEST

START_TEST(repeat)
{
	run("conf t", CLI_OK);
	/* One or more, in any order, as many as typed. */
	run("crypto ipsec transform-set TS ah-sha esp-aes 256 esp-sha comp",
	    CLI_OK);
	ck_assert_str_eq(last, "crypto=crypto ipsec=ipsec "
	    "transform-set=transform-set tag=TS ah-sha-hmac=ah-sha-hmac "
	    "esp-aes=esp-aes 256=256 esp-sha-hmac=esp-sha-hmac "
	    "comp-lzs=comp-lzs ");
	run("crypto ipsec transform-set TS esp-aes", CLI_OK);
	run("crypto ipsec transform-set TS", CLI_ERR_INCOMPL);
	ck_assert_str_eq(run("crypto ipsec transform-set TS esp-aes 512",
	    CLI_ERR_INVALID), "                                          "
	    "           ^\n% Invalid input detected at '^' marker.\n\n");
	out[0] = '\0';
	cli_describe(cli, "crypto ipsec transform-set TS esp-aes 128 ?");
	ck_assert_str_eq(out,
	    "  ah-sha-hmac   AH-HMAC-SHA transform\n"
	    "  comp-lzs      IP Compression using LZS\n"
	    "  esp-aes       ESP transform using AES cipher\n"
	    "  esp-sha-hmac  ESP transform using HMAC-SHA auth\n"
	    "  <cr>          <cr>\n\n");
	run("no crypto ipsec transform-set TS", CLI_OK);
	ck_assert_str_eq(last, "no crypto=crypto ipsec=ipsec "
	    "transform-set=transform-set tag=TS ");
}
END_TEST

START_TEST(history)
{
	int	i;

	ck_assert_ptr_null(cli_history(cli, 0));
	run("show version", CLI_OK);
	run("  ", CLI_OK);
	run("bogus", CLI_ERR_INVALID);
	ck_assert_str_eq(cli_history(cli, 0), "bogus");
	ck_assert_str_eq(cli_history(cli, 1), "show version");
	ck_assert_ptr_null(cli_history(cli, 2));
	for (i = 0; i < CLI_HISTORY + 5; i++)
		run("show version", CLI_OK);
	ck_assert_str_eq(cli_history(cli, CLI_HISTORY - 1), "show version");
	ck_assert_ptr_null(cli_history(cli, CLI_HISTORY));
	/* Lines from a file are not a person's history. */
	cli_set_source(cli, "file", 0);
	run("show running-config", CLI_OK);
	ck_assert_str_eq(cli_history(cli, 0), "show version");
}
END_TEST

START_TEST(exit_session)
{
	run("exit", CLI_EXIT);
}
END_TEST

static Suite *
parser_suite(void)
{
	Suite	*s = suite_create("parser");
	TCase	*tc = tcase_create("engine");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, abbreviation);
	tcase_add_test(tc, ambiguous);
	tcase_add_test(tc, alias);
	tcase_add_test(tc, caret);
	tcase_add_test(tc, unknown_exec_word);
	tcase_add_test(tc, modes_and_fallthrough);
	tcase_add_test(tc, exact_and_names);
	tcase_add_test(tc, no_and_default);
	tcase_add_test(tc, do_command);
	tcase_add_test(tc, pipes);
	tcase_add_test(tc, describe);
	tcase_add_test(tc, complete);
	tcase_add_test(tc, file_source);
	tcase_add_test(tc, feed_file);
	tcase_add_test(tc, history);
	tcase_add_test(tc, hint);
	tcase_add_test(tc, repeat);
	tcase_add_test(tc, shadowed_name);
	tcase_add_test(tc, ask_later);
	tcase_add_test(tc, exit_session);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(parser_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
