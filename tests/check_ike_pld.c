/*
 * tests/check_ike_pld.c: the bounded reader, payload parsing and
 * serialization.  Messages are commented byte arrays; truncated,
 * wrong-length and bit-flipped variants must give an error and never
 * crash (the sanitizer build runs these too).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "ike/ike.h"

/* An IKE_SA_INIT request, 164 bytes (RFC 7296 1.2, section 3). */
static const uint8_t init_req[] = {
	/* IKE header (3.1) */
	0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,	/* SPIi */
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* SPIr */
	0x21,			/* next: SA */
	0x20,			/* version 2.0 */
	0x22,			/* IKE_SA_INIT */
	0x08,			/* flags: initiator */
	0x00, 0x00, 0x00, 0x00,	/* message ID 0 */
	0x00, 0x00, 0x00, 0xa4,	/* length 164 */
	/* SA (3.3): next KE, length 48 */
	0x22, 0x00, 0x00, 0x30,
	/* proposal: last, length 44, #1, IKE, no SPI, 4 transforms */
	0x00, 0x00, 0x00, 0x2c, 0x01, 0x01, 0x00, 0x04,
	/* ENCR AES-CBC (12), Key Length 256 */
	0x03, 0x00, 0x00, 0x0c, 0x01, 0x00, 0x00, 0x0c, 0x80, 0x0e, 0x01, 0x00,
	/* PRF HMAC-SHA2-256 (5) */
	0x03, 0x00, 0x00, 0x08, 0x02, 0x00, 0x00, 0x05,
	/* INTEG HMAC-SHA2-256-128 (12) */
	0x03, 0x00, 0x00, 0x08, 0x03, 0x00, 0x00, 0x0c,
	/* DH Curve25519 (31), last */
	0x00, 0x00, 0x00, 0x08, 0x04, 0x00, 0x00, 0x1f,
	/* KE (3.4): next Nonce, length 40, group 31, 32 bytes */
	0x28, 0x00, 0x00, 0x28, 0x00, 0x1f, 0x00, 0x00,
	0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11,
	0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11,
	0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11,
	0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11,
	/* Nonce (3.9): next N, length 20, 16 bytes */
	0x29, 0x00, 0x00, 0x14,
	0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22,
	0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22,
	/* N (3.10): last, length 28, no SPI, NAT_DETECTION_SOURCE_IP */
	0x00, 0x00, 0x00, 0x1c, 0x00, 0x00, 0x40, 0x04,
	0x33, 0x33, 0x33, 0x33, 0x33, 0x33, 0x33, 0x33, 0x33, 0x33,
	0x33, 0x33, 0x33, 0x33, 0x33, 0x33, 0x33, 0x33, 0x33, 0x33,
};

/* Offsets of the length fields above, for the wrong-length cases. */
static const size_t init_len_fields[] = { 26, 30, 34, 42, 54, 62, 70, 78,
    118, 138 };

START_TEST(test_rd_bounds)
{
	static const uint8_t b[] = { 0x12, 0x34, 0x56 };
	struct ike_rd	rd, sub;
	uint16_t	v16;
	uint32_t	v32;
	uint8_t		v8;

	ike_rd_init(&rd, b, sizeof(b));
	ck_assert_int_eq(ike_rd_u32(&rd, &v32), IKE_E_TRUNC);
	ck_assert_uint_eq(ike_rd_left(&rd), 3);		/* nothing taken */
	ck_assert_int_eq(ike_rd_u16(&rd, &v16), IKE_OK);
	ck_assert_uint_eq(v16, 0x1234);
	ck_assert_int_eq(ike_rd_sub(&rd, 2, &sub), IKE_E_TRUNC);
	ck_assert_int_eq(ike_rd_sub(&rd, 1, &sub), IKE_OK);
	ck_assert_int_eq(ike_rd_u8(&sub, &v8), IKE_OK);
	ck_assert_uint_eq(v8, 0x56);
	ck_assert_int_eq(ike_rd_u8(&sub, &v8), IKE_E_TRUNC);
	ck_assert_int_eq(ike_rd_u8(&rd, &v8), IKE_E_TRUNC);
	ck_assert_int_eq(ike_rd_skip(&rd, (size_t)-1), IKE_E_TRUNC);
}
END_TEST

