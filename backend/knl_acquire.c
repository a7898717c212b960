/*
 * backend/knl_acquire.c: the kernel asking for SAs.
 *
 * When a packet matches an XFRM policy whose template has no SA yet,
 * the kernel drops it and sends an ACQUIRE message to the XFRM
 * multicast group of that name.  This is how a crypto map comes up on
 * "interesting traffic", as IOS does it: the router listens, and the
 * reqid of the template says which Child SA definition (so which IKE
 * peer) to negotiate.  Reading the group needs CAP_NET_ADMIN.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <linux/xfrm.h>
#include <netlink/msg.h>
#include <netlink/netlink.h>
#include <netlink/socket.h>

#include "backend/backend.h"

struct knl_acq {
	struct nl_sock	*sk;
	knl_acquire_fn	*fn;
	void		*arg;
};

/* One ACQUIRE: the template's reqid, and the selector of the packet. */
static int
knl_acq_msg(struct nl_msg *msg, void *arg)
{
	struct knl_acq			*a = arg;
	struct nlmsghdr			*h = nlmsg_hdr(msg);
	const struct xfrm_user_acquire	*acq;
	const struct xfrm_user_tmpl	*t;
	struct nlattr			*tmpl;

	if (h->nlmsg_type != XFRM_MSG_ACQUIRE ||
	    !nlmsg_valid_hdr(h, sizeof(*acq)))
		return NL_SKIP;
	acq = nlmsg_data(h);
	tmpl = nlmsg_find_attr(h, sizeof(*acq), XFRMA_TMPL);
	if (tmpl == NULL || nla_len(tmpl) < (int)sizeof(*t))
		return NL_SKIP;
	t = nla_data(tmpl);
	a->fn(a->arg, t->reqid, acq->sel.family);
	return NL_OK;
}

int
knl_acquire_open(struct knl_acq **ap, knl_acquire_fn *fn, void *arg)
{
	struct knl_acq	*a = calloc(1, sizeof(*a));
	int		 error = -ENOMEM;

	if (a == NULL)
		return -ENOMEM;
	a->fn = fn;
	a->arg = arg;
	if ((a->sk = nl_socket_alloc()) == NULL)
		goto fail;
	nl_socket_disable_seq_check(a->sk);
	nl_socket_modify_cb(a->sk, NL_CB_VALID, NL_CB_CUSTOM, knl_acq_msg, a);
	if ((error = nl_connect(a->sk, NETLINK_XFRM)) != 0 ||
	    (error = nl_socket_add_membership(a->sk, XFRMNLGRP_ACQUIRE)) !=
	    0 || (error = nl_socket_set_nonblocking(a->sk)) != 0) {
		error = -EPERM;
		goto fail;
	}
	*ap = a;
	return 0;
fail:
	knl_acquire_close(a);
	return error;
}

int
knl_acquire_fd(const struct knl_acq *a)
{
	return nl_socket_get_fd(a->sk);
}

/* Read what is there; each ACQUIRE goes to the callback. */
int
knl_acquire_read(struct knl_acq *a)
{
	int	rc = nl_recvmsgs_default(a->sk);

	return rc < 0 && rc != -NLE_AGAIN ? -EIO : 0;
}

void
knl_acquire_close(struct knl_acq *a)
{
	if (a == NULL)
		return;
	if (a->sk != NULL)
		nl_socket_free(a->sk);
	free(a);
}
