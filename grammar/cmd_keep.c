/*
 * grammar/cmd_keep.c: the lines a router config carries that iosh does
 * not interpret (version, service, logging, aaa, username, ntp, snmp,
 * line con/vty, banner, router ..., crypto pki ...).  Each known kind is
 * kept as text in the section of the running config where IOS prints
 * it, with the indented lines of its block, and printed back as it
 * came (keywords in full).  `no X` keeps "no X" for settings that are on
 * by default (IOS prints those, e.g. "no service pad"), and takes the
 * lines away for lists and blocks (no username admin, no ntp server A,
 * no router bgp 1: keep_no_removes); `default X` drops the line.
 * Entering a block again keeps its lines.
 *
 * Only known first words are taken, so that a line meant for another
 * mode still falls through to it while pasting.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grammar/cmd.h"

/* Kinds of kept top-level lines. */
struct keep_kind {
	const char	*kw;
	const char	*kw2;		/* NULL: one keyword */
	const char	*kw3;		/* NULL: one or two */
	const char	*help;		/* of the last keyword */
	int		 section;	/* enum keep_section */
	int		 enters;	/* a block: IOS_M_LINE, IOS_M_KEEP */
	int		 single;	/* one line of this kind at most */
	int		 bare;		/* takes no rest */
};

