/*
 * ike/ike_show.c: the IKE SA as `show crypto ikev2 sa` prints it.
 *
 * Algorithm names come from the tables in ike_alg.c, the same ones the
 * logs use.  Layout after IOS (shared/reference/ios-reference.md): a
 * header, then per SA the row "Tunnel-id Local Remote fvrf/ivrf Status"
 * in columns of 10, 22, 22 and 21, the line "Encr: AES-CBC, keysize:
 * 256, PRF: SHA256, Hash: SHA256, DH Grp:19, Auth sign: PSK, Auth
 * verify: PSK" and "Life/Active Time: 86400/735 sec", both indented 6.
 * tests/check_ike_xchg.c holds a full example.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <sys/socket.h>

#include "ike/ike.h"

int
ike_show_sa_header(int family, char *buf, size_t len)
{
	return (snprintf(buf, len, " %s Crypto IKEv2  SA\n\n%-10s%-22s%-22s"
	    "%-21s%s\n", family == AF_INET6 ? "IPv6" : "IPv4", "Tunnel-id",
	    "Local", "Remote", "fvrf/ivrf", "Status"));
}

static const char *
ike_show_status(int state)
{
	switch (state) {
	case IKE_ST_ESTABLISHED:
		return ("READY");
	case IKE_ST_DEAD:
		return ("DELETE");
	}
	return ("IN-NEG");
}

static void
ike_show_ep(const struct k_addr *a, uint16_t port, char *buf, size_t len)
{
	char	ip[INET6_ADDRSTRLEN] = "?";

	inet_ntop(a->family, a->u.bytes, ip, sizeof(ip));
	snprintf(buf, len, "%s/%u", ip, port ? port : 500);
}

/* The algorithm line; before negotiation ends there is nothing to say. */
static int
ike_show_algs(const struct ike_suite *s, char *buf, size_t len)
{
	if (s->encr == NULL)
		return (snprintf(buf, len, "      Encr: none\n"));
	return (snprintf(buf, len, "      Encr: %s, keysize: %u, PRF: %s, "
	    "Hash: %s, DH Grp:%u, Auth sign: PSK, Auth verify: PSK\n",
	    s->encr->name, s->encr->keybits, s->prf ? s->prf->name : "None",
	    s->integ ? s->integ->name : "None", s->dh ? s->dh->id : 0));
}

/* One SA: its row and the two lines under it.  Returns snprintf's count. */
int
ike_show_sa(const struct ike_sa *sa, unsigned id, uint64_t now, char *buf,
    size_t len)
{
	const struct ike_peer	*p = sa->peer;
	char			 l[64], r[64], tid[16];
	uint64_t		 active = 0;
	int			 n, m;

	ike_show_ep(&p->local, p->local_port, l, sizeof(l));
	ike_show_ep(&p->remote, p->remote_port, r, sizeof(r));
	snprintf(tid, sizeof(tid), "%u", id);
	n = snprintf(buf, len, "%-10s%-22s%-22s%-21s%s\n", tid, l, r,
	    "none/none", ike_show_status(sa->state));
	if (n < 0 || (size_t)n >= len)
		return (n);
	if ((m = ike_show_algs(&sa->suite, buf + n, len - (size_t)n)) < 0)
		return (m);
	n += m;
	if ((size_t)n >= len)
		return (n);
	if (sa->up_since && now > sa->up_since)
		active = (now - sa->up_since) / 1000;
	m = snprintf(buf + n, len - (size_t)n, "      Life/Active Time: "
	    "%u/%llu sec\n", p->lifetime, (unsigned long long)active);
	return (m < 0 ? m : n + m);
}

/*
 * An identity as IOS prints it after "Id:": an address, or the name
 * with anything unprintable as '.'.
 */
const char *
ike_show_id(const struct ike_id *id, char *buf, size_t len)
{
	size_t	i, n;

	if (len == 0)
		return (buf);
	buf[0] = '\0';
	if (id->type == IKE_ID_IPV4_ADDR && id->len == 4)
		inet_ntop(AF_INET, id->data, buf, (socklen_t)len);
	else if (id->type == IKE_ID_IPV6_ADDR && id->len == 16)
		inet_ntop(AF_INET6, id->data, buf, (socklen_t)len);
	else {
		n = id->len < len - 1 ? id->len : len - 1;
		for (i = 0; i < n; i++)
			buf[i] = id->data[i] >= 0x20 && id->data[i] < 0x7f ?
			    (char)id->data[i] : '.';
		buf[n] = '\0';
	}
	return (buf);
}
