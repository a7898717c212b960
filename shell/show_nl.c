/*
 * shell/show_nl.c: the links, addresses and routes of this network
 * namespace, read through libnl-route, with IOS names, for show
 * interfaces, show ip interface brief and show ip route.
 *
 * A Linux device gets the IOS name of the configured interface that
 * maps to it (the backend's rule: the ifmap for physical interfaces,
 * iosh-tunN for TunnelN), else the name an exact line of the ifmap
 * file gives it; other devices keep their Linux names.  Configured
 * interfaces come first, in the config's order, then the other devices
 * by ifindex.  Reading needs no privilege.  docs/show-mapping.md lists
 * the fields.
 */
#include <arpa/inet.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/route/addr.h>
#include <netlink/route/link.h>
#include <netlink/route/route.h>

#include "backend/compile.h"
#include "grammar/ios.h"
#include "shell/show.h"

struct show_nl {
	const struct ios_config	*cfg;
	struct nl_sock		*sk;
	struct nl_cache		*links, *addrs, *routes;
	struct show_state	*st;
};

/* The Linux device of a configured interface, as the backend names it. */
static int
show_nl_dev(const struct ios_config *cfg, const char *ios, char *out,
    size_t len)
{
	return compile_ifname(cfg, NULL, ios, out, len);
}

static const struct ios_if *
show_nl_ios_if(const struct ios_config *cfg, const char *dev)
{
	const struct ios_if	*f;
	char			 d[IF_NAMESIZE + 16];
	size_t			 i;

	for (i = 0; cfg != NULL && i < cfg->interfaces.n; i++) {
		f = cfg->interfaces.v[i];
		if (show_nl_dev(cfg, f->name, d, sizeof(d)) == 0 &&
		    strcmp(d, dev) == 0)
			return f;
	}
	return NULL;
}

/*
 * An exact line of the ifmap file ("GigabitEthernet0/2 ens5") names an
 * interface that is not configured (yet); patterns name none.
 */
static int
show_nl_ifmap_name(const struct ios_config *cfg, const char *dev,
    char *out, size_t len)
{
	FILE	*f;
	char	 line[256], ios[128], d[64], *hash;
	int	 found = 0;

	if (cfg == NULL || cfg->ifmap_path == NULL ||
	    (f = fopen(cfg->ifmap_path, "r")) == NULL)
		return 0;
	while (!found && fgets(line, sizeof(line), f) != NULL) {
		if ((hash = strchr(line, '#')) != NULL)
			*hash = '\0';
		if (sscanf(line, "%127s %63s", ios, d) != 2 ||
		    strchr(ios, '*') != NULL || strcmp(d, dev) != 0)
			continue;
		found = ifname_canon(ios, out, len) == 0;
	}
	fclose(f);
	return found;
}

void
show_nl_ifname(const struct ios_config *cfg, const char *dev, char *out,
    size_t len)
{
	const struct ios_if	*f = show_nl_ios_if(cfg, dev);

	if (f != NULL)
		snprintf(out, len, "%s", f->name);
	else if (!show_nl_ifmap_name(cfg, dev, out, len))
		snprintf(out, len, "%s", dev);
}

/* Kind of hardware, and IOS's default bandwidth and delay for it. */
static void
show_nl_hw(struct rtnl_link *lk, const char *ios, struct show_link *l)
{
	const char	*kind = rtnl_link_get_type(lk);
	unsigned	 arp = rtnl_link_get_arptype(lk);

	if (strncmp(ios, "Tunnel", 6) == 0 || (arp != ARPHRD_ETHER &&
	    arp != ARPHRD_LOOPBACK)) {
		snprintf(l->hw, sizeof(l->hw), "Tunnel");
		l->bw_kbit = 100;
		l->dly_usec = 50000;
	} else if (arp == ARPHRD_LOOPBACK) {
		snprintf(l->hw, sizeof(l->hw), "Loopback");
		l->bw_kbit = 8000000;
		l->dly_usec = 5000;
	} else {
		snprintf(l->hw, sizeof(l->hw), "%s", kind ? kind : "Ethernet");
		l->bw_kbit = 1000000;
		l->dly_usec = 10;
	}
}