#define B	IOS_M_KEEP
static const struct keep_kind kinds[] = {
	{ "version", NULL, NULL, "Version", KEEP_HEAD, -1, 1, 0 },
	{ "service", NULL, NULL, "Modify use of network based services",
	    KEEP_HEAD, -1, 0, 0 },
	{ "platform", NULL, NULL, "platform specific configuration", KEEP_HEAD,
	    -1, 0, 0 },
	{ "boot-start-marker", NULL, NULL, "Boot start marker", KEEP_BOOT, -1, 1,
	    1 },
	{ "boot", NULL, NULL, "Modify system boot parameters", KEEP_BOOT, -1, 0,
	    0 },
	{ "boot-end-marker", NULL, NULL, "Boot end marker", KEEP_BOOT, -1, 1, 1 },
	{ "vrf", "definition", NULL, "VRF definition", KEEP_BOOT, B, 0, 0 },
	{ "enable", "password", NULL, "Assign the privileged level password",
	    KEEP_BOOT, -1, 1, 0 },
	{ "logging", NULL, NULL, "Modify message logging facilities", KEEP_BOOT,
	    -1, 0, 0 },
	{ "aaa", "group", "server", "AAA server group definitions",
	    KEEP_PRECRYPTO, B, 0, 0 },
	{ "aaa", NULL, NULL, "Authentication, Authorization and Accounting.",
	    KEEP_PRECRYPTO, -1, 0, 0 },
	{ "clock", NULL, NULL, "Configure time-of-day clock", KEEP_PRECRYPTO, -1,
	    0, 0 },
	{ "ip", "domain", NULL, "IP DNS Resolver", KEEP_PRECRYPTO, -1, 0, 0 },
	{ "ip", "domain-name", NULL, "Define the default domain name",
	    KEEP_PRECRYPTO, -1, 1, 0 },
	{ "ip", "domain-lookup", NULL, "Enable IP Domain Name System hostname "
	    "translation", KEEP_PRECRYPTO, -1, 0, 0 },
	{ "ip", "name-server", NULL, "Specify address of name server to use",
	    KEEP_PRECRYPTO, -1, 0, 0 },
	{ "ip", "host", NULL, "Add an entry to the ip hostname table",
	    KEEP_PRECRYPTO, -1, 0, 0 },
	{ "ip", "cef", NULL, "Cisco Express Forwarding", KEEP_PRECRYPTO, -1, 0, 0 },
	{ "ip", "dhcp", NULL, "Configure DHCP server and relay parameters",
	    KEEP_PRECRYPTO, B, 0, 0 },
	{ "ip", "vrf", NULL, "Configure an IP VPN Routing/Forwarding instance",
	    KEEP_PRECRYPTO, B, 0, 0 },
	{ "ip", "multicast-routing", NULL, "Enable IP multicast forwarding",
	    KEEP_PRECRYPTO, -1, 0, 0 },
	{ "ip", "subnet-zero", NULL, "Allow 'subnet zero' subnets", KEEP_PRECRYPTO,
	    -1, 0, 0 },
	{ "ipv6", "unicast-routing", NULL, "Enable unicast routing",
	    KEEP_PRECRYPTO, -1, 0, 0 },
	{ "ipv6", "cef", NULL, "Cisco Express Forwarding for IPv6",
	    KEEP_PRECRYPTO, -1, 0, 0 },
	{ "login", NULL, NULL, "Enable secure login checking", KEEP_PRECRYPTO, -1,
	    0, 0 },
	{ "multilink", NULL, NULL, "PPP multilink global configuration",
	    KEEP_PRECRYPTO, -1, 0, 0 },
	{ "subscriber", NULL, NULL, "Subscriber configuration", KEEP_PRECRYPTO,
	    -1, 0, 0 },
	{ "license", NULL, NULL, "Configure license features", KEEP_PRECRYPTO, -1,
	    0, 0 },
	{ "memory", NULL, NULL, "Configure memory management", KEEP_PRECRYPTO, -1,
	    0, 0 },
	{ "diagnostic", NULL, NULL, "Configure diagnostic information",
	    KEEP_PRECRYPTO, -1, 0, 0 },
	{ "spanning-tree", NULL, NULL, "Spanning Tree Subsystem", KEEP_PRECRYPTO,
	    -1, 0, 0 },
	{ "vtp", NULL, NULL, "Configure global VTP state", KEEP_PRECRYPTO, -1, 0,
	    0 },
	{ "cdp", NULL, NULL, "Global CDP configuration subcommands",
	    KEEP_PRECRYPTO, -1, 0, 0 },
	{ "lldp", NULL, NULL, "Global LLDP configuration subcommands",
	    KEEP_PRECRYPTO, -1, 0, 0 },
	{ "key", "chain", NULL, "Key-chain management", KEEP_PRECRYPTO, B, 0,
	    0 },
	{ "key", "config-key", NULL, "Set a private configuration key",
	    KEEP_PRECRYPTO, -1, 0, 0 },
	{ "security", NULL, NULL, "Infra Security CLIs", KEEP_PRECRYPTO, -1,
	    0, 0 },
	{ "file", NULL, NULL, "Adjust file system parameters",
	    KEEP_PRECRYPTO, -1, 0, 0 },
	{ "vlan", NULL, NULL, "Vlan commands", KEEP_PRECRYPTO, B, 0, 0 },
	{ "system", NULL, NULL, "System parameters", KEEP_PRECRYPTO, -1, 0,
	    0 },
	{ "call-home", NULL, NULL, "Enter call-home configuration mode",
	    KEEP_PRECRYPTO, B, 1, 1 },
	{ "crypto", "ca", NULL, "Certification authority", KEEP_PRECRYPTO, B,
	    0, 0 },
	{ "class-map", NULL, NULL, "Configure CPL Class Map", KEEP_PRECRYPTO,
	    B, 0, 0 },
	{ "policy-map", NULL, NULL, "Configure QoS Policy Map",
	    KEEP_PRECRYPTO, B, 0, 0 },
	{ "ip", "dns", NULL, "Configure DNS server for a zone",
	    KEEP_PRECRYPTO, -1, 0, 0 },
	{ "ip", "igmp", NULL, "IGMP global configuration", KEEP_PRECRYPTO,
	    -1, 0, 0 },
	{ "ipv6", "access-list", NULL, "Configure access lists", KEEP_MID, B,
	    0, 0 },
	{ "ipv6", "dhcp", NULL, "IPv6 DHCP global configuration",
	    KEEP_PRECRYPTO, B, 0, 0 },
	{ "netconf-yang", NULL, NULL, "Configure NETCONF with YANG",
	    KEEP_TAIL, -1, 0, 0 },
	{ "restconf", NULL, NULL, "Enable RESTCONF", KEEP_TAIL, -1, 1, 1 },
	{ "username", NULL, NULL, "Establish User Name Authentication",
	    KEEP_PRECRYPTO, -1, 0, 0 },
	{ "redundancy", NULL, NULL, "Enter redundancy mode", KEEP_PRECRYPTO, B, 1,
	    1 },
	{ "archive", NULL, NULL, "Archive the configuration", KEEP_PRECRYPTO, B, 1,
	    1 },
	{ "crypto", "ipsec", "df-bit", "Handling of encapsulated DF bit.",
	    KEEP_PRECRYPTO, -1, 1, 0 },
	{ "crypto", "ipsec", "fragmentation", "Fragmentation before or after "
	    "encryption", KEEP_PRECRYPTO, -1, 1, 0 },
	{ "crypto", "ipsec", "nat-transparency", "IPsec NAT transparency "
	    "model", KEEP_PRECRYPTO, -1, 0, 0 },
	{ "crypto", "isakmp", "identity", "Set the identity which ISAKMP "
	    "will use", KEEP_PRECRYPTO, -1, 1, 0 },
	{ "crypto", "isakmp", "enable", "Enable ISAKMP", KEEP_PRECRYPTO, -1,
	    1, 0 },
	{ "crypto", "isakmp", "aggressive-mode", "Disable ISAKMP aggressive "
	    "mode", KEEP_PRECRYPTO, -1, 1, 0 },
	{ "crypto", "isakmp", "invalid-spi-recovery", "Initiate IKE and "
	    "send Invalid SPI Notify", KEEP_PRECRYPTO, -1, 1, 0 },
	{ "crypto", "isakmp", "fragmentation", "IKE Fragmentation enable",
	    KEEP_PRECRYPTO, -1, 1, 0 },
	{ "crypto", "ikev2", "cookie-challenge", "Enable cookie challenge",
	    KEEP_PRECRYPTO, -1, 1, 0 },
	{ "crypto", "ikev2", "window", "Specify IKEv2 window size",
	    KEEP_PRECRYPTO, -1, 1, 0 },
	{ "crypto", "ikev2", "limit", "Limit the number of maximum and "
	    "in-negotiation IKEv2 SAs", KEEP_PRECRYPTO, -1, 0, 0 },
	{ "crypto", "ikev2", "fragmentation", "IKEv2 fragmentation",
	    KEEP_PRECRYPTO, -1, 1, 0 },
	{ "crypto", "pki", NULL, "Public Key components", KEEP_PRECRYPTO, B, 0, 0 },
	{ "router", NULL, NULL, "Enable a routing process", KEEP_MID, B, 0, 0 },
	{ "ip", "forward-protocol", NULL, "Controls forwarding of physical and "
	    "directed IP broadcasts", KEEP_MID, -1, 0, 0 },
	{ "ip", "http", NULL, "HTTP server configuration", KEEP_MID, -1, 0, 0 },
	{ "ip", "ssh", NULL, "Configure ssh options", KEEP_MID, -1, 0, 0 },
	{ "ip", "nat", NULL, "NAT configuration commands", KEEP_MID, -1, 0, 0 },
	{ "ip", "scp", NULL, "Scp", KEEP_MID, -1, 0, 0 },
	{ "ip", "tftp", NULL, "tftp configuration commands", KEEP_MID, -1, 0, 0 },
	{ "ip", "ftp", NULL, "FTP configuration commands", KEEP_MID, -1, 0, 0 },
	{ "ip", "prefix-list", NULL, "Build a prefix list", KEEP_MID, -1, 0, 0 },
	{ "ip", "sla", NULL, "IP Service Level Agreement", KEEP_MID, B, 0, 0 },
	{ "ip", "flow-export", NULL, "Specify host/port to send flow statistics",
	    KEEP_MID, -1, 0, 0 },
	{ "ip", "radius", NULL, "RADIUS configuration commands", KEEP_MID, -1, 0,
	    0 },
	{ "ip", "tacacs", NULL, "TACACS configuration commands", KEEP_MID, -1, 0,
	    0 },
	{ "route-map", NULL, NULL, "Create route-map or enter route-map command "
	    "mode", KEEP_MID, B, 0, 0 },
	{ "track", NULL, NULL, "Object Tracking configuration commands", KEEP_MID,
	    B, 0, 0 },
	{ "snmp-server", NULL, NULL, "Modify SNMP engine parameters", KEEP_TAIL,
	    -1, 0, 0 },
	{ "tacacs-server", NULL, NULL, "Modify TACACS query parameters", KEEP_TAIL,
	    -1, 0, 0 },
	{ "radius-server", NULL, NULL, "Modify RADIUS query parameters", KEEP_TAIL,
	    -1, 0, 0 },
	{ "radius", "server", NULL, "Server configuration", KEEP_TAIL, B, 0,
	    0 },
	{ "control-plane", NULL, NULL, "Configure Control Plane", KEEP_TAIL, B, 1,
	    1 },
	{ "alias", NULL, NULL, "Create command alias", KEEP_TAIL, -1, 0, 0 },
	{ "line", NULL, NULL, "Configure a terminal line", KEEP_TAIL, IOS_M_LINE,
	    0, 0 },
	{ "ntp", NULL, NULL, "Configure NTP", KEEP_TAIL, -1, 0, 0 },
	{ "scheduler", NULL, NULL, "Scheduler parameters", KEEP_TAIL, -1, 0, 0 },
	{ "event", NULL, NULL, "Event related configuration commands", KEEP_TAIL,
	    -1, 0, 0 },
};
#define NKINDS	(sizeof(kinds) / sizeof(kinds[0]))

