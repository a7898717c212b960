/*
 * tests/ike/krec.c: the recording kernel.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "tests/ike/krec.h"

static void
krec_alg(struct k_alg *a, uint8_t *key, char *name)
{
	if (a->name == NULL)
		return;
	snprintf(name, 32, "%s", a->name);
	memcpy(key, a->key, a->keylen);
	a->name = name;
	a->key = key;
}

static int
krec_sa_add(void *arg, const struct k_sa *sa)
{
	struct krec	*r = arg;
	struct krec_sa	*s;

	if (r->fail)
		return (-r->fail);
	if (r->nadd >= KREC_MAX || sa->enc.keylen > 64 ||
	    sa->auth.keylen > 64 || sa->aead.keylen > 64)
		return (-ENOSPC);
	s = &r->add[r->nadd++];
	s->sa = *sa;
	krec_alg(&s->sa.enc, s->enc_key, s->enc);
	krec_alg(&s->sa.auth, s->auth_key, s->auth);
	krec_alg(&s->sa.aead, s->aead_key, s->aead);
	return (0);
}

static int
krec_sa_del(void *arg, const struct k_sa_id *id)
{
	struct krec	*r = arg;

	if (r->ndel >= KREC_MAX)
		return (-ENOSPC);
	r->del[r->ndel++] = *id;
	return (0);
}

static int
krec_sa_stats(void *arg, const struct k_sa_id *id, struct k_sa_stats *st)
{
	memset(st, 0, sizeof(*st));
	return (0);
}

static const struct kernel_ops krec_ops = {
	.sa_add = krec_sa_add,
	.sa_del = krec_sa_del,
	.sa_stats = krec_sa_stats,
};

void
krec_init(struct krec *r)
{
	memset(r, 0, sizeof(*r));
	r->k.ops = &krec_ops;
	r->k.arg = r;
}

const struct krec_sa *
krec_find(const struct krec *r, uint32_t spi)
{
	int	i;

	for (i = 0; i < r->nadd; i++)
		if (r->add[i].sa.spi == spi)
			return (&r->add[i]);
	return (NULL);
}
