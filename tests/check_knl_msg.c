/*
 * tests/check_knl_msg.c: the XFRM requests the netlink kernel builds,
 * read back attribute by attribute.  Needs no privilege and no kernel
 * support: this is how SA requests are checked on a kernel without
 * ESP, until the VM harness installs them for real.
 */
#include <arpa/inet.h>
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <linux/udp.h>
#include <linux/xfrm.h>
#include <netlink/attr.h>

#include "backend/knl_priv.h"

static struct k_addr
v4(const char *s)
{
	struct k_addr	a;

	memset(&a, 0, sizeof(a));
	a.family = AF_INET;
	ck_assert_int_eq(inet_pton(AF_INET, s, &a.u.v4), 1);
	return a;
}

static const uint8_t	aead_key[20] = {
	0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,
	0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10,
	0xaa, 0xbb, 0xcc, 0xdd,			/* salt */
};
static const uint8_t	enc_key[16] = { 0x11, 0x22, 0x33 };
static const uint8_t	auth_key[32] = { 0x44, 0x55, 0x66 };

static struct k_sa
sa_gcm(void)
{
	struct k_sa	sa;

	memset(&sa, 0, sizeof(sa));
	sa.src = v4("192.0.2.1");
	sa.dst = v4("192.0.2.2");
	sa.spi = 0xc0ffee01;
	sa.proto = IPPROTO_ESP;
	sa.mode = K_MODE_TUNNEL;
	sa.reqid = 42;
	sa.if_id = 9;
	sa.aead.name = "rfc4106(gcm(aes))";
	sa.aead.key = aead_key;
	sa.aead.keylen = sizeof(aead_key);
	sa.aead.bits = 128;
	sa.replay_window = 64;
	sa.life.hard_seconds = 3600;
	sa.life.soft_seconds = 3240;
	sa.encap_sport = 4500;
	sa.encap_dport = 4501;
	return sa;
}

static void
parse(struct nl_msg *msg, size_t hdr, struct nlattr **tb)
{
	ck_assert_int_eq(nlmsg_parse(nlmsg_hdr(msg), hdr, tb, XFRMA_MAX,
	    NULL), 0);
}

START_TEST(test_sa_gcm)
{
	struct k_sa			 sa = sa_gcm();
	struct nl_msg			*msg;
	struct nlattr			*tb[XFRMA_MAX + 1];
	struct xfrm_usersa_info		*si;
	struct xfrm_algo_aead		*g;
	struct xfrm_replay_state_esn	*esn;
	struct xfrm_encap_tmpl		*e;

	ck_assert_int_eq(knl_xfrm_sa_msg(&sa, &msg), 0);
	ck_assert_int_eq(nlmsg_hdr(msg)->nlmsg_type, XFRM_MSG_NEWSA);
	parse(msg, sizeof(*si), tb);
	si = nlmsg_data(nlmsg_hdr(msg));
	ck_assert_uint_eq(ntohl(si->id.spi), 0xc0ffee01);
	ck_assert_uint_eq(si->id.proto, IPPROTO_ESP);
	ck_assert_uint_eq(si->id.daddr.a4, sa.dst.u.v4.s_addr);
	ck_assert_uint_eq(si->saddr.a4, sa.src.u.v4.s_addr);
	ck_assert_uint_eq(si->family, AF_INET);
	ck_assert_uint_eq(si->mode, XFRM_MODE_TUNNEL);
	ck_assert_uint_eq(si->reqid, 42);
	ck_assert_uint_eq(si->lft.hard_add_expires_seconds, 3600);
	ck_assert_uint_eq(si->lft.soft_add_expires_seconds, 3240);
	ck_assert(si->lft.hard_byte_limit == XFRM_INF);
	/* A window over 32 packets needs the ESN replay state. */
	ck_assert_uint_eq(si->replay_window, 0);
	ck_assert_ptr_nonnull(tb[XFRMA_REPLAY_ESN_VAL]);
	esn = nla_data(tb[XFRMA_REPLAY_ESN_VAL]);
	ck_assert_uint_eq(esn->replay_window, 64);
	ck_assert_uint_eq(esn->bmp_len, 2);
	ck_assert_int_eq(nla_len(tb[XFRMA_REPLAY_ESN_VAL]),
	    sizeof(*esn) + 2 * sizeof(uint32_t));

	ck_assert_ptr_nonnull(tb[XFRMA_ALG_AEAD]);
	ck_assert_ptr_null(tb[XFRMA_ALG_CRYPT]);
	ck_assert_ptr_null(tb[XFRMA_ALG_AUTH_TRUNC]);
	g = nla_data(tb[XFRMA_ALG_AEAD]);
	ck_assert_str_eq(g->alg_name, "rfc4106(gcm(aes))");
	ck_assert_uint_eq(g->alg_key_len, 160);
	ck_assert_uint_eq(g->alg_icv_len, 128);
	ck_assert_int_eq(nla_len(tb[XFRMA_ALG_AEAD]),
	    sizeof(*g) + sizeof(aead_key));
	ck_assert_mem_eq(g->alg_key, aead_key, sizeof(aead_key));

	ck_assert_ptr_nonnull(tb[XFRMA_ENCAP]);
	e = nla_data(tb[XFRMA_ENCAP]);
	ck_assert_uint_eq(e->encap_type, UDP_ENCAP_ESPINUDP);
	ck_assert_uint_eq(ntohs(e->encap_sport), 4500);
	ck_assert_uint_eq(ntohs(e->encap_dport), 4501);
	ck_assert_uint_eq(nla_get_u32(tb[XFRMA_IF_ID]), 9);
	explicit_bzero(nlmsg_hdr(msg), nlmsg_hdr(msg)->nlmsg_len);
	nlmsg_free(msg);
}
END_TEST