/* The first keyword's help, for kinds that share it. */
static const char *
first_help(const char *kw)
{
	if (strcmp(kw, "ip") == 0)
		return H_IPG;
	if (strcmp(kw, "ipv6") == 0)
		return H_IPV6;
	if (strcmp(kw, "crypto") == 0)
		return H_CRYPTO;
	if (strcmp(kw, "vrf") == 0)
		return "Configure a VRF";
	if (strcmp(kw, "enable") == 0)
		return "Modify enable password parameters";
	if (strcmp(kw, "key") == 0)
		return "Key management";
	if (strcmp(kw, "aaa") == 0)
		return "Authentication, Authorization and Accounting.";
	if (strcmp(kw, "radius") == 0)
		return "Radius server configuration";
	return NULL;
}

/* Where logging lines go: the host ones after the interfaces. */
static int
keep_section(const struct keep_kind *k, const char *rest)
{
	static const char	*tail[] = { "host", "trap", "source-interface",
				    "facility", "origin-id" };
	size_t			 i;

	if (strcmp(k->kw, "logging") == 0 && rest != NULL)
		for (i = 0; i < sizeof(tail) / sizeof(tail[0]); i++)
			if (strncmp(rest, tail[i], strlen(tail[i])) == 0)
				return KEEP_TAIL;
	return k->section;
}

