/*
 * backend/backend.h: what the backend offers.
 *
 * - kernel.h: the table of kernel operations and the objects it takes.
 * - kobj: one kernel object of any kind; compare, print as `ip`.
 * - kstate: a set of kernel objects (the desired state, or what iosh
 *   owns in the kernel right now) with its canonical text form.
 * - kdiff: the steps that turn one state into another.
 * - kapply: read what iosh owns, diff, execute as one transaction.
 * - knl: the kernel table through netlink (libnl-3).
 * - krec: the kernel table as a recording in memory, for tests.
 *
 * XFRM states (SAs) are the IKE daemon's: it calls the kernel table
 * directly; they are not part of a kstate.
 */
#ifndef IOSH_BACKEND_BACKEND_H
#define IOSH_BACKEND_BACKEND_H

#include <stdio.h>

#include "backend/kernel.h"

/* Kinds in dependency order: a link before its addresses, and so on. */
enum kobj_kind {
	KOBJ_LINK,
	KOBJ_ADDR,
	KOBJ_ROUTE,
	KOBJ_POLICY,
	KOBJ_NKINDS
};

struct kobj {
	int			kind;		/* KOBJ_* */
	union {
		struct k_link	link;
		struct k_ifaddr	addr;
		struct k_route	route;
		struct k_policy	policy;
	} u;
	char			*origin;	/* config line, or NULL */
};

/* What a line of text does with an object. */
enum kobj_verb {
	KOBJ_ADD,
	KOBJ_CHANGE,
	KOBJ_DEL
};

int	kobj_key_cmp(const struct kobj *, const struct kobj *);
int	kobj_same(const struct kobj *, const struct kobj *);
int	kobj_needs_readd(const struct kobj *, const struct kobj *);
int	kobj_owned(const struct kobj *);
int	kobj_fmt(const struct kobj *, int, char *, size_t);
int	kobj_addr_fmt(const struct k_addr *, char *, size_t);
int	kobj_addr_cmp(const struct k_addr *, const struct k_addr *);
const char *kobj_kind_name(int);

/*
 * A set of kernel objects, one array per kind.  The compiler fills a
 * kstate with kstate_add_*, passing each object's config line as its
 * origin (copied).  kstate_write prints the canonical text form, for
 * `show crypto compile`: the `ip` commands that create the state,
 * kinds in dependency order, sorted by identity within a kind; a file
 * of them, "ip " removed, runs through `ip -batch` (addresses aside,
 * whose protocol iproute2 6.1 cannot set).
 */
struct kstate;

struct kstate	*kstate_new(void);
void		 kstate_free(struct kstate *);
int		 kstate_add(struct kstate *, const struct kobj *);
int		 kstate_add_policy(struct kstate *, const struct k_policy *,
		    const char *);
int		 kstate_add_link(struct kstate *, const struct k_link *,
		    const char *);
int		 kstate_add_addr(struct kstate *, const struct k_ifaddr *,
		    const char *);
int		 kstate_add_route(struct kstate *, const struct k_route *,
		    const char *);
int		 kstate_del(struct kstate *, const struct kobj *);
struct kobj	*kstate_find(struct kstate *, const struct kobj *);
int		 kstate_sort(struct kstate *);
size_t		 kstate_count(const struct kstate *, int);
const struct kobj *kstate_get(const struct kstate *, int, size_t);
int		 kstate_write(struct kstate *, FILE *);

/*
 * The steps from what is (have) to what should be (want), in execution
 * order; kdiff_make(want, have, d).  kdiff_write prints them as `ip`
 * commands, for `show crypto compile diff`.
 */
struct kdiff_step {
	int			 verb;	/* KOBJ_ADD, _CHANGE or _DEL */
	const struct kobj	*want;	/* NULL for KOBJ_DEL */
	const struct kobj	*have;	/* NULL for KOBJ_ADD */
};

struct kdiff {
	struct kdiff_step	*v;
	size_t			 n;
};

int	kdiff_make(struct kstate *, struct kstate *, struct kdiff *);
void	kdiff_free(struct kdiff *);
int	kdiff_write(const struct kdiff *, FILE *);
const struct kobj *kdiff_obj(const struct kdiff_step *);

/* The outcome of an apply. */
struct kapply_report {
	int		err;		/* 0, or the failure's -errno */
	int		verb;		/* of the failing step */
	char		what[512];	/* the failing object, as `ip` */
	const char	*origin;	/* its config line, or NULL */
	size_t		calls;		/* kernel calls, undo included */
	size_t		undo_failed;	/* undo calls that failed */
};

/*
 * kapply_run(k, want, rep): bring the kernel to want, all or nothing;
 * on failure, rep names the failing object and its origin (a pointer
 * into want).  kapply_plan: what kapply_run would do, changing nothing.
 * kapply_read, kdiff_make and kapply_exec are its three steps.
 */
int	kapply_read(struct kernel *, struct kstate *, struct kstate **);
int	kapply_exec(struct kernel *, const struct kdiff *,
	    struct kapply_report *);
int	kapply_run(struct kernel *, struct kstate *, struct kapply_report *);
int	kapply_plan(struct kernel *, struct kstate *, FILE *);

/*
 * The netlink kernel.  Changing things needs CAP_NET_ADMIN, and so
 * does reading XFRM policies: without it kapply_read and kapply_plan
 * give -EPERM, and all a caller can show is the desired state.  One knl
 * serves one thread of control: SA calls made while an apply has a
 * batch open are refused (-EBUSY), so a daemon that installs SAs from
 * callbacks during an apply opens a knl of its own.
 */
struct knl;

struct knl_stats {
	unsigned long	requests;	/* change requests sent */
	unsigned long	dumps;		/* dump and get requests */
	unsigned long	sends;		/* sendmsg calls */
};

int	knl_open(struct knl **);
void	knl_close(struct knl *);
void	knl_kernel(struct knl *, struct kernel *);
void	knl_stats(const struct knl *, struct knl_stats *);

/*
 * The kernel asking for SAs (ACQUIRE): a packet met a policy whose
 * template has none.  fn gets the template's reqid and the family.
 */
struct knl_acq;
typedef void	knl_acquire_fn(void *, uint32_t reqid, int family);

int	knl_acquire_open(struct knl_acq **, knl_acquire_fn *, void *);
int	knl_acquire_fd(const struct knl_acq *);
int	knl_acquire_read(struct knl_acq *);
void	knl_acquire_close(struct knl_acq *);

/* The recording kernel: an in-memory kernel that logs each call. */
struct krec;

struct krec	*krec_new(void);
void		 krec_free(struct krec *);
void		 krec_kernel(struct krec *, struct kernel *);
int		 krec_seed(struct krec *, const struct kobj *, int);
void		 krec_fail_at(struct krec *, unsigned, int);
void		 krec_batching(struct krec *, int);
const char	*krec_log(struct krec *);
void		 krec_log_clear(struct krec *);
unsigned	 krec_calls(const struct krec *);
struct kstate	*krec_state(struct krec *);

#endif
