/*
 * grammar/cmd_route.c: ip route and ipv6 route.
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "grammar/cmd.h"

/* The options both families share, then the route into the model. */
static int
route_store(struct cli *cli, struct ios_config *cfg,
    const struct cmd_args *a, struct ios_route *r)
{
	r->distance = (int)cmd_num(a, "dist", 0);
	if (r->distance == 1)
		r->distance = 0;
	if (cmd_arg(a, "tagval") != NULL) {
		r->has_tag = 1;
		r->tag = (uint32_t)cmd_num(a, "tagval", 0);
	}
	r->ifname = r->ifname ? strdup(r->ifname) : NULL;
	r->name = cmd_arg(a, "rname") ? strdup(cmd_arg(a, "rname")) : NULL;
	if (model_route_add(cfg, r) == -1) {
		free(r->ifname);
		free(r->name);
		return cmd_fail(cli, "%% Out of memory\n");
	}
	return CLI_OK;
}

static int
h_ip_route(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config	*cfg = cfg_of(cli);
	struct ios_route	 r = { .af = AF_INET };
	struct in_addr		 m;
	char			 ifn[64];

	if (cmd_v4(a, "prefix", &r.prefix.v4) == -1 ||
	    cmd_v4(a, "mask", &m) == -1)
		return cmd_fail(cli, "%%Inconsistent address and mask\n");
	r.prefix.af = AF_INET;
	if ((r.plen = mask_plen(m)) == -1 ||
	    (r.prefix.v4.s_addr & ~m.s_addr) != 0)
		return cmd_fail(cli, "%%Inconsistent address and mask\n");
	if (cmd_arg(a, "ifname") != NULL) {
		if (cmd_ifname(a, "ifname", ifn, sizeof(ifn)) == -1)
			return cmd_fail(cli, "%% Invalid interface\n");
		r.ifname = ifn;
	}
	if (cmd_v4(a, "nh", &r.nexthop.v4) == 0)
		r.nexthop.af = AF_INET;
	if (cmd_off(a)) {
		if (model_route_del(cfg, &r, 1) == 0)
			return cmd_fail(cli, "%%No matching route to "
			    "delete\n");
		return CLI_OK;
	}
	if (r.ifname == NULL && r.nexthop.af == 0)
		return cmd_fail(cli, "%% Incomplete command.\n");
	if (r.nexthop.af && !addr_v4_unicast(r.nexthop.v4))
		return cmd_fail(cli, "%%Invalid next hop address\n");
	if (r.nexthop.af && subnet_owner(cfg, r.nexthop.v4) != NULL)
		return cmd_fail(cli, "%%Invalid next hop address (it's this "
		    "router)\n");
	r.permanent = cmd_has(a, "permanent");
	r.track = (int)cmd_num(a, "trackno", 0);
	return route_store(cli, cfg, a, &r);
}

static int
h_ipv6_route(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config	*cfg = cfg_of(cli);
	struct ios_route	 r = { .af = AF_INET6 };
	const char		*nh = cmd_arg(a, "nh");
	char			 ifn[64];
	int			 i;

	if (cmd_prefix(a, "prefix", &r.prefix, &r.plen) == -1 ||
	    r.prefix.af != AF_INET6)
		return cmd_fail(cli, "%% Invalid prefix\n");
	for (i = r.plen; i < 128; i++)
		r.prefix.v6.s6_addr[i / 8] &= (uint8_t)~(0x80 >> (i % 8));
	if (cmd_arg(a, "ifname") != NULL) {
		if (cmd_ifname(a, "ifname", ifn, sizeof(ifn)) == -1)
			return cmd_fail(cli, "%% Invalid interface\n");
		r.ifname = ifn;
	}
	if (nh != NULL && (addr_pton(nh, &r.nexthop) == -1 ||
	    r.nexthop.af != AF_INET6))
		return cmd_fail(cli, "%% Invalid next hop\n");
	if (cmd_off(a)) {
		if (model_route_del(cfg, &r, 1) == 0)
			return cmd_fail(cli, "%%No matching route to "
			    "delete\n");
		return CLI_OK;
	}
	if (r.ifname == NULL && r.nexthop.af == 0)
		return cmd_fail(cli, "%% Incomplete command.\n");
	return route_store(cli, cfg, a, &r);
}

static const struct cmd_tok t_ip_route[] = {
	{ "ip", H_IPG },
	{ "route", "Establish static routes" },
	{ "A.B.C.D:prefix", "Destination prefix" },
	{ "A.B.C.D:mask", "Destination prefix mask" },
	{ "{", NULL },
	{ "A.B.C.D:nh", "Forwarding router's address" },
	{ "|", NULL },
	{ "IFNAME:ifname", "Interface" },
	{ "[", NULL }, { "A.B.C.D:nh", "Forwarding router's address" },
	{ "]", NULL },
	{ "}", NULL },
	{ "[", NULL }, { "<1-255>:dist", "Distance metric for this route" },
	{ "]", NULL },
	{ "[", NULL }, { "name", "Specify name of the next hop" },
	{ "WORD:rname", "Name of the next hop" }, { "]", NULL },
	{ "[", NULL }, { "{", NULL },
	{ "permanent", "permanent route" }, { "|", NULL },
	{ "track", "Install route depending on tracked item" },
	{ "<1-1000>:trackno", "tracked object number" },
	{ "}", NULL }, { "]", NULL },
	{ "[", NULL }, { "tag", "Set tag for this route" },
	{ "<1-4294967295>:tagval", "Tag value" }, { "]", NULL },
	T_END
};
static const struct cmd_tok t_ipv6_route[] = {
	{ "ipv6", H_IPV6 },
	{ "route", "Configure static routes" },
	{ "X:X::X:X/M:prefix", "IPv6 prefix" },
	{ "{", NULL },
	{ "X:X::X:X:nh", "IPv6 address of next-hop" },
	{ "|", NULL },
	{ "IFNAME:ifname", "Interface" },
	{ "[", NULL }, { "X:X::X:X:nh", "IPv6 address of next-hop" },
	{ "]", NULL },
	{ "}", NULL },
	{ "[", NULL }, { "<1-254>:dist", "Administrative distance" },
	{ "]", NULL },
	{ "[", NULL }, { "name", "Specify name of the next hop" },
	{ "WORD:rname", "Name of the next hop" }, { "]", NULL },
	{ "[", NULL }, { "tag", "Tag value" },
	{ "<1-4294967295>:tagval", "Tag value" }, { "]", NULL },
	T_END
};

static const struct cmd_def c_ip_route = { M(IOS_M_CONFIG), -1, CMD_NO, 4,
	h_ip_route, t_ip_route };
static const struct cmd_def c_ipv6_route = { M(IOS_M_CONFIG), -1, CMD_NO, 3,
	h_ipv6_route, t_ipv6_route };

const struct cmd_def *const cmds_route[] = {
	&c_ip_route, &c_ipv6_route,
	NULL
};
