/*
 * grammar/cmd_if.c: interface and what is configured under it.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "grammar/cmd.h"

static int
if_is_virtual(const struct ios_if *f)
{
	static const char	*virt[] = { "Loopback", "Tunnel", "Vlan",
				    "Dialer", "Virtual-Template",
				    "Port-channel", "BDI" };
	size_t			 i;

	if (f->num[3] != 0)	/* a subinterface */
		return 1;
	for (i = 0; i < sizeof(virt) / sizeof(virt[0]); i++)
		if (strcmp(ios_iftypes[f->type].name, virt[i]) == 0)
			return 1;
	return 0;
}

static int
if_is_tunnel(const struct ios_if *f)
{
	return strcmp(ios_iftypes[f->type].name, "Tunnel") == 0;
}

static int
h_interface(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config	*cfg = cfg_of(cli);
	char			 name[64];
	struct ios_if		*f;
	int			 virt;

	if (cmd_ifname(a, "ifname", name, sizeof(name)) == -1)
		return cmd_fail(cli, "%% Invalid interface name\n");
	f = model_interface(cfg, name, 0);
	if (cmd_negated(a) || cmd_default(a)) {
		if (f == NULL)
			return CLI_OK;
		virt = if_is_virtual(f);
		if (cmd_negated(a) && !virt)
			/* XXX: IOS's wording for this refusal unverified. */
			return cmd_fail(cli, "%% Physical interfaces cannot "
			    "be removed\n");
		model_del_interface(cfg, name);
		if (!virt || cmd_default(a))
			if (model_interface(cfg, name, 1) == NULL)
				return cmd_fail(cli, "%% Out of memory\n");
		return CLI_OK;
	}
	if (f == NULL && (f = model_interface(cfg, name, 1)) == NULL)
		return cmd_fail(cli, "%% Out of memory\n");
	cli_set_ctx(cli, f);
	return CLI_OK;
}

static const struct cmd_tok t_interface[] = {
	{ "interface", "Select an interface to configure" },
	{ "IFNAME:ifname", "Interface" }, T_END
};
static const struct cmd_def c_interface = { M(IOS_M_CONFIG), IOS_M_IF,
	CMD_NO, 0, h_interface, t_interface };

/* ------------------------------------------------------ ip address */

static void
if_drop_addresses(struct ios_config *cfg, struct ios_if *f)
{
	subnet_del_if(cfg, f);
	f->has_addr = 0;
	vec_free(&f->secondary, free);
}

/* IOS's checks of a new address: a usable host, no overlap. */
static int
if_check_address(struct cli *cli, struct in_addr ad, struct in_addr m)
{
	const struct ios_if	*o;
	char			 net[INET_ADDRSTRLEN];
	uint32_t		 host;
	int			 plen = mask_plen(m);

	host = ntohl(ad.s_addr) & ~ntohl(m.s_addr);
	if (!addr_v4_unicast(ad))
		return cmd_fail(cli, "Not a valid host address - %s\n",
		    inet_ntop(AF_INET, &ad, net, sizeof(net)));
	if (plen == -1)
		return cmd_fail(cli, "Bad mask 0x%08X for address %s\n",
		    ntohl(m.s_addr), inet_ntop(AF_INET, &ad, net,
		    sizeof(net)));
	if (plen == 0 || (plen < 31 && (host == 0 ||
	    host == ~ntohl(m.s_addr))))
		return cmd_fail(cli, "Bad mask /%d for address %s\n",
		    plen < 0 ? 0 : plen, inet_ntop(AF_INET, &ad, net,
		    sizeof(net)));
	if ((o = subnet_overlap(cfg_of(cli), ad, m)) != NULL) {
		struct in_addr n = { ad.s_addr & m.s_addr };

		return cmd_fail(cli, "%% %s overlaps with %s\n",
		    inet_ntop(AF_INET, &n, net, sizeof(net)), o->name);
	}
	return CLI_OK;
}

static int
if_secondary(struct cli *cli, struct ios_if *f, struct in_addr ad,
    struct in_addr m, int off)
{
	struct in_addr	*s;
	size_t		 i;
	int		 rc;

