/*
 * ike/ike_peer.c: the peer definition, the daemon's input.
 */
#include <string.h>

#include "ike/ike.h"

/* Wipe and free the keys a definition owns. */
void
ike_peer_free_secrets(struct ike_peer *p)
{
	ike_buf_clear(&p->psk_local);
	ike_buf_clear(&p->psk_remote);
}
