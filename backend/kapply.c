/*
 * backend/kapply.c: bring the kernel to a desired state as one
 * transaction.
 *
 * Read what iosh owns (kapply_read), diff (kdiff_make), execute
 * (kapply_exec).  Steps of one kind go to the kernel as one batch when
 * the kernel table offers batching; a new batch starts at each change
 * of kind, so a link exists before the addresses that name it.  When
 * any step fails, every step that succeeded is undone in reverse order
 * and the report names the failing object and its config line.
 *
 * The kernel drops routes by itself when an address or a link they
 * depend on goes away or down.  After an apply that removed an address
 * or touched a link, kapply reads again: what the desired state still
 * lacks is added (if it cannot be, as for a route over a link set
 * down, the whole apply is undone), and after a failure, what the
 * kernel had before is brought back.  The compiler should not ask for
 * routes over a link it shuts: such a state is refused whole.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "backend/backend.h"

#define KAPPLY_NOT_RUN	1	/* in res[]: the step was never sent */
#define KAPPLY_ADOPTED	2	/* in res[]: it was there already */

static int
kapply_add_cb(struct kstate *have, int kind, const void *obj, size_t len)
{
	struct kobj	o;

	memset(&o, 0, sizeof(o));
	o.kind = kind;
	memcpy(&o.u, obj, len);
	return kstate_add(have, &o);
}

static int
kapply_policy_cb(void *arg, const struct k_policy *p)
{
	return kapply_add_cb(arg, KOBJ_POLICY, p, sizeof(*p));
}

static int
kapply_link_cb(void *arg, const struct k_link *l)
{
	return kapply_add_cb(arg, KOBJ_LINK, l, sizeof(*l));
}

static int
kapply_addr_cb(void *arg, const struct k_ifaddr *a)
{
	return kapply_add_cb(arg, KOBJ_ADDR, a, sizeof(*a));
}

static int
kapply_route_cb(void *arg, const struct k_route *r)
{
	return kapply_add_cb(arg, KOBJ_ROUTE, r, sizeof(*r));
}

/* The physical links want names, as they are now. */
static int
kapply_read_phys(struct kernel *k, struct kstate *want, struct kstate *have)
{
	const struct kobj	*w;
	struct k_link		 l;
	size_t			 i;
	int			 error;

	for (i = 0; i < kstate_count(want, KOBJ_LINK); i++) {
		w = kstate_get(want, KOBJ_LINK, i);
		if (w->u.link.kind != K_LINK_PHYS)
			continue;
		memset(&l, 0, sizeof(l));
		error = k->ops->link_get(k->arg, w->u.link.name, &l);
		if (error == -ENODEV)
			continue;
		if (error != 0)
			return error;
		l.kind = K_LINK_PHYS;
		if ((error = kapply_add_cb(have, KOBJ_LINK, &l,
		    sizeof(l))) != 0)
			return error;
	}
	return 0;
}

/* What iosh owns in the kernel now, plus the physical links want uses. */
int
kapply_read(struct kernel *k, struct kstate *want, struct kstate **havep)
{
	const struct kernel_ops	*ops = k->ops;
	struct kstate		*have;
	int			 error;

	*havep = NULL;
	if ((have = kstate_new()) == NULL)
		return -ENOMEM;
	if ((error = ops->policy_list(k->arg, kapply_policy_cb, have)) != 0 ||
	    (error = ops->link_list(k->arg, kapply_link_cb, have)) != 0 ||
	    (error = ops->addr_list(k->arg, kapply_addr_cb, have)) != 0 ||
	    (error = ops->route_list(k->arg, kapply_route_cb, have)) != 0 ||
	    (error = kapply_read_phys(k, want, have)) != 0) {
		kstate_free(have);
		return error;
	}
	*havep = have;
	return 0;
}

static int
kapply_call_link(struct kernel *k, int verb, const struct k_link *l)
{
	if (verb == KOBJ_CHANGE || l->kind == K_LINK_PHYS) {
		if (verb == KOBJ_DEL)
			return -EPERM;
		return k->ops->link_change(k->arg, l);
	}
	if (verb == KOBJ_ADD)
		return k->ops->link_add(k->arg, l);
	return k->ops->link_del(k->arg, l);
}

