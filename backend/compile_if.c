/*
 * backend/compile_if.c: interfaces (link state, MTU, addresses) and
 * static routes.  Tunnel interfaces get their link in compile_tun.c;
 * their addresses and the routes through them are compiled here.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend/compile_priv.h"
#include "grammar/ios.h"

/* Ethernet-like IOS types that map to ethN by default. */
static const char *const compile_eth_types[] = {
	"Ethernet", "FastEthernet", "GigabitEthernet",
	"TenGigabitEthernet", "TwentyFiveGigE", "FortyGigabitEthernet",
	"HundredGigE", NULL
};

static void
addr_str_ios(const struct ios_addr *a, char *buf, size_t len)
{
	inet_ntop(a->af, a->af == AF_INET ? (const void *)&a->v4 :
	    (const void *)&a->v6, buf, (socklen_t)len);
}

/* The built-in map: ethN for the last number, iosh-tunN for TunnelN. */
static int
compile_ifname_default(const char *ios, char *out, size_t len)
{
	const char	*p, *last;
	size_t		 i, tl;
	int		 n;

	if (strncmp(ios, "Tunnel", 6) == 0 && compile_if_id(ios) > 0) {
		n = snprintf(out, len, "%s-tun%s", K_LINK_PREFIX, ios + 6);
		return n > 0 && (size_t)n < len && (size_t)n < K_NAMSIZ ?
		    0 : -1;
	}
	for (i = 0; compile_eth_types[i] != NULL; i++) {
		tl = strlen(compile_eth_types[i]);
		if (strncmp(ios, compile_eth_types[i], tl) == 0 &&
		    ios[tl] >= '0' && ios[tl] <= '9')
			break;
	}
	if (compile_eth_types[i] == NULL)
		return -1;
	last = ios + tl;
	for (p = last; *p != '\0'; p++) {
		if (*p == '/')
			last = p + 1;
		else if (*p < '0' || *p > '9')
			return -1;	/* subinterfaces: not mapped */
	}
	n = snprintf(out, len, "eth%s", last);
	return n > 0 && (size_t)n < len && (size_t)n < K_NAMSIZ ? 0 : -1;
}

/* A Linux device name: 1 to 15 characters, no '/' nor blanks. */
static int
compile_devname_ok(const char *s)
{
	size_t	n = strlen(s);

	return n > 0 && n < K_NAMSIZ && strpbrk(s, "/ \t") == NULL;
}

int
compile_ifname(const struct ios_config *cfg, const struct compile_opts *opts,
    const char *ios, char *out, size_t len)
{
	size_t	i;

	/* Tunnels are links iosh creates: always iosh-tunN. */
	if (compile_if_id(ios) > 0)
		return compile_ifname_default(ios, out, len);
	if (opts != NULL && opts->ifmap != NULL)
		return opts->ifmap(opts->ifmap_arg, ios, out, len) == 0 &&
		    compile_devname_ok(out) ? 0 : -1;
	for (i = 0; opts != NULL && i < opts->nmap; i++) {
		if (strcmp(opts->map[i].ios, ios) != 0)
			continue;
		if (strlen(opts->map[i].dev) >= len ||
		    !compile_devname_ok(opts->map[i].dev))
			return -1;
		strcpy(out, opts->map[i].dev);
		return 0;
	}
	if (cfg != NULL)
		return ifmap_linux(cfg, ios, out, len) == 0 &&
		    compile_devname_ok(out) ? 0 : -1;
	return compile_ifname_default(ios, out, len);
}

const struct ios_if *
compile_if_find(struct compile_ctx *c, const char *name)
{
	size_t	i;

	for (i = 0; i < c->cfg->interfaces.n; i++) {
		const struct ios_if	*f = c->cfg->interfaces.v[i];

		if (strcmp(f->name, name) == 0)
			return f;
	}
	return NULL;
}

/* The Linux device of f; -1 (with a diagnostic) when there is none. */
int
compile_if_dev(struct compile_ctx *c, const struct ios_if *f, char *out,
    size_t len)
{
	char	line[COMPILE_LINE_MAX];

	if (compile_ifname(c->cfg, c->opts, f->name, out, len) == 0)
		return 0;
	snprintf(line, sizeof(line), "interface %s", f->name);
	compile_diag(c, COMPILE_WARN, line, "interface %s has no Linux "
	    "device in the interface map; it is not compiled", f->name);
	return -1;
}

/* The primary address of f in family af (0: any); -1 when none. */
int
compile_if_addr(const struct ios_if *f, int af, struct k_addr *a)
{
	size_t	i;

	if (f->has_addr && (af == 0 || af == AF_INET)) {
		compile_addr4(a, f->addr);
		return 0;
	}
	for (i = 0; (af == 0 || af == AF_INET6) && i < f->addr6.n; i++) {
		const struct ios_ip6addr	*a6 = f->addr6.v[i];

		if (!a6->link_local && !a6->eui64) {
			compile_addr6(a, &a6->addr);
			return 0;
		}
	}
	return -1;
}

