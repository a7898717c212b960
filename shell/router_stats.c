/*
 * shell/router_stats.c: the kernel's counters of every SA, read at once
 * for one show command.
 *
 * show crypto ipsec sa prints the counters of two XFRM states for each
 * Child SA; one netlink request each is 20,000 round trips with 10,000
 * tunnels.  So the router dumps the XFRM states once (XFRM_MSG_GETSA
 * with NLM_F_DUMP), keeps destination, SPI, protocol and counters of
 * each, sorted, and looks them up.  A dump carries every state's keys:
 * the receive buffer is wiped after each read, and nothing but the
 * counters is kept.  A router on another kernel (the recording one of
 * tests and benchmarks) is asked state by state, through its table.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <linux/netlink.h>
#include <linux/xfrm.h>

#include "shell/router_priv.h"

#define RS_BUF	(256 * 1024)

static int
rs_cmp(const void *a, const void *b)
{
	const struct router_stat	*x = a, *y = b;
	int				 c;

	if (x->spi != y->spi)
		return x->spi < y->spi ? -1 : 1;
	if (x->proto != y->proto)
		return x->proto < y->proto ? -1 : 1;
	if (x->dst.family != y->dst.family)
		return x->dst.family < y->dst.family ? -1 : 1;
	c = memcmp(x->dst.u.bytes, y->dst.u.bytes, 16);
	return c < 0 ? -1 : c > 0;
}

static int
rs_add(struct router_stats *s, const struct xfrm_usersa_info *si)
{
	struct router_stat	*e, *nv;
	size_t			 ncap;

	if (si->family != AF_INET && si->family != AF_INET6)
		return 0;
	if (s->n == s->cap) {
		ncap = s->cap ? s->cap * 2 : 256;
		if ((nv = realloc(s->v, ncap * sizeof(*nv))) == NULL)
			return -ENOMEM;
		s->v = nv;
		s->cap = ncap;
	}
	e = &s->v[s->n++];
	memset(e, 0, sizeof(*e));
	e->dst.family = si->family;
	memcpy(e->dst.u.bytes, &si->id.daddr, si->family == AF_INET ? 4 : 16);
	e->spi = ntohl(si->id.spi);
	e->proto = si->id.proto;
	e->st.bytes = si->curlft.bytes;
	e->st.packets = si->curlft.packets;
	e->st.add_time = si->curlft.add_time;
	e->st.use_time = si->curlft.use_time;
	e->st.replay_window_errs = si->stats.replay_window;
	e->st.integrity_errs = si->stats.integrity_failed;
	return 0;
}

/*
 * One read's messages (of the dump with sequence number seq): 1 when
 * the dump is done, 0 for more, or -errno.  Messages too short for
 * what they say they are are skipped.
 */
int
router_stats_parse(struct router_stats *s, const void *buf, size_t len,
    uint32_t seq)
{
	const struct nlmsghdr	*h = (const void *)buf;
	const struct nlmsgerr	*err;
	int			 rc;

	for (; NLMSG_OK(h, len); h = NLMSG_NEXT(h, len)) {
		if (h->nlmsg_seq != seq)
			continue;
		if (h->nlmsg_type == NLMSG_DONE)
			return 1;
		if (h->nlmsg_type == NLMSG_ERROR) {
			err = NLMSG_DATA(h);
			if (h->nlmsg_len < NLMSG_LENGTH(sizeof(*err)))
				return -EPROTO;
			return err->error != 0 ? err->error : 1;
		}
		if (h->nlmsg_type != XFRM_MSG_NEWSA ||
		    h->nlmsg_len < NLMSG_LENGTH(sizeof(struct
		    xfrm_usersa_info)))
			continue;
		if ((rc = rs_add(s, NLMSG_DATA(h))) != 0)
			return rc;
	}
	return 0;
}

/* Every XFRM state of this namespace: 0 or -errno. */
static int
rs_dump(struct router_stats *s)
{
	struct {
		struct nlmsghdr		h;
		struct xfrm_usersa_id	id;
	}			 req;
	struct sockaddr_nl	 sa = { .nl_family = AF_NETLINK };
	uint8_t			*buf;
	ssize_t			 n;
	int			 fd, rc = 0;

	if ((buf = malloc(RS_BUF)) == NULL)
		return -ENOMEM;
	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_XFRM);
	if (fd < 0) {
		free(buf);
		return -errno;
	}
	memset(&req, 0, sizeof(req));
	req.h.nlmsg_len = sizeof(req);
	req.h.nlmsg_type = XFRM_MSG_GETSA;
	req.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	req.h.nlmsg_seq = 1;
	if (sendto(fd, &req, sizeof(req), 0, (struct sockaddr *)&sa,
	    sizeof(sa)) < 0)
		rc = -errno;
	while (rc == 0) {
		n = recv(fd, buf, RS_BUF, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			rc = n < 0 ? -errno : -EPROTO;
			break;
		}
		rc = router_stats_parse(s, buf, (size_t)n, req.h.nlmsg_seq);
		explicit_bzero(buf, (size_t)n);	/* the states' keys */
	}
	close(fd);
	free(buf);
	return rc < 0 ? rc : 0;
}

/*
 * Read the counters: one dump when the router runs on the kernel, else
 * nothing now (router_stats_get asks its kernel table).
 */
int
router_stats_read(struct router *r, struct router_stats *s)
{
	int	rc;

	memset(s, 0, sizeof(*s));
	if (r->ike_knl == NULL)
		return 0;
	if ((rc = rs_dump(s)) != 0) {
		router_stats_free(s);
		return rc;
	}
	router_stats_done(s);
	return 0;
}

/* The dump is in: look up in it from now on. */
void
router_stats_done(struct router_stats *s)
{
	qsort(s->v, s->n, sizeof(*s->v), rs_cmp);
	s->dumped = 1;
}

/* The counters of the ESP SA (dst, spi); zeros when there is none. */
void
router_stats_get(struct router *r, const struct router_stats *s,
    const struct k_addr *dst, uint32_t spi, struct k_sa_stats *st)
{
	struct router_stat	 key, *e;
	struct k_sa_id		 id;

	memset(st, 0, sizeof(*st));
	if (s->dumped) {
		memset(&key, 0, sizeof(key));
		key.dst.family = dst->family;
		memcpy(key.dst.u.bytes, dst->u.bytes, dst->family == AF_INET ?
		    4 : 16);
		key.spi = spi;
		key.proto = IPPROTO_ESP;
		e = bsearch(&key, s->v, s->n, sizeof(*s->v), rs_cmp);
		if (e != NULL)
			*st = e->st;
		return;
	}
	memset(&id, 0, sizeof(id));
	id.dst = *dst;
	id.spi = spi;
	id.proto = IPPROTO_ESP;
	if (r->ike_kern.ops != NULL && r->ike_kern.ops->sa_stats != NULL)
		r->ike_kern.ops->sa_stats(r->ike_kern.arg, &id, st);
}

void
router_stats_free(struct router_stats *s)
{
	free(s->v);
	memset(s, 0, sizeof(*s));
}