static void
show_nl_stats(struct rtnl_link *lk, struct show_link *l)
{
	l->rx_packets = rtnl_link_get_stat(lk, RTNL_LINK_RX_PACKETS);
	l->rx_bytes = rtnl_link_get_stat(lk, RTNL_LINK_RX_BYTES);
	l->tx_packets = rtnl_link_get_stat(lk, RTNL_LINK_TX_PACKETS);
	l->tx_bytes = rtnl_link_get_stat(lk, RTNL_LINK_TX_BYTES);
	l->rx_errors = rtnl_link_get_stat(lk, RTNL_LINK_RX_ERRORS);
	l->rx_crc = rtnl_link_get_stat(lk, RTNL_LINK_RX_CRC_ERR);
	l->rx_frame = rtnl_link_get_stat(lk, RTNL_LINK_RX_FRAME_ERR);
	l->rx_over = rtnl_link_get_stat(lk, RTNL_LINK_RX_OVER_ERR);
	l->rx_dropped = rtnl_link_get_stat(lk, RTNL_LINK_RX_DROPPED);
	l->rx_mcast = rtnl_link_get_stat(lk, RTNL_LINK_MULTICAST);
	l->tx_errors = rtnl_link_get_stat(lk, RTNL_LINK_TX_ERRORS);
	l->tx_dropped = rtnl_link_get_stat(lk, RTNL_LINK_TX_DROPPED);
	l->collisions = rtnl_link_get_stat(lk, RTNL_LINK_COLLISIONS);
	l->tx_carrier = rtnl_link_get_stat(lk, RTNL_LINK_TX_CARRIER_ERR);
}

/* The primary IPv4 address of ifindex, if any. */
static void
show_nl_addr(struct show_nl *n, int ifindex, struct show_link *l)
{
	struct nl_object	*o;
	struct rtnl_addr	*a;
	struct nl_addr		*local;

	for (o = nl_cache_get_first(n->addrs); o != NULL;
	    o = nl_cache_get_next(o)) {
		a = (struct rtnl_addr *)o;
		if (rtnl_addr_get_ifindex(a) != ifindex ||
		    rtnl_addr_get_family(a) != AF_INET ||
		    (rtnl_addr_get_flags(a) & IFA_F_SECONDARY) ||
		    (local = rtnl_addr_get_local(a)) == NULL ||
		    nl_addr_get_len(local) != 4)
			continue;
		memcpy(&l->addr, nl_addr_get_binary_addr(local), 4);
		l->plen = rtnl_addr_get_prefixlen(a);
		l->has_addr = 1;
		return;
	}
}

static void
show_nl_link(struct show_nl *n, struct rtnl_link *lk, struct show_link *l)
{
	struct nl_addr	*mac = rtnl_link_get_addr(lk);
	unsigned	 flags = rtnl_link_get_flags(lk);
	const char	*alias = rtnl_link_get_ifalias(lk);

	snprintf(l->dev, sizeof(l->dev), "%s", rtnl_link_get_name(lk));
	show_nl_hw(lk, l->name, l);
	l->admin_up = (flags & IFF_UP) != 0;
	l->oper_up = l->admin_up && (flags & IFF_RUNNING) != 0;
	if (mac != NULL && nl_addr_get_len(mac) == 6 &&
	    rtnl_link_get_arptype(lk) == ARPHRD_ETHER) {
		memcpy(l->mac, nl_addr_get_binary_addr(mac), 6);
		l->has_mac = 1;
	}
	if (l->descr[0] == '\0' && alias != NULL)
		snprintf(l->descr, sizeof(l->descr), "%s", alias);
	l->mtu = rtnl_link_get_mtu(lk);
	show_nl_stats(lk, l);
	show_nl_addr(n, rtnl_link_get_ifindex(lk), l);
}