	for (i = 0; i < f->secondary.n; i++)
		if (((struct in_addr *)f->secondary.v[i])[0].s_addr ==
		    ad.s_addr)
			break;
	if (off) {
		if (i < f->secondary.n) {
			subnet_del(cfg_of(cli), ad);
			free(f->secondary.v[i]);
			vec_remove(&f->secondary, i);
		}
		return CLI_OK;
	}
	if (i < f->secondary.n)
		return CLI_OK;
	if (!f->has_addr)
		return cmd_fail(cli, "%% Secondary address requires a primary "
		    "address\n");
	if ((rc = if_check_address(cli, ad, m)) != CLI_OK)
		return rc;
	if ((s = malloc(2 * sizeof(*s))) == NULL ||
	    vec_push(&f->secondary, s) == -1 ||
	    subnet_add(cfg_of(cli), ad, m, f) == -1) {
		/* XXX: on ENOMEM s may stay listed without its subnet */
		return cmd_fail(cli, "%% Out of memory\n");
	}
	s[0] = ad;
	s[1] = m;
	return CLI_OK;
}

static int
h_ip_address(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config	*cfg = cfg_of(cli);
	struct ios_if		*f = cli_ctx(cli);
	struct in_addr		 ad, m;
	int			 rc;

	if (cmd_has(a, "dhcp")) {
		if (!cmd_off(a))
			if_drop_addresses(cfg, f);
		f->dhcp = !cmd_off(a);
		return CLI_OK;
	}
	if (cmd_v4(a, "addr", &ad) == -1 || cmd_v4(a, "mask", &m) == -1) {
		if (!cmd_off(a))
			return cmd_fail(cli, "%% Incomplete command.\n");
		if_drop_addresses(cfg, f);
		f->dhcp = 0;
		return CLI_OK;
	}
	if (cmd_has(a, "secondary"))
		return if_secondary(cli, f, ad, m, cmd_off(a));
	if (cmd_off(a)) {
		if (!f->has_addr || f->addr.s_addr != ad.s_addr)
			return cmd_fail(cli, "%%Invalid address\n");
		if_drop_addresses(cfg, f);
		return CLI_OK;
	}
	/* A new primary replaces the old one, which must not count. */
	if (f->has_addr)
		subnet_del(cfg, f->addr);
	if ((rc = if_check_address(cli, ad, m)) != CLI_OK) {
		if (f->has_addr)
			subnet_add(cfg, f->addr, f->mask, f);
		return rc;
	}
	if (subnet_add(cfg, ad, m, f) == -1)
		return cmd_fail(cli, "%% Out of memory\n");
	f->addr = ad;
	f->mask = m;
	f->has_addr = 1;
	f->dhcp = 0;
	return CLI_OK;
}

static const struct cmd_tok t_ip_address[] = {
	{ "ip", H_IP },
	{ "address", "Set the IP address of an interface" },
	{ "{", NULL },
	{ "A.B.C.D:addr", "IP address" },
	{ "A.B.C.D:mask", "IP subnet mask" },
	{ "[", NULL }, { "secondary", "Make this IP address a secondary "
	    "address" }, { "]", NULL },
	{ "|", NULL },
	{ "dhcp", "IP Address negotiated via DHCP" },
	{ "}", NULL }, T_END
};
static const struct cmd_def c_ip_address = { M(IOS_M_IF), -1, CMD_NO, 2,
	h_ip_address, t_ip_address };

/* ---------------------------------------------------- ipv6 address */

