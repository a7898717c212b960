/*
 * backend/compile_addr.c: addresses, masks and wildcards, from the
 * config model's forms to the kernel's.
 */
#include <arpa/inet.h>
#include <string.h>

#include "backend/compile_priv.h"

void
compile_addr4(struct k_addr *k, struct in_addr a)
{
	memset(k, 0, sizeof(*k));
	k->family = AF_INET;
	k->u.v4 = a;
}

void
compile_addr6(struct k_addr *k, const struct in6_addr *a)
{
	memset(k, 0, sizeof(*k));
	k->family = AF_INET6;
	k->u.v6 = *a;
}

/* 0, or -1 when the address is not set. */
int
compile_addr_ios(struct k_addr *k, const struct ios_addr *a)
{
	memset(k, 0, sizeof(*k));
	if (a->af == AF_INET)
		compile_addr4(k, a->v4);
	else if (a->af == AF_INET6)
		compile_addr6(k, &a->v6);
	else
		return -1;
	return 0;
}

/* The prefix length of a netmask; -1 when it is not contiguous. */
int
compile_mask_plen(struct in_addr m)
{
	uint32_t	v = ntohl(m.s_addr);
	int		n = 0;

	while (v & 0x80000000u) {
		v <<= 1;
		n++;
	}
	return v == 0 ? n : -1;
}

/* The prefix length of an ACL wildcard; -1 when not contiguous. */
int
compile_wild_plen(struct in_addr w)
{
	struct in_addr	m;

	m.s_addr = ~w.s_addr;
	return compile_mask_plen(m);
}

/* 1 when a lies inside net/plen. */
int
compile_addr_in(const struct k_addr *a, const struct k_addr *net, int plen)
{
	int	i, bits;

	if (a->family != net->family || plen < 0)
		return 0;
	for (i = 0; plen > 0; i++, plen -= 8) {
		bits = plen >= 8 ? 0xff : (0xff00 >> plen) & 0xff;
		if ((a->u.bytes[i] & bits) != (net->u.bytes[i] & bits))
			return 0;
	}
	return 1;
}

/* 1 when the address is all zeros (0.0.0.0, ::). */
int
compile_addr_any(const struct k_addr *a)
{
	static const uint8_t	zero[16];

	return memcmp(a->u.bytes, zero, sizeof(zero)) == 0;
}
