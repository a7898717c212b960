/*
 * grammar/subnet.c: the IPv4 subnets of the interfaces, kept sorted and
 * disjoint (IOS refuses overlapping ones), so that the overlap check of
 * ip address and the "is this one of my addresses" check of ip route
 * are a binary search each, not a walk over every interface.
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "grammar/ios.h"

struct subnet {
	uint32_t	 lo;		/* network, host order */
	uint32_t	 hi;		/* broadcast */
	uint32_t	 addr;		/* the interface's address */
	struct ios_if	*ifp;
};

/* The index of the first subnet with lo >= v. */
static size_t
subnet_lower(const struct ios_vec *v, uint32_t x)
{
	size_t	 lo = 0, hi = v->n, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (((struct subnet *)v->v[mid])->lo < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The interface owning a subnet that overlaps addr/mask, or NULL. */
struct ios_if *
subnet_overlap(const struct ios_config *cfg, struct in_addr addr,
    struct in_addr mask)
{
	const struct ios_vec	*v = &cfg->subnets;
	uint32_t		 m = ntohl(mask.s_addr);
	uint32_t		 lo = ntohl(addr.s_addr) & m, hi = lo | ~m;
	size_t			 i = subnet_lower(v, lo);
	struct subnet		*s;

	if (i < v->n && (s = v->v[i])->lo <= hi)
		return s->ifp;
	if (i > 0 && (s = v->v[i - 1])->hi >= lo)
		return s->ifp;
	return NULL;
}

/* The interface whose address is addr, or NULL. */
struct ios_if *
subnet_owner(const struct ios_config *cfg, struct in_addr addr)
{
	const struct ios_vec	*v = &cfg->subnets;
	uint32_t		 a = ntohl(addr.s_addr);
	size_t			 i = subnet_lower(v, a);
	struct subnet		*s;

	if (i < v->n && (s = v->v[i])->lo == a && s->addr == a)
		return s->ifp;
	if (i > 0 && (s = v->v[i - 1])->hi >= a && s->addr == a)
		return s->ifp;
	return NULL;
}

int
subnet_add(struct ios_config *cfg, struct in_addr addr, struct in_addr mask,
    struct ios_if *ifp)
{
	struct subnet	*s;
	uint32_t	 m = ntohl(mask.s_addr);

	if ((s = malloc(sizeof(*s))) == NULL)
		return -1;
	s->addr = ntohl(addr.s_addr);
	s->lo = s->addr & m;
	s->hi = s->lo | ~m;
	s->ifp = ifp;
	if (vec_insert(&cfg->subnets, subnet_lower(&cfg->subnets, s->lo),
	    s) == -1) {
		free(s);
		return -1;
	}
	return 0;
}

void
subnet_del(struct ios_config *cfg, struct in_addr addr)
{
	struct ios_vec	*v = &cfg->subnets;
	uint32_t	 a = ntohl(addr.s_addr);
	size_t		 i;

	for (i = subnet_lower(v, a & 0xffffff00u); i > 0 &&
	    ((struct subnet *)v->v[i - 1])->hi >= a; i--)
		;
	for (; i < v->n && ((struct subnet *)v->v[i])->lo <= a; i++)
		if (((struct subnet *)v->v[i])->addr == a) {
			free(v->v[i]);
			vec_remove(v, i);
			return;
		}
}

/* Every subnet of an interface, when it goes. */
void
subnet_del_if(struct ios_config *cfg, const struct ios_if *ifp)
{
	size_t	 i;

	if (ifp->has_addr)
		subnet_del(cfg, ifp->addr);
	for (i = 0; i < ifp->secondary.n; i++)
		subnet_del(cfg, ((struct in_addr *)ifp->secondary.v[i])[0]);
}
