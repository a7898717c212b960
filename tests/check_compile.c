/*
 * tests/check_compile.c: the compiler against golden files.
 *
 * Each tests/compile/NAME.cfg is loaded through the engine and the IOS
 * grammar, as a startup-config would be, and compiled; the load errors
 * and the text of `show crypto compile` must equal tests/compile/
 * NAME.out byte for byte.  The goldens are reviewed files: to write
 * them anew after a deliberate change, run with COMPILE_GOLDEN_UPDATE=1
 * and review the diff.  Other tests check properties no golden shows:
 * determinism, reqid stability, keys never printed, the interface map.
 */
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backend/compile.h"
#include "grammar/ios.h"

/* Configs under tests/compile/, or the examples of docs/examples/. */
static const char *const goldens[] = {
	"../../docs/examples/office-gw",
	"../../docs/examples/office-gw-cryptomap",
	"../../docs/examples/branch-gw",
	"../../docs/examples/branch-gw-cryptomap",
	"seed-verbatim",
	"ikev2-vti",
	"ikev1-cryptomap-deny",
	"gre-ipsec",
	"broken",
};

struct loaded {
	struct cli_engine	*eng;
	struct ios_config	*cfg;
};

static void
errors_to(void *arg, const char *buf, size_t len)
{
	if (arg != NULL)
		fwrite(buf, 1, len, arg);
}

/* Where the test started (the build tree), for .actual files. */
static char	builddir[4096];

/* Load path into l; the engine's messages go to errs. */
static void
load(struct loaded *l, const char *path, FILE *errs)
{
	char	err[256];

	l->eng = cli_engine_new(ios_grammar(), err, sizeof(err));
	ck_assert_msg(l->eng != NULL, "engine: %s", err);
	l->cfg = ios_config_new();
	ck_assert_ptr_nonnull(l->cfg);
	ios_config_set_engine(l->cfg, l->eng);
	ck_assert_int_ge(ios_config_load(l->cfg, l->eng, path, errors_to,
	    errs), 0);
}

static void
unload(struct loaded *l)
{
	ios_config_free(l->cfg);
	cli_engine_free(l->eng);
}

/*
 * The whole text of a compile of name, with its load errors when
 * with_load.  Paths are relative to the source tree (main chdirs
 * there), so the goldens do not depend on where the build is.
 */
static char *
compile_text(const char *name, const struct compile_opts *opts,
    int with_load)
{
	struct compile_out	out;
	struct loaded		l;
	char			path[4096], *text = NULL;
	size_t			len = 0;
	FILE			*f;

	snprintf(path, sizeof(path), "tests/compile/%s.cfg", name);
	ck_assert_ptr_nonnull(f = open_memstream(&text, &len));
	if (with_load)
		fprintf(f, "! load\n");
	load(&l, path, with_load ? f : NULL);
	ck_assert_int_eq(compile_config(l.cfg, opts, &out), 0);
	ck_assert_int_eq(compile_print(&out, f), 0);
	compile_out_free(&out);
	unload(&l);
	fclose(f);
	return text;
}

static const char *
base(const char *name)
{
	const char	*s = strrchr(name, '/');

	return s != NULL ? s + 1 : name;
}

static char *
slurp(const char *path)
{
	char	*buf = NULL;
	size_t	 len = 0;
	FILE	*f, *m;
	int	 ch;

	if ((f = fopen(path, "r")) == NULL)
		return NULL;
	m = open_memstream(&buf, &len);
	while ((ch = getc(f)) != EOF)
		putc(ch, m);
	fclose(m);
	fclose(f);
	return buf;
}

START_TEST(test_golden)
{
	const char	*name = goldens[_i];
	char		 path[4096], *want, *got;
	FILE		*f;

	got = compile_text(name, NULL, 1);
	snprintf(path, sizeof(path), "tests/compile/%s.out", base(name));
	if (getenv("COMPILE_GOLDEN_UPDATE") != NULL) {
		ck_assert_ptr_nonnull(f = fopen(path, "w"));
		fputs(got, f);
		fclose(f);
	}
	want = slurp(path);
	ck_assert_msg(want != NULL, "%s: %s", path, strerror(errno));
	if (strcmp(want, got) != 0) {
		snprintf(path, sizeof(path), "%.2000s/compile-%s.actual",
		    builddir, base(name));
		if ((f = fopen(path, "w")) != NULL) {
			fputs(got, f);
			fclose(f);
		}
		ck_abort_msg("%s: the compile differs from its golden file; "
		    "see %s", name, path);
	}
	free(want);
	free(got);
}
END_TEST

