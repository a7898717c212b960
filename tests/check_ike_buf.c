/*
 * tests/check_ike_buf.c: the secret buffer type.
 */
#include <check.h>
#include <stdlib.h>

#include "ike/ike.h"

START_TEST(test_buf_dup_eq)
{
	struct ike_buf	*a = ike_buf_dup("secret", 6);
	struct ike_buf	*b = ike_buf_dup("secret", 6);
	struct ike_buf	*c = ike_buf_dup("secreT", 6);
	struct ike_buf	*d = ike_buf_dup("secrets", 7);

	ck_assert_ptr_nonnull(a);
	ck_assert_uint_eq(a->len, 6);
	ck_assert_int_eq(ike_buf_eq(a, b), 1);
	ck_assert_int_eq(ike_buf_eq(a, c), 0);
	ck_assert_int_eq(ike_buf_eq(a, d), 0);
	ck_assert_int_eq(ike_buf_eq(a, NULL), 0);
	ck_assert_int_eq(ike_buf_eq_mem(a, "secret", 6), 1);
	ike_buf_free(a);
	ike_buf_free(b);
	ike_buf_free(c);
	ike_buf_free(d);
}
END_TEST

START_TEST(test_buf_slice_cat)
{
	struct ike_buf	*a = ike_buf_dup("abcdef", 6), *s, *c;

	s = ike_buf_slice(a, 2, 3);
	ck_assert_int_eq(ike_buf_eq_mem(s, "cde", 3), 1);
	ck_assert_ptr_null(ike_buf_slice(a, 4, 3));	/* past the end */
	ck_assert_ptr_null(ike_buf_slice(a, 7, 0));
	c = ike_buf_cat(a, s);
	ck_assert_int_eq(ike_buf_eq_mem(c, "abcdefcde", 9), 1);
	ike_buf_free(a);
	ike_buf_free(s);
	ike_buf_free(c);
}
END_TEST

START_TEST(test_buf_random_zero)
{
	struct ike_buf	*r1 = ike_buf_random(32), *r2 = ike_buf_random(32);
	struct ike_buf	*z = ike_buf_new(0);

	ck_assert_uint_eq(r1->len, 32);
	ck_assert_int_eq(ike_buf_eq(r1, r2), 0);	/* 2^-256 to fail */
	ck_assert_ptr_nonnull(z);
	ck_assert_uint_eq(z->len, 0);
	ike_buf_clear(&r1);
	ck_assert_ptr_null(r1);
	ike_buf_free(r2);
	ike_buf_free(z);
	ike_buf_free(NULL);
}
END_TEST

/* A shrunk buffer still wipes and frees all it allocated (ASan checks). */
START_TEST(test_buf_shrink)
{
	struct ike_buf	*b = ike_buf_dup("0123456789", 10);

	b->len = 3;
	ck_assert_uint_eq(b->size, 11);
	ck_assert_int_eq(ike_buf_eq_mem(b, "012", 3), 1);
	ike_buf_free(b);
}
END_TEST

int
main(void)
{
	Suite	*s = suite_create("ike_buf");
	TCase	*tc = tcase_create("buf");
	SRunner	*sr;
	int	 failed;

	tcase_add_test(tc, test_buf_dup_eq);
	tcase_add_test(tc, test_buf_slice_cat);
	tcase_add_test(tc, test_buf_random_zero);
	tcase_add_test(tc, test_buf_shrink);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return (failed ? EXIT_FAILURE : EXIT_SUCCESS);
}