START_TEST(test_sa_cbc_hmac)
{
	struct k_sa		 sa = sa_gcm();
	struct nl_msg		*msg;
	struct nlattr		*tb[XFRMA_MAX + 1];
	struct xfrm_usersa_info	*si;
	struct xfrm_algo	*c;
	struct xfrm_algo_auth	*a;

	memset(&sa.aead, 0, sizeof(sa.aead));
	sa.enc.name = "cbc(aes)";
	sa.enc.key = enc_key;
	sa.enc.keylen = sizeof(enc_key);
	sa.auth.name = "hmac(sha256)";
	sa.auth.key = auth_key;
	sa.auth.keylen = sizeof(auth_key);
	sa.auth.bits = 128;
	sa.replay_window = 32;
	sa.encap_dport = 0;
	sa.if_id = 0;
	ck_assert_int_eq(knl_xfrm_sa_msg(&sa, &msg), 0);
	parse(msg, sizeof(*si), tb);
	si = nlmsg_data(nlmsg_hdr(msg));
	ck_assert_uint_eq(si->replay_window, 32);
	ck_assert_ptr_null(tb[XFRMA_REPLAY_ESN_VAL]);
	ck_assert_ptr_null(tb[XFRMA_ALG_AEAD]);
	ck_assert_ptr_null(tb[XFRMA_ENCAP]);
	ck_assert_ptr_null(tb[XFRMA_IF_ID]);
	c = nla_data(tb[XFRMA_ALG_CRYPT]);
	ck_assert_str_eq(c->alg_name, "cbc(aes)");
	ck_assert_uint_eq(c->alg_key_len, 128);
	ck_assert_mem_eq(c->alg_key, enc_key, sizeof(enc_key));
	a = nla_data(tb[XFRMA_ALG_AUTH_TRUNC]);
	ck_assert_str_eq(a->alg_name, "hmac(sha256)");
	ck_assert_uint_eq(a->alg_key_len, 256);
	ck_assert_uint_eq(a->alg_trunc_len, 128);
	ck_assert_mem_eq(a->alg_key, auth_key, sizeof(auth_key));
	explicit_bzero(nlmsg_hdr(msg), nlmsg_hdr(msg)->nlmsg_len);
	nlmsg_free(msg);
}
END_TEST