static const struct keep_kind *
keep_kind_of(const struct cmd_args *a)
{
	size_t	 i;

	for (i = 0; i < NKINDS; i++)
		if (cmd_has(a, kinds[i].kw) && (kinds[i].kw2 == NULL ||
		    cmd_has(a, kinds[i].kw2)) && (kinds[i].kw3 == NULL ||
		    cmd_has(a, kinds[i].kw3)))
			return &kinds[i];
	return NULL;
}

/* Removes the kept lines of sect whose key (text without "no ") is key. */
static void
keep_remove(struct ios_config *cfg, int sect, const char *key, int prefix)
{
	struct ios_vec	*v = &cfg->keep[sect];
	size_t		 i, klen = strlen(key);
	char		 nokey[1300];

	if (!prefix) {
		model_keep_del(cfg, sect, key);
		snprintf(nokey, sizeof(nokey), "no %s", key);
		model_keep_del(cfg, sect, nokey);
		return;
	}
	for (i = v->n; i-- > 0; ) {
		const char *t = ((struct ios_keep *)v->v[i])->text;

		if (strncmp(t, "no ", 3) == 0)
			t += 3;
		if (strncmp(t, key, klen) == 0 && (t[klen] == '\0' ||
		    t[klen] == ' ')) {
			char *copy = strdup(((struct ios_keep *)
			    v->v[i])->text);

			if (copy != NULL)
				model_keep_del(cfg, sect, copy);
			free(copy);
		}
	}
}

/*
 * Kinds whose lines are entries of a list (users, servers, hosts) or
 * blocks: `no X` takes away the lines X names, and IOS prints no
 * "no X" line for them.  Other kinds (service pad, ip domain lookup,
 * ip http server) are on by default, and "no X" is what IOS prints.
 */
static int
keep_no_removes(const struct keep_kind *k, const char *rest)
{
	static const char	*lists[] = { "username", "ntp", "snmp-server",
				    "tacacs-server", "radius-server", "alias",
				    "boot", "enable", "version", "clock",
				    "scheduler", "event", "netconf-yang" };
	static const char	*ip[] = { "host", "name-server", "prefix-list",
				    "nat", "flow-export", "radius", "tacacs",
				    "domain-name", "dns" };
	size_t			 i;

	if (k->enters != -1)
		return 1;
	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		if (strcmp(k->kw, lists[i]) == 0)
			return 1;
	if (strcmp(k->kw, "ip") == 0 && k->kw2 != NULL)
		for (i = 0; i < sizeof(ip) / sizeof(ip[0]); i++)
			if (strcmp(k->kw2, ip[i]) == 0)
				return 1;
	return strcmp(k->kw, "logging") == 0 && rest != NULL &&
	    strncmp(rest, "host", 4) == 0;
}

/* Removes the lines of a single kind head other than the one, keep. */
static void
keep_remove_other(struct ios_config *cfg, int sect, const char *head,
    const char *keep)
{
	struct ios_vec	*v = &cfg->keep[sect];
	size_t		 i, hlen = strlen(head);

	for (i = v->n; i-- > 0; ) {
		const char *t = ((struct ios_keep *)v->v[i])->text;
		char *copy;

		if (strcmp(t, keep) == 0 || strncmp(t, head, hlen) != 0 ||
		    (t[hlen] != '\0' && t[hlen] != ' '))
			continue;
		if ((copy = strdup(t)) != NULL)
			model_keep_del(cfg, sect, copy);
		free(copy);
	}
}