START_TEST(test_parse_init)
{
	struct ike_msg	m;

	ck_assert_int_eq(ike_msg_parse(init_req, sizeof(init_req), &m),
	    IKE_OK);
	ck_assert_uint_eq(m.hdr.xchg, IKE_SA_INIT);
	ck_assert_uint_eq(m.hdr.flags, IKE_F_INITIATOR);
	ck_assert_uint_eq(m.nprops, 1);
	ck_assert_uint_eq(m.props[0].nxf, 4);
	ck_assert_uint_eq(m.props[0].xf[0].keybits, 256);
	ck_assert_uint_eq(m.props[0].xf[3].id, 31);
	ck_assert_uint_eq(m.ke_group, 31);
	ck_assert_uint_eq(m.kelen, 32);
	ck_assert_uint_eq(m.noncelen, 16);
	ck_assert_uint_eq(m.nn, 1);
	ck_assert_uint_eq(m.n[0].type, IKE_N_NAT_DETECTION_SOURCE_IP);
	ck_assert_uint_eq(m.n[0].len, 20);
	ck_assert(IKE_SEEN(&m, IKE_PLD_KE));
	ck_assert(!IKE_SEEN(&m, IKE_PLD_AUTH));
}
END_TEST

/* Every cut, with the header length cut to match: payloads run short. */
START_TEST(test_parse_truncated)
{
	uint8_t		b[sizeof(init_req)];
	struct ike_msg	m;
	size_t		len;

	for (len = 0; len < sizeof(init_req); len++) {
		memcpy(b, init_req, len);
		ck_assert_int_ne(ike_msg_parse(b, len, &m), IKE_OK);
		if (len < IKE_HDR_LEN)
			continue;
		b[24] = 0;
		b[25] = 0;
		b[26] = (uint8_t)(len >> 8);
		b[27] = (uint8_t)len;
		ck_assert_int_ne(ike_msg_parse(b, len, &m), IKE_OK);
	}
}
END_TEST

/* Every length field one more, one less, zero and 0xffff. */
START_TEST(test_parse_wrong_length)
{
	static const int delta[] = { 1, -1, -0x10000, 0xffff };
	uint8_t		 b[sizeof(init_req)];
	struct ike_msg	 m;
	size_t		 i, j, at;
	int		 v;

	for (i = 0; i < sizeof(init_len_fields) / sizeof(size_t); i++) {
		at = init_len_fields[i];
		for (j = 0; j < 4; j++) {
			memcpy(b, init_req, sizeof(b));
			v = (b[at] << 8 | b[at + 1]) + delta[j];
			if (delta[j] == -0x10000)
				v = 0;
			if (delta[j] == 0xffff)
				v = 0xffff;
			b[at] = (uint8_t)(v >> 8);
			b[at + 1] = (uint8_t)v;
			ck_assert_msg(ike_msg_parse(b, sizeof(b), &m) != IKE_OK,
			    "length at %zu %+d accepted", at, delta[j]);
		}
	}
}
END_TEST

/* Every single bit flipped: never a crash; length fields never pass. */
START_TEST(test_parse_bitflip)
{
	uint8_t		b[sizeof(init_req)];
	struct ike_msg	m;
	size_t		i, j, k, errs = 0;
	int		rv, is_len;

	for (i = 0; i < sizeof(init_req); i++) {
		for (j = 0; j < 8; j++) {
			memcpy(b, init_req, sizeof(b));
			b[i] ^= (uint8_t)(1 << j);
			rv = ike_msg_parse(b, sizeof(b), &m);
			errs += rv != IKE_OK;
			is_len = 0;
			for (k = 0; k < sizeof(init_len_fields) /
			    sizeof(size_t); k++)
				if (i == init_len_fields[k] ||
				    i == init_len_fields[k] + 1)
					is_len = 1;
			if (is_len)
				ck_assert_int_ne(rv, IKE_OK);
		}
	}
	ck_assert_uint_gt(errs, 100);
}
END_TEST