static int
h_ipv6_address(struct cli *cli, const struct cmd_args *a)
{
	struct ios_if		*f = cli_ctx(cli);
	struct ios_ip6addr	 n = { 0 }, *o;
	struct ios_addr		 ad;
	size_t			 i;

	if (cmd_arg(a, "ll") != NULL) {
		if (addr_pton(cmd_arg(a, "ll"), &ad) == -1 ||
		    ad.af != AF_INET6)
			return cmd_fail(cli, "%% Invalid address\n");
		n.link_local = 1;
		n.plen = 64;
	} else if (cmd_arg(a, "prefix") != NULL) {
		if (cmd_prefix(a, "prefix", &ad, &n.plen) == -1 ||
		    ad.af != AF_INET6)
			return cmd_fail(cli, "%% Invalid prefix\n");
		n.eui64 = cmd_has(a, "eui-64");
	} else {
		if (!cmd_off(a))
			return cmd_fail(cli, "%% Incomplete command.\n");
		vec_free(&f->addr6, free);
		return CLI_OK;
	}
	n.addr = ad.v6;
	for (i = 0; i < f->addr6.n; i++) {
		o = f->addr6.v[i];
		if (memcmp(&o->addr, &n.addr, sizeof(n.addr)) == 0 &&
		    o->plen == n.plen)
			break;
	}
	if (cmd_off(a)) {
		if (i < f->addr6.n) {
			free(f->addr6.v[i]);
			vec_remove(&f->addr6, i);
		}
		return CLI_OK;
	}
	if (i < f->addr6.n)
		return CLI_OK;
	if ((o = malloc(sizeof(*o))) == NULL || vec_push(&f->addr6, o)) {
		free(o);
		return cmd_fail(cli, "%% Out of memory\n");
	}
	*o = n;
	return CLI_OK;
}

static int
h_ipv6_enable(struct cli *cli, const struct cmd_args *a)
{
	((struct ios_if *)cli_ctx(cli))->ipv6_enable = !cmd_off(a);
	return CLI_OK;
}

static const struct cmd_tok t_ipv6_address[] = {
	{ "ipv6", "IPv6 interface subcommands" },
	{ "address", "Configure IPv6 address on interface" },
	{ "{", NULL },
	{ "X:X::X:X/M:prefix", "IPv6 prefix" },
	{ "[", NULL }, { "eui-64", "Use eui-64 interface identifier" },
	{ "]", NULL },
	{ "|", NULL },
	{ "X:X::X:X:ll", "IPv6 link-local address" },
	{ "link-local", "Use link-local address" },
	{ "}", NULL }, T_END
};
static const struct cmd_tok t_ipv6_enable[] = {
	{ "ipv6", "IPv6 interface subcommands" },
	{ "enable", "Enable IPv6 on interface" }, T_END
};
static const struct cmd_def c_ipv6_address = { M(IOS_M_IF), -1, CMD_NO, 2,
	h_ipv6_address, t_ipv6_address };
static const struct cmd_def c_ipv6_enable = { M(IOS_M_IF), -1, CMD_NO, 2,
	h_ipv6_enable, t_ipv6_enable };

/* ------------------------------------- simple values of an interface */

static int
h_if_value(struct cli *cli, const struct cmd_args *a)
{
	struct ios_if	*f = cli_ctx(cli);
	int		 v = cmd_off(a) ? 0 : (int)cmd_num(a, "n", 0);

	if (cmd_has(a, "description"))
		str_set(&f->description, cmd_off(a) ? NULL :
		    cmd_arg(a, "text"));
	else if (cmd_has(a, "shutdown"))
		f->shutdown = !cmd_off(a);
	else if (cmd_has(a, "adjust-mss"))
		f->tcp_mss = v;
	else if (cmd_has(a, "ip"))
		f->ip_mtu = v;
	else if (cmd_has(a, "mtu"))
		f->mtu = v;
	else if (cmd_has(a, "forwarding"))
		str_set(&f->vrf, cmd_off(a) ? NULL : cmd_arg(a, "vrfname"));
	else if (cmd_has(a, "map"))
		str_set(&f->crypto_map, cmd_off(a) ? NULL :
		    cmd_arg(a, "mapname"));
	return CLI_OK;
}