static int	banner_line(struct cli *, const char *, void *);

static int
h_keep(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config	*cfg = cfg_of(cli);
	const struct keep_kind	*k = keep_kind_of(a);
	const char		*rest = cmd_arg(a, "rest");
	char			 key[1200], text[1300], head[128];
	struct ios_keep		*o;
	int			 sect;

	if (k == NULL)
		return cmd_fail(cli, "%% Unknown command\n");
	sect = keep_section(k, rest);
	snprintf(head, sizeof(head), "%s%s%s%s%s", k->kw, k->kw2 ? " " : "",
	    k->kw2 ? k->kw2 : "", k->kw3 ? " " : "", k->kw3 ? k->kw3 : "");
	snprintf(key, sizeof(key), "%s%s%s", head, rest ? " " : "",
	    rest ? rest : "");
	if (k->enters != -1 && !cmd_off(a)) {
		/* Entering a block again keeps its lines, as IOS does. */
		snprintf(text, sizeof(text), "no %s", k->single ? head : key);
		model_keep_del(cfg, sect, text);
		if (k->single)
			keep_remove_other(cfg, sect, head, key);
	} else if (cmd_negated(a) && keep_no_removes(k, rest)) {
		/* "no username admin" takes "username admin secret ..." */
		keep_remove(cfg, sect, k->single ? head : key, 1);
		return CLI_OK;
	} else
		keep_remove(cfg, sect, k->single ? head : key, k->single);
	if (cmd_default(a))
		return CLI_OK;
	snprintf(text, sizeof(text), "%s%s", cmd_negated(a) ? "no " : "", key);
	if ((o = model_keep_add(cfg, sect, text)) == NULL)
		return cmd_fail(cli, "%% Out of memory\n");
	if (k->enters != -1 && !cmd_negated(a))
		cli_set_ctx(cli, o);
	return CLI_OK;
}

/* ------------------------------------------------------------ banner */

/* The delimiter of a banner: the first character (or "^C") after
 * "banner TYPE ". */
static size_t
banner_delim(const char *text, const char **d)
{
	const char	*p = strchr(text, ' ');

	p = p != NULL ? strchr(p + 1, ' ') : NULL;
	*d = p != NULL ? p + 1 : "";
	return strncmp(*d, "^C", 2) == 0 ? 2 : **d != '\0' ? 1 : 0;
}

/* The raw lines go to the kept line itself, so that a console that
 * deletes the banner meanwhile ends the taking (cli_ctx_gone). */
static int
banner_line(struct cli *cli, const char *line, void *arg)
{
	struct ios_keep	*k = arg;
	const char	*d;
	size_t		 dl = banner_delim(k->text, &d);
	char		 delim[8];

	(void)cli;
	memcpy(delim, d, dl);
	delim[dl] = '\0';
	vec_strdup_push(&k->sub, line);
	return dl == 0 || strstr(line, delim) != NULL;
}

static int
h_banner(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config	*cfg = cfg_of(cli);
	const char		*rest = cmd_arg(a, "rest"), *type;
	char			 text[1300], key[64], delim[8];
	struct ios_keep		*k;
	size_t			 dl;

	type = cmd_has(a, "motd") ? "motd" : cmd_has(a, "login") ? "login" :
	    cmd_has(a, "exec") ? "exec" : "incoming";
	snprintf(key, sizeof(key), "banner %s", type);
	keep_remove(cfg, KEEP_TAIL, key, 1);
	if (cmd_off(a))
		return CLI_OK;
	snprintf(text, sizeof(text), "%s %s", key, rest);
	/* "^C" as two characters is how show running-config prints it. */
	dl = strncmp(rest, "^C", 2) == 0 ? 2 : 1;
	memcpy(delim, rest, dl);
	delim[dl] = '\0';
	if ((k = model_keep_add(cfg, KEEP_TAIL, text)) == NULL)
		return cmd_fail(cli, "%% Out of memory\n");
	if (strstr(rest + dl, delim) == NULL)
		cli_take_lines(cli, banner_line, k);
	return CLI_OK;
}