/* A chain of: unknown type 50 (flags given), then Nonce. */
static void
unknown_then_nonce(uint8_t *b, uint8_t flags)
{
	/* header: next 50, IKE_AUTH, length 28 + 8 + 20 = 56 */
	static const uint8_t hdr[IKE_HDR_LEN] = {
	    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
	    50, 0x20, 0x23, 0x08, 0, 0, 0, 1, 0, 0, 0, 56 };

	memcpy(b, hdr, IKE_HDR_LEN);
	/* type 50: next Nonce, flags, length 8, 4 bytes of body */
	b[28] = IKE_PLD_NONCE; b[29] = flags; b[30] = 0; b[31] = 8;
	memset(b + 32, 0xee, 4);
	/* Nonce: last, length 20 */
	b[36] = 0; b[37] = 0; b[38] = 0; b[39] = 20;
	memset(b + 40, 0x44, 16);
}

START_TEST(test_parse_critical)
{
	uint8_t		b[56];
	struct ike_msg	m;

	unknown_then_nonce(b, 0x00);		/* not critical: skipped */
	ck_assert_int_eq(ike_msg_parse(b, sizeof(b), &m), IKE_OK);
	ck_assert_uint_eq(m.noncelen, 16);
	unknown_then_nonce(b, 0x80);		/* critical: refused */
	ck_assert_int_eq(ike_msg_parse(b, sizeof(b), &m), IKE_E_CRITICAL);
	ck_assert_uint_eq(m.crit_type, 50);
}
END_TEST

/* Two KE payloads in one message: INVALID_SYNTAX. */
START_TEST(test_parse_duplicate)
{
	uint8_t		b[sizeof(init_req) + 40];
	struct ike_msg	m;

	memcpy(b, init_req, sizeof(init_req));
	b[27] = (uint8_t)sizeof(b);
	b[136] = IKE_PLD_KE;			/* N's next: KE */
	memcpy(b + sizeof(init_req), init_req + 76, 40);	/* the KE */
	b[sizeof(init_req)] = 0;		/* it is last */
	ck_assert_int_eq(ike_msg_parse(b, sizeof(b), &m), IKE_E_SYNTAX);
}
END_TEST

/* IDi, AUTH, TSi, D as bytes (3.5, 3.8, 3.13, 3.11). */
static const uint8_t auth_inner[] = {
	/* IDi: next AUTH, length 12, FQDN "a.io" */
	0x27, 0x00, 0x00, 0x0c, 0x02, 0x00, 0x00, 0x00, 'a', '.', 'i', 'o',
	/* AUTH: next TSi, length 12, PSK, 4 bytes */
	0x2c, 0x00, 0x00, 0x0c, 0x02, 0x00, 0x00, 0x00, 0xaa, 0xbb, 0xcc, 0xdd,
	/* TSi: next D, length 24, one selector */
	0x2a, 0x00, 0x00, 0x18, 0x01, 0x00, 0x00, 0x00,
	/* IPv4, any protocol, length 16, ports 0-65535, 10.0.0.0-10.0.0.255 */
	0x07, 0x00, 0x00, 0x10, 0x00, 0x00, 0xff, 0xff,
	0x0a, 0x00, 0x00, 0x00, 0x0a, 0x00, 0x00, 0xff,
	/* D: last, length 16, ESP, SPI size 4, two SPIs */
	0x00, 0x00, 0x00, 0x10, 0x03, 0x04, 0x00, 0x02,
	0xc0, 0x00, 0x00, 0x01, 0xc0, 0x00, 0x00, 0x02,
};

