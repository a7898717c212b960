/*
 * backend/krec.c: the kernel table as a recording, for tests.
 *
 * An in-memory kernel: objects iosh owns, and objects that belong to
 * someone else (seeded by the test, never listed, never removed).  Each
 * changing call is written to a log as the equivalent `ip` command (SA
 * calls as "sa add" and "sa del" lines, never with keys); the N-th
 * changing call can be told to fail.  Batching can be switched on to
 * exercise the batched path of the applier.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "backend/backend.h"

struct krec {
	struct kstate	*owned;
	struct kstate	*foreign;
	FILE		*log;
	char		*logbuf;
	size_t		 loglen;
	unsigned	 calls;
	unsigned	 fail_at;	/* 0: never */
	int		 fail_err;
	int		 batching;
	int		 in_batch;
	int		*queue;
	size_t		 nqueue, capqueue;
};

struct krec *
krec_new(void)
{
	struct krec	*r;

	if ((r = calloc(1, sizeof(*r))) == NULL)
		return NULL;
	r->owned = kstate_new();
	r->foreign = kstate_new();
	r->log = open_memstream(&r->logbuf, &r->loglen);
	if (r->owned == NULL || r->foreign == NULL || r->log == NULL) {
		krec_free(r);
		return NULL;
	}
	return r;
}

void
krec_free(struct krec *r)
{
	if (r == NULL)
		return;
	kstate_free(r->owned);
	kstate_free(r->foreign);
	if (r->log != NULL)
		fclose(r->log);
	free(r->logbuf);
	free(r->queue);
	free(r);
}

/* Put an object in the kernel without a call; owned or someone else's. */
int
krec_seed(struct krec *r, const struct kobj *o, int owned)
{
	return kstate_add(owned ? r->owned : r->foreign, o);
}

/* Make the n-th changing call from now on (1: the next) fail with err. */
void
krec_fail_at(struct krec *r, unsigned n, int err)
{
	r->fail_at = n ? r->calls + n : 0;
	r->fail_err = err;
}

void
krec_batching(struct krec *r, int on)
{
	r->batching = on;
}

const char *
krec_log(struct krec *r)
{
	fflush(r->log);
	return r->logbuf != NULL ? r->logbuf : "";
}

void
krec_log_clear(struct krec *r)
{
	fflush(r->log);
	rewind(r->log);
	fflush(r->log);
	if (r->logbuf != NULL)
		r->logbuf[0] = '\0';
}

unsigned
krec_calls(const struct krec *r)
{
	return r->calls;
}

struct kstate *
krec_state(struct krec *r)
{
	return r->owned;
}

/* Count a changing call; the injected failure, or 0. */
static int
krec_count(struct krec *r)
{
	r->calls++;
	return r->calls == r->fail_at ? r->fail_err : 0;
}

/* Return a call's result, or queue it while batching. */
static int
krec_result(struct krec *r, int error)
{
	int	*q;
	size_t	 cap;

	if (error != 0)
		fprintf(r->log, "# failed: %s\n", strerror(-error));
	if (!r->in_batch)
		return error;
	if (r->nqueue == r->capqueue) {
		cap = r->capqueue ? r->capqueue * 2 : 64;
		if ((q = realloc(r->queue, cap * sizeof(*q))) == NULL)
			return -ENOMEM;
		r->queue = q;
		r->capqueue = cap;
	}
	r->queue[r->nqueue++] = error;
	return 0;
}

static int
krec_store(struct krec *r, int verb, const struct kobj *o)
{
	struct kobj	*cur;

	cur = kstate_find(r->owned, o);
	switch (verb) {
	case KOBJ_ADD:
		if (cur != NULL || kstate_find(r->foreign, o) != NULL)
			return -EEXIST;
		return kstate_add(r->owned, o);
	case KOBJ_CHANGE:
		if (cur == NULL)
			return -ENOENT;
		cur->u = o->u;
		return 0;
	}
	if (cur == NULL)
		return o->kind == KOBJ_ROUTE ? -ESRCH : -ENOENT;
	return kstate_del(r->owned, o);
}

/* One changing call on an object: log, maybe fail, then do it. */
static int
krec_do(struct krec *r, int verb, int kind, const void *obj, size_t len)
{
	struct kobj	o;
	char		line[1024];
	int		error;

	memset(&o, 0, sizeof(o));
	o.kind = kind;
	memcpy(&o.u, obj, len);
	if (kobj_fmt(&o, verb, line, sizeof(line)) == 0)
		fprintf(r->log, "%s\n", line);
	if ((error = krec_count(r)) == 0)
		error = krec_store(r, verb, &o);
	return krec_result(r, error);
}

static int
krec_sa_add(void *arg, const struct k_sa *sa)
{
	struct krec	*r = arg;
	char		 dst[INET6_ADDRSTRLEN];

	kobj_addr_fmt(&sa->dst, dst, sizeof(dst));
	fprintf(r->log, "sa add dst %s spi %#x reqid %u if_id %u\n", dst,
	    sa->spi, sa->reqid, sa->if_id);
	return krec_result(r, krec_count(r));
}

static int
krec_sa_del(void *arg, const struct k_sa_id *id)
{
	struct krec	*r = arg;
	char		 dst[INET6_ADDRSTRLEN];

	kobj_addr_fmt(&id->dst, dst, sizeof(dst));
	fprintf(r->log, "sa del dst %s spi %#x\n", dst, id->spi);
	return krec_result(r, krec_count(r));
}

static int
krec_sa_stats(void *arg, const struct k_sa_id *id, struct k_sa_stats *st)
{
	memset(st, 0, sizeof(*st));
	return 0;
}