START_TEST(test_deterministic)
{
	char	*a = compile_text("ikev1-cryptomap-deny", NULL, 1);
	char	*b = compile_text("ikev1-cryptomap-deny", NULL, 1);

	ck_assert_str_eq(a, b);
	free(a);
	free(b);
}
END_TEST

/* The keys of every golden config appear nowhere in the output. */
START_TEST(test_no_keys)
{
	static const char *const keys[] = {
		"MY_SECRET_KEY", "vti-local-key", "vti-remote-key",
		"crypto-map-key", "gre-key-1"
	};
	size_t	i, k;
	char	*t;

	for (i = 0; i < sizeof(goldens) / sizeof(goldens[0]); i++) {
		t = compile_text(goldens[i], NULL, 0);
		for (k = 0; k < sizeof(keys) / sizeof(keys[0]); k++)
			ck_assert_msg(strstr(t, keys[k]) == NULL,
			    "%s prints a key", goldens[i]);
		free(t);
	}
}
END_TEST

/* The reqid of each child, by its first local traffic selector. */
static uint32_t
reqid_of(const struct compile_out *o, uint8_t b2)
{
	size_t	i, j;

	for (i = 0; i < o->npeers; i++)
		for (j = 0; j < o->peers[i].nchild; j++)
			if (o->peers[i].child[j].ts_local[0].start[2] == b2)
				return o->peers[i].child[j].reqid;
	return 0;
}

static void
feed(struct loaded *l, const char *text)
{
	char	 path[] = "/tmp/check_compile.XXXXXX";
	FILE	*f;
	int	 fd;

	ck_assert_int_ge(fd = mkstemp(path), 0);
	ck_assert_ptr_nonnull(f = fdopen(fd, "w"));
	fputs(text, f);
	fclose(f);
	ck_assert_int_eq(ios_config_load(l->cfg, l->eng, path, errors_to,
	    NULL), 0);
	unlink(path);
}

/* Adding an ACE before another leaves the other's reqid as it was. */
START_TEST(test_reqid_stable)
{
	static const char	base[] =
	    "crypto isakmp key k1 address 10.9.9.9\n"
	    "crypto map M 10 ipsec-isakmp\n"
	    " set peer 10.9.9.9\n"
	    " match address A\n"
	    "interface GigabitEthernet0/0\n"
	    " ip address 10.9.9.1 255.255.255.0\n"
	    " crypto map M\n"
	    "ip access-list extended A\n"
	    " 20 permit ip 10.1.2.0 0.0.0.255 10.2.2.0 0.0.0.255\n";
	struct compile_out	o1, o2;
	struct loaded		l;
	uint32_t		r;

	load(&l, "/dev/null", NULL);
	feed(&l, base);
	ck_assert_int_eq(compile_config(l.cfg, NULL, &o1), 0);
	ck_assert_uint_ne(r = reqid_of(&o1, 2), 0);
	feed(&l, "ip access-list extended A\n"
	    " 10 permit ip 10.1.3.0 0.0.0.255 10.2.3.0 0.0.0.255\n");
	ck_assert_int_eq(compile_config(l.cfg, NULL, &o2), 0);
	ck_assert_uint_eq(reqid_of(&o2, 2), r);
	ck_assert_uint_ne(reqid_of(&o2, 3), 0);
	ck_assert_uint_ne(reqid_of(&o2, 3), r);
	compile_out_free(&o1);
	compile_out_free(&o2);
	unload(&l);
}
END_TEST

START_TEST(test_ifmap_table)
{
	static const struct compile_ifmap	map[] = {
		{ "GigabitEthernet0/0", "enp1s0" },
	};
	struct compile_opts	opts = { .map = map, .nmap = 1 };
	char			dev[16];

	ck_assert_int_eq(compile_ifname(NULL, &opts, "GigabitEthernet0/0", dev,
	    sizeof(dev)), 0);
	ck_assert_str_eq(dev, "enp1s0");
	ck_assert_int_eq(compile_ifname(NULL, &opts, "GigabitEthernet0/3", dev,
	    sizeof(dev)), 0);
	ck_assert_str_eq(dev, "eth3");
	ck_assert_int_eq(compile_ifname(NULL, NULL, "Tunnel12", dev,
	    sizeof(dev)), 0);
	ck_assert_str_eq(dev, "iosh-tun12");
	ck_assert_int_eq(compile_ifname(NULL, NULL, "Serial0/0", dev,
	    sizeof(dev)), -1);
	ck_assert_int_eq(compile_ifname(NULL, NULL, "GigabitEthernet0/0.10",
	    dev, sizeof(dev)), -1);
}
END_TEST