static void
compile_if_addr_add(struct compile_ctx *c, const char *dev,
    const struct k_addr *a, int plen, const char *line)
{
	struct kobj	o = { .kind = KOBJ_ADDR };
	char		s[INET6_ADDRSTRLEN];

	snprintf(o.u.addr.dev, sizeof(o.u.addr.dev), "%s", dev);
	o.u.addr.addr = *a;
	o.u.addr.plen = (uint8_t)plen;
	if (compile_add(c, &o, line) == -EEXIST)
		compile_diag(c, COMPILE_WARN, line, "%s overlaps with another "
		    "address on this interface; not compiled",
		    compile_addr_str(a, s, sizeof(s)));
}

static void
compile_if_addr4(struct compile_ctx *c, const struct ios_if *f,
    const char *dev, struct in_addr addr, struct in_addr mask, int sec)
{
	char		line[COMPILE_LINE_MAX], a[INET_ADDRSTRLEN];
	char		m[INET_ADDRSTRLEN];
	struct k_addr	k;
	int		plen;

	inet_ntop(AF_INET, &addr, a, sizeof(a));
	inet_ntop(AF_INET, &mask, m, sizeof(m));
	snprintf(line, sizeof(line), "interface %s: ip address %s %s%s",
	    f->name, a, m, sec ? " secondary" : "");
	if ((plen = compile_mask_plen(mask)) < 0) {
		compile_diag(c, COMPILE_WARN, line, "Bad mask %s for address "
		    "%s; not compiled", m, a);
		return;
	}
	compile_addr4(&k, addr);
	compile_if_addr_add(c, dev, &k, plen, line);
}

static void
compile_if_addr6(struct compile_ctx *c, const struct ios_if *f,
    const char *dev, const struct ios_ip6addr *a6)
{
	char		line[COMPILE_LINE_MAX], a[INET6_ADDRSTRLEN];
	struct k_addr	k;

	inet_ntop(AF_INET6, &a6->addr, a, sizeof(a));
	snprintf(line, sizeof(line), "interface %s: ipv6 address %s/%d%s",
	    f->name, a, a6->plen, a6->eui64 ? " eui-64" :
	    a6->link_local ? " link-local" : "");
	if (a6->eui64) {
		/* XXX: the interface identifier needs the device's MAC. */
		compile_diag(c, COMPILE_WARN, line, "eui-64 addresses are not "
		    "compiled");
		return;
	}
	compile_addr6(&k, &a6->addr);
	compile_if_addr_add(c, dev, &k, a6->plen, line);
}

/* Every address of f on dev. */
static void
compile_if_addrs(struct compile_ctx *c, const struct ios_if *f,
    const char *dev)
{
	char	line[COMPILE_LINE_MAX];
	size_t	i;

	if (f->has_addr)
		compile_if_addr4(c, f, dev, f->addr, f->mask, 0);
	for (i = 0; i < f->secondary.n; i++) {
		const struct in_addr	*s = f->secondary.v[i];

		compile_if_addr4(c, f, dev, s[0], s[1], 1);
	}
	for (i = 0; i < f->addr6.n; i++)
		compile_if_addr6(c, f, dev, f->addr6.v[i]);
	if (f->dhcp) {
		snprintf(line, sizeof(line), "interface %s: ip address dhcp",
		    f->name);
		compile_diag(c, COMPILE_NOTE, line, "iosh leaves DHCP to the "
		    "system; the address of %s is not compiled", f->name);
	}
}

/* A physical interface: its link state, MTU and addresses. */
static void
compile_if_phys(struct compile_ctx *c, const struct ios_if *f)
{
	struct kobj	o = { .kind = KOBJ_LINK };
	struct k_link	*l = &o.u.link;
	char		line[COMPILE_LINE_MAX];

	if (compile_if_dev(c, f, l->name, sizeof(l->name)) != 0)
		return;
	snprintf(line, sizeof(line), "interface %s", f->name);
	l->kind = K_LINK_PHYS;
	l->up = f->shutdown ? 0 : 1;
	l->mtu = (uint32_t)(f->ip_mtu ? f->ip_mtu : f->mtu);
	if (compile_add(c, &o, line) == -EEXIST) {
		compile_diag(c, COMPILE_WARN, line, "%s maps to device %s, "
		    "which another interface uses; not compiled", f->name,
		    l->name);
		return;
	}
	compile_if_addrs(c, f, l->name);
}

/* The device of a tunnel whose link was compiled, or -1. */
static int
compile_tun_dev(struct compile_ctx *c, const char *ios, char *dev,
    size_t len)
{
	struct kobj	key = { .kind = KOBJ_LINK };

	if (compile_ifname(c->cfg, c->opts, ios, key.u.link.name,
	    sizeof(key.u.link.name)) != 0)
		return -1;
	if (kstate_find(c->out->ks, &key) == NULL)
		return -1;
	snprintf(dev, len, "%s", key.u.link.name);
	return 0;
}