START_TEST(test_parse_inner)
{
	struct ike_msg	m;
	uint8_t		b[sizeof(auth_inner)];
	size_t		len;

	memset(&m, 0, sizeof(m));
	ck_assert_int_eq(ike_pld_parse_chain(IKE_PLD_IDI, auth_inner,
	    sizeof(auth_inner), 0, &m), IKE_OK);
	ck_assert_uint_eq(m.idi.type, IKE_ID_FQDN);
	ck_assert_uint_eq(m.idi.len, 4);
	ck_assert_int_eq(memcmp(m.idi.data, "a.io", 4), 0);
	ck_assert_uint_eq(m.idi_bodylen, 8);
	ck_assert_uint_eq(m.authlen, 4);
	ck_assert_uint_eq(m.ntsi, 1);
	ck_assert_uint_eq(m.tsi[0].eport, 0xffff);
	ck_assert_uint_eq(m.tsi[0].end[3], 0xff);
	ck_assert_uint_eq(m.ndel, 1);
	ck_assert_uint_eq(m.del[0].nspi, 2);
	/* SK is only allowed in the outer chain. */
	memset(&m, 0, sizeof(m));
	ck_assert_int_eq(ike_pld_parse_chain(IKE_PLD_SK, auth_inner,
	    sizeof(auth_inner), 0, &m), IKE_E_SYNTAX);
	for (len = 0; len < sizeof(auth_inner); len++) {
		memcpy(b, auth_inner, len);
		memset(&m, 0, sizeof(m));
		ck_assert_int_ne(ike_pld_parse_chain(IKE_PLD_IDI, b, len, 0,
		    &m), IKE_OK);
	}
	/* A selector whose length does not match its type. */
	memcpy(b, auth_inner, sizeof(b));
	b[35] = 0x11;
	memset(&m, 0, sizeof(m));
	ck_assert_int_ne(ike_pld_parse_chain(IKE_PLD_IDI, b, sizeof(b), 0,
	    &m), IKE_OK);
	/* A delete whose SPI count does not fill the payload. */
	memcpy(b, auth_inner, sizeof(b));
	b[55] = 3;
	memset(&m, 0, sizeof(m));
	ck_assert_int_eq(ike_pld_parse_chain(IKE_PLD_IDI, b, sizeof(b), 0,
	    &m), IKE_E_LENGTH);
}
END_TEST

/* What the writer produces parses back to the same values. */
START_TEST(test_write_roundtrip)
{
	uint8_t		 b[512];
	struct ike_wr	 w;
	struct ike_chain c;
	struct ike_hdr	 h;
	struct ike_prop	 p[2];
	struct ike_msg	 m;
	struct ike_buf	*n = ike_buf_random(32);
	uint8_t		 ke[64];

	memset(&h, 0, sizeof(h));
	memset(p, 0, sizeof(p));
	memset(ke, 0x5a, sizeof(ke));
	h.spii[0] = 9;
	h.xchg = IKE_SA_INIT;
	h.flags = IKE_F_INITIATOR;
	p[0].num = 1;
	p[0].proto = IKE_PROTO_IKE;
	ike_prop_add(&p[0], IKE_XF_ENCR, 20, 256);
	ike_prop_add(&p[0], IKE_XF_PRF, 7, 0);
	ike_prop_add(&p[0], IKE_XF_DH, 19, 0);
	p[1] = p[0];
	p[1].num = 2;
	ike_prop_add(&p[1], IKE_XF_ENCR, 99, 0);	/* unknown: dropped */
	ike_wr_init(&w, b, sizeof(b));
	ike_msg_put_hdr(&w, &h);
	ike_pld_chain(&c, &w, 16);
	ike_pld_put_sa(&c, p, 2);
	ike_pld_put_ke(&c, 19, ke, sizeof(ke));
	ike_pld_put_nonce(&c, n);
	ike_pld_put_notify(&c, 0, IKE_N_COOKIE, ke, 8);
	ike_wr_set_u32(&w, 24, (uint32_t)w.off);
	ck_assert_int_eq(w.err, IKE_OK);
	ck_assert_int_eq(ike_msg_parse(b, w.off, &m), IKE_OK);
	ck_assert_uint_eq(m.nprops, 2);
	ck_assert_uint_eq(m.props[1].num, 2);
	ck_assert_uint_eq(m.props[1].nxf, 3);
	ck_assert_uint_eq(m.props[0].xf[0].keybits, 256);
	ck_assert_uint_eq(m.ke_group, 19);
	ck_assert_uint_eq(m.kelen, 64);
	ck_assert_int_eq(ike_buf_eq_mem(n, m.nonce, m.noncelen), 1);
	ck_assert_ptr_nonnull(ike_msg_notify(&m, IKE_N_COOKIE));
	/* A buffer too small is an error, not an overflow. */
	ike_wr_init(&w, b, 40);
	ike_msg_put_hdr(&w, &h);
	ike_pld_chain(&c, &w, 16);
	ike_pld_put_ke(&c, 19, ke, sizeof(ke));
	ck_assert_int_eq(w.err, IKE_E_SPACE);
	ike_buf_free(n);
}
END_TEST

