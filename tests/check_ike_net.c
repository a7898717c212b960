/*
 * tests/check_ike_net.c: two daemons over real UDP sockets on the
 * loopback address (ephemeral ports, nothing leaves the machine), each
 * with its own table of SAs and a recording kernel.
 */
#include <arpa/inet.h>
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "ike/ike.h"
#include "tests/ike/krec.h"

struct daemon {
	struct ike_peer	peer;
	struct krec	k;
	struct ike_ctx	ctx;
	struct ike_net	net;
	struct ike_io	io;
};

static void
peer_def(struct ike_peer *p, const char *id, const char *peer_id,
    const char *lnet, const char *rnet)
{
	struct ike_child_def	*d = &p->child[0];
	struct k_addr		 a;

	memset(p, 0, sizeof(*p));
	snprintf(p->name, sizeof(p->name), "%s", peer_id);
	p->local.family = p->remote.family = AF_INET;
	inet_pton(AF_INET, "127.0.0.1", &p->local.u.v4);
	p->remote = p->local;
	p->id_local.type = p->id_remote.type = IKE_ID_FQDN;
	p->id_local.len = (uint8_t)strlen(id);
	memcpy(p->id_local.data, id, p->id_local.len);
	p->id_remote.len = (uint8_t)strlen(peer_id);
	memcpy(p->id_remote.data, peer_id, p->id_remote.len);
	p->psk_local = ike_buf_dup("loopback", 8);
	p->psk_remote = ike_buf_dup("loopback", 8);
	ck_assert_int_eq(ike_alg_parse("aes256gcm16-prfsha256-x25519",
	    IKE_PROTO_IKE, &p->props[0]), IKE_OK);
	p->nprops = 1;
	p->nchild = 1;
	ck_assert_int_eq(ike_alg_parse("aes256gcm16", IKE_PROTO_ESP,
	    &d->props[0]), IKE_OK);
	d->nprops = 1;
	a.family = AF_INET;
	inet_pton(AF_INET, lnet, &a.u.v4);
	ike_ts_from_prefix(&d->ts_local[0], &a, 24, 0, 0);
	inet_pton(AF_INET, rnet, &a.u.v4);
	ike_ts_from_prefix(&d->ts_remote[0], &a, 24, 0, 0);
	d->nts_local = d->nts_remote = 1;
	d->mode = K_MODE_TUNNEL;
	d->life_seconds = 3600;
}

static void
daemon_open(struct daemon *dm)
{
	krec_init(&dm->k);
	ike_ctx_init(&dm->ctx, &dm->peer, 1, &dm->k.k, &dm->io);
	ck_assert_int_eq(ike_net_open(&dm->net, &dm->ctx, &dm->peer.local, 0,
	    0), IKE_OK);
	ck_assert_uint_ne(ike_net_port(&dm->net), 0);
}

static void
daemon_peer_port(struct daemon *dm, uint16_t port)
{
	dm->peer.remote_port = port;
	ike_net_io(&dm->net, 0, &dm->peer.remote, port, &dm->ctx.io[0]);
}

START_TEST(test_net_loopback)
{
	struct daemon	a, b;
	struct ike_sa	*sa, *sb;
	int		i;

	peer_def(&a.peer, "a.test", "b.test", "10.10.1.0", "10.10.2.0");
	peer_def(&b.peer, "b.test", "a.test", "10.10.2.0", "10.10.1.0");
	daemon_open(&a);
	daemon_open(&b);
	daemon_peer_port(&a, ike_net_port(&b.net));
	daemon_peer_port(&b, ike_net_port(&a.net));
	ck_assert_int_eq(ike_ctx_initiate(&a.ctx, 0, ike_net_now()), IKE_OK);
	for (i = 0; i < 200; i++) {
		ike_net_step(&b.net, 5);
		ike_net_step(&a.net, 5);
		sa = ike_ctx_find_peer(&a.ctx, 0);
		sb = ike_ctx_find_peer(&b.ctx, 0);
		if (sa && sb && sa->state == IKE_ST_ESTABLISHED &&
		    sb->state == IKE_ST_ESTABLISHED && a.k.nadd == 2)
			break;
	}
	ck_assert_ptr_nonnull(sa);
	ck_assert_ptr_nonnull(sb);
	ck_assert_int_eq(sa->state, IKE_ST_ESTABLISHED);
	ck_assert_int_eq(sb->state, IKE_ST_ESTABLISHED);
	ck_assert_int_eq(a.k.nadd, 2);
	ck_assert_int_eq(b.k.nadd, 2);
	ck_assert_uint_eq(sa->slot[0].cur.spi_out,
	    sb->slot[0].cur.spi_in);
	/* Garbage to the socket is dropped without harm. */
	{
		struct ike_path	path;

		ike_sa_path_default(&b.peer, &path);
		ike_ctx_recv(&b.ctx, &path, (const uint8_t *)"junk", 4,
		    ike_net_now());
	}
	ck_assert_int_eq(sb->state, IKE_ST_ESTABLISHED);
	ike_ctx_free(&a.ctx);
	ike_ctx_free(&b.ctx);
	ike_net_close(&a.net);
	ike_net_close(&b.net);
	ike_peer_free_secrets(&a.peer);
	ike_peer_free_secrets(&b.peer);
}
END_TEST

int
main(void)
{
	Suite	*s = suite_create("ike_net");
	TCase	*tc = tcase_create("loopback");
	SRunner	*sr;
	int	 failed;

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_net_loopback);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return (failed ? EXIT_FAILURE : EXIT_SUCCESS);
}