static const struct cmd_tok t_banner[] = {
	{ "banner", "Define a login banner" },
	{ "{", NULL },
	{ "exec", "Set EXEC process creation banner" }, { "|", NULL },
	{ "incoming", "Set incoming terminal line banner" }, { "|", NULL },
	{ "login", "Set login banner" }, { "|", NULL },
	{ "motd", "Set Message of the Day banner" },
	{ "}", NULL },
	{ "LINE:rest", "c banner-text c, where 'c' is a delimiting "
	    "character" }, T_END
};
static const struct cmd_def c_banner = { M(IOS_M_CONFIG), -1, CMD_NO, 2,
	h_banner, t_banner };

/* ----------------------------------------------- lines inside blocks */

static const struct cmd_tok line_subs[] = {
	{ "password", "Set a password" },
	{ "login", "Enable password checking" },
	{ "transport", "Define transport protocols for line" },
	{ "exec-timeout", "Set the EXEC timeout" },
	{ "stopbits", "Set async line stop bits" },
	{ "session-timeout", "Set interval for closing connection when "
	    "there is no input traffic" },
	{ "access-class", "Filter connections based on an IP access list" },
	{ "history", "Enable and control the command history function" },
	{ "length", "Set number of lines on a screen" },
	{ "width", "Set width of the display terminal" },
	{ "exec", "Start an EXEC process" },
	{ "escape-character", "Change the current line's escape character" },
	{ "speed", "Set the transmit and receive speeds" },
	{ "flowcontrol", "Set the flow control" },
	{ "absolute-timeout", "Set absolute timeout for line disconnection" },
	{ "motd-banner", "Enable the display of the MOTD banner" },
	{ "autoselect", "Set line to autoselect" },
	{ "modem", "Configure the Modem Control Lines" },
	{ "authorization", "For exec (shell) configuration." },
	{ "accounting", "Accounting parameters" },
	{ "ipv6", "IPv6 options" },
	{ "media-type", "Set line media type" },
	{ "logging", "Modify message logging facilities" },
	{ "privilege", "Change privilege level for line" },
	T_END
};

static const struct cmd_tok block_subs[] = {
	/* router ... */
	{ "network", "Enable routing on an IP network" },
	{ "neighbor", "Specify a neighbor router" },
	{ "passive-interface", "Suppress routing updates on an interface" },
	{ "redistribute", "Redistribute information from another routing "
	    "protocol" },
	{ "default-information", "Control distribution of default "
	    "information" },
	{ "area", "OSPF area parameters" },
	{ "log-adjacency-changes", "Log changes in adjacency state" },
	{ "bgp", "BGP specific commands" },
	{ "address-family", "Enter Address Family command mode" },
	{ "exit-address-family", "Exit from Address Family configuration "
	    "mode" },
	{ "timers", "Adjust routing timers" },
	{ "maximum-paths", "Forward packets over multiple paths" },
	{ "distance", "Define an administrative distance" },
	{ "auto-summary", "Enable automatic network number summarization" },
	{ "synchronization", "Perform IGP synchronization" },
	{ "metric", "Modify metrics and parameters for advertisement" },
	{ "default-metric", "Set metric of redistributed routes" },
	{ "eigrp", "EIGRP specific commands" },
	{ "version", "Set routing protocol version" },
	/* vrf definition, ip vrf */
	{ "rd", "Specify Route Distinguisher" },
	{ "route-target", "Specify Target VPN Extended Communities" },
	/* redundancy, control-plane, archive */
	{ "mode", "redundancy mode for this chassis" },
	{ "service-policy", "Configure QoS Service Policy" },
	{ "path", "path for backups" },
	{ "write-memory", "Enable automatic backup generation during "
	    "write memory" },
	{ "maximum", "maximum number of backup copies" },
	{ "time-period", "Period of time in minutes to automatically "
	    "archive the running-config" },
	/* crypto pki trustpoint */
	{ "enrollment", "Enrollment parameters" },
	{ "subject-name", "Subject Name" },
	{ "revocation-check", "Revocation checking options" },
	{ "rsakeypair", "Specify rsakeypair" },
	{ "serial-number", "Include the device serial number" },
	{ "fqdn", "Specify fully qualified domain name" },
	{ "subject-alt-name", "Subject Alternative Name" },
	{ "auto-enroll", "Auto enroll" },
	{ "usage", "Usage" },
	{ "hash", "Hash algorithm" },
	/* ip sla, track, route-map */
	{ "icmp-echo", "ICMP Echo Operation" },
	{ "frequency", "Frequency of an operation" },
	{ "threshold", "Operation threshold in milliseconds" },
	{ "timeout", "Timeout of an operation" },
	{ "delay", "Tracking delay" },
	{ "set", "Set values in destination routing protocol" },
	/* aaa group server, radius server, key chain, vlan, call-home */
	{ "server", "Specify a server" },
	{ "server-private", "Define a private server" },
	{ "address", "Address" },
	{ "key", "Key" },
	{ "key-string", "Set key string" },
	{ "accept-lifetime", "Set accept lifetime of key" },
	{ "send-lifetime", "Set send lifetime of key" },
	{ "name", "Name" },
	{ "contact-email-addr", "Contact email address" },
	{ "profile", "Profile" },
	{ "active", "Activate the profile" },
	{ "destination", "Message destination" },
	/* class-map, policy-map, ipv6 access-list, event manager */
	{ "match", "Classification criteria" },
	{ "class", "Policy criteria" },
	{ "police", "Police" },
	{ "priority", "Strict scheduling priority" },
	{ "shape", "Traffic Shaping" },
	{ "bandwidth", "Bandwidth" },
	{ "queue-limit", "Queue Max Threshold" },
	{ "fair-queue", "Enable Flow-based Fair Queuing" },
	{ "random-detect", "Enable Random Early Detection" },
	{ "permit", "Specify packets to forward" },
	{ "deny", "Specify packets to reject" },
	{ "sequence", "Sequence number for this entry" },
	{ "remark", "Access list entry comment" },
	{ "action", "Add or modify an action statement" },
	/* ip dhcp pool */
	{ "default-router", "Default routers" },
	{ "dns-server", "DNS servers" },
	{ "lease", "Address lease time" },
	{ "domain-name", "Domain name" },
	T_END
};