static const struct cmd_tok t_description[] = {
	{ "description", "Interface specific description" },
	{ "LINE:text", "Up to 240 characters describing this interface" },
	T_END
};
static const struct cmd_tok t_shutdown[] = {
	{ "shutdown", "Shutdown the selected interface" }, T_END
};
static const struct cmd_tok t_mtu[] = {
	{ "mtu", "Set the interface Maximum Transmission Unit (MTU)" },
	{ "<64-9216>:n", "MTU size in bytes" }, T_END
};
static const struct cmd_tok t_ip_mtu[] = {
	{ "ip", H_IP },
	{ "mtu", "Set IP Maximum Transmission Unit" },
	{ "<68-9216>:n", "MTU (bytes)" }, T_END
};
static const struct cmd_tok t_tcp_mss[] = {
	{ "ip", H_IP },
	{ "tcp", "TCP header compression and/or Adjust MSS" },
	{ "adjust-mss", "Adjust the mss of transit packets" },
	{ "<500-1460>:n", "Maximum segment size in bytes" }, T_END
};
static const struct cmd_tok t_vrf[] = {
	{ "vrf", "VPN Routing/Forwarding parameters on the interface" },
	{ "forwarding", "Configure forwarding table" },
	{ "WORD:vrfname", "VRF name" }, T_END
};
static const struct cmd_tok t_crypto_map[] = {
	{ "crypto", "Encryption/Decryption commands" },
	{ "map", "Assign a Crypto Map" },
	{ "WORD:mapname", "Crypto Map tag" }, T_END
};
#define M_IF	M(IOS_M_IF)
static const struct cmd_def c_description = { M_IF, -1, CMD_NO, 1,
	h_if_value, t_description };
static const struct cmd_def c_shutdown = { M_IF, -1, CMD_NO, 1,
	h_if_value, t_shutdown };
static const struct cmd_def c_mtu = { M_IF, -1, CMD_NO, 1, h_if_value,
	t_mtu };
static const struct cmd_def c_ip_mtu = { M_IF, -1, CMD_NO, 2, h_if_value,
	t_ip_mtu };
static const struct cmd_def c_tcp_mss = { M_IF, -1, CMD_NO, 3, h_if_value,
	t_tcp_mss };
static const struct cmd_def c_vrf = { M_IF, -1, CMD_NO, 2, h_if_value,
	t_vrf };
static const struct cmd_def c_crypto_map = { M_IF, -1, CMD_NO, 2,
	h_if_value, t_crypto_map };

/* ----------------------------------------------------------- tunnel */

static int
h_tunnel(struct cli *cli, const struct cmd_args *a)
{
	struct ios_if	*f = cli_ctx(cli);
	const char	*s;
	char		 ifn[64];
	int		 off = cmd_off(a);

	if (!if_is_tunnel(f))
		return cmd_fail(cli, "%% Tunnel commands apply to Tunnel "
		    "interfaces only\n");
	if (cmd_has(a, "source")) {
		str_set(&f->tun_src_if, NULL);
		memset(&f->tun_src, 0, sizeof(f->tun_src));
		if (off)
			return CLI_OK;
		if (cmd_arg(a, "ifname") != NULL) {
			if (cmd_ifname(a, "ifname", ifn, sizeof(ifn)) == -1)
				return cmd_fail(cli, "%% Invalid interface\n");
			str_set(&f->tun_src_if, ifn);
		} else if ((s = cmd_arg(a, "addr")) == NULL ||
		    addr_pton(s, &f->tun_src) == -1)
			return cmd_fail(cli, "%% Invalid address\n");
	} else if (cmd_has(a, "destination")) {
		str_set(&f->tun_dst_host, NULL);
		memset(&f->tun_dst, 0, sizeof(f->tun_dst));
		if (off)
			return CLI_OK;
		s = cmd_arg(a, "addr");
		if (s == NULL || addr_pton(s, &f->tun_dst) == -1)
			str_set(&f->tun_dst_host, cmd_arg(a, "host"));
	} else if (cmd_has(a, "mode")) {
		f->tun_mode = TUN_GRE_IP;
		if (off)
			return CLI_OK;
		if (cmd_has(a, "ipsec"))
			f->tun_mode = cmd_has(a, "ipv6") ? TUN_IPSEC_IPV6 :
			    TUN_IPSEC_IPV4;
		else if (cmd_has(a, "multipoint"))
			f->tun_mode = TUN_GRE_MULTIPOINT;
		else if (cmd_has(a, "ipv6"))
			f->tun_mode = TUN_GRE_IPV6;
	} else if (cmd_has(a, "protection")) {
		str_set(&f->tun_profile, off ? NULL : cmd_arg(a, "pname"));
		f->tun_shared = !off && cmd_has(a, "shared");
	} else if (cmd_has(a, "key")) {
		f->has_tun_key = !off;
		f->tun_key = off ? 0 : (uint32_t)cmd_num(a, "n", 0);
	}
	return CLI_OK;
}

