/*
 * shell/router_clear.c: clear crypto sa, clear crypto ikev2 sa, clear
 * crypto session.
 *
 * Each deletes the IKE SAs of the peers it names (all of them when it
 * names none) with their Child SAs: the kernel's SAs go at once, and
 * the peer gets a Delete, so it drops its side too.  A tunnel
 * interface's peer is negotiated anew at once, as IOS does for tunnel
 * protection; a crypto map's when traffic asks for it (the kernel's
 * ACQUIRE).  The old IKE SA waits for the peer's answer to its Delete
 * beside the new one; router_live_sa() looks past it.
 * XXX: clear crypto sa also takes the IKE SA down: IOS keeps it and
 * negotiates a new Child SA under it, which ike/ cannot do yet outside
 * a rekey.
 */
#include <arpa/inet.h>
#include <string.h>
#include <sys/socket.h>

#include "shell/router_priv.h"

static int
router_clear_addr(const char *s, struct k_addr *a)
{
	memset(a, 0, sizeof(*a));
	if (inet_pton(AF_INET, s, &a->u.v4) == 1)
		a->family = AF_INET;
	else if (inet_pton(AF_INET6, s, &a->u.v6) == 1)
		a->family = AF_INET6;
	else
		return -1;
	return 0;
}

static int
router_clear_eq(const struct k_addr *a, const struct k_addr *b)
{
	size_t	len = a->family == AF_INET ? 4 : 16;

	return a->family == b->family && memcmp(a->u.bytes, b->u.bytes,
	    len) == 0;
}

/* Whether peer p is one the command names. */
static int
router_clear_match(const struct ike_peer *p, const struct k_addr *remote,
    const struct k_addr *local)
{
	return (remote == NULL || router_clear_eq(&p->remote, remote)) &&
	    (local == NULL || router_clear_eq(&p->local, local));
}

/*
 * Tell the peer and take the SAs down; when a request of ours is still
 * outstanding (a rekey, a liveness check), the Delete cannot go out in
 * the window of one, and the SA goes without a word: the peer finds
 * out on its next liveness check.
 */
static void
router_clear_sa(struct ike_sa *sa, uint64_t now)
{
	if (sa->state == IKE_ST_ESTABLISHED &&
	    sa->pending == IKE_PEND_NONE &&
	    ike_info_delete_ike(sa, now) == IKE_OK)
		return;
	ike_sa_fail(sa, IKE_OK);
}

int
router_clear(struct router *r, const char *remote, const char *local)
{
	struct k_addr	 ra, la, *rp = NULL, *lp = NULL;
	struct ike_sa	*sa;
	uint64_t	 now = ike_net_now();
	size_t		 i;
	int		 n = 0;

	if (remote != NULL && router_clear_addr(remote, rp = &ra) != 0)
		return -1;
	if (local != NULL && router_clear_addr(local, lp = &la) != 0)
		return -1;
	if (!r->ike_up)
		return 0;
	for (i = 0; i < r->ike.nsa; i++) {
		sa = r->ike.sa[i];
		if (sa->state == IKE_ST_DEAD ||
		    sa->pending == IKE_PEND_DEL_IKE ||
		    !router_clear_match(sa->peer, rp, lp))
			continue;
		router_clear_sa(sa, now);
		router_ike_changed(r, sa);
		n++;
	}
	/* Every SA with these peers is going: tunnels negotiate anew. */
	for (i = 0; i < r->ike.npeers; i++)
		if (router_clear_match(&r->ike.peers[i], rp, lp) &&
		    router_route_based(&r->ike.peers[i]))
			ike_ctx_initiate(&r->ike, i, now);
	router_arm(r);
	return n;
}