/* One line inside a kept block: kept with one space of indentation. */
static int
h_keep_sub(struct cli *cli, const struct cmd_args *a)
{
	struct ios_keep		*k = cli_ctx(cli);
	const struct cmd_tok	*t;
	const char		*rest = cmd_arg(a, "rest");
	char			 key[1200], line[1300];
	size_t			 i, klen;
	const char		*kw, *typed = cmd_line(a);
	int			 depth;

	for (t = cli_mode(cli) == IOS_M_LINE ? line_subs : block_subs;
	    t->spec != NULL; t++)
		if (cmd_has(a, t->spec))
			break;
	kw = t->spec ? t->spec : cmd_has(a, "router-id") ? "router-id" :
	    NULL;
	if (kw == NULL || k == NULL)
		return cmd_fail(cli, "%% Unknown command\n");
	snprintf(key, sizeof(key), "%s%s%s", kw, rest ? " " : "",
	    rest ? rest : "");
	klen = strlen(key);
	for (i = 0; i < k->sub.n; i++) {
		const char *s = k->sub.v[i];

		while (*s == ' ')
			s++;
		if (strncmp(s, "no ", 3) == 0)
			s += 3;
		if (strncmp(s, key, klen) == 0 && s[klen] == '\0') {
			free(k->sub.v[i]);
			vec_remove(&k->sub, i);
			break;
		}
	}
	if (cmd_default(a))
		return CLI_OK;
	/* Nested blocks (key chain, call-home) keep their depth as typed. */
	for (depth = 0; typed != NULL && typed[depth] == ' ' && depth < 8;
	    depth++)
		;
	if (depth < 1 || cli_mode(cli) == IOS_M_LINE)
		depth = 1;
	snprintf(line, sizeof(line), "%*s%s%s", depth, "",
	    cmd_negated(a) ? "no " : "", key);
	if (vec_strdup_push(&k->sub, line) == NULL)
		return cmd_fail(cli, "%% Out of memory\n");
	return CLI_OK;
}

/*
 * certificate ... inside crypto pki certificate chain: hex until quit.
 * A line that is not hex (a config line after a chain that lacks its
 * quit) ends the certificate and runs as the command it is.
 */
static int
cert_line(struct cli *cli, const char *line, void *arg)
{
	struct ios_keep	*k = arg;
	const char	*p = line;

	(void)cli;
	while (*p == ' ' || *p == '\t')
		p++;
	if (strncmp(p, "quit", 4) == 0 && (p[4] == '\0' || p[4] == ' ' ||
	    p[4] == '\r')) {
		vec_strdup_push(&k->sub, line);
		return 1;
	}
	if (*p == '\0' || *p == '\r')
		return 0;
	if (p[strspn(p, "0123456789abcdefABCDEF \t\r")] != '\0')
		return -1;
	vec_strdup_push(&k->sub, line);
	return 0;
}