static const struct cmd_tok t_tun_source[] = {
	{ "tunnel", H_TUNNEL },
	{ "source", "source of tunnel packets" },
	{ "{", NULL }, { "IFNAME:ifname", "Interface" },
	{ "|", NULL }, { "A.B.C.D:addr", "ip address" },
	{ "|", NULL }, { "X:X::X:X:addr", "IPv6 address" },
	{ "}", NULL }, T_END
};
static const struct cmd_tok t_tun_dest[] = {
	{ "tunnel", H_TUNNEL },
	{ "destination", "destination of tunnel" },
	{ "{", NULL }, { "A.B.C.D:addr", "ip address or host name" },
	{ "|", NULL }, { "X:X::X:X:addr", "IPv6 address" },
	{ "|", NULL }, { "WORD:host", "ip address or host name" },
	{ "}", NULL }, T_END
};
static const struct cmd_tok t_tun_mode[] = {
	{ "tunnel", H_TUNNEL },
	{ "mode", "tunnel encapsulation method" },
	{ "{", NULL },
	{ "gre", "generic route encapsulation protocol" },
	{ "{", NULL }, { "ip", "over IP" }, { "|", NULL },
	{ "ipv6", "over IPv6" }, { "|", NULL },
	{ "multipoint", "over IP (multipoint)" }, { "}", NULL },
	{ "|", NULL },
	{ "ipsec", "IPSec tunnel encapsulation" },
	{ "{", NULL }, { "ipv4", "over IPv4" }, { "|", NULL },
	{ "ipv6", "over IPv6" }, { "}", NULL },
	{ "}", NULL }, T_END
};
static const struct cmd_tok t_tun_prot[] = {
	{ "tunnel", H_TUNNEL },
	{ "protection", "Enable tunnel protection" },
	{ "ipsec", "IPSec tunnel protection" },
	{ "profile", "Determine the profile to be used" },
	{ "WORD:pname", "Profile name" },
	{ "[", NULL }, { "shared", "Shared profile" }, { "]", NULL }, T_END
};
static const struct cmd_tok t_tun_key[] = {
	{ "tunnel", H_TUNNEL },
	{ "key", "security or selector key" },
	{ "<0-4294967295>:n", "key" }, T_END
};
static const struct cmd_def c_tun_source = { M_IF, -1, CMD_NO, 2, h_tunnel,
	t_tun_source };
static const struct cmd_def c_tun_dest = { M_IF, -1, CMD_NO, 2, h_tunnel,
	t_tun_dest };
static const struct cmd_def c_tun_mode = { M_IF, -1, CMD_NO, 2, h_tunnel,
	t_tun_mode };
static const struct cmd_def c_tun_prot = { M_IF, -1, CMD_NO, 4, h_tunnel,
	t_tun_prot };
static const struct cmd_def c_tun_key = { M_IF, -1, CMD_NO, 2, h_tunnel,
	t_tun_key };

/* ---------------------------------------- kept interface sub-lines */

/*
 * Interface settings the model does not interpret, kept as text: the
 * keyword as IOS spells it, then the rest as typed.  `no X` keeps
 * "no X" (IOS prints those, e.g. "no ip redirects"); `default X` drops
 * the line.
 */
static const struct ios_name names_if_keep[] = {
	{ 1, "negotiation" }, { 1, "speed" }, { 1, "duplex" },
	{ 1, "load-interval" }, { 1, "keepalive" }, { 1, "bandwidth" },
	{ 1, "media-type" }, { 1, "encapsulation" }, { 1, "service-policy" },
	{ 1, "standby" }, { 1, "vrrp" }, { 1, "mop" }, { 1, "delay" },
	{ 1, "carrier-delay" }, { 1, "hold-queue" }, { 1, "switchport" },
	{ 1, "channel-group" }, { 1, "pppoe" }, { 1, "ppp" },
	{ 1, "dialer" }, { 1, "mac-address" }, { 1, "cdp" },
	{ 2, "redirects" }, { 2, "unreachables" },
	{ 2, "proxy-arp" }, { 2, "virtual-reassembly" },
	{ 2, "access-group" }, { 2, "ospf" }, { 2, "helper-address" },
	{ 2, "flow" }, { 2, "verify" }, { 2, "unnumbered" }, { 2, "policy" },
	{ 2, "nbar" }, { 2, "directed-broadcast" }, { 2, "mask-reply" },
	{ 2, "nhrp" }, { 2, "split-horizon" }, { 2, "nat" }, { 2, "vrf" },
	{ 3, "nd" }, { 3, "traffic-filter" }, { 3, "mtu" }, { 3, "ospf" },
	{ 3, "unnumbered" },
	{ 0, NULL }
};