static int
kapply_call(struct kernel *k, int verb, const struct kobj *o)
{
	const struct kernel_ops	*ops = k->ops;

	switch (o->kind) {
	case KOBJ_LINK:
		return kapply_call_link(k, verb, &o->u.link);
	case KOBJ_ADDR:
		if (verb == KOBJ_CHANGE)
			return 0;
		return verb == KOBJ_ADD ? ops->addr_add(k->arg, &o->u.addr) :
		    ops->addr_del(k->arg, &o->u.addr);
	case KOBJ_ROUTE:
		return verb == KOBJ_ADD ? ops->route_add(k->arg, &o->u.route) :
		    verb == KOBJ_CHANGE ?
		    ops->route_replace(k->arg, &o->u.route) :
		    ops->route_del(k->arg, &o->u.route);
	case KOBJ_POLICY:
		return verb == KOBJ_ADD ?
		    ops->policy_add(k->arg, &o->u.policy) :
		    verb == KOBJ_CHANGE ?
		    ops->policy_update(k->arg, &o->u.policy) :
		    ops->policy_del(k->arg, &o->u.policy);
	}
	return -EINVAL;
}

/* One call to make: a step forward, or a step undone. */
struct kapply_call {
	int			 verb;
	const struct kobj	*obj;
	size_t			 step;	/* index into the diff */
};

static struct kapply_call
kapply_forward(const struct kdiff *d, size_t i)
{
	struct kapply_call	c = { d->v[i].verb, kdiff_obj(&d->v[i]), i };

	return c;
}

static struct kapply_call
kapply_inverse(const struct kdiff *d, size_t i)
{
	const struct kdiff_step	*s = &d->v[i];
	struct kapply_call	 c = { KOBJ_CHANGE, s->have, i };

	if (s->verb == KOBJ_ADD) {
		c.verb = KOBJ_DEL;
		c.obj = s->want;
	} else if (s->verb == KOBJ_DEL)
		c.verb = KOBJ_ADD;
	return c;
}

/* How many of the calls failed (not counting those never made). */
static size_t
kapply_failed(const struct kapply_call *c, size_t n, const int *res)
{
	size_t	i, failed = 0;

	for (i = 0; i < n; i++)
		if (res[c[i].step] != 0 && res[c[i].step] != KAPPLY_NOT_RUN &&
		    res[c[i].step] != KAPPLY_ADOPTED)
			failed++;
	return failed;
}

/*
 * An address the config asks for that the device has already, put
 * there by someone else (the installer, DHCP, a test's topology): the
 * config is met, so it is taken as it is.  It stays theirs: iosh never
 * removes it, on a later apply or when undoing this one.
 */
static int
kapply_adopt(const struct kapply_call *c, int error)
{
	return c->verb == KOBJ_ADD && c->obj->kind == KOBJ_ADDR &&
	    error == -EEXIST ? KAPPLY_ADOPTED : error;
}

/* Whether a removal failed only because the kernel already dropped it. */
static int
kapply_gone(int verb, int error)
{
	return verb == KOBJ_DEL && (error == -ENOENT || error == -ESRCH ||
	    error == -EADDRNOTAVAIL || error == -ENODEV);
}

/*
 * Make n calls of one kind, as one batch when the kernel can; store
 * each result in res[call.step].  Going forward without batching,
 * stop at the first failure.  When undoing, make every call, and a
 * removal of what is gone already is no failure.  Returns the number
 * of failed calls.
 */
static size_t
kapply_group(struct kernel *k, const struct kapply_call *c, size_t n,
    int *res, size_t *queued, size_t *ncalls, int undoing)
{
	int	*bres, batch;
	size_t	 i, nq = 0;

	if ((bres = calloc(n, sizeof(*bres))) == NULL) {
		for (i = 0; i < n; i++)
			res[c[i].step] = -ENOMEM;
		return n;
	}
	batch = k->ops->batch_begin != NULL &&
	    k->ops->batch_begin(k->arg) == 0;
	for (i = 0; i < n; i++) {
		res[c[i].step] = kapply_call(k, c[i].verb, c[i].obj);
		(*ncalls)++;
		if (!undoing)
			res[c[i].step] = kapply_adopt(&c[i], res[c[i].step]);
		if (res[c[i].step] == KAPPLY_ADOPTED)
			continue;
		if (res[c[i].step] == 0) {
			if (batch)
				queued[nq++] = c[i].step;
			continue;
		}
		if (!batch && !undoing)
			break;
	}
	if (batch)
		k->ops->batch_end(k->arg, bres, nq);
	for (i = 0; batch && i < nq; i++)
		res[queued[i]] = bres[i];
	for (i = 0; batch && !undoing && i < n; i++)
		res[c[i].step] = kapply_adopt(&c[i], res[c[i].step]);
	free(bres);
	for (i = 0; undoing && i < n; i++)
		if (kapply_gone(c[i].verb, res[c[i].step]))
			res[c[i].step] = 0;
	return kapply_failed(c, n, res);
}

