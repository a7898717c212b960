/*
 * shell/privs.c: ioshd keeps only the privileges its jobs need.
 *
 * Once its socket is bound and its netlink sockets are open, ioshd
 * drops every capability but two, and says why it keeps each:
 * CAP_NET_ADMIN changes XFRM policies and states, links, addresses and
 * routes, and reads the XFRM tables; CAP_NET_BIND_SERVICE lets the IKE
 * daemon bind UDP 500 and 4500, which it does again whenever the
 * config's peers change.  A daemon that only plans keeps none.  The
 * files it writes (the startup-config) are its own, so it needs no
 * capability for them either.
 */
#include <syslog.h>
#include <unistd.h>

#include <cap-ng.h>

#include "shell/privs.h"

int
privs_drop(int plan_only)
{
	if (geteuid() != 0 && !capng_have_capabilities(CAPNG_SELECT_CAPS)) {
		syslog(LOG_INFO, "privileges: none to drop");
		return 0;
	}
	capng_clear(CAPNG_SELECT_BOTH);
	if (!plan_only &&
	    capng_updatev(CAPNG_ADD, CAPNG_EFFECTIVE | CAPNG_PERMITTED |
	    CAPNG_BOUNDING_SET, CAP_NET_ADMIN, CAP_NET_BIND_SERVICE, -1) != 0)
		return -1;
	if (capng_apply(CAPNG_SELECT_BOTH) != 0) {
		syslog(LOG_ERR, "privileges: cannot drop capabilities");
		return -1;
	}
	if (plan_only)
		syslog(LOG_INFO, "privileges: planning only, every "
		    "capability dropped");
	else
		syslog(LOG_INFO, "privileges: keeping CAP_NET_ADMIN (XFRM "
		    "policies and states, links, addresses, routes) and "
		    "CAP_NET_BIND_SERVICE (IKE on UDP 500 and 4500); every "
		    "other capability dropped");
	return 0;
}