static int
h_certificate(struct cli *cli, const struct cmd_args *a)
{
	struct ios_keep	*k = cli_ctx(cli);
	char		 line[1300];

	snprintf(line, sizeof(line), " %scertificate %s",
	    cmd_negated(a) ? "no " : "", cmd_arg(a, "rest"));
	if (vec_strdup_push(&k->sub, line) == NULL)
		return cmd_fail(cli, "%% Out of memory\n");
	if (!cmd_off(a))
		cli_take_lines(cli, cert_line, k);
	return CLI_OK;
}

static const struct cmd_tok t_certificate[] = {
	{ "certificate", "Certificate in the chain" },
	{ "LINE:rest", "serial number, and ca or self-signed" }, T_END
};
static const struct cmd_def c_certificate = { M(IOS_M_KEEP), -1, CMD_NO, 1,
	h_certificate, t_certificate };

/* ----------------------------------------------- made at start-up */

static const struct cmd_def	**keep_cmds;

/*
 * Lines inside blocks are taken only with their keywords in full
 * (CMD_EXACT), so that an abbreviated line meant for config mode, like
 * "ip ..." after "line vty", is never kept as "ipv6 ..." there.
 */
static struct cmd_def *
keep_def(uint64_t modes, int enters, cmd_handler_fn *h, const char *kw,
    const char *help1, const char *kw2, const char *help2, const char *kw3,
    const char *help3, int bare)
{
	struct cmd_def	*d = calloc(1, sizeof(*d));
	struct cmd_tok	*t = calloc(7, sizeof(*t));
	int		 i = 0;

	if (d == NULL || t == NULL) {
		free(d);
		free(t);
		return NULL;
	}
	t[i++] = (struct cmd_tok){ kw, help1 };
	if (kw2 != NULL)
		t[i++] = (struct cmd_tok){ kw2, help2 };
	if (kw3 != NULL)
		t[i++] = (struct cmd_tok){ kw3, help3 };
	if (bare == 2)
		t[i++] = (struct cmd_tok){ "A.B.C.D:rest", "IP address" };
	else if (!bare) {
		t[i++] = (struct cmd_tok){ "[", NULL };
		t[i++] = (struct cmd_tok){ "LINE:rest", "Arguments" };
		t[i++] = (struct cmd_tok){ "]", NULL };
	}
	*d = (struct cmd_def){ modes, enters, CMD_NO |
	    (modes == M(IOS_M_CONFIG) ? 0 : CMD_EXACT | CMD_INDENTED),
	    kw3 ? 3 : kw2 ? 2 : 1, h, t };
	return d;
}

const struct cmd_def *const *
cmd_keep_cmds(void)
{
	size_t		 n = 0, i;
	const struct cmd_tok *t;

	if (keep_cmds != NULL)
		return keep_cmds;
	keep_cmds = calloc(NKINDS + 64 + 64 + 3, sizeof(*keep_cmds));
	if (keep_cmds == NULL)
		return NULL;
	for (i = 0; i < NKINDS; i++) {
		const struct keep_kind *k = &kinds[i];
		const char *h1 = k->kw2 ? first_help(k->kw) : k->help;
		const char *h2 = k->kw3 ? (strcmp(k->kw2, "ipsec") == 0 ?
		    H_IPSEC : strcmp(k->kw2, "isakmp") == 0 ? H_ISAKMP :
		    H_IKEV2) : k->help;

		keep_cmds[n] = keep_def(M(IOS_M_CONFIG), k->enters, h_keep,
		    k->kw, h1, k->kw2, h2, k->kw3, k->help, k->bare);
		if (keep_cmds[n] != NULL)
			n++;
	}
	for (t = line_subs; t->spec != NULL; t++)
		if ((keep_cmds[n] = keep_def(M(IOS_M_LINE), -1, h_keep_sub,
		    t->spec, t->help, NULL, NULL, NULL, NULL, 0)) != NULL)
			n++;
	for (t = block_subs; t->spec != NULL; t++)
		if ((keep_cmds[n] = keep_def(M(IOS_M_KEEP), -1, h_keep_sub,
		    t->spec, t->help, NULL, NULL, NULL, NULL, 0)) != NULL)
			n++;
	/* typed, so that "router bgp 1" after a block falls through */
	if ((keep_cmds[n] = keep_def(M(IOS_M_KEEP), -1, h_keep_sub,
	    "router-id", "router-id for this process", NULL, NULL, NULL, NULL,
	    2)) != NULL)
		n++;
	keep_cmds[n++] = &c_banner;
	keep_cmds[n++] = &c_certificate;
	keep_cmds[n] = NULL;
	return keep_cmds;
}
