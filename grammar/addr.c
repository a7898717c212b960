/*
 * grammar/addr.c: addresses and masks as the model keeps them.
 */
#include <arpa/inet.h>
#include <string.h>

#include "grammar/ios.h"

int
addr_pton(const char *s, struct ios_addr *a)
{
	memset(a, 0, sizeof(*a));
	if (inet_pton(AF_INET, s, &a->v4) == 1) {
		a->af = AF_INET;
		return 0;
	}
	if (inet_pton(AF_INET6, s, &a->v6) == 1) {
		a->af = AF_INET6;
		return 0;
	}
	return -1;
}

const char *
addr_ntop(const struct ios_addr *a, char *buf, size_t len)
{
	if (a->af == 0 || inet_ntop(a->af, &a->v4, buf, len) == NULL) {
		if (len > 0)
			buf[0] = '\0';
	}
	return buf;
}

int
addr_eq(const struct ios_addr *a, const struct ios_addr *b)
{
	if (a->af != b->af)
		return 0;
	if (a->af == AF_INET)
		return a->v4.s_addr == b->v4.s_addr;
	if (a->af == AF_INET6)
		return memcmp(&a->v6, &b->v6, sizeof(a->v6)) == 0;
	return 1;
}

int
mask_plen(struct in_addr m)
{
	uint32_t	 v = ntohl(m.s_addr);
	int		 n = 0;

	while (v & 0x80000000u) {
		n++;
		v <<= 1;
	}
	return v == 0 ? n : -1;
}

struct in_addr
plen_mask(int plen)
{
	struct in_addr	 m;

	m.s_addr = plen <= 0 ? 0 : htonl(0xffffffffu << (32 - plen));
	return m;
}

int
addr_v4_unicast(struct in_addr a)
{
	uint32_t	 h = ntohl(a.s_addr);

	return (h >> 24) != 0 && (h >> 24) != 127 && (h >> 28) < 14;
}