static int
h_if_keep(struct cli *cli, const struct cmd_args *a)
{
	struct ios_if		*f = cli_ctx(cli);
	const struct ios_name	*n;
	const char		*rest = cmd_arg(a, "rest");
	char			 key[512], line[560];
	static const char	*fixed[] = { "inside", "outside", "enable" };
	size_t			 i, klen;
	int			 grp;

	grp = cmd_has(a, "ipv6") ? 3 : cmd_has(a, "ip") ? 2 : 1;

	for (n = names_if_keep; n->kw != NULL; n++)
		if (n->id == grp && cmd_has(a, n->kw))
			break;
	if (n->kw == NULL)
		return cmd_fail(cli, "%% Unknown setting\n");
	/* ip nat and cdp take one keyword each (the global ones more). */
	for (i = 0; rest == NULL && i < 3; i++)
		if (cmd_has(a, fixed[i]))
			rest = fixed[i];
	snprintf(key, sizeof(key), "%s%s%s%s", grp == 3 ? "ipv6 " :
	    grp == 2 ? "ip " : "", n->kw, rest ? " " : "", rest ? rest : "");
	snprintf(line, sizeof(line), "%s%s", cmd_negated(a) ? "no " : "",
	    key);
	klen = strlen(key);
	for (i = 0; i < f->keep.n; i++) {
		const char *k = f->keep.v[i];

		if (strncmp(k, "no ", 3) == 0)
			k += 3;
		if (strncmp(k, key, klen) == 0 && k[klen] == '\0')
			break;
	}
	if (i < f->keep.n) {
		free(f->keep.v[i]);
		vec_remove(&f->keep, i);
	}
	if (cmd_default(a))
		return CLI_OK;
	if (vec_strdup_push(&f->keep, line) == NULL)
		return cmd_fail(cli, "%% Out of memory\n");
	return CLI_OK;
}

#define KEEP_REST \
	{ "[", NULL }, { "LINE:rest", "Settings" }, { "]", NULL }
