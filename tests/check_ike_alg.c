/*
 * tests/check_ike_alg.c: the transform tables and proposal matching.
 *
 * Expected IDs are the IANA "IKEv2 Parameters" Transform Type 1-4
 * values as listed in RFC 7296 3.3.2, RFC 4868 (SHA-2), RFC 5903
 * (ECP), RFC 8031 (Curve25519), RFC 3526 (MODP).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "ike/ike.h"

START_TEST(test_alg_tables)
{
	const struct ike_encr	*e;
	const struct ike_integ	*i;
	const struct ike_dh	*d;

	e = ike_alg_encr(12, 256);
	ck_assert_ptr_nonnull(e);
	ck_assert_str_eq(e->xfrm, "cbc(aes)");
	ck_assert_str_eq(e->name, "AES-CBC");
	ck_assert_uint_eq(e->ivlen, 16);
	e = ike_alg_encr(20, 128);
	ck_assert_ptr_nonnull(e);
	ck_assert_str_eq(e->xfrm, "rfc4106(gcm(aes))");
	ck_assert_uint_eq(e->ivlen, 8);		/* RFC 5282 */
	ck_assert_uint_eq(e->saltlen, 4);
	ck_assert_ptr_null(ike_alg_encr(20, 192));	/* not offered */
	ck_assert_ptr_nonnull(ike_alg_encr(12, 192));
	ck_assert_ptr_null(ike_alg_encr(3, 0));	/* 3DES: not ours */

	ck_assert_str_eq(ike_alg_prf(5)->name, "SHA256");
	ck_assert_uint_eq(ike_alg_prf(7)->outlen, 64);
	i = ike_alg_integ(2);
	ck_assert_str_eq(i->xfrm, "hmac(sha1)");
	ck_assert_uint_eq(i->icvlen * 8, 96);
	ck_assert_uint_eq(ike_alg_integ(12)->icvlen * 8, 128);
	ck_assert_uint_eq(ike_alg_integ(13)->icvlen * 8, 192);
	ck_assert_uint_eq(ike_alg_integ(14)->icvlen * 8, 256);
	ck_assert_str_eq(ike_alg_integ(14)->xfrm, "hmac(sha512)");

	d = ike_alg_dh(19);
	ck_assert_uint_eq(d->publen, 64);		/* x | y */
	ck_assert_str_eq(d->name, "DH Group 19");
	ck_assert_uint_eq(ike_alg_dh(21)->publen, 132);
	ck_assert_uint_eq(ike_alg_dh(14)->publen, 256);
	ck_assert_uint_eq(ike_alg_dh(31)->publen, 32);
	ck_assert_ptr_null(ike_alg_dh(2));
	ck_assert_str_eq(ike_alg_xf_name(IKE_XF_DH, 16, 0), "DH Group 16");
	ck_assert_str_eq(ike_alg_xf_name(IKE_XF_INTEG, 0, 0), "NONE");
	ck_assert_str_eq(ike_alg_xf_name(IKE_XF_ENCR, 99, 0), "unknown");
}
END_TEST

static void
esp_gcm(struct ike_prop *p, int integ_none, uint16_t dh)
{
	memset(p, 0, sizeof(*p));
	p->num = 1;
	p->proto = IKE_PROTO_ESP;
	p->spisize = 4;
	ike_prop_add(p, IKE_XF_ENCR, 20, 256);
	if (integ_none)
		ike_prop_add(p, IKE_XF_INTEG, 0, 0);
	if (dh)
		ike_prop_add(p, IKE_XF_DH, dh, 0);
	ike_prop_add(p, IKE_XF_ESN, 0, 0);
}

/* An AEAD proposal matches whether INTEG is omitted or sent as NONE. */
START_TEST(test_alg_aead_integ_none)
{
	struct ike_prop		ours, theirs;
	struct ike_suite	s;

	esp_gcm(&ours, 0, 0);
	esp_gcm(&theirs, 0, 0);
	ck_assert_int_eq(ike_alg_match(&ours, 1, &theirs, 1, &s), IKE_OK);
	ck_assert_ptr_null(s.integ);
	ck_assert_uint_eq(s.encr->keybits, 256);

	esp_gcm(&theirs, 1, 0);
	ck_assert_int_eq(ike_alg_match(&ours, 1, &theirs, 1, &s), IKE_OK);
	ck_assert_ptr_null(s.integ);

	esp_gcm(&ours, 1, 0);
	esp_gcm(&theirs, 0, 0);
	ck_assert_int_eq(ike_alg_match(&ours, 1, &theirs, 1, &s), IKE_OK);
	ck_assert_int_eq(ike_alg_suite_ok(&ours, 1, &s), IKE_OK);

	/* A real integrity algorithm beside GCM is not acceptable. */
	esp_gcm(&theirs, 0, 0);
	ike_prop_add(&theirs, IKE_XF_INTEG, 12, 0);
	ck_assert_int_eq(ike_alg_match(&ours, 1, &theirs, 1, &s),
	    IKE_E_NOPROP);
}
END_TEST