/* How the address came: from the config, by hand, by DHCP, or none. */
static const char *
show_nl_method(const struct ios_if *f, const struct show_link *l)
{
	if (f != NULL && f->dhcp)
		return "DHCP";
	if (!l->has_addr)
		return "unset";
	if (f != NULL && f->has_addr && f->addr.s_addr == l->addr.s_addr)
		return "NVRAM";
	return "manual";
}

/* The tunnel lines of show interfaces, from the config. */
static void
show_nl_tunnel(const struct ios_config *cfg, const struct ios_if *f,
    struct show_link *l)
{
	const struct ios_if	*src;
	char			 a[INET6_ADDRSTRLEN];
	size_t			 i;

	if (strncmp(f->name, "Tunnel", 6) != 0)
		return;
	snprintf(l->tun_proto, sizeof(l->tun_proto), "%s",
	    f->tun_mode == TUN_IPSEC_IPV4 ? "IPSEC/IP" :
	    f->tun_mode == TUN_IPSEC_IPV6 ? "IPSEC/IPV6" :
	    f->tun_mode == TUN_GRE_IPV6 ? "GRE/IPV6" : "GRE/IP");
	if (f->tun_src.af != 0)
		addr_ntop(&f->tun_src, l->tun_src, sizeof(l->tun_src));
	for (i = 0; f->tun_src_if != NULL && i < cfg->interfaces.n; i++) {
		src = cfg->interfaces.v[i];
		if (strcmp(src->name, f->tun_src_if) != 0)
			continue;
		inet_ntop(AF_INET, &src->addr, a, sizeof(a));
		snprintf(l->tun_src, sizeof(l->tun_src), "%s (%s)",
		    src->has_addr ? a : "UNKNOWN", src->name);
	}
	if (f->tun_dst.af != 0)
		addr_ntop(&f->tun_dst, l->tun_dst, sizeof(l->tun_dst));
	else if (f->tun_dst_host != NULL)
		snprintf(l->tun_dst, sizeof(l->tun_dst), "%s",
		    f->tun_dst_host);
	if (f->tun_profile != NULL)
		snprintf(l->tun_profile, sizeof(l->tun_profile), "%s",
		    f->tun_profile);
}

/* A configured interface, with its device's state when there is one. */
static void
show_nl_conf_if(struct show_nl *n, const struct ios_if *f,
    struct show_link *l)
{
	struct rtnl_link	*lk;
	char			 dev[IF_NAMESIZE + 16];

	snprintf(l->name, sizeof(l->name), "%s", f->name);
	if (f->description != NULL)
		snprintf(l->descr, sizeof(l->descr), "%s", f->description);
	if (show_nl_dev(n->cfg, f->name, dev, sizeof(dev)) == 0 &&
	    (lk = rtnl_link_get_by_name(n->links, dev)) != NULL) {
		show_nl_link(n, lk, l);
		rtnl_link_put(lk);
	} else {
		/* No device (yet): what the config says, protocol down. */
		snprintf(l->hw, sizeof(l->hw), "%s", strncmp(f->name,
		    "Tunnel", 6) == 0 ? "Tunnel" : "Ethernet");
		l->admin_up = !f->shutdown;
		l->mtu = f->mtu ? (unsigned)f->mtu : 1500;
		l->has_addr = f->has_addr;
		l->addr = f->addr;
		l->plen = f->has_addr ? mask_plen(f->mask) : 0;
	}
	l->method = show_nl_method(f, l);
	show_nl_tunnel(n->cfg, f, l);
}

