/*
 * backend/knl.c: the kernel table through netlink, with libnl-3.
 *
 * Requests are packed, several to one sendmsg, on libnl's sockets.
 * Only the last request of a pack asks for an acknowledgement: the
 * kernel executes a pack in order within the sendmsg call and answers
 * every failed request with an error carrying its sequence number, so
 * a pack costs one send and one receive when all goes well, and each
 * request still gets its own result.  Outside a batch, a pack holds one
 * request and the call waits for its answer.
 *
 * Changing anything needs CAP_NET_ADMIN, and so does reading XFRM
 * policies and states (the kernel checks it on every XFRM request);
 * links, addresses and routes can be read without it.
 */
#include <errno.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>

#include <linux/netlink.h>
#include <netlink/errno.h>
#include <netlink/socket.h>

#include "backend/knl_priv.h"

#define KNL_PACK_BYTES	(48 * 1024)	/* within the socket buffers */
#define KNL_PACK_MSGS	128		/* errors for all fit rcvbuf */
#define KNL_SOCKBUF	(1024 * 1024)

/* A libnl error as a negative errno, as near as there is one. */
int
knl_nlerr(int nle)
{
	switch (nle < 0 ? -nle : nle) {
	case 0:
		return 0;
	case NLE_NOMEM:
		return -ENOMEM;
	case NLE_EXIST:
		return -EEXIST;
	case NLE_OBJ_NOTFOUND:
		return -ENOENT;
	case NLE_NODEV:
		return -ENODEV;
	case NLE_PERM:
		return -EPERM;
	case NLE_INVAL:
		return -EINVAL;
	case NLE_MSGSIZE:
		return -EMSGSIZE;
	case NLE_BUSY:
		return -EBUSY;
	case NLE_RANGE:
		return -ERANGE;
	}
	return -EIO;
}

static int
knl_sock(int proto, struct nl_sock **skp)
{
	struct nl_sock	*sk;
	int		 one = 1, error;

	if ((sk = nl_socket_alloc()) == NULL)
		return -ENOMEM;
	if ((error = nl_connect(sk, proto)) < 0) {
		nl_socket_free(sk);
		return knl_nlerr(error);
	}
	nl_socket_disable_auto_ack(sk);
	nl_socket_disable_seq_check(sk);
	nl_socket_set_buffer_size(sk, KNL_SOCKBUF, KNL_SOCKBUF);
	/* Errors need not carry the request back. */
	setsockopt(nl_socket_get_fd(sk), SOL_NETLINK, NETLINK_CAP_ACK,
	    &one, sizeof(one));
	*skp = sk;
	return 0;
}

int
knl_open(struct knl **kp)
{
	struct knl	*k;
	int		 error;

	*kp = NULL;
	if ((k = calloc(1, sizeof(*k))) == NULL)
		return -ENOMEM;
	if ((k->cbuf = malloc(KNL_PACK_BYTES)) == NULL) {
		knl_close(k);
		return -ENOMEM;
	}
	if ((error = knl_sock(NETLINK_ROUTE, &k->rt)) != 0 ||
	    (error = knl_sock(NETLINK_XFRM, &k->xfrm)) != 0) {
		knl_close(k);
		return error;
	}
	*kp = k;
	return 0;
}

void
knl_close(struct knl *k)
{
	if (k == NULL)
		return;
	if (k->rt != NULL)
		nl_socket_free(k->rt);
	if (k->xfrm != NULL)
		nl_socket_free(k->xfrm);
	free(k->cbuf);
	free(k->req);
	free(k);
}

void
knl_stats(const struct knl *k, struct knl_stats *st)
{
	*st = k->st;
}

/*
 * Read answers until the acknowledgement of the pack's last request.
 * An error answer may carry the request back (when NETLINK_CAP_ACK is
 * not there): wipe what was read if the pack held a secret.
 */
static void
knl_collect(struct knl *k, struct nl_sock *sk, uint32_t first, size_t n)
{
	struct sockaddr_nl	 peer;
	struct nlmsghdr		*h;
	struct nlmsgerr		*e;
	unsigned char		*buf = NULL;
	uint32_t		 last = first + n - 1;
	int			 len, got, done = 0;

	while (!done) {
		if ((got = len = nl_recv(sk, &peer, &buf, NULL)) <= 0)
			break;
		for (h = (struct nlmsghdr *)buf; nlmsg_ok(h, len);
		    h = nlmsg_next(h, &len)) {
			if (h->nlmsg_type != NLMSG_ERROR ||
			    h->nlmsg_seq - first >= n)
				continue;
			e = nlmsg_data(h);
			k->req[k->cstart + (h->nlmsg_seq - first)].res =
			    e->error;
			if (h->nlmsg_seq == last)
				done = 1;
		}
		if (k->csecret)
			explicit_bzero(buf, got);
		free(buf);
		buf = NULL;
	}
	/* XXX: a receive error leaves the fate of the pack unknown. */
	if (!done)
		while (n-- > 0)
			k->req[k->cstart + n].res = -EIO;
}

