/*
 * ike/ike_net.c: IKE over UDP.
 *
 * One socket on the IKE port (500) and one on the NAT-T port (4500,
 * where IKE messages follow four zero octets, the non-ESP marker of
 * RFC 3948 2.2).  Binding ports below 1024 needs CAP_NET_BIND_SERVICE;
 * nothing else here needs privileges.  Time is CLOCK_MONOTONIC in ms.
 * After NAT detection a peer's messages go to its port 4500 with the
 * marker, and each datagram from a peer moves our replies to the
 * address and port it came from (RFC 7296 2.11, 2.23).
 * XXX: that move happens before the message is authenticated; bound
 * to the unspecified address, the local end of a path is not known.
 */
#include <errno.h>
#include <netinet/in.h>
#include <sys/uio.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "ike/ike.h"

#define IKE_NET_MARKER	4		/* non-ESP marker, RFC 3948 2.2 */

uint64_t
ike_net_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000);
}

/* A k_addr and port as a socket address; returns its length. */
static socklen_t
ike_net_sockaddr(const struct k_addr *a, uint16_t port, void *out)
{
	struct sockaddr_in	*sin = out;
	struct sockaddr_in6	*sin6 = out;

	memset(out, 0, sizeof(struct sockaddr_in6));
	if (a->family == AF_INET) {
		sin->sin_family = AF_INET;
		sin->sin_port = htons(port);
		sin->sin_addr = a->u.v4;
		return (sizeof(*sin));
	}
	sin6->sin6_family = AF_INET6;
	sin6->sin6_port = htons(port);
	sin6->sin6_addr = a->u.v6;
	return (sizeof(*sin6));
}

static void
ike_net_kaddr(const struct sockaddr_storage *ss, struct k_addr *a)
{
	memset(a, 0, sizeof(*a));
	a->family = ss->ss_family;
	if (ss->ss_family == AF_INET)
		a->u.v4 = ((const struct sockaddr_in *)ss)->sin_addr;
	else
		a->u.v6 = ((const struct sockaddr_in6 *)ss)->sin6_addr;
}

static int
ike_net_bind(const struct k_addr *a, uint16_t port)
{
	struct sockaddr_in6	sa;
	socklen_t		len = ike_net_sockaddr(a, port, &sa);
	int			fd, on = 1;

	if ((fd = socket(a->family, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK,
	    0)) < 0)
		return (-1);
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
	if (bind(fd, (struct sockaddr *)&sa, len) < 0) {
		close(fd);
		return (-1);
	}
	return (fd);
}

/* Open the sockets on addr; natt 0: no NAT-T socket. */
int
ike_net_open(struct ike_net *net, struct ike_ctx *ctx, const struct k_addr *a,
    uint16_t port, uint16_t natt)
{
	static const uint8_t	zero[16];

	memset(net, 0, sizeof(*net));
	net->ctx = ctx;
	net->fd_natt = -1;
	net->bound = *a;
	net->bound_any = memcmp(a->u.bytes, zero, a->family == AF_INET ?
	    4 : 16) == 0;
	if ((net->fd_ike = ike_net_bind(a, port)) < 0) {
		ike_log(IKE_LOG_ERR, "%s: port %u: %s", __func__, port,
		    strerror(errno));
		return (IKE_E_INVAL);
	}
	if (natt && (net->fd_natt = ike_net_bind(a, natt)) < 0) {
		ike_log(IKE_LOG_ERR, "%s: port %u: %s", __func__, natt,
		    strerror(errno));
		close(net->fd_ike);
		return (IKE_E_INVAL);
	}
	net->port_ike = ike_net_port(net);
	net->port_natt = natt;
	return (IKE_OK);
}

/* The port the IKE socket got (useful after binding port 0). */
uint16_t
ike_net_port(const struct ike_net *net)
{
	struct sockaddr_in6	sa;
	socklen_t		len = sizeof(sa);

	if (getsockname(net->fd_ike, (struct sockaddr *)&sa, &len) < 0)
		return (0);
	return (ntohs(sa.sin6_port));	/* same offset in sockaddr_in */
}

static int
ike_net_send(void *arg, const uint8_t *p, size_t len)
{
	static uint8_t		 marker[IKE_NET_MARKER];
	struct ike_net_ep	*ep = arg;
	struct iovec		 iov[2] = { { marker, sizeof(marker) },
				    { (void *)p, len } };
	struct msghdr		 mh;
	int			 natt = ep->natt && ep->net->fd_natt >= 0;

	memset(&mh, 0, sizeof(mh));
	mh.msg_name = &ep->to;
	mh.msg_namelen = ep->tolen;
	mh.msg_iov = natt ? iov : iov + 1;
	mh.msg_iovlen = natt ? 2 : 1;
	if (sendmsg(natt ? ep->net->fd_natt : ep->net->fd_ike, &mh, 0) < 0) {
		ike_debug("%s: %s", __func__, strerror(errno));
		return (-1);
	}
	return (0);
}

/* NAT found: this peer's IKE goes to its port 4500 from ours. */
static void
ike_net_natt(void *arg)
{
	struct ike_net_ep	*ep = arg;

	if (ep->net->fd_natt < 0)
		return;
	ep->natt = 1;
	ep->to.sin6_port = htons(IKE_NATT_PORT);	/* same in _in */
}