/* What iosh leaves out of an interface, said once. */
static void
compile_if_unsupported(struct compile_ctx *c, const struct ios_if *f)
{
	char	line[COMPILE_LINE_MAX];

	snprintf(line, sizeof(line), "interface %s", f->name);
	if (f->vrf != NULL)
		/* XXX: VRFs would need a routing table per VRF. */
		compile_diag(c, COMPILE_WARN, line, "vrf forwarding %s is not "
		    "compiled; %s is compiled in the global table", f->vrf,
		    f->name);
	if (f->tcp_mss != 0)
		compile_diag(c, COMPILE_NOTE, line, "ip tcp adjust-mss is not "
		    "compiled");
}

/*
 * Interfaces that are not tunnels, and the addresses of tunnels (after
 * compile_tunnels made their links).
 */
void
compile_if(struct compile_ctx *c)
{
	size_t	i;
	char	dev[K_NAMSIZ];

	for (i = 0; i < c->cfg->interfaces.n; i++) {
		const struct ios_if	*f = c->cfg->interfaces.v[i];

		compile_if_unsupported(c, f);
		if (compile_if_id(f->name) == 0)
			compile_if_phys(c, f);
		else if (compile_tun_dev(c, f->name, dev, sizeof(dev)) == 0)
			compile_if_addrs(c, f, dev);
	}
}

/* "ip route 10.0.0.0 255.0.0.0 Tunnel0 5" */
static void
compile_route_line(const struct ios_route *r, char *buf, size_t len)
{
	char		p[INET6_ADDRSTRLEN], nh[INET6_ADDRSTRLEN];
	struct in_addr	m = { 0 };
	size_t		n;

	inet_ntop(r->af, r->af == AF_INET ? (const void *)&r->prefix.v4 :
	    (const void *)&r->prefix.v6, p, sizeof(p));
	if (r->af == AF_INET) {
		m.s_addr = r->plen ? htonl(~0u << (32 - r->plen)) : 0;
		n = (size_t)snprintf(buf, len, "ip route %s ", p);
		inet_ntop(AF_INET, &m, buf + n, (socklen_t)(len - n));
	} else
		snprintf(buf, len, "ipv6 route %s/%d", p, r->plen);
	n = strlen(buf);
	if (r->ifname != NULL)
		n += (size_t)snprintf(buf + n, len - n, " %s", r->ifname);
	if (r->nexthop.af != 0 && n < len) {
		addr_str_ios(&r->nexthop, nh, sizeof(nh));
		n += (size_t)snprintf(buf + n, len - n, " %s", nh);
	}
	if (r->distance != 0 && n < len)
		n += (size_t)snprintf(buf + n, len - n, " %d", r->distance);
	if (r->permanent && n < len)
		snprintf(buf + n, len - n, " permanent");
}

/* The output device of r in rt->oif; -1 with a diagnostic. */
static int
compile_route_oif(struct compile_ctx *c, const struct ios_route *r,
    struct k_route *rt, const char *line)
{
	const struct ios_if	*f;

	if (strncmp(r->ifname, "Null", 4) == 0) {
		rt->type = K_RT_BLACKHOLE;
		return 0;
	}
	if ((f = compile_if_find(c, r->ifname)) == NULL) {
		compile_diag(c, COMPILE_WARN, line, "interface %s does not "
		    "exist; the route is not compiled", r->ifname);
		return -1;
	}
	if (compile_if_id(f->name) != 0) {
		if (compile_tun_dev(c, f->name, rt->oif, sizeof(rt->oif)) == 0)
			return 0;
		compile_diag(c, COMPILE_WARN, line, "%s has no compiled "
		    "tunnel; the route is not compiled", f->name);
		return -1;
	}
	return compile_if_dev(c, f, rt->oif, sizeof(rt->oif));
}

static void
compile_route(struct compile_ctx *c, const struct ios_route *r)
{
	struct kobj	o = { .kind = KOBJ_ROUTE };
	struct k_route	*rt = &o.u.route;
	char		line[COMPILE_LINE_MAX];

	compile_route_line(r, line, sizeof(line));
	if (compile_addr_ios(&rt->dst, &r->prefix) != 0)
		return;
	rt->plen = (uint8_t)r->plen;
	rt->type = K_RT_UNICAST;
	rt->metric = (uint32_t)(r->distance ? r->distance : 1);
	if (r->ifname != NULL && compile_route_oif(c, r, rt, line) != 0)
		return;
	if (r->nexthop.af != 0)
		compile_addr_ios(&rt->gw, &r->nexthop);
	if (r->track != 0)
		compile_diag(c, COMPILE_NOTE, line, "track %d is not "
		    "compiled; the route is installed unconditionally",
		    r->track);
	if (compile_add(c, &o, line) == -EEXIST)
		compile_diag(c, COMPILE_WARN, line, "another route to this "
		    "prefix with the same distance comes first; iosh installs "
		    "one path per prefix and distance");
}

/* ip route and ipv6 route. */
void
compile_routes(struct compile_ctx *c)
{
	size_t	i;

	for (i = 0; i < c->cfg->routes.n; i++)
		compile_route(c, c->cfg->routes.v[i]);
	for (i = 0; i < c->cfg->routes6.n; i++)
		compile_route(c, c->cfg->routes6.v[i]);
}