/* Send the pack and collect its answers into req[]. */
static void
knl_flush(struct knl *k)
{
	struct nlmsghdr	*last;
	uint32_t	 first;
	size_t		 i;

	if (k->cn == 0)
		return;
	last = (struct nlmsghdr *)(k->cbuf + k->clast);
	last->nlmsg_flags |= NLM_F_ACK;
	first = k->req[k->cstart].seq;
	k->st.sends++;
	if (nl_sendto(k->csock, k->cbuf, k->clen) < 0) {
		for (i = k->cstart; i < k->nreq; i++)
			k->req[i].res = -EIO;
	} else
		knl_collect(k, k->csock, first, k->cn);
	if (k->csecret)
		explicit_bzero(k->cbuf, k->clen);
	k->csecret = 0;
	k->clen = k->clast = k->cn = 0;
	k->cstart = k->nreq;
	k->csock = NULL;
}

static int
knl_req_push(struct knl *k, uint32_t seq)
{
	struct knl_req	*v;
	size_t		 cap;

	if (k->nreq == k->capreq) {
		cap = k->capreq ? k->capreq * 2 : 256;
		if ((v = realloc(k->req, cap * sizeof(*v))) == NULL)
			return -ENOMEM;
		k->req = v;
		k->capreq = cap;
	}
	k->req[k->nreq].seq = seq;
	k->req[k->nreq].res = 0;
	k->nreq++;
	return 0;
}

/* Append msg to the pack, after sending the pack if msg does not fit. */
static int
knl_pack(struct knl *k, struct nl_sock *sk, struct nl_msg *msg, int secret)
{
	struct nlmsghdr	*h = nlmsg_hdr(msg);
	size_t		 len = NLMSG_ALIGN(h->nlmsg_len);
	int		 error;

	if (len > KNL_PACK_BYTES)
		return -EMSGSIZE;
	if (k->cn > 0 && (k->csock != sk || k->cn == KNL_PACK_MSGS ||
	    k->clen + len > KNL_PACK_BYTES))
		knl_flush(k);
	h->nlmsg_seq = nl_socket_use_seq(sk);
	h->nlmsg_flags |= NLM_F_REQUEST;
	if ((error = knl_req_push(k, h->nlmsg_seq)) != 0)
		return error;
	memcpy(k->cbuf + k->clen, h, h->nlmsg_len);
	memset(k->cbuf + k->clen + h->nlmsg_len, 0, len - h->nlmsg_len);
	k->csock = sk;
	k->clast = k->clen;
	k->clen += len;
	k->cn++;
	k->csecret |= secret;
	k->st.requests++;
	return 0;
}

/*
 * Send a request (consumed, and wiped first if it holds a secret).
 * Outside a batch, wait for its result; inside, queue it.
 */
int
knl_submit(struct knl *k, struct nl_sock *sk, struct nl_msg *msg,
    int secret)
{
	int	error;

	error = knl_pack(k, sk, msg, secret);
	if (secret)
		explicit_bzero(nlmsg_hdr(msg), nlmsg_hdr(msg)->nlmsg_len);
	nlmsg_free(msg);
	if (error != 0 || k->batching)
		return error;
	knl_flush(k);
	error = k->req[k->nreq - 1].res;
	k->nreq = k->cstart = 0;
	return error;
}

static int
knl_batch_begin(void *arg)
{
	struct knl	*k = arg;

	k->batching = 1;
	k->nreq = k->cstart = 0;
	return 0;
}

static int
knl_batch_end(void *arg, int *res, size_t nres)
{
	struct knl	*k = arg;
	size_t		 i, n;

	knl_flush(k);
	n = k->nreq;
	for (i = 0; i < n && i < nres; i++)
		res[i] = k->req[i].res;
	k->batching = 0;
	k->nreq = k->cstart = 0;
	knl_forget_links(k);
	return (int)n;
}

struct knl_recv {
	knl_msg_fn	 fn;
	void		*arg;
	int		 error;
};