/* The config's interface map file decides the devices. */
START_TEST(test_ifmap_file)
{
	char			 path[] = "/tmp/check_compile_ifmap.XXXXXX";
	struct compile_out	 o;
	struct loaded		 l;
	const struct kobj	*k;
	FILE			*f;
	int			 fd, wan0 = 0;
	size_t			 i;

	ck_assert_int_ge(fd = mkstemp(path), 0);
	ck_assert_ptr_nonnull(f = fdopen(fd, "w"));
	fputs("GigabitEthernet0/0 wan0\n", f);
	fclose(f);
	load(&l, "/dev/null", NULL);
	ck_assert_int_eq(ios_config_set_paths(l.cfg, "/nonexistent/startup",
	    path), 0);
	feed(&l, "interface GigabitEthernet0/0\n"
	    " ip address 192.0.2.1 255.255.255.0\n");
	ck_assert_int_eq(compile_config(l.cfg, NULL, &o), 0);
	for (i = 0; i < kstate_count(o.ks, KOBJ_ADDR); i++) {
		k = kstate_get(o.ks, KOBJ_ADDR, i);
		wan0 += strcmp(k->u.addr.dev, "wan0") == 0;
	}
	ck_assert_int_eq(wan0, 1);
	compile_out_free(&o);
	unload(&l);
	unlink(path);
}
END_TEST

static size_t
count_lines(const char *s)
{
	size_t	n = 0;

	for (; *s != '\0'; s++)
		n += *s == '\n';
	return n;
}

/* The plan lists every object before an apply and nothing after. */
START_TEST(test_diff_after_apply)
{
	struct compile_out	 o;
	struct kapply_report	 rep;
	struct kernel		 kern;
	struct krec		*r;
	struct loaded		 l;
	struct kobj		 phys = { .kind = KOBJ_LINK };
	char			*text = NULL;
	size_t			 len = 0, i, nobj = 0;
	FILE			*f;

	load(&l, "tests/compile/ikev1-cryptomap-deny.cfg", NULL);
	ck_assert_int_eq(compile_config(l.cfg, NULL, &o), 0);
	ck_assert_ptr_nonnull(r = krec_new());
	for (i = 0; i < 2; i++) {
		snprintf(phys.u.link.name, sizeof(phys.u.link.name),
		    "eth%zu", i);
		ck_assert_int_eq(krec_seed(r, &phys, 0), 0);
	}
	krec_kernel(r, &kern);
	for (i = 0; i < KOBJ_NKINDS; i++)
		nobj += kstate_count(o.ks, (int)i);
	ck_assert_ptr_nonnull(f = open_memstream(&text, &len));
	ck_assert_int_eq(compile_print_diff(&o, &kern, f), 0);
	fflush(f);
	ck_assert_uint_eq(count_lines(text), nobj);
	ck_assert_int_eq(kapply_run(&kern, o.ks, &rep), 0);
	rewind(f);
	len = 0;
	ck_assert_int_eq(compile_print_diff(&o, &kern, f), 0);
	fclose(f);
	ck_assert_uint_eq(len, 0);
	free(text);
	krec_free(r);
	compile_out_free(&o);
	unload(&l);
}
END_TEST

static Suite *
compile_suite(void)
{
	Suite	*s = suite_create("compile");
	TCase	*tc = tcase_create("compile");

	tcase_add_loop_test(tc, test_golden, 0,
	    sizeof(goldens) / sizeof(goldens[0]));
	tcase_add_test(tc, test_deterministic);
	tcase_add_test(tc, test_no_keys);
	tcase_add_test(tc, test_reqid_stable);
	tcase_add_test(tc, test_ifmap_table);
	tcase_add_test(tc, test_diff_after_apply);
	tcase_add_test(tc, test_ifmap_file);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner		*sr;
	const char	*src = getenv("top_srcdir");
	int		 failed;

	if (getcwd(builddir, sizeof(builddir)) == NULL ||
	    (src != NULL && chdir(src) != 0)) {
		perror("check_compile");
		return EXIT_FAILURE;
	}
	sr = srunner_create(compile_suite());

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