static int
show_nl_links(struct show_nl *n)
{
	const struct ios_config	*cfg = n->cfg;
	struct nl_object	*o;
	struct show_link	*l;
	size_t			 i, max;

	max = (cfg ? cfg->interfaces.n : 0) + nl_cache_nitems(n->links);
	if ((n->st->links = calloc(max + 1, sizeof(*l))) == NULL)
		return -1;
	for (i = 0; cfg != NULL && i < cfg->interfaces.n; i++)
		show_nl_conf_if(n, cfg->interfaces.v[i],
		    &n->st->links[n->st->nlinks++]);
	for (o = nl_cache_get_first(n->links); o != NULL;
	    o = nl_cache_get_next(o)) {
		const char *dev = rtnl_link_get_name((struct rtnl_link *)o);

		if (show_nl_ios_if(cfg, dev) != NULL)
			continue;
		l = &n->st->links[n->st->nlinks++];
		show_nl_ifname(cfg, dev, l->name, sizeof(l->name));
		show_nl_link(n, (struct rtnl_link *)o, l);
		l->method = show_nl_method(NULL, l);
	}
	return 0;
}

/* The IOS code and administrative distance of a route's protocol. */
static void
show_nl_proto(struct rtnl_route *rt, struct show_route *r)
{
	static const struct {
		int		 proto;
		char		 code;
		unsigned	 distance;
	} map[] = {
		{ RTPROT_BGP, 'B', 20 }, { RTPROT_OSPF, 'O', 110 },
		{ RTPROT_RIP, 'R', 120 }, { RTPROT_EIGRP, 'D', 90 },
		{ RTPROT_ISIS, 'i', 115 }, { RTPROT_DHCP, 'S', 254 },
	};
	int	 p = rtnl_route_get_protocol(rt);
	size_t	 i;

	r->code = 'S';
	r->distance = 1;
	if (p == RTPROT_KERNEL && rtnl_route_get_scope(rt) == RT_SCOPE_LINK) {
		r->code = 'C';
		r->distance = 0;
		return;
	}
	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (map[i].proto == p) {
			r->code = map[i].code;
			r->distance = map[i].distance;
		}
}

/* 1 when the route goes out a link without carrier (IOS drops those). */
static int
show_nl_nexthops(struct show_nl *n, struct rtnl_route *rt,
    struct show_route *r)
{
	struct rtnl_nexthop	*nh;
	struct nl_addr		*gw;
	char			 dev[IF_NAMESIZE];
	int			 i, down = 0;

	for (i = 0; i < rtnl_route_get_nnexthops(rt) &&
	    r->nnh < SHOW_MAX_NH; i++) {
		struct show_nexthop *x = &r->nh[r->nnh++];

		nh = rtnl_route_nexthop_n(rt, i);
		if (rtnl_route_nh_get_flags(nh) & RTNH_F_LINKDOWN)
			down++;
		gw = rtnl_route_nh_get_gateway(nh);
		if (gw != NULL && nl_addr_get_len(gw) == 4) {
			memcpy(&x->gw, nl_addr_get_binary_addr(gw), 4);
			x->has_gw = 1;
		}
		if (rtnl_link_i2name(n->links, rtnl_route_nh_get_ifindex(nh),
		    dev, sizeof(dev)) != NULL)
			show_nl_ifname(n->cfg, dev, x->ifname,
			    sizeof(x->ifname));
	}
	return r->nnh > 0 && down == (int)r->nnh;
}

/* Is the device of a local route up?  IOS drops L routes of a down one. */
static int
show_nl_running(struct show_nl *n, struct rtnl_route *rt)
{
	struct rtnl_nexthop	*nh;
	struct rtnl_link	*lk;
	int			 up = 0;

	if (rtnl_route_get_nnexthops(rt) < 1)
		return 0;
	nh = rtnl_route_nexthop_n(rt, 0);
	if ((lk = rtnl_link_get(n->links, rtnl_route_nh_get_ifindex(nh))) ==
	    NULL)
		return 0;
	up = (rtnl_link_get_flags(lk) & (IFF_UP | IFF_RUNNING)) ==
	    (IFF_UP | IFF_RUNNING);
	rtnl_link_put(lk);
	return up;
}