/* The one-octet NAT keepalive on the NAT-T socket (RFC 3948 2.3). */
static void
ike_net_keepalive(void *arg)
{
	static const uint8_t	 ka = 0xff;
	struct ike_net_ep	*ep = arg;

	if (ep->net->fd_natt >= 0)
		sendto(ep->net->fd_natt, &ka, 1, 0, (struct sockaddr *)&ep->to,
		    ep->tolen);
}

/* The io of peer i: datagrams to remote, port.  Each peer's endpoint
 * is its own allocation, so io->arg stays valid as peers are added. */
int
ike_net_io(struct ike_net *net, size_t i, const struct k_addr *remote,
    uint16_t port, struct ike_io *io)
{
	struct ike_net_ep	*ep, **p;
	size_t			 n;

	if (i >= net->nep) {
		n = net->nep ? net->nep : 16;
		while (n <= i)
			n *= 2;
		if ((p = realloc(net->ep, n * sizeof(*p))) == NULL)
			return (IKE_E_NOMEM);
		memset(p + net->nep, 0, (n - net->nep) * sizeof(*p));
		net->ep = p;
		net->nep = n;
	}
	if ((ep = net->ep[i]) == NULL &&
	    (ep = net->ep[i] = calloc(1, sizeof(*ep))) == NULL)
		return (IKE_E_NOMEM);
	ep->net = net;
	ep->tolen = ike_net_sockaddr(remote, port, &ep->to);
	ep->natt = 0;
	io->send = ike_net_send;
	io->arg = ep;
	io->natt = ike_net_natt;
	io->keepalive = ike_net_keepalive;
	return (IKE_OK);
}

static uint16_t
ike_net_sport(const struct sockaddr_storage *ss)
{
	if (ss->ss_family == AF_INET)
		return (ntohs(((const struct sockaddr_in *)ss)->sin_port));
	return (ntohs(((const struct sockaddr_in6 *)ss)->sin6_port));
}

/* Replies to a peer go where its last datagram came from (2.11). */
static void
ike_net_follow(struct ike_net *net, const struct ike_path *p, int marker)
{
	struct ike_net_ep	*ep;
	int			 i = -1;

	while ((i = ike_ctx_peer_next(net->ctx, &p->remote, i)) >= 0) {
		if ((size_t)i >= net->nep || (ep = net->ep[i]) == NULL)
			continue;
		ep->tolen = ike_net_sockaddr(&p->remote, p->rport, &ep->to);
		ep->natt = marker;
	}
}

/* Read what one socket has; marker: strip the non-ESP marker. */
static void
ike_net_read(struct ike_net *net, int fd, int marker, uint64_t now)
{
	static const uint8_t	zero[IKE_NET_MARKER];
	struct sockaddr_storage	ss;
	struct ike_path		path;
	uint8_t			buf[IKE_MAX_MSG + IKE_NET_MARKER];
	socklen_t		sl;
	ssize_t			n;

	for (;;) {
		sl = sizeof(ss);
		if ((n = recvfrom(fd, buf, sizeof(buf), 0,
		    (struct sockaddr *)&ss, &sl)) < 0)
			return;
		if (marker && (n < IKE_NET_MARKER ||
		    memcmp(buf, zero, IKE_NET_MARKER) != 0))
			continue;	/* ESP in UDP, keepalives */
		memset(&path, 0, sizeof(path));
		ike_net_kaddr(&ss, &path.remote);
		path.rport = ike_net_sport(&ss);
		path.local = net->bound;
		path.lport = marker ? net->port_natt : net->port_ike;
		ike_net_follow(net, &path, marker);
		ike_ctx_recv(net->ctx, &path, buf + (marker ? 4 : 0),
		    (size_t)n - (marker ? 4 : 0), now);
	}
}

/* Wait up to timeout ms for datagrams and hand them over. */
int
ike_net_poll(struct ike_net *net, int timeout, uint64_t now)
{
	struct pollfd	pfd[2] = { { net->fd_ike, POLLIN, 0 },
	    { net->fd_natt, POLLIN, 0 } };
	int		n;

	if ((n = poll(pfd, net->fd_natt >= 0 ? 2 : 1, timeout)) <= 0)
		return (n < 0 && errno != EINTR ? IKE_E_INVAL : IKE_OK);
	now = now ? now : ike_net_now();
	if (pfd[0].revents & POLLIN)
		ike_net_read(net, net->fd_ike, 0, now);
	if (net->fd_natt >= 0 && (pfd[1].revents & POLLIN))
		ike_net_read(net, net->fd_natt, 1, now);
	return (IKE_OK);
}

/* One turn of the loop: timers, then datagrams, waiting at most max ms. */
int
ike_net_step(struct ike_net *net, int max)
{
	uint64_t	now = ike_net_now();
	uint64_t	next = ike_ctx_tick(net->ctx, now);
	int		wait = max;

	if (next <= now)
		wait = 0;
	else if (next - now < (uint64_t)max)
		wait = (int)(next - now);
	return (ike_net_poll(net, wait, 0));
}

void
ike_net_close(struct ike_net *net)
{
	if (net->fd_ike >= 0)
		close(net->fd_ike);
	if (net->fd_natt >= 0)
		close(net->fd_natt);
	net->fd_ike = net->fd_natt = -1;
	while (net->nep > 0)
		free(net->ep[--net->nep]);
	free(net->ep);
	net->ep = NULL;
}