static void
ike_cbc(struct ike_prop *p, uint8_t num, uint16_t bits, uint16_t integ,
    uint16_t dh)
{
	memset(p, 0, sizeof(*p));
	p->num = num;
	p->proto = IKE_PROTO_IKE;
	ike_prop_add(p, IKE_XF_ENCR, 12, bits);
	ike_prop_add(p, IKE_XF_PRF, 5, 0);
	ike_prop_add(p, IKE_XF_INTEG, integ, 0);
	ike_prop_add(p, IKE_XF_DH, dh, 0);
}

START_TEST(test_alg_ike_match)
{
	struct ike_prop		ours[2], theirs[2];
	struct ike_suite	s;

	ike_cbc(&ours[0], 1, 256, 12, 14);
	ike_cbc(&ours[1], 2, 128, 2, 19);
	ike_cbc(&theirs[0], 1, 192, 12, 14);	/* nothing in common */
	ike_cbc(&theirs[1], 2, 128, 2, 19);
	ck_assert_int_eq(ike_alg_match(ours, 2, theirs, 2, &s), IKE_OK);
	ck_assert_uint_eq(s.num, 2);		/* the peer's numbering */
	ck_assert_uint_eq(s.encr->keybits, 128);
	ck_assert_uint_eq(s.integ->id, 2);
	ck_assert_uint_eq(s.dh->id, 19);
	ck_assert_uint_eq(s.prf->id, 5);

	/* Without an integrity algorithm a CBC proposal is refused. */
	memset(&theirs[0], 0, sizeof(theirs[0]));
	theirs[0].num = 1;
	theirs[0].proto = IKE_PROTO_IKE;
	ike_prop_add(&theirs[0], IKE_XF_ENCR, 12, 256);
	ike_prop_add(&theirs[0], IKE_XF_PRF, 5, 0);
	ike_prop_add(&theirs[0], IKE_XF_DH, 14, 0);
	ck_assert_int_eq(ike_alg_match(ours, 1, theirs, 1, &s),
	    IKE_E_NOPROP);

	/* Protocol must agree. */
	esp_gcm(&theirs[0], 0, 0);
	ck_assert_int_eq(ike_alg_match(ours, 2, theirs, 1, &s),
	    IKE_E_NOPROP);
}
END_TEST

/* PFS: our group is required; without one we refuse a DH group. */
START_TEST(test_alg_esp_pfs)
{
	struct ike_prop		ours, theirs;
	struct ike_suite	s;

	esp_gcm(&ours, 0, 19);
	esp_gcm(&theirs, 0, 0);
	ck_assert_int_eq(ike_alg_match(&ours, 1, &theirs, 1, &s),
	    IKE_E_NOPROP);
	esp_gcm(&theirs, 0, 19);
	ck_assert_int_eq(ike_alg_match(&ours, 1, &theirs, 1, &s), IKE_OK);
	ck_assert_uint_eq(s.dh->id, 19);
	esp_gcm(&ours, 0, 0);
	ck_assert_int_eq(ike_alg_match(&ours, 1, &theirs, 1, &s),
	    IKE_E_NOPROP);
}
END_TEST

/* Proposal strings, strongSwan style. */
START_TEST(test_alg_parse)
{
	struct ike_prop	p;

	ck_assert_int_eq(ike_alg_parse("aes256-sha256-modp2048", IKE_PROTO_IKE,
	    &p), IKE_OK);
	ck_assert_uint_eq(p.nxf, 4);
	ck_assert_uint_eq(p.xf[0].keybits, 256);
	ck_assert_uint_eq(p.xf[1].id, 12);		/* INTEG */
	ck_assert_uint_eq(p.xf[2].id, 14);		/* DH */
	ck_assert_uint_eq(p.xf[3].type, IKE_XF_PRF);	/* implied */
	ck_assert_uint_eq(p.xf[3].id, 5);
	ck_assert_int_eq(ike_alg_parse("aes256gcm16-prfsha384-ecp256-x25519",
	    IKE_PROTO_IKE, &p), IKE_OK);
	ck_assert_uint_eq(p.nxf, 4);
	ck_assert_int_eq(ike_alg_parse("aes256gcm16", IKE_PROTO_ESP, &p),
	    IKE_OK);
	ck_assert_uint_eq(p.xf[1].type, IKE_XF_ESN);
	ck_assert_int_eq(ike_alg_parse("aes256gcm16-ecp256", IKE_PROTO_IKE,
	    &p), IKE_E_INVAL);			/* no PRF */
	ck_assert_int_eq(ike_alg_parse("aes256-md5-modp1024", IKE_PROTO_IKE,
	    &p), IKE_E_INVAL);
	ck_assert_int_eq(ike_alg_parse("", IKE_PROTO_ESP, &p), IKE_E_INVAL);
	ck_assert_int_eq(ike_alg_parse("aes128-sha1-esn", IKE_PROTO_ESP, &p),
	    IKE_OK);
	ck_assert_uint_eq(p.xf[2].id, 1);
}
END_TEST

int
main(void)
{
	Suite	*s = suite_create("ike_alg");
	TCase	*tc = tcase_create("alg");
	SRunner	*sr;
	int	 failed;

	tcase_add_test(tc, test_alg_tables);
	tcase_add_test(tc, test_alg_aead_integ_none);
	tcase_add_test(tc, test_alg_ike_match);
	tcase_add_test(tc, test_alg_esp_pfs);
	tcase_add_test(tc, test_alg_parse);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return (failed ? EXIT_FAILURE : EXIT_SUCCESS);
}