/* 0: shown; 1: not a route show ip route lists. */
static int
show_nl_route(struct show_nl *n, struct rtnl_route *rt, struct show_route *r)
{
	struct nl_addr	*dst = rtnl_route_get_dst(rt);
	uint32_t	 table = rtnl_route_get_table(rt);
	uint8_t		 type = rtnl_route_get_type(rt);

	memset(r, 0, sizeof(*r));
	if (dst != NULL && nl_addr_get_len(dst) == 4)
		memcpy(&r->dst, nl_addr_get_binary_addr(dst), 4);
	r->plen = dst != NULL ? (int)nl_addr_get_prefixlen(dst) : 0;
	r->metric = rtnl_route_get_priority(rt);
	if (table == RT_TABLE_LOCAL && type == RTN_LOCAL) {
		if ((ntohl(r->dst.s_addr) >> 24) == 127 ||
		    !show_nl_running(n, rt))
			return 1;
		r->code = 'L';
		r->plen = 32;
		r->metric = 0;
	} else if (table == RT_TABLE_MAIN && (type == RTN_UNICAST ||
	    type == RTN_BLACKHOLE || type == RTN_UNREACHABLE ||
	    type == RTN_PROHIBIT))
		show_nl_proto(rt, r);
	else
		return 1;
	r->candidate = r->plen == 0 && r->code != 'C';
	if (show_nl_nexthops(n, rt, r))
		return 1;
	return 0;
}

static int
show_nl_routes(struct show_nl *n)
{
	struct nl_object	*o;
	size_t			 max = nl_cache_nitems(n->routes);

	if ((n->st->routes = calloc(max + 1, sizeof(struct show_route))) ==
	    NULL)
		return -1;
	for (o = nl_cache_get_first(n->routes); o != NULL;
	    o = nl_cache_get_next(o))
		if (show_nl_route(n, (struct rtnl_route *)o,
		    &n->st->routes[n->st->nroutes]) == 0)
			n->st->nroutes++;
	return 0;
}

static void
show_nl_close(struct show_nl *n)
{
	if (n->links != NULL)
		nl_cache_free(n->links);
	if (n->addrs != NULL)
		nl_cache_free(n->addrs);
	if (n->routes != NULL)
		nl_cache_free(n->routes);
	nl_socket_free(n->sk);
}

int
show_nl_read(const struct ios_config *cfg, struct show_state *st,
    char *err, size_t errlen)
{
	struct show_nl	n;
	int		e = 0, rc = -1;

	memset(st, 0, sizeof(*st));
	memset(&n, 0, sizeof(n));
	n.cfg = cfg;
	n.st = st;
	if ((n.sk = nl_socket_alloc()) == NULL ||
	    (e = nl_connect(n.sk, NETLINK_ROUTE)) < 0 ||
	    (e = rtnl_link_alloc_cache(n.sk, AF_UNSPEC, &n.links)) < 0 ||
	    (e = rtnl_addr_alloc_cache(n.sk, &n.addrs)) < 0 ||
	    (e = rtnl_route_alloc_cache(n.sk, AF_INET, 0, &n.routes)) < 0) {
		snprintf(err, errlen, "netlink: %s", e ? nl_geterror(e) :
		    "out of memory");
		goto done;
	}
	if (show_nl_links(&n) != 0 || show_nl_routes(&n) != 0) {
		snprintf(err, errlen, "out of memory");
		show_nl_free(st);
		goto done;
	}
	rc = 0;
done:
	show_nl_close(&n);
	return rc;
}

void
show_nl_free(struct show_state *st)
{
	free(st->links);
	free(st->routes);
	memset(st, 0, sizeof(*st));
}
