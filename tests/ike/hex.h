/*
 * tests/ike/hex.h: hex strings to bytes for the IKE test suites.
 * Spaces inside the string are skipped so vectors can be grouped.
 */
#ifndef IOSH_TESTS_IKE_HEX_H
#define IOSH_TESTS_IKE_HEX_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static inline int
hex_nib(char c)
{
	if (c >= '0' && c <= '9')
		return (c - '0');
	if (c >= 'a' && c <= 'f')
		return (c - 'a' + 10);
	if (c >= 'A' && c <= 'F')
		return (c - 'A' + 10);
	return (-1);
}

/* Decode into a malloc'd buffer; *len gets the byte count. */
static inline uint8_t *
hex(const char *s, size_t *len)
{
	uint8_t	*out = malloc(strlen(s) / 2 + 1);
	size_t	 n = 0;
	int	 hi = -1, v;

	for (; *s; s++) {
		if ((v = hex_nib(*s)) < 0)
			continue;
		if (hi < 0)
			hi = v;
		else {
			out[n++] = (uint8_t)(hi << 4 | v);
			hi = -1;
		}
	}
	*len = n;
	return (out);
}

#endif
