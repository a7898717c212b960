/*
 * ike/ike_net.c: IKE over UDP.
 *
 * One socket on the IKE port (500) and one on the NAT-T port (4500,
 * where IKE messages follow four zero octets, the non-ESP marker of
 * RFC 3948 2.2).  Binding ports below 1024 needs CAP_NET_BIND_SERVICE;
 * nothing else here needs privileges.  Time is CLOCK_MONOTONIC in ms.
 * XXX: we always send on the IKE port; moving to 4500 after NAT
 * detection (RFC 7296 2.23) is not done yet.
 */
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
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
	memset(net, 0, sizeof(*net));
	net->ctx = ctx;
	net->fd_natt = -1;
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
	struct ike_net_ep	*ep = arg;

	if (sendto(ep->net->fd_ike, p, len, 0, (struct sockaddr *)&ep->to,
	    ep->tolen) < 0) {
		ike_debug("%s: %s", __func__, strerror(errno));
		return (-1);
	}
	return (0);
}

/* The io of peer i: datagrams to remote, port. */
void
ike_net_io(struct ike_net *net, size_t i, const struct k_addr *remote,
    uint16_t port, struct ike_io *io)
{
	struct ike_net_ep	*ep = &net->ep[i];

	ep->net = net;
	ep->tolen = ike_net_sockaddr(remote, port, &ep->to);
	io->send = ike_net_send;
	io->arg = ep;
}

/* Read what one socket has; marker: strip the non-ESP marker. */
static void
ike_net_read(struct ike_net *net, int fd, int marker, uint64_t now)
{
	static const uint8_t	zero[IKE_NET_MARKER];
	struct sockaddr_storage	ss;
	struct k_addr		from;
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
			continue;	/* ESP in UDP: the kernel's */
		ike_net_kaddr(&ss, &from);
		ike_ctx_recv(net->ctx, &from, buf + (marker ? 4 : 0),
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
}