/*
 * Run calls in groups of one kind; going forward, stop after a group
 * that failed; undoing, go on to the end.
 */
static size_t
kapply_calls(struct kernel *k, const struct kapply_call *c, size_t n,
    int *res, size_t *queued, size_t *ncalls, int undoing)
{
	size_t	i, j, failed = 0;

	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && c[j].obj->kind == c[i].obj->kind;)
			j++;
		failed += kapply_group(k, c + i, j - i, res, queued, ncalls,
		    undoing);
		if (failed != 0 && !undoing)
			break;
	}
	return failed;
}

static void
kapply_report_fail(const struct kdiff *d, const int *res,
    struct kapply_report *rep)
{
	const struct kobj	*o;
	size_t			 i;

	for (i = 0; i < d->n; i++)
		if (res[i] != 0 && res[i] != KAPPLY_NOT_RUN &&
		    res[i] != KAPPLY_ADOPTED)
			break;
	if (i == d->n)
		return;
	o = kdiff_obj(&d->v[i]);
	rep->err = res[i];
	rep->verb = d->v[i].verb;
	rep->origin = o->origin;
	if (kobj_fmt(o, rep->verb, rep->what, sizeof(rep->what)) != 0)
		strncpy(rep->what, kobj_kind_name(o->kind),
		    sizeof(rep->what) - 1);
}

/* Undo, newest first, every step that succeeded. */
static void
kapply_undo(struct kernel *k, const struct kdiff *d, int *res,
    struct kapply_call *c, size_t *queued, struct kapply_report *rep)
{
	size_t	i, n = 0;

	for (i = d->n; i-- > 0;)
		if (res[i] == 0)
			c[n++] = kapply_inverse(d, i);
	for (i = 0; i < d->n; i++)
		res[i] = KAPPLY_NOT_RUN;
	rep->undo_failed += kapply_calls(k, c, n, res, queued, &rep->calls,
	    1);
}

/* Undo every step of d, which all succeeded. */
static void
kapply_revert(struct kernel *k, const struct kdiff *d,
    struct kapply_report *rep)
{
	struct kapply_call	*c = calloc(d->n + 1, sizeof(*c));
	size_t			*queued = calloc(d->n + 1, sizeof(*queued));
	int			*res = calloc(d->n + 1, sizeof(*res));

	if (c != NULL && queued != NULL && res != NULL)
		kapply_undo(k, d, res, c, queued, rep);
	else
		rep->undo_failed += d->n;
	free(c);
	free(queued);
	free(res);
}

/*
 * Execute the steps of d.  Returns 0, or the errno of the first step
 * that failed after undoing the rest (rep says which object, and its
 * origin, which points into the desired state).
 */
int
kapply_exec(struct kernel *k, const struct kdiff *d,
    struct kapply_report *rep)
{
	struct kapply_call	*c = NULL;
	size_t			*queued = NULL, i;
	int			*res = NULL;
	int			 error = -ENOMEM;

	memset(rep, 0, sizeof(*rep));
	if (d->n == 0)
		return 0;
	c = calloc(d->n, sizeof(*c));
	queued = calloc(d->n, sizeof(*queued));
	res = calloc(d->n, sizeof(*res));
	if (c == NULL || queued == NULL || res == NULL)
		goto done;
	for (i = 0; i < d->n; i++) {
		c[i] = kapply_forward(d, i);
		res[i] = KAPPLY_NOT_RUN;
	}
	error = 0;
	if (kapply_calls(k, c, d->n, res, queued, &rep->calls, 0) == 0)
		goto done;
	kapply_report_fail(d, res, rep);
	error = rep->err;
	kapply_undo(k, d, res, c, queued, rep);
done:
	if (error == -ENOMEM && rep->err == 0)
		rep->err = error;
	free(c);
	free(queued);
	free(res);
	return error;
}

