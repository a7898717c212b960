/*
 * tests/check_shell.c: the console's pieces that need no terminal.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "shell/shell.h"

static char		 screen[4096];
static const char	*keys;

static void
put(void *arg, const char *buf, size_t len)
{
	strncat(screen, buf, len);
}

static int
getkey(void *arg)
{
	return *keys ? *keys++ : -1;
}

static const char text[] = "1\n2\n3\n4\n5\n6\n7\n";

#define MORE	" --More-- "
#define UNMORE	"\b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\b"

START_TEST(pager_pages)
{
	struct pager	p;

	screen[0] = '\0';
	keys = " \n";
	pager_init(&p, put, NULL, getkey, NULL);
	pager_start(&p, 4);
	pager_write(&p, text, strlen(text));
	/* Three lines, a page on Space, one line on Enter. */
	ck_assert_str_eq(screen, "1\n2\n3\n" MORE UNMORE "4\n5\n6\n"
	    MORE UNMORE "7\n");
}
END_TEST

START_TEST(pager_quit)
{
	struct pager	p;

	screen[0] = '\0';
	keys = "q";
	pager_init(&p, put, NULL, getkey, NULL);
	pager_start(&p, 3);
	pager_write(&p, text, 4);
	pager_write(&p, text + 4, strlen(text) - 4);
	ck_assert_str_eq(screen, "1\n2\n" MORE UNMORE);
	ck_assert_int_eq(p.aborted, 1);
	/* The next command starts afresh. */
	screen[0] = '\0';
	pager_start(&p, 3);
	pager_write(&p, "x\n", 2);
	ck_assert_str_eq(screen, "x\n");
}
END_TEST

START_TEST(pager_off)
{
	struct pager	p;

	screen[0] = '\0';
	keys = "";
	pager_init(&p, put, NULL, getkey, NULL);
	pager_start(&p, 0);
	pager_write(&p, text, strlen(text));
	ck_assert_str_eq(screen, text);
}
END_TEST

int
main(void)
{
	Suite	*s = suite_create("shell");
	TCase	*tc = tcase_create("pager");
	SRunner	*sr;
	int	 failed;

	tcase_add_test(tc, pager_pages);
	tcase_add_test(tc, pager_quit);
	tcase_add_test(tc, pager_off);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