#define KREC_OP(name, verb, kind, type)					\
static int								\
krec_##name(void *arg, const type *obj)				\
{									\
	return krec_do(arg, verb, kind, obj, sizeof(*obj));		\
}

KREC_OP(policy_add, KOBJ_ADD, KOBJ_POLICY, struct k_policy)
KREC_OP(policy_update, KOBJ_CHANGE, KOBJ_POLICY, struct k_policy)
KREC_OP(policy_del, KOBJ_DEL, KOBJ_POLICY, struct k_policy)
KREC_OP(link_add, KOBJ_ADD, KOBJ_LINK, struct k_link)
KREC_OP(link_del, KOBJ_DEL, KOBJ_LINK, struct k_link)
KREC_OP(addr_add, KOBJ_ADD, KOBJ_ADDR, struct k_ifaddr)
KREC_OP(addr_del, KOBJ_DEL, KOBJ_ADDR, struct k_ifaddr)
KREC_OP(route_add, KOBJ_ADD, KOBJ_ROUTE, struct k_route)
KREC_OP(route_replace, KOBJ_CHANGE, KOBJ_ROUTE, struct k_route)
KREC_OP(route_del, KOBJ_DEL, KOBJ_ROUTE, struct k_route)

static struct kobj *
krec_find_link(struct krec *r, const char *name)
{
	struct kobj	key;
	struct kobj	*o;

	memset(&key, 0, sizeof(key));
	key.kind = KOBJ_LINK;
	snprintf(key.u.link.name, sizeof(key.u.link.name), "%s", name);
	if ((o = kstate_find(r->owned, &key)) == NULL)
		o = kstate_find(r->foreign, &key);
	return o;
}

/* Set mtu and up on any link, ours or not, as the kernel would. */
static int
krec_link_change(void *arg, const struct k_link *l)
{
	struct krec	*r = arg;
	struct kobj	 o = { .kind = KOBJ_LINK };
	struct kobj	*cur;
	char		 line[1024];
	int		 error;

	o.u.link = *l;
	if (kobj_fmt(&o, KOBJ_CHANGE, line, sizeof(line)) == 0)
		fprintf(r->log, "%s\n", line);
	if ((error = krec_count(r)) == 0 &&
	    (cur = krec_find_link(r, l->name)) == NULL)
		error = -ENODEV;
	if (error == 0 && l->mtu != 0)
		cur->u.link.mtu = l->mtu;
	if (error == 0 && l->up != K_UP_LEAVE)
		cur->u.link.up = l->up;
	return krec_result(r, error);
}

static int
krec_link_get(void *arg, const char *name, struct k_link *l)
{
	struct kobj	*o;

	if ((o = krec_find_link(arg, name)) == NULL)
		return -ENODEV;
	*l = o->u.link;
	return 0;
}

/* Whether a list call shows o: owned, marked, and not a physical link. */
static int
krec_listed(const struct kobj *o)
{
	return kobj_owned(o) &&
	    !(o->kind == KOBJ_LINK && o->u.link.kind == K_LINK_PHYS);
}

#define KREC_LIST(name, kind, fntype, member)				\
static int								\
krec_##name(void *arg, fntype fn, void *fnarg)				\
{									\
	struct krec		*r = arg;				\
	const struct kobj	*o;					\
	size_t			 i;				\
	int			 error;				\
									\
	for (i = 0; i < kstate_count(r->owned, kind); i++) {		\
		o = kstate_get(r->owned, kind, i);			\
		if (krec_listed(o) &&					\
		    (error = fn(fnarg, &o->u.member)) != 0)		\
			return error;					\
	}								\
	return 0;							\
}

KREC_LIST(policy_list, KOBJ_POLICY, k_policy_fn, policy)
KREC_LIST(link_list, KOBJ_LINK, k_link_fn, link)
KREC_LIST(addr_list, KOBJ_ADDR, k_ifaddr_fn, addr)
KREC_LIST(route_list, KOBJ_ROUTE, k_route_fn, route)

static int
krec_batch_begin(void *arg)
{
	struct krec	*r = arg;

	r->in_batch = 1;
	r->nqueue = 0;
	return 0;
}

static int
krec_batch_end(void *arg, int *res, size_t nres)
{
	struct krec	*r = arg;
	size_t		 i;

	for (i = 0; i < r->nqueue && i < nres; i++)
		res[i] = r->queue[i];
	r->in_batch = 0;
	fprintf(r->log, "# batch of %zu\n", r->nqueue);
	return (int)r->nqueue;
}

#define KREC_OPS							\
	.sa_add = krec_sa_add,						\
	.sa_del = krec_sa_del,						\
	.sa_stats = krec_sa_stats,					\
	.policy_add = krec_policy_add,					\
	.policy_update = krec_policy_update,				\
	.policy_del = krec_policy_del,					\
	.policy_list = krec_policy_list,				\
	.link_add = krec_link_add,					\
	.link_change = krec_link_change,				\
	.link_del = krec_link_del,					\
	.link_get = krec_link_get,					\
	.link_list = krec_link_list,					\
	.addr_add = krec_addr_add,					\
	.addr_del = krec_addr_del,					\
	.addr_list = krec_addr_list,					\
	.route_add = krec_route_add,					\
	.route_replace = krec_route_replace,				\
	.route_del = krec_route_del,					\
	.route_list = krec_route_list

static const struct kernel_ops krec_ops = { KREC_OPS };
static const struct kernel_ops krec_ops_batch = {
	KREC_OPS,
	.batch_begin = krec_batch_begin,
	.batch_end = krec_batch_end,
};

void
krec_kernel(struct krec *r, struct kernel *k)
{
	k->ops = r->batching ? &krec_ops_batch : &krec_ops;
	k->arg = r;
}
