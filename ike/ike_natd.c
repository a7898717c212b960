/*
 * ike/ike_natd.c: NAT detection (RFC 7296 2.23).
 *
 * Each IKE_SA_INIT message carries NAT_DETECTION_SOURCE_IP =
 * SHA-1(SPIi | SPIr | source IP | source port) and
 * NAT_DETECTION_DESTINATION_IP over the destination.  The receiver
 * hashes the addresses it saw: a source that differs means the peer is
 * behind a NAT, a destination that differs means we are.  Either way
 * IKE moves to port 4500 and ESP goes into UDP (RFC 3948).
 */
#include <string.h>
#include <sys/socket.h>


#include "ike/ike.h"

#define IKE_NATD_LEN	20		/* SHA-1 */

int
ike_natd_hash(const uint8_t *spii, const uint8_t *spir,
    const struct k_addr *a, uint16_t port, uint8_t *out)
{
	uint8_t	buf[8 + 8 + 16 + 2];
	size_t	alen = a->family == AF_INET ? 4 : 16;

	memcpy(buf, spii, 8);
	memcpy(buf + 8, spir, 8);
	memcpy(buf + 16, a->u.bytes, alen);
	buf[16 + alen] = (uint8_t)(port >> 8);
	buf[17 + alen] = (uint8_t)port;
	return (ike_crypto_hash("SHA1", buf, 18 + alen, out));
}

/* Both notifies, for a message travelling along path. */
void
ike_natd_put(struct ike_chain *c, const uint8_t *spii, const uint8_t *spir,
    const struct ike_path *path)
{
	uint8_t	h[IKE_NATD_LEN];

	if (ike_natd_hash(spii, spir, &path->local, path->lport, h) == IKE_OK)
		ike_pld_put_notify(c, 0, IKE_N_NAT_DETECTION_SOURCE_IP, h,
		    sizeof(h));
	if (ike_natd_hash(spii, spir, &path->remote, path->rport, h) ==
	    IKE_OK)
		ike_pld_put_notify(c, 0, IKE_N_NAT_DETECTION_DESTINATION_IP, h,
		    sizeof(h));
}

/* Does any notify of this type carry the hash of a, port? */
static int
ike_natd_match(const struct ike_msg *m, uint16_t type, const uint8_t *spir,
    const struct k_addr *a, uint16_t port, int *seen)
{
	uint8_t	h[IKE_NATD_LEN];
	size_t	i;

	if (ike_natd_hash(m->hdr.spii, spir, a, port, h) != IKE_OK)
		return (0);
	for (i = 0; i < m->nn; i++) {
		if (m->n[i].type != type)
			continue;
		*seen = 1;
		if (m->n[i].len == IKE_NATD_LEN &&
		    memcmp(m->n[i].data, h, IKE_NATD_LEN) == 0)
			return (1);
	}
	return (0);
}

/*
 * Check an IKE_SA_INIT message against the path it came along.  Sets
 * the SA's NAT flags; returns 1 when NAT-T is to be used.
 */
int
ike_natd_check(struct ike_sa *sa, const struct ike_msg *m)
{
	const struct ike_path	*p = &sa->seen;
	int			 src = 0, dst = 0, ok_src, ok_dst;

	ok_src = ike_natd_match(m, IKE_N_NAT_DETECTION_SOURCE_IP,
	    m->hdr.spir, &p->remote, p->rport, &src);
	ok_dst = ike_natd_match(m, IKE_N_NAT_DETECTION_DESTINATION_IP,
	    m->hdr.spir, &p->local, p->lport, &dst);
	if (!src || !dst)
		return (0);		/* the peer does not do NAT-T */
	sa->nat_remote = !ok_src;
	sa->nat_local = !ok_dst;
	sa->natt = sa->nat_remote || sa->nat_local;
	if (sa->natt)
		ike_log(IKE_LOG_INFO, "peer %s: NAT detected (%s), using UDP "
		    "%u", sa->peer->name, sa->nat_local ? "here" : "there",
		    IKE_NATT_PORT);
	return (sa->natt);
}