static const struct cmd_tok t_if_keep1[] = {
	{ "{", NULL },
	{ "negotiation", "Select autonegotiation mode" }, { "|", NULL },
	{ "speed", "Configure speed operation." }, { "|", NULL },
	{ "duplex", "Configure duplex operation." }, { "|", NULL },
	{ "load-interval", "Specify interval for load calculation" },
	{ "|", NULL },
	{ "keepalive", "Enable keepalive" }, { "|", NULL },
	{ "bandwidth", "Set bandwidth informational parameter" },
	{ "|", NULL },
	{ "media-type", "Media type" }, { "|", NULL },
	{ "encapsulation", "Set encapsulation type for an interface" },
	{ "|", NULL },
	{ "service-policy", "Configure CPL Service Policy" }, { "|", NULL },
	{ "standby", "HSRP interface configuration commands" }, { "|", NULL },
	{ "vrrp", "VRRP Interface configuration commands" }, { "|", NULL },
	{ "mop", "Configure the DEC MOP Remote Console features" },
	{ "|", NULL },
	{ "delay", "Specify interface throughput delay" }, { "|", NULL },
	{ "carrier-delay", "Specify delay for interface transitions" },
	{ "|", NULL },
	{ "hold-queue", "Set hold queue depth" }, { "|", NULL },
	{ "switchport", "Set switching mode characteristics" }, { "|", NULL },
	{ "channel-group", "Etherchannel/port bundling configuration" },
	{ "|", NULL },
	{ "pppoe", "pppoe interface subcommands" }, { "|", NULL },
	{ "ppp", "Point-to-Point Protocol" }, { "|", NULL },
	{ "dialer", "Dial-on-demand routing (DDR) commands" }, { "|", NULL },
	{ "mac-address", "Manually set interface MAC address" },
	{ "}", NULL }, KEEP_REST, T_END
};
static const struct cmd_tok t_if_keep2[] = {
	{ "ip", H_IP },
	{ "{", NULL },
	{ "redirects", "Enable sending ICMP Redirect messages" },
	{ "|", NULL },
	{ "unreachables", "Enable sending ICMP Unreachable messages" },
	{ "|", NULL },
	{ "proxy-arp", "Enable proxy ARP" }, { "|", NULL },
	{ "virtual-reassembly", "Virtual Reassembly" }, { "|", NULL },
	{ "access-group", "Specify access control for packets" },
	{ "|", NULL },
	{ "ospf", "OSPF interface commands" }, { "|", NULL },
	{ "helper-address", "Specify a destination address for UDP "
	    "broadcasts" }, { "|", NULL },
	{ "flow", "NetFlow related commands" }, { "|", NULL },
	{ "verify", "Enable per packet validation" }, { "|", NULL },
	{ "unnumbered", "Enable IP processing without an explicit address" },
	{ "|", NULL },
	{ "policy", "Enable policy routing" }, { "|", NULL },
	{ "nbar", "Network-Based Application Recognition" }, { "|", NULL },
	{ "directed-broadcast", "Enable forwarding of directed broadcasts" },
	{ "|", NULL },
	{ "mask-reply", "Enable sending ICMP Mask Reply messages" },
	{ "|", NULL },
	{ "nhrp", "NHRP interface subcommands" }, { "|", NULL },
	{ "vrf", "VPN Routing/Forwarding parameters on the interface" },
	{ "|", NULL },
	{ "split-horizon", "Perform split horizon" },
	{ "}", NULL }, KEEP_REST, T_END
};
static const struct cmd_tok t_if_keep3[] = {
	{ "ipv6", "IPv6 interface subcommands" },
	{ "{", NULL },
	{ "nd", "IPv6 interface Neighbor Discovery subcommands" },
	{ "|", NULL },
	{ "traffic-filter", "Access control list for packets" },
	{ "|", NULL },
	{ "mtu", "Set IPv6 Maximum Transmission Unit" }, { "|", NULL },
	{ "ospf", "OSPF interface commands" }, { "|", NULL },
	{ "unnumbered", "Preferred interface for source address selection" },
	{ "}", NULL }, KEEP_REST, T_END
};
static const struct cmd_tok t_if_nat[] = {
	{ "ip", H_IP },
	{ "nat", "NAT interface commands" },
	{ "{", NULL }, { "inside", "Inside interface for address translation" },
	{ "|", NULL }, { "outside", "Outside interface for address "
	    "translation" },
	{ "|", NULL }, { "enable", "Enable Address Translation (NVI)" },
	{ "}", NULL }, T_END
};
static const struct cmd_tok t_if_cdp[] = {
	{ "cdp", "CDP interface subcommands" },
	{ "enable", "Enable CDP on interface" }, T_END
};
static const struct cmd_def c_if_nat = { M_IF, -1, CMD_NO, 2, h_if_keep,
	t_if_nat };
static const struct cmd_def c_if_cdp = { M_IF, -1, CMD_NO, 2, h_if_keep,
	t_if_cdp };
/* Kept as text: only with the keywords in full (see cmd_keep.c). */
static const struct cmd_def c_if_keep1 = { M_IF, -1, CMD_NO | CMD_EXACT, 1,
	h_if_keep, t_if_keep1 };
static const struct cmd_def c_if_keep2 = { M_IF, -1, CMD_NO | CMD_EXACT, 2,
	h_if_keep, t_if_keep2 };
static const struct cmd_def c_if_keep3 = { M_IF, -1, CMD_NO | CMD_EXACT, 2,
	h_if_keep, t_if_keep3 };

const struct cmd_def *const cmds_if[] = {
	&c_interface, &c_ip_address, &c_ipv6_address, &c_ipv6_enable,
	&c_description, &c_shutdown, &c_mtu, &c_ip_mtu, &c_tcp_mss, &c_vrf,
	&c_crypto_map,
	&c_tun_source, &c_tun_dest, &c_tun_mode, &c_tun_prot, &c_tun_key,
	&c_if_keep1, &c_if_keep2, &c_if_keep3, &c_if_nat, &c_if_cdp,
	NULL
};
