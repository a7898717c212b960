/*
 * backend/compile.h: the running config compiled into desired state.
 *
 * compile_config() is a pure function: the config model in, the kernel
 * objects (a kstate), the IKE peer definitions for the daemon and the
 * problems found (diagnostics, in IOS terms, each with the config line
 * it comes from) out.  It touches no kernel and keeps no globals; the
 * same config gives the same output, byte for byte.
 *
 * Identities (see compile_id.c):
 * - IOS interface -> Linux device: opts->ifmap (a callback), else
 *   opts->map (a table of exact names), else the grammar's map
 *   (ifmap_linux: the config's interface map file, then its defaults,
 *   GigabitEthernet0/N -> ethN ...; see grammar/ios.h), else, with no
 *   config, the built-in default: Ethernet, FastEthernet,
 *   GigabitEthernet, TenGigabitEthernet N or X/.../N -> ethN (the last
 *   number).  A name that is no valid Linux device (a '/' in it, 16
 *   characters or more) counts as none.  Reading the map file is the
 *   one thing compile_config reads besides the model.  TunnelN is
 *   always "iosh-tunN" (no map applies): a link iosh creates must
 *   carry K_LINK_PREFIX.
 * - if_id of TunnelN: N + 1 (XFRM needs it non-zero).
 * - reqid: a hash of the object's name (crypto map name, sequence and
 *   ACE sequence number; or the tunnel interface name), so it stays
 *   the same across recompiles while the object lives; a collision
 *   within one compile takes the next free value, in config order.
 * - policy priorities inside [K_PRIO_MIN, K_PRIO_MAX]: IKE (UDP 500,
 *   4500) between a crypto map interface and its peers passes in clear
 *   at K_PRIO_MIN; GRE protection K_PRIO_MIN + 1 + tunnel number (up
 *   to 254); crypto maps K_PRIO_MIN +
 *   (seq << 8) + the ACE's position in its ACL (up to 255), so map
 *   sequence then ACL order decide; route-based any-to-any policies
 *   K_PRIO_MAX (they carry an if_id and match only tunnel traffic).
 */
#ifndef IOSH_BACKEND_COMPILE_H
#define IOSH_BACKEND_COMPILE_H

#include <stdio.h>

#include "backend/backend.h"
#include "ike/ike.h"

struct ios_config;

/* Diagnostic severities, printed as "% NOTE: ", "% WARNING: ". */
enum compile_sev {
	COMPILE_NOTE,
	COMPILE_WARN,
	COMPILE_ERROR,
};

struct compile_diag {
	int	 sev;		/* enum compile_sev */
	char	*msg;		/* IOS terms, without the "% X: " */
	char	*line;		/* the config line it comes from */
};

/* One row of an interface map: an IOS name and its Linux device. */
struct compile_ifmap {
	const char	*ios;		/* canonical: "GigabitEthernet0/1" */
	const char	*dev;		/* "enp1s0" */
};

/* Map ios to a device name in out; 0, or -1 when it has none. */
typedef int	compile_ifmap_fn(void *, const char *, char *, size_t);

struct compile_opts {
	compile_ifmap_fn		*ifmap;	/* NULL: table, default */
	void				*ifmap_arg;
	const struct compile_ifmap	*map;	/* exact names first */
	size_t				 nmap;
	/*
	 * Nonzero: no Child SA lives longer than this many seconds.  For
	 * tests of rekeying only (ioshd --child-lifetime); the config
	 * language keeps IOS's minimum of 120 s.
	 */
	uint64_t			 child_life_max;
};

struct compile_out {
	struct kstate		*ks;		/* policies, links, ... */
	struct ike_peer		*peers;		/* PSKs wiped on free */
	size_t			 npeers;
	struct compile_diag	*diags;		/* in config order */
	size_t			 ndiags;
};

/*
 * Compile cfg (opts may be NULL: the default interface map).  Returns
 * 0 with *out filled, or -ENOMEM; warnings never make it fail.  The
 * caller frees out with compile_out_free().
 */
int	compile_config(const struct ios_config *, const struct compile_opts *,
	    struct compile_out *);
void	compile_out_free(struct compile_out *);

/* IOS interface name -> Linux device, as compile_config maps it. */
int	compile_ifname(const struct ios_config *, const struct compile_opts *,
	    const char *, char *, size_t);

/*
 * `show crypto compile`: the kernel objects as `ip` commands, each
 * followed by the config line it comes from, the IKE peers (keys
 * shown as <hidden>) and the diagnostics.  0 or -EIO.
 */
int	compile_print(const struct compile_out *, FILE *);
int	compile_print_kernel(const struct compile_out *, FILE *);
int	compile_print_peers(const struct compile_out *, FILE *);
int	compile_print_diags(const struct compile_out *, FILE *);
const char *compile_sev_name(int);

/*
 * `show crypto compile diff`: what an apply would add, change and
 * remove in kern right now, as `ip` commands (kapply_plan); nothing
 * when the kernel already matches.  0 or a negative errno.
 */
int	compile_print_diff(const struct compile_out *, struct kernel *,
	    FILE *);

#endif