/* Refuse a desired object iosh could not recognise as its own later. */
static int
kapply_check(struct kstate *want, struct kapply_report *rep)
{
	const struct kobj	*o;
	size_t			 i;
	int			 k;

	for (k = 0; k < KOBJ_NKINDS; k++) {
		for (i = 0; i < kstate_count(want, k); i++) {
			o = kstate_get(want, k, i);
			if (kobj_owned(o))
				continue;
			rep->err = -EINVAL;
			rep->verb = KOBJ_ADD;
			rep->origin = o->origin;
			kobj_fmt(o, KOBJ_ADD, rep->what, sizeof(rep->what));
			return -EINVAL;
		}
	}
	return 0;
}

/*
 * Whether d may make the kernel drop objects it was not asked to: it
 * drops the routes through a gateway when the address that reaches it
 * goes, and the routes over a link that goes down or away.
 */
static int
kapply_side_effects(const struct kdiff *d)
{
	const struct kobj	*o;
	size_t			 i;

	for (i = 0; i < d->n; i++) {
		o = kdiff_obj(&d->v[i]);
		if (o->kind == KOBJ_LINK ||
		    (o->kind == KOBJ_ADDR && d->v[i].verb == KOBJ_DEL))
			return 1;
	}
	return 0;
}

/* Read, diff and execute once: the kernel to target. */
static int
kapply_converge(struct kernel *k, struct kstate *target,
    struct kapply_report *rep)
{
	struct kstate	*now = NULL;
	struct kdiff	 d = { NULL, 0 };
	int		 error;

	memset(rep, 0, sizeof(*rep));
	if ((error = kapply_read(k, target, &now)) == 0 &&
	    (error = kdiff_make(target, now, &d)) == 0)
		error = kapply_exec(k, &d, rep);
	else
		rep->err = error;
	kdiff_free(&d);
	kstate_free(now);
	return error;
}

/*
 * After an apply with side effects: on success, add again what the
 * kernel dropped (when that fails, as for a route whose gateway is no
 * longer reachable, the whole apply is undone); on failure, bring
 * back what the kernel dropped during the apply or its undo.
 */
static int
kapply_settle(struct kernel *k, struct kstate *want, struct kstate *have,
    const struct kdiff *d, int error, struct kapply_report *rep)
{
	struct kapply_report	r2;

	if (error == 0) {
		error = kapply_converge(k, want, &r2);
		rep->calls += r2.calls;
		if (error == 0)
			return 0;
		rep->err = r2.err;
		rep->verb = r2.verb;
		rep->origin = r2.origin;
		memcpy(rep->what, r2.what, sizeof(rep->what));
		kapply_revert(k, d, rep);
	}
	if (kapply_converge(k, have, &r2) != 0)
		rep->undo_failed++;
	rep->calls += r2.calls;
	return error;
}

/* Bring the kernel to want: read, diff, execute. */
int
kapply_run(struct kernel *k, struct kstate *want, struct kapply_report *rep)
{
	struct kstate	*have = NULL;
	struct kdiff	 d = { NULL, 0 };
	int		 error;

	memset(rep, 0, sizeof(*rep));
	if ((error = kapply_check(want, rep)) != 0)
		return error;
	if ((error = kapply_read(k, want, &have)) != 0 ||
	    (error = kdiff_make(want, have, &d)) != 0) {
		rep->err = error;
		snprintf(rep->what, sizeof(rep->what), "%s",
		    error == -EEXIST ? "two objects with one identity" :
		    "reading the kernel state");
		goto done;
	}
	error = kapply_exec(k, &d, rep);
	if (kapply_side_effects(&d))
		error = kapply_settle(k, want, have, &d, error, rep);
done:
	kdiff_free(&d);
	kstate_free(have);
	return error;
}

/*
 * What an apply would do now, as `ip` commands, without changing
 * anything: for `show crypto compile diff`, and when iosh has no
 * privilege to change the kernel.
 */
int
kapply_plan(struct kernel *k, struct kstate *want, FILE *f)
{
	struct kstate	*have = NULL;
	struct kdiff	 d = { NULL, 0 };
	int		 error;

	if ((error = kapply_read(k, want, &have)) == 0 &&
	    (error = kdiff_make(want, have, &d)) == 0)
		error = kdiff_write(&d, f);
	kdiff_free(&d);
	kstate_free(have);
	return error;
}