static int
knl_recv_valid(struct nl_msg *msg, void *arg)
{
	struct knl_recv	*r = arg;
	int		 error;

	if (r->error == 0 && (error = r->fn(nlmsg_hdr(msg), r->arg)) != 0)
		r->error = error;
	return NL_OK;
}

static int
knl_recv_err(struct sockaddr_nl *nla, struct nlmsgerr *e, void *arg)
{
	struct knl_recv	*r = arg;

	if (r->error == 0)
		r->error = e->error;
	return NL_STOP;
}

/* Send msg (consumed) and hand every answer to fn until done. */
static int
knl_talk(struct nl_sock *sk, struct nl_msg *msg, knl_msg_fn fn, void *arg)
{
	struct knl_recv	 r = { fn, arg, 0 };
	struct nl_cb	*cb;
	int		 error;

	error = nl_send_auto(sk, msg);
	nlmsg_free(msg);
	if (error < 0)
		return knl_nlerr(error);
	if ((cb = nl_cb_alloc(NL_CB_DEFAULT)) == NULL)
		return -ENOMEM;
	nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, knl_recv_valid, &r);
	nl_cb_err(cb, NL_CB_CUSTOM, knl_recv_err, &r);
	error = nl_recvmsgs(sk, cb);
	nl_cb_put(cb);
	if (r.error != 0)
		return r.error;
	return error < 0 ? knl_nlerr(error) : 0;
}

/* Dump all objects of a type; fn sees each message. */
int
knl_dump(struct knl *k, struct nl_sock *sk, int type, const void *hdr,
    size_t hdrlen, knl_msg_fn fn, void *arg)
{
	struct nl_msg	*msg;

	if ((msg = nlmsg_alloc_simple(type, NLM_F_DUMP)) == NULL)
		return -ENOMEM;
	if (nlmsg_append(msg, (void *)hdr, hdrlen, NLMSG_ALIGNTO) < 0) {
		nlmsg_free(msg);
		return -ENOMEM;
	}
	k->st.dumps++;
	return knl_talk(sk, msg, fn, arg);
}

/* Send a get request (consumed); fn sees the answer. */
int
knl_get(struct knl *k, struct nl_sock *sk, struct nl_msg *msg,
    knl_msg_fn fn, void *arg)
{
	k->st.dumps++;
	return knl_talk(sk, msg, fn, arg);
}

int
knl_ifindex(struct knl *k, const char *name)
{
	unsigned	idx;

	if (k->icache > 0 && strcmp(k->ncache, name) == 0)
		return k->icache;
	if ((idx = if_nametoindex(name)) == 0)
		return -ENODEV;
	snprintf(k->ncache, sizeof(k->ncache), "%s", name);
	k->icache = (int)idx;
	return k->icache;
}

void
knl_ifname(struct knl *k, int idx, char *name)
{
	char	buf[IF_NAMESIZE];

	if (idx == k->icache && k->icache > 0) {
		snprintf(name, K_NAMSIZ, "%s", k->ncache);
		return;
	}
	if (if_indextoname(idx, buf) == NULL)
		snprintf(buf, sizeof(buf), "if%d", idx);
	snprintf(name, K_NAMSIZ, "%s", buf);
	snprintf(k->ncache, sizeof(k->ncache), "%s", buf);
	k->icache = idx;
}

void
knl_forget_links(struct knl *k)
{
	k->icache = 0;
	k->ncache[0] = '\0';
}

static const struct kernel_ops knl_ops = {
	.sa_add = knl_xfrm_sa_add,
	.sa_del = knl_xfrm_sa_del,
	.sa_stats = knl_xfrm_sa_stats,
	.policy_add = knl_xfrm_policy_add,
	.policy_update = knl_xfrm_policy_update,
	.policy_del = knl_xfrm_policy_del,
	.policy_list = knl_xfrm_policy_list,
	.link_add = knl_link_add,
	.link_change = knl_link_change,
	.link_del = knl_link_del,
	.link_get = knl_link_get,
	.link_list = knl_link_list,
	.addr_add = knl_route_addr_add,
	.addr_del = knl_route_addr_del,
	.addr_list = knl_route_addr_list,
	.route_add = knl_route_add,
	.route_replace = knl_route_replace,
	.route_del = knl_route_del,
	.route_list = knl_route_list,
	.batch_begin = knl_batch_begin,
	.batch_end = knl_batch_end,
};

void
knl_kernel(struct knl *k, struct kernel *kt)
{
	kt->ops = &knl_ops;
	kt->arg = k;
}