START_TEST(test_sa_bad_alg_name)
{
	struct k_sa	 sa = sa_gcm();
	struct nl_msg	*msg = NULL;
	char		 name[80];

	memset(name, 'x', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	sa.aead.name = name;
	ck_assert_int_lt(knl_xfrm_sa_msg(&sa, &msg), 0);
	ck_assert_ptr_null(msg);
}
END_TEST

static struct k_policy
policy(void)
{
	struct k_policy	p;

	memset(&p, 0, sizeof(p));
	p.sel.family = AF_INET;
	p.sel.src = v4("10.1.0.0");
	p.sel.dst = v4("10.2.0.0");
	p.sel.src_plen = 16;
	p.sel.dst_plen = 16;
	p.sel.proto = IPPROTO_TCP;
	p.sel.dport = 443;
	p.sel.dport_mask = 0xffff;
	p.dir = K_DIR_FWD;
	p.priority = K_PRIO_MIN + 77;
	p.if_id = 5;
	p.mark = 0x10;
	p.mark_mask = 0xff;
	p.ntmpl = 2;
	p.tmpl[0].proto = IPPROTO_ESP;
	p.tmpl[0].mode = K_MODE_TRANSPORT;
	p.tmpl[0].reqid = 3;
	p.tmpl[1].src = v4("192.0.2.1");
	p.tmpl[1].dst = v4("192.0.2.2");
	p.tmpl[1].proto = IPPROTO_ESP;
	p.tmpl[1].mode = K_MODE_TUNNEL;
	p.tmpl[1].reqid = 4;
	p.tmpl[1].optional = 1;
	return p;
}

/* What the kernel would dump is what was asked for. */
START_TEST(test_policy_round_trip)
{
	struct k_policy		 p = policy(), back;
	struct nl_msg		*msg;
	struct kobj		 a = { .kind = KOBJ_POLICY };
	struct kobj		 b = { .kind = KOBJ_POLICY };

	ck_assert_int_eq(knl_xfrm_policy_msg(&p, XFRM_MSG_NEWPOLICY, &msg),
	    0);
	ck_assert_int_eq(knl_xfrm_policy_parse(nlmsg_hdr(msg), &back), 1);
	a.u.policy = p;
	b.u.policy = back;
	ck_assert_int_eq(kobj_key_cmp(&a, &b), 0);
	ck_assert(kobj_same(&a, &b));
	ck_assert_uint_eq(back.sel.dport, 443);
	ck_assert_uint_eq(back.tmpl[1].optional, 1);
	ck_assert_int_eq(back.tmpl[0].src.family, 0);
	nlmsg_free(msg);
}
END_TEST

/* A policy outside iosh's band is not iosh's: the parser skips it. */
START_TEST(test_policy_foreign)
{
	struct k_policy	 p = policy(), back;
	struct nl_msg	*msg;

	p.priority = K_PRIO_MAX + 1;
	ck_assert_int_eq(knl_xfrm_policy_msg(&p, XFRM_MSG_NEWPOLICY, &msg),
	    0);
	ck_assert_int_eq(knl_xfrm_policy_parse(nlmsg_hdr(msg), &back), 0);
	nlmsg_free(msg);
}
END_TEST

START_TEST(test_policy_attrs)
{
	struct k_policy			 p = policy();
	struct nl_msg			*msg;
	struct nlattr			*tb[XFRMA_MAX + 1];
	struct xfrm_userpolicy_info	*pi;
	struct xfrm_user_tmpl		*ut;
	struct xfrm_mark		*m;

	ck_assert_int_eq(knl_xfrm_policy_msg(&p, XFRM_MSG_UPDPOLICY, &msg),
	    0);
	ck_assert_int_eq(nlmsg_hdr(msg)->nlmsg_type, XFRM_MSG_UPDPOLICY);
	parse(msg, sizeof(*pi), tb);
	pi = nlmsg_data(nlmsg_hdr(msg));
	ck_assert_uint_eq(pi->dir, XFRM_POLICY_FWD);
	ck_assert_uint_eq(pi->sel.dport, htons(443));
	ck_assert_uint_eq(nla_get_u32(tb[XFRMA_IF_ID]), 5);
	m = nla_data(tb[XFRMA_MARK]);
	ck_assert_uint_eq(m->v, 0x10);
	ck_assert_uint_eq(m->m, 0xff);
	ck_assert_int_eq(nla_len(tb[XFRMA_TMPL]), 2 * sizeof(*ut));
	ut = nla_data(tb[XFRMA_TMPL]);
	/* A transport template takes the selector's family. */
	ck_assert_uint_eq(ut[0].family, AF_INET);
	ck_assert_uint_eq(ut[0].mode, XFRM_MODE_TRANSPORT);
	ck_assert_uint_eq(ut[1].mode, XFRM_MODE_TUNNEL);
	ck_assert_uint_eq(ut[1].id.daddr.a4, p.tmpl[1].dst.u.v4.s_addr);
	ck_assert_uint_eq(ut[1].aalgos, ~0u);
	nlmsg_free(msg);
}
END_TEST

static Suite *
knl_msg_suite(void)
{
	Suite	*s = suite_create("knl_msg");
	TCase	*tc = tcase_create("xfrm");

	tcase_add_test(tc, test_sa_gcm);
	tcase_add_test(tc, test_sa_cbc_hmac);
	tcase_add_test(tc, test_sa_bad_alg_name);
	tcase_add_test(tc, test_policy_round_trip);
	tcase_add_test(tc, test_policy_foreign);
	tcase_add_test(tc, test_policy_attrs);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(knl_msg_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