/* A protected message: seal, parse, open; tampering fails the ICV. */
START_TEST(test_msg_sk)
{
	struct ike_sk	 sk;
	struct ike_buf	*ek = ike_buf_random(32), *ak = ike_buf_random(32);
	struct ike_buf	*pt;
	struct ike_hdr	 h;
	struct ike_msg	 m;
	uint8_t		 out[512];
	size_t		 len, i;

	sk.encr = ike_alg_encr(12, 256);
	sk.integ = ike_alg_integ(12);
	sk.ek = ek;
	sk.ak = ak;
	memset(&h, 0, sizeof(h));
	h.xchg = IKE_AUTH;
	h.msgid = 1;
	ck_assert_int_eq(ike_msg_seal(&sk, &h, IKE_PLD_IDI, auth_inner,
	    sizeof(auth_inner), out, sizeof(out), &len), IKE_OK);
	ck_assert_int_eq(ike_msg_parse(out, len, &m), IKE_OK);
	ck_assert_uint_eq(m.sk_aadlen, IKE_HDR_LEN + IKE_GEN_LEN);
	ck_assert_int_eq(ike_msg_open(&sk, out, len, &m, &pt), IKE_OK);
	ck_assert_uint_eq(m.authlen, 4);
	ck_assert_uint_eq(m.ndel, 1);
	ike_buf_free(pt);
	for (i = 0; i < len; i++) {
		out[i] ^= 0x01;
		if (ike_msg_parse(out, len, &m) == IKE_OK) {
			ck_assert_int_ne(ike_msg_open(&sk, out, len, &m, &pt),
			    IKE_OK);
			ike_buf_free(pt);
		}
		out[i] ^= 0x01;
	}
	ck_assert_int_eq(ike_msg_seal(&sk, &h, IKE_PLD_IDI, auth_inner,
	    sizeof(auth_inner), out, 60, &len), IKE_E_SPACE);
	ike_buf_free(ek);
	ike_buf_free(ak);
}
END_TEST

int
main(void)
{
	Suite	*s = suite_create("ike_pld");
	TCase	*tc = tcase_create("pld");
	SRunner	*sr;
	int	 failed;

	tcase_add_test(tc, test_rd_bounds);
	tcase_add_test(tc, test_parse_init);
	tcase_add_test(tc, test_parse_truncated);
	tcase_add_test(tc, test_parse_wrong_length);
	tcase_add_test(tc, test_parse_bitflip);
	tcase_add_test(tc, test_parse_critical);
	tcase_add_test(tc, test_parse_duplicate);
	tcase_add_test(tc, test_parse_inner);
	tcase_add_test(tc, test_write_roundtrip);
	tcase_add_test(tc, test_msg_sk);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return (failed ? EXIT_FAILURE : EXIT_SUCCESS);
}
