/*
 * shell/show_route.c: show ip route, in IOS's layout, from plain data.
 *
 * IOS sorts by address and groups the subnets of each classful network
 * under a line of its own ("10.0.0.0/8 is variably subnetted, 3
 * subnets, 2 masks"); when all subnets share one mask, the header
 * carries it and the routes are printed without.  ntc-templates'
 * cisco_ios_show_ip_route reads both forms, after the "Gateway of last
 * resort" line.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shell/show.h"

static const char show_route_legend[] =
	"Codes: L - local, C - connected, S - static, R - RIP, M - mobile, "
	"B - BGP\n"
	"       D - EIGRP, EX - EIGRP external, O - OSPF, "
	"IA - OSPF inter area \n"
	"       N1 - OSPF NSSA external type 1, "
	"N2 - OSPF NSSA external type 2\n"
	"       E1 - OSPF external type 1, E2 - OSPF external type 2\n"
	"       i - IS-IS, su - IS-IS summary, L1 - IS-IS level-1, "
	"L2 - IS-IS level-2\n"
	"       ia - IS-IS inter area, * - candidate default, "
	"U - per-user static route\n"
	"       o - ODR, P - periodic downloaded static route, H - NHRP, "
	"l - LISP\n"
	"       a - application route\n"
	"       + - replicated route, % - next hop override, "
	"p - overrides from PfR\n\n";

/* The classful prefix length of a (host order) address. */
static int
show_route_classlen(uint32_t a)
{
	if (a < 0x80000000U)
		return 8;
	if (a < 0xC0000000U)
		return 16;
	if (a < 0xE0000000U)
		return 24;
	return 32;
}

static uint32_t
show_route_mask(int plen)
{
	return plen <= 0 ? 0 : plen >= 32 ? 0xFFFFFFFFU :
	    ~((1U << (32 - plen)) - 1);
}

/* The classful network a route belongs to. */
static uint32_t
show_route_major(const struct show_route *r)
{
	uint32_t	a = ntohl(r->dst.s_addr);

	return a & show_route_mask(show_route_classlen(a));
}

static int
show_route_cmp(const void *x, const void *y)
{
	const struct show_route	*a = x, *b = y;
	uint32_t		 ma = show_route_major(a);
	uint32_t		 mb = show_route_major(b);
	uint32_t		 da = ntohl(a->dst.s_addr);
	uint32_t		 db = ntohl(b->dst.s_addr);

	if (ma != mb)
		return ma < mb ? -1 : 1;
	if (da != db)
		return da < db ? -1 : 1;
	return a->plen - b->plen;
}

/* Does r belong under a header: one of its classful network's subnets? */
static int
show_route_sub(const struct show_route *r)
{
	return r->plen >= show_route_classlen(ntohl(r->dst.s_addr));
}

static void
show_route_nh(FILE *f, const struct show_route *r,
    const struct show_nexthop *nh)
{
	char	gw[INET_ADDRSTRLEN];

	if (!nh->has_gw || r->code == 'C' || r->code == 'L') {
		fprintf(f, " is directly connected, %s\n", nh->ifname);
		return;
	}
	inet_ntop(AF_INET, &nh->gw, gw, sizeof(gw));
	fprintf(f, " [%u/%u] via %s%s%s\n", r->distance, r->metric, gw,
	    nh->ifname[0] ? ", " : "", nh->ifname);
}

static void
show_route_one(FILE *f, const struct show_route *r, int indent, int mask)
{
	char	dst[INET_ADDRSTRLEN], gw[INET_ADDRSTRLEN];
	size_t	i;

	inet_ntop(AF_INET, &r->dst, dst, sizeof(dst));
	fprintf(f, "%c%c%s%s", r->code, r->candidate ? '*' : ' ',
	    indent ? "       " : "    ", dst);
	if (mask)
		fprintf(f, "/%d", r->plen);
	if (r->nnh == 0) {
		fputs(" is directly connected, Null0\n", f);
		return;
	}
	show_route_nh(f, r, &r->nh[0]);
	for (i = 1; i < r->nnh; i++) {
		inet_ntop(AF_INET, &r->nh[i].gw, gw, sizeof(gw));
		fprintf(f, "                [%u/%u] via %s%s%s\n", r->distance,
		    r->metric, gw, r->nh[i].ifname[0] ? ", " : "",
		    r->nh[i].ifname);
	}
}

/* The routes [i, end) of one classful network, with their header. */
static void
show_route_group(FILE *f, const struct show_route *r, size_t n)
{
	struct in_addr	major;
	size_t		i, masks = 1;
	int		clen = show_route_classlen(ntohl(r[0].dst.s_addr));

	if (n == 1 && r[0].plen == clen) {
		show_route_one(f, &r[0], 0, 1);
		return;
	}
	for (i = 1; i < n; i++) {
		size_t	j;

		for (j = 0; j < i && r[j].plen != r[i].plen; j++)
			;
		masks += j == i;
	}
	major.s_addr = htonl(show_route_major(&r[0]));
	if (masks > 1)
		fprintf(f, "      %s/%d is variably subnetted, %zu subnets, "
		    "%zu masks\n", inet_ntoa(major), clen, n, masks);
	else
		fprintf(f, "      %s/%d is subnetted, %zu subnets\n",
		    inet_ntoa(major), r[0].plen, n);
	for (i = 0; i < n; i++)
		show_route_one(f, &r[i], 1, masks > 1);
}

static void
show_route_gateway(FILE *f, const struct show_route *r, size_t n)
{
	char	gw[INET_ADDRSTRLEN];
	size_t	i;

	for (i = 0; i < n; i++) {
		if (r[i].plen != 0 || r[i].dst.s_addr != 0 || r[i].nnh == 0)
			continue;
		if (r[i].nh[0].has_gw)
			inet_ntop(AF_INET, &r[i].nh[0].gw, gw, sizeof(gw));
		else
			snprintf(gw, sizeof(gw), "0.0.0.0");
		fprintf(f, "Gateway of last resort is %s to network 0.0.0.0"
		    "\n\n", gw);
		return;
	}
	fputs("Gateway of last resort is not set\n\n", f);
}

void
show_ip_route(FILE *f, struct show_route *r, size_t n)
{
	size_t	i, j;

	qsort(r, n, sizeof(*r), show_route_cmp);
	fputs(show_route_legend, f);
	show_route_gateway(f, r, n);
	for (i = 0; i < n; i = j) {
		j = i + 1;
		if (!show_route_sub(&r[i])) {
			show_route_one(f, &r[i], 0, 1);
			continue;
		}
		while (j < n && show_route_sub(&r[j]) &&
		    show_route_major(&r[j]) == show_route_major(&r[i]))
			j++;
		show_route_group(f, &r[i], j - i);
	}
}
