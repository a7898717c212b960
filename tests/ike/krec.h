/*
 * tests/ike/krec.h: a recording double of struct kernel for the IKE
 * suites.  It copies each SA it is given, keys included, so a test can
 * compare what both peers installed.
 */
#ifndef IOSH_TESTS_IKE_KREC_H
#define IOSH_TESTS_IKE_KREC_H

#include "backend/kernel.h"

#define KREC_MAX	16

struct krec_sa {
	struct k_sa	sa;
	uint8_t		enc_key[64], auth_key[64], aead_key[64];
	char		enc[32], auth[32], aead[32];
};

struct krec {
	struct kernel	k;
	struct krec_sa	add[KREC_MAX];
	int		nadd;
	struct k_sa_id	del[KREC_MAX];
	int		ndel;
	int		fail;		/* errno to return from sa_add */
};

void	krec_init(struct krec *);
const struct krec_sa *krec_find(const struct krec *, uint32_t);

#endif
