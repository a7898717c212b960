/*
 * tests/check_grammar.c: the IOS grammar through the engine.
 *
 *  - golden: each tests/configs/NAME.cfg is loaded as a startup-config;
 *    its errors must equal NAME.err (none if absent) and show
 *    running-config must equal NAME.out; the printed config, loaded
 *    again, must print the same (the printer is the parser's inverse).
 *    GRAMMAR_GOLDEN_UPDATE=1 rewrites the .out and .err files.
 *  - no forms: each command, then its `no` form, leaves the running
 *    config as it was before the command.
 *  - the checks and messages IOS gives.
 */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "grammar/ios.h"

static struct cli_engine	*eng;
static struct ios_config	*cfg;
static struct cli		*cli;

struct buf {
	char	*s;
	size_t	 len;
	size_t	 cap;
};
static struct buf	 out;

static void
buf_add(struct buf *b, const char *s, size_t len)
{
	if (b->len + len + 1 > b->cap) {
		b->cap = (b->len + len + 1) * 2;
		b->s = realloc(b->s, b->cap);
		ck_assert_ptr_nonnull(b->s);
	}
	memcpy(b->s + b->len, s, len);
	b->len += len;
	b->s[b->len] = '\0';
}

static void
out_write(void *arg, const char *s, size_t len)
{
	buf_add(arg, s, len);
}

static void
engine_setup(void)
{
	char	 err[256];

	eng = cli_engine_new(ios_grammar(), err, sizeof(err));
	ck_assert_msg(eng != NULL, "engine: %s", err);
}

static void
engine_teardown(void)
{
	cli_engine_free(eng);
}

static int
run(const char *line)
{
	out.len = 0;
	if (out.s)
		out.s[0] = '\0';
	return cli_execute(cli, line);
}

/*
 * What the last line printed, after the line that names it: the
 * session reads a source named "test", so a refused line comes out as
 * "test:N: LINE" and then the handler's message.
 */
static const char *
said(void)
{
	const char	*nl;

	if (out.s == NULL)
		return "";
	if (strncmp(out.s, "test:", 5) == 0 && (nl = strchr(out.s, '\n')))
		return nl + 1;
	return out.s;
}

/* Runs each line of text; returns how many failed. */
static int
paste(const char *text)
{
	char	*copy = strdup(text), *save = NULL, *l;
	int	 failed = 0, rc;

	for (l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n",
	    &save)) {
		rc = run(l);
		if (rc != CLI_OK)
			failed++;
	}
	free(copy);
	return failed;
}

static void
session_setup(void)
{
	cfg = ios_config_new();
	cli = cli_new(eng, IOS_M_PRIV, cfg);
	cli_set_output(cli, out_write, &out);
	cli_set_source(cli, "test", 0);
	ck_assert_int_eq(run("configure terminal"), CLI_OK);
}

static void
session_teardown(void)
{
	cli_free(cli);
	ios_config_free(cfg);
	free(out.s);
	memset(&out, 0, sizeof(out));
}

static char *
running(void)
{
	char	*s = ios_print_string(cfg, NULL);

	ck_assert_ptr_nonnull(s);
	return s;
}

static char *
slurp(const char *path)
{
	struct buf	 b = { 0 };
	char		 chunk[4096];
	size_t		 n;
	FILE		*f;

	if ((f = fopen(path, "r")) == NULL)
		return NULL;
	buf_add(&b, "", 0);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	return b.s;
}

static void
spill(const char *path, const char *s)
{
	FILE	*f = fopen(path, "w");

	ck_assert_ptr_nonnull(f);
	fputs(s, f);
	fclose(f);
}

/* ------------------------------------------------------------ golden */

static const char *
srcdir(void)
{
	const char	*d = getenv("top_srcdir");

	return d ? d : ".";
}

/*
 * Loads path into a new config: its output (errors and notes) into
 * *errs, the number of failed lines into *nfailed; the printed text.
 */
static char *
load_print(const char *path, char **errs, int *nfailed)
{
	struct ios_config	*c = ios_config_new();
	struct buf		 e = { 0 };
	char			*s;
	int			 failed;

	buf_add(&e, "", 0);
	failed = ios_config_load(c, eng, path, out_write, &e);
	ck_assert_msg(failed >= 0, "%s: %s", path, strerror(errno));
	*nfailed = failed;
	s = ios_print_string(c, NULL);
	ios_config_free(c);
	*errs = e.s;
	return s;
}

static void
golden_one(const char *dir, const char *name)
{
	char	 cfgp[2048], outp[2048], errp[2048], tmp[] = "/tmp/gXXXXXX";
	char	*got, *errs, *want, *want_err, *again, *errs2;
	int	 fd, nfailed;

	snprintf(cfgp, sizeof(cfgp), "%s/%s.cfg", dir, name);
	snprintf(outp, sizeof(outp), "%s/%s.out", dir, name);
	snprintf(errp, sizeof(errp), "%s/%s.err", dir, name);
	got = load_print(cfgp, &errs, &nfailed);
	if (getenv("GRAMMAR_GOLDEN_UPDATE") != NULL) {
		spill(outp, got);
		if (errs[0] != '\0')
			spill(errp, errs);
		else
			unlink(errp);
	}
	want = slurp(outp);
	ck_assert_msg(want != NULL, "%s: missing golden file", outp);
	ck_assert_msg(strcmp(got, want) == 0, "%s: printed config differs "
	    "from %s:\n%s", cfgp, outp, got);
	want_err = slurp(errp);
	ck_assert_msg(strcmp(errs, want_err ? want_err : "") == 0,
	    "%s: errors differ:\n%s", cfgp, errs);

	/* Round trip: the printed config loads without error, same text. */
	ck_assert_int_ne(fd = mkstemp(tmp), -1);
	close(fd);
	spill(tmp, got);
	again = load_print(tmp, &errs2, &nfailed);
	unlink(tmp);
	ck_assert_msg(nfailed == 0, "%s: printed config gives errors:\n%s",
	    name, errs2);
	ck_assert_msg(strcmp(again, got) == 0, "%s: round trip differs:\n%s",
	    name, again);
	free(got);
	free(errs);
	free(want);
	free(want_err);
	free(again);
	free(errs2);
}

START_TEST(test_golden)
{
	char		 dir[1024];
	DIR		*d;
	struct dirent	*de;
	int		 n = 0;

	snprintf(dir, sizeof(dir), "%s/tests/configs", srcdir());
	ck_assert_msg((d = opendir(dir)) != NULL, "%s", dir);
	while ((de = readdir(d)) != NULL) {
		size_t l = strlen(de->d_name);
		char name[256];

		if (l < 5 || strcmp(de->d_name + l - 4, ".cfg") != 0 ||
		    l - 4 >= sizeof(name))
			continue;
		memcpy(name, de->d_name, l - 4);
		name[l - 4] = '\0';
		golden_one(dir, name);
		n++;
	}
	closedir(d);
	ck_assert_int_ge(n, 4);
}
END_TEST

/* The docs/examples configs load with zero errors and round-trip. */
START_TEST(test_examples)
{
	static const char	*ex[] = { "office-gw.cfg", "branch-gw.cfg",
				    "office-gw-cryptomap.cfg",
				    "branch-gw-cryptomap.cfg" };
	struct ios_config	*c;
	struct buf		 e = { 0 };
	char			 p[1024], *got;
	size_t			 i;

	for (i = 0; i < sizeof(ex) / sizeof(ex[0]); i++) {
		snprintf(p, sizeof(p), "%s/docs/examples/%s", srcdir(), ex[i]);
		c = ios_config_new();
		e.len = 0;
		buf_add(&e, "", 0);
		ck_assert_msg(ios_config_load(c, eng, p, out_write, &e) == 0,
		    "%s:\n%s", ex[i], e.s);
		got = ios_print_string(c, NULL);
		ios_config_free(c);
		ck_assert_ptr_nonnull(strstr(got, "crypto ipsec profile") ?
		    got : strstr(got, "crypto map"));
		free(got);
	}
	free(e.s);
}
END_TEST

/* ---------------------------------------------------------- no forms */

struct noform {
	const char	*setup;		/* lines, entering the mode */
	const char	*cmd;
	const char	*undo;
};

static const struct noform noforms[] = {
	{ "", "crypto ikev2 proposal P", "no crypto ikev2 proposal P" },
	{ "crypto ikev2 proposal P\n", "encryption aes-gcm-256 aes-gcm-128",
	    "no encryption" },
	{ "crypto ikev2 proposal P\n encryption aes-cbc-128\n",
	    "encryption aes-cbc-256", "no encryption aes-cbc-256" },
	{ "crypto ikev2 proposal P\n", "integrity sha256 sha1",
	    "no integrity" },
	{ "crypto ikev2 proposal P\n", "prf sha384", "no prf" },
	{ "crypto ikev2 proposal P\n", "group 19 14 21", "no group" },
	{ "", "crypto ikev2 policy POL", "no crypto ikev2 policy POL" },
	{ "crypto ikev2 policy POL\n", "proposal P", "no proposal P" },
	{ "crypto ikev2 policy POL\n", "match address local 10.0.0.1",
	    "no match address local 10.0.0.1" },
	{ "crypto ikev2 policy POL\n", "match fvrf any", "no match fvrf" },
	{ "", "crypto ikev2 keyring K", "no crypto ikev2 keyring K" },
	{ "crypto ikev2 keyring K\n", "peer A", "no peer A" },
	{ "crypto ikev2 keyring K\n peer A\n", "address 10.1.1.1",
	    "no address" },
	{ "crypto ikev2 keyring K\n peer A\n",
	    "address 10.1.1.0 255.255.255.0", "no address" },
	{ "crypto ikev2 keyring K\n peer A\n", "identity fqdn r2.example",
	    "no identity" },
	{ "crypto ikev2 keyring K\n peer A\n", "pre-shared-key secret",
	    "no pre-shared-key" },
	{ "crypto ikev2 keyring K\n peer A\n",
	    "pre-shared-key local key-one", "no pre-shared-key local" },
	{ "crypto ikev2 keyring K\n peer A\n",
	    "pre-shared-key remote key-two", "no pre-shared-key remote" },
	{ "crypto ikev2 keyring K\n peer A\n", "description far end",
	    "no description" },
	{ "", "crypto ikev2 profile PR", "no crypto ikev2 profile PR" },
	{ "crypto ikev2 profile PR\n",
	    "match identity remote address 10.1.1.1 255.255.255.255",
	    "no match identity remote address 10.1.1.1 255.255.255.255" },
	{ "crypto ikev2 profile PR\n", "match identity remote fqdn r2.ex",
	    "no match identity remote fqdn r2.ex" },
	{ "crypto ikev2 profile PR\n", "identity local address 10.0.0.1",
	    "no identity local" },
	{ "crypto ikev2 profile PR\n", "authentication local pre-share",
	    "no authentication local" },
	{ "crypto ikev2 profile PR\n", "authentication remote rsa-sig",
	    "no authentication remote rsa-sig" },
	{ "crypto ikev2 profile PR\n",
	    "authentication remote pre-share key r-secret",
	    "no authentication remote pre-share" },
	{ "crypto ikev2 profile PR\n",
	    "authentication local pre-share key 6 XyZ",
	    "no authentication local" },
	{ "crypto ikev2 profile PR\n", "keyring local K",
	    "no keyring local" },
	{ "crypto ikev2 profile PR\n", "lifetime 3600", "no lifetime" },
	{ "crypto ikev2 profile PR\n", "dpd 10 2 periodic", "no dpd" },
	{ "crypto ikev2 profile PR\n", "nat keepalive 20",
	    "no nat keepalive" },
	{ "crypto ikev2 profile PR\n",
	    "match address local interface gi1",
	    "no match address local" },
	{ "", "crypto ikev2 dpd 10 3 on-demand", "no crypto ikev2 dpd" },
	{ "", "crypto ikev2 nat keepalive 30",
	    "no crypto ikev2 nat keepalive" },
	{ "", "crypto isakmp policy 10", "no crypto isakmp policy 10" },
	{ "crypto isakmp policy 10\n", "encryption aes 256",
	    "no encryption" },
	{ "crypto isakmp policy 10\n", "hash sha256", "no hash" },
	{ "crypto isakmp policy 10\n", "authentication pre-share",
	    "no authentication" },
	{ "crypto isakmp policy 10\n", "group 14", "no group" },
	{ "crypto isakmp policy 10\n", "lifetime 3600", "no lifetime" },
	{ "", "crypto isakmp key s3cret address 10.1.1.1",
	    "no crypto isakmp key s3cret address 10.1.1.1" },
	{ "", "crypto isakmp key s3cret address 0.0.0.0 0.0.0.0 no-xauth",
	    "no crypto isakmp key s3cret address 0.0.0.0 0.0.0.0" },
	{ "", "crypto isakmp keepalive 10 3 periodic",
	    "no crypto isakmp keepalive" },
	{ "", "crypto isakmp nat keepalive 20",
	    "no crypto isakmp nat keepalive" },
	{ "", "crypto isakmp profile IP", "no crypto isakmp profile IP" },
	{ "crypto isakmp profile IP\n", "keyring KR", "no keyring KR" },
	{ "crypto isakmp profile IP\n",
	    "match identity address 10.1.1.1 255.255.255.255",
	    "no match identity address 10.1.1.1 255.255.255.255" },
	{ "crypto isakmp profile IP\n", "keepalive 10 retry 3",
	    "no keepalive" },
	{ "", "crypto keyring KR", "no crypto keyring KR" },
	{ "crypto keyring KR\n", "pre-shared-key address 10.1.1.1 key k1",
	    "no pre-shared-key address 10.1.1.1 key k1" },
	{ "", "crypto ipsec transform-set T esp-aes esp-sha-hmac",
	    "no crypto ipsec transform-set T" },
	{ "crypto ipsec transform-set T esp-gcm 256\n", "mode transport",
	    "no mode" },
	{ "", "crypto ipsec security-association lifetime seconds 1800",
	    "no crypto ipsec security-association lifetime seconds" },
	{ "", "crypto ipsec security-association replay window-size 1024",
	    "no crypto ipsec security-association replay window-size" },
	{ "", "crypto ipsec profile IPP", "no crypto ipsec profile IPP" },
	{ "crypto ipsec transform-set T esp-aes\ncrypto ipsec profile IPP\n",
	    "set transform-set T", "no set transform-set" },
	{ "crypto ipsec profile IPP\n", "set pfs group14", "no set pfs" },
	{ "crypto ipsec profile IPP\n",
	    "set security-association lifetime seconds 1800",
	    "no set security-association lifetime seconds" },
	{ "crypto ikev2 profile PR\ncrypto ipsec profile IPP\n",
	    "set ikev2-profile PR", "no set ikev2-profile" },
	{ "", "crypto map M 10 ipsec-isakmp", "no crypto map M 10" },
	{ "", "crypto map M local-address lo0",
	    "no crypto map M local-address" },
	{ "", "crypto dynamic-map D 10", "no crypto dynamic-map D 10" },
	{ "crypto map M 10 ipsec-isakmp\n", "set peer 10.1.1.1",
	    "no set peer 10.1.1.1" },
	{ "crypto map M 10 ipsec-isakmp\n", "match address 101",
	    "no match address" },
	{ "crypto map M 10 ipsec-isakmp\n", "reverse-route",
	    "no reverse-route" },
	{ "", "interface Tunnel5", "no interface Tunnel5" },
	{ "interface gi1\n", "ip address 10.0.0.1 255.255.255.0",
	    "no ip address" },
	{ "interface gi1\n ip address 10.0.0.1 255.255.255.0\n",
	    "ip address 10.0.1.1 255.255.255.0 secondary",
	    "no ip address 10.0.1.1 255.255.255.0 secondary" },
	{ "interface gi1\n", "ipv6 address 2001:db8::1/64",
	    "no ipv6 address 2001:db8::1/64" },
	{ "interface gi1\n", "description uplink", "no description" },
	{ "interface gi1\n", "shutdown", "no shutdown" },
	{ "interface gi1\n", "ip mtu 1400", "no ip mtu" },
	{ "interface gi1\n", "ip tcp adjust-mss 1360", "no ip tcp adjust-mss" },
	{ "interface gi1\n", "crypto map M", "no crypto map" },
	{ "interface gi1\n", "ip nat outside", "default ip nat outside" },
	{ "interface gi1\n", "negotiation auto", "default negotiation auto" },
	{ "interface tu1\n", "tunnel source gi1", "no tunnel source" },
	{ "interface tu1\n", "tunnel destination 10.9.9.9",
	    "no tunnel destination" },
	{ "interface tu1\n", "tunnel mode ipsec ipv4", "no tunnel mode" },
	{ "interface tu1\n", "tunnel protection ipsec profile IPP",
	    "no tunnel protection ipsec profile" },
	{ "", "ip route 10.2.0.0 255.255.0.0 10.0.0.2",
	    "no ip route 10.2.0.0 255.255.0.0 10.0.0.2" },
	{ "ip route 10.2.0.0 255.255.0.0 10.0.0.2\n",
	    "ip route 10.2.0.0 255.255.0.0 Tunnel0 200 name backup tag 7",
	    "no ip route 10.2.0.0 255.255.0.0 Tunnel0" },
	{ "", "ipv6 route 2001:db8:2::/48 Tunnel0",
	    "no ipv6 route 2001:db8:2::/48" },
	{ "", "access-list 101 permit ip 10.1.0.0 0.0.255.255 any",
	    "no access-list 101" },
	{ "", "access-list 10 permit host 10.1.1.1", "no access-list 10" },
	{ "", "ip access-list extended E", "no ip access-list extended E" },
	{ "ip access-list extended E\n",
	    "permit tcp any host 10.0.0.1 eq 443", "no permit tcp any host "
	    "10.0.0.1 eq 443" },
	{ "ip access-list extended E\n", "20 deny udp any any eq 500",
	    "no 20" },
	{ "ip access-list standard S\n", "permit 10.1.0.0 0.0.255.255",
	    "no permit 10.1.0.0 0.0.255.255" },
	{ "", "hostname R9", "no hostname" },
	{ "", "enable secret 5 $1$abcd$0123456789abcdefghijkl",
	    "no enable secret" },
};

START_TEST(test_no_forms)
{
	const struct noform	*t = &noforms[_i];
	char			*before, *with, *after;
	int			 rc;

	ck_assert_int_eq(paste(t->setup), 0);
	before = running();
	rc = run(t->cmd);
	ck_assert_msg(rc == CLI_OK, "\"%s\": rc %d: %s", t->cmd, rc, out.s);
	with = running();
	ck_assert_msg(strcmp(before, with) != 0, "\"%s\" changed nothing",
	    t->cmd);
	rc = run(t->undo);
	ck_assert_msg(rc == CLI_OK, "\"%s\": rc %d: %s", t->undo, rc, out.s);
	after = running();
	ck_assert_msg(strcmp(before, after) == 0, "\"%s\" did not undo "
	    "\"%s\":\n%s", t->undo, t->cmd, after);
	free(before);
	free(with);
	free(after);
}
END_TEST

/* --------------------------------------------------- IOS's checks */

/* IOS's advice is for a person at the console, not for a file loading. */
START_TEST(test_cmap_note)
{
	ck_assert_int_eq(run("crypto map M 9 ipsec-isakmp"), CLI_OK);
	ck_assert_str_eq(said(), "");
	cli_set_source(cli, "console", 1);
	ck_assert_int_eq(run("crypto map M 10 ipsec-isakmp"), CLI_OK);
	ck_assert_str_eq(said(), "% NOTE: This new crypto map will remain "
	    "disabled until a peer\n        and a valid access list have "
	    "been configured.\n");
	ck_assert_int_eq(run("exit"), CLI_OK);
	ck_assert_int_eq(run("crypto map M 10"), CLI_OK);
	ck_assert_str_eq(said(), "");
}
END_TEST

START_TEST(test_ikev2_notes)
{
	ck_assert_int_eq(run("crypto ikev2 proposal Q"), CLI_OK);
	ck_assert_str_eq(said(), "");
	ck_assert_int_eq(run("exit"), CLI_OK);
	cli_set_source(cli, "console", 1);
	ck_assert_int_eq(run("crypto ikev2 proposal P"), CLI_OK);
	ck_assert_ptr_nonnull(strstr(out.s, "IKEv2 proposal MUST either"));
	ck_assert_int_eq(run("crypto ikev2 policy P"), CLI_OK);
	ck_assert_str_eq(said(), "IKEv2 policy MUST have atleast one "
	    "complete proposal attached\n");
	ck_assert_int_eq(run("crypto ikev2 profile P"), CLI_OK);
	ck_assert_ptr_nonnull(strstr(out.s, "IKEv2 profile MUST have:"));
	ck_assert_int_eq(run("crypto ikev2 profile P"), CLI_OK);
	ck_assert_str_eq(said(), "");
}
END_TEST

START_TEST(test_transform_rules)
{
	char	*s;

	ck_assert_int_eq(run("crypto ipsec transform-set T esp-gcm 256 "
	    "esp-sha-hmac"), CLI_ERR_FAILED);
	ck_assert_int_eq(run("crypto ipsec transform-set T esp-aes "
	    "esp-3des"), CLI_ERR_FAILED);
	ck_assert_int_eq(run("crypto ipsec transform-set T esp-sha-hmac "
	    "esp-md5-hmac"), CLI_ERR_FAILED);
	s = running();
	ck_assert_ptr_null(strstr(s, "transform-set T"));
	free(s);
	/* Any order in, canonical order out; esp-aes 128 is esp-aes. */
	ck_assert_int_eq(run("crypto ipsec transform-set T esp-sha256-hmac "
	    "esp-aes 128"), CLI_OK);
	s = running();
	ck_assert_ptr_nonnull(strstr(s, "crypto ipsec transform-set T "
	    "esp-aes esp-sha256-hmac\n mode tunnel\n"));
	free(s);
	ck_assert_int_eq(run("exit"), CLI_OK);
	/* weak ones load, with a warning each */
	ck_assert_int_eq(run("crypto ipsec transform-set W esp-3des "
	    "esp-md5-hmac"), CLI_OK);
	ck_assert_str_eq(said(), "% Warning: esp-3des is a weak algorithm; "
	    "IOS-XE 17.11 and later refuse it\n% Warning: esp-md5-hmac is a "
	    "weak algorithm; IOS-XE 17.11 and later refuse it\n");
	ck_assert_int_eq(run("crypto ipsec profile P"), CLI_OK);
	ck_assert_int_eq(run("set pfs group2"), CLI_OK);
	ck_assert_ptr_nonnull(strstr(out.s, "group2 is a weak"));
	ck_assert_int_eq(run("set transform-set NOPE"), CLI_OK);
	ck_assert_str_eq(said(), "ERROR: transform set with tag \"NOPE\" "
	    "does not exist.\n");
	s = running();
	ck_assert_ptr_nonnull(strstr(s, " set transform-set NOPE\n"));
	free(s);
	/* typed at a console, a missing one is refused */
	cli_set_source(cli, NULL, 1);
	ck_assert_int_eq(run("set transform-set NOPE2"), CLI_ERR_FAILED);
	ck_assert_str_eq(said(), "ERROR: transform set with tag \"NOPE2\" "
	    "does not exist.\n");
}
END_TEST

START_TEST(test_ikev2_gcm_mix)
{
	ck_assert_int_eq(run("crypto ikev2 proposal P"), CLI_OK);
	ck_assert_int_eq(run("encryption aes-cbc-256 aes-gcm-128"),
	    CLI_ERR_FAILED);
	ck_assert_int_eq(run("encryption aes-gcm-128"), CLI_OK);
	ck_assert_int_eq(run("encryption aes-cbc-128"), CLI_ERR_FAILED);
	/* the weak group is named as a group, not a bare number */
	ck_assert_int_eq(run("group 2 14"), CLI_OK);
	ck_assert_str_eq(said(), "% Warning: group 2 is a weak algorithm; "
	    "IOS-XE 17.11 and later refuse it\n");
	ck_assert_int_eq(run("exit"), CLI_OK);
	ck_assert_int_eq(run("crypto ipsec profile IP"), CLI_OK);
	ck_assert_int_eq(run("set pfs group5"), CLI_OK);
	ck_assert_str_eq(said(), "% Warning: group5 is a weak algorithm; "
	    "IOS-XE 17.11 and later refuse it\n");
}
END_TEST

START_TEST(test_show_run_interface)
{
	ck_assert_int_eq(paste("interface gi2\n ip address 10.9.0.1 "
	    "255.255.255.0\n end\n"), 0);
	ck_assert_int_eq(run("s run int gi2"), CLI_OK);
	ck_assert_str_eq(said(), "Building configuration...\n\n"
	    "Current configuration : 68 bytes\n!\n"
	    "interface GigabitEthernet2\n ip address 10.9.0.1 "
	    "255.255.255.0\nend\n");
	ck_assert_int_eq(run("show running-config | include address"),
	    CLI_OK);
	ck_assert_str_eq(said(), " ip address 10.9.0.1 255.255.255.0\n");
}
END_TEST

START_TEST(test_show_kept)
{
	ck_assert_int_eq(paste("service timestamps log datetime msec\n"
	    "no service pad\nline vty 0 4\n transport input ssh\n"
	    "interface gi1\n negotiation auto\n ip address 10.0.0.1 "
	    "255.255.255.0\n end\n"), 0);
	ck_assert_int_eq(run("show kept-config"), CLI_OK);
	ck_assert_str_eq(said(), "! Kept in the running config, not applied "
	    "by iosh:\nservice timestamps log datetime msec\n"
	    "no service pad\nline vty 0 4\n transport input ssh\n"
	    "interface GigabitEthernet1\n negotiation auto\n");
}
END_TEST

START_TEST(test_interface_lifecycle)
{
	char	*s;

	ck_assert_int_eq(paste("interface gi1\n description WAN\n "
	    "negotiation auto\n exit\ninterface gi1.100\n encapsulation "
	    "dot1Q 100\n ip address 10.100.0.1 255.255.255.0\n exit\n"), 0);
	ck_assert_int_eq(run("no interface gi1"), CLI_ERR_FAILED);
	ck_assert_int_eq(run("default interface gi1"), CLI_OK);
	s = running();
	ck_assert_ptr_nonnull(strstr(s, "interface GigabitEthernet1\n no ip "
	    "address\n!\ninterface GigabitEthernet1.100\n ip address "
	    "10.100.0.1 255.255.255.0\n encapsulation dot1Q 100\n!\n"));
	free(s);
	ck_assert_int_eq(run("no interface gi1.100"), CLI_OK);
	s = running();
	ck_assert_ptr_null(strstr(s, "GigabitEthernet1.100"));
	free(s);
	/* its subnet went with it */
	ck_assert_int_eq(paste("interface lo5\n ip address 10.100.0.1 "
	    "255.255.255.0\n"), 0);
}
END_TEST

START_TEST(test_routes_misc)
{
	char	*s;

	ck_assert_int_eq(paste("ip route 0.0.0.0 0.0.0.0 Null0\n"
	    "ip route 10.0.0.0 255.0.0.0 GigabitEthernet1 192.0.2.1 5 "
	    "track 3\nipv6 route ::/0 2001:db8::1\n"
	    "ipv6 route 2001:db8:5::/48 Tunnel1 2001:db8::2 10\n"
	    "ip route 9.0.0.0 255.0.0.0 192.0.2.9 permanent\n"), 0);
	s = running();
	ck_assert_ptr_nonnull(strstr(s, "ip route 0.0.0.0 0.0.0.0 Null0\n"
	    "ip route 9.0.0.0 255.0.0.0 192.0.2.9 permanent\n"
	    "ip route 10.0.0.0 255.0.0.0 GigabitEthernet1 192.0.2.1 5 "
	    "track 3\nipv6 route ::/0 2001:DB8::1\n"
	    "ipv6 route 2001:DB8:5::/48 Tunnel1 2001:DB8::2 10\n"));
	free(s);
	ck_assert_int_eq(run("no ip route 10.0.0.0 255.0.0.0 192.0.2.7"),
	    CLI_ERR_FAILED);
	ck_assert_int_eq(run("no ip route 10.0.0.0 255.0.0.0"), CLI_OK);
	s = running();
	ck_assert_ptr_null(strstr(s, "ip route 10.0.0.0"));
	free(s);
}
END_TEST

START_TEST(test_keyring_wildcard)
{
	char	*s;

	ck_assert_int_eq(paste("crypto ikev2 keyring KR\n peer ANY\n  "
	    "address 0.0.0.0 0.0.0.0\n  pre-shared-key 6 FLgBaJHXdYY_AAA\n"
	    "  exit\n peer V6\n  address 2001:db8::/32\n"
	    "  pre-shared-key remote r-key\n"), 0);
	s = running();
	ck_assert_ptr_nonnull(strstr(s, "crypto ikev2 keyring KR\n peer ANY\n"
	    "  address 0.0.0.0 0.0.0.0\n  pre-shared-key 6 FLgBaJHXdYY_AAA\n"
	    " !\n peer V6\n  address 2001:DB8::/32\n  pre-shared-key remote "
	    "r-key\n !\n!\n"));
	free(s);
}
END_TEST

START_TEST(test_profile_hints)
{
	ck_assert_int_eq(paste("crypto isakmp profile IKP\n exit\n"
	    "crypto ikev2 profile V2P\n exit\ncrypto ipsec profile P\n"), 0);
	ck_assert_int_eq(run("set ikev2-profile IKP"), CLI_ERR_FAILED);
	ck_assert_str_eq(said(), "% IKEv2 profile IKP does not exist\n"
	    "% Hint: IKP is an isakmp profile: set isakmp-profile IKP\n");
	ck_assert_int_eq(run("set isakmp-profile V2P"), CLI_ERR_FAILED);
	ck_assert_str_eq(said(), "% ISAKMP profile V2P does not exist\n"
	    "% Hint: V2P is an IKEv2 profile: set ikev2-profile V2P\n");
	ck_assert_int_eq(run("set isakmp-profile IKP"), CLI_OK);
	/* a profile deleted since: a file keeps the name, a console not */
	ck_assert_int_eq(run("set ikev2-profile GONE"), CLI_OK);
	ck_assert_str_eq(said(), "% IKEv2 profile GONE does not exist\n");
	cli_set_source(cli, NULL, 1);
	ck_assert_int_eq(run("set ikev2-profile GONE2"), CLI_ERR_FAILED);
	ck_assert_int_eq(run("set isakmp-profile GONE2"), CLI_ERR_FAILED);
	ck_assert_str_eq(said(), "% ISAKMP profile GONE2 does not exist\n");
}
END_TEST

START_TEST(test_show_history)
{
	cli_set_source(cli, "console", 1);
	ck_assert_int_eq(run("end"), CLI_OK);
	ck_assert_int_eq(run("terminal length 0"), CLI_OK);
	ck_assert_int_eq(run("show history"), CLI_OK);
	ck_assert_str_eq(said(), "  end\n  terminal length 0\n"
	    "  show history\n");
}
END_TEST

START_TEST(test_route_checks)
{
	ck_assert_int_eq(paste("interface gi1\n ip address 10.0.0.1 "
	    "255.255.255.0\n exit\n"), 0);
	ck_assert_int_eq(run("ip route 10.2.0.0 255.255.0.0 10.0.0.1"),
	    CLI_ERR_FAILED);
	ck_assert_str_eq(said(), "%Invalid next hop address (it's this "
	    "router)\n");
	ck_assert_int_eq(run("ip route 10.2.0.1 255.255.0.0 10.0.0.2"),
	    CLI_ERR_FAILED);
	ck_assert_str_eq(said(), "%Inconsistent address and mask\n");
	ck_assert_int_eq(run("ip route 10.2.0.0 255.255.0.0 10.0.0.2"),
	    CLI_OK);
	/* next hops no router can be */
	ck_assert_int_eq(run("ip route 10.0.0.0 255.0.0.0 0.0.0.0"),
	    CLI_ERR_FAILED);
	ck_assert_str_eq(said(), "%Invalid next hop address\n");
	ck_assert_int_eq(run("ip route 10.0.0.0 255.0.0.0 255.255.255.255"),
	    CLI_ERR_FAILED);
	ck_assert_str_eq(said(), "%Invalid next hop address\n");
	ck_assert_int_eq(run("ip route 10.0.0.0 255.0.0.0 224.0.0.5"),
	    CLI_ERR_FAILED);
	ck_assert_int_eq(run("ip route 10.0.0.0 255.0.0.0 127.0.0.1"),
	    CLI_ERR_FAILED);
}
END_TEST

START_TEST(test_acl_whole_delete)
{
	char	*s;

	ck_assert_int_eq(paste("access-list 101 permit ip host 1.1.1.1 any\n"
	    "access-list 101 deny tcp any any eq www\n"
	    "access-list 101 permit udp any any eq 500\n"), 0);
	s = running();
	ck_assert_ptr_nonnull(strstr(s, "access-list 101 permit ip host "
	    "1.1.1.1 any\naccess-list 101 deny tcp any any eq www\n"
	    "access-list 101 permit udp any any eq isakmp\n"));
	free(s);
	ck_assert_int_eq(run("no access-list 101 permit udp any any eq 500"),
	    CLI_OK);
	s = running();
	ck_assert_ptr_null(strstr(s, "access-list 101"));
	free(s);
}
END_TEST

START_TEST(test_acl_numbered_by_name)
{
	char	*s;

	ck_assert_int_eq(paste("access-list 110 permit ip any host 10.0.0.1\n"
	    "ip access-list extended 110\n 5 deny ip host 10.0.0.9 any\n"
	    " exit\n"), 0);
	s = running();
	ck_assert_ptr_nonnull(strstr(s, "access-list 110 deny ip host "
	    "10.0.0.9 any\naccess-list 110 permit ip any host 10.0.0.1\n"));
	free(s);
	ck_assert_int_eq(run("ip access-list standard 110"), CLI_ERR_FAILED);
}
END_TEST

START_TEST(test_interface_names)
{
	char	*s;

	ck_assert_int_eq(paste("int gi0/0\n exit\ninterface GigabitEthernet "
	    "0/1\n exit\nint tu0\n exit\nint lo0\n exit\n"
	    "interface Tunnel 10\n exit\n"), 0);
	s = running();
	ck_assert_ptr_nonnull(strstr(s, "interface Loopback0\n"));
	ck_assert_ptr_nonnull(strstr(s, "interface Tunnel0\n"));
	ck_assert_ptr_nonnull(strstr(s, "interface Tunnel10\n"));
	ck_assert_ptr_nonnull(strstr(s, "interface GigabitEthernet0/0\n"));
	ck_assert_ptr_nonnull(strstr(s, "interface GigabitEthernet0/1\n"));
	/* virtual interfaces print first, as IOS-XE */
	ck_assert(strstr(s, "Tunnel10") < strstr(s, "Gigabit"));
	free(s);
}
END_TEST

START_TEST(test_address_overlap)
{
	ck_assert_int_eq(paste("interface gi1\n ip address 10.0.0.1 "
	    "255.255.255.0\n exit\ninterface gi2\n"), 0);
	ck_assert_int_eq(run("ip address 10.0.0.2 255.255.255.0"),
	    CLI_ERR_FAILED);
	ck_assert_str_eq(said(), "% 10.0.0.0 overlaps with "
	    "GigabitEthernet1\n");
	ck_assert_int_eq(run("ip address 10.0.0.0 255.255.255.0"),
	    CLI_ERR_FAILED);
	ck_assert_str_eq(said(), "Bad mask /24 for address 10.0.0.0\n");
	ck_assert_int_eq(run("ip address 10.0.1.255 255.255.255.0"),
	    CLI_ERR_FAILED);
	ck_assert_str_eq(said(), "Bad mask /24 for address 10.0.1.255\n");
	/* not a host: multicast, loopback, class E, 0/8, broadcast */
	ck_assert_int_eq(run("ip address 224.0.0.1 255.255.255.0"),
	    CLI_ERR_FAILED);
	ck_assert_str_eq(said(), "Not a valid host address - 224.0.0.1\n");
	ck_assert_int_eq(run("ip address 127.0.0.1 255.0.0.0"),
	    CLI_ERR_FAILED);
	ck_assert_str_eq(said(), "Not a valid host address - 127.0.0.1\n");
	ck_assert_int_eq(run("ip address 240.1.1.1 255.255.255.0"),
	    CLI_ERR_FAILED);
	ck_assert_int_eq(run("ip address 0.1.1.1 255.255.255.0"),
	    CLI_ERR_FAILED);
	ck_assert_int_eq(run("ip address 255.255.255.255 255.255.255.0"),
	    CLI_ERR_FAILED);
	/* a mask with holes is printed in hex */
	ck_assert_int_eq(run("ip address 1.2.3.4 255.0.255.0"),
	    CLI_ERR_FAILED);
	ck_assert_str_eq(said(), "Bad mask 0xFF00FF00 for address 1.2.3.4\n");
	ck_assert_int_eq(run("ip address 1.2.3.4 255.255.255.0"), CLI_OK);
}
END_TEST

/* The seed example, verbatim: what IOS refuses is refused here too. */
START_TEST(test_seed)
{
	static const char *seed =
	    "# Phase 1 (IKEv2 - establishing the secure channel for "
	    "negotiation)\n"
	    "crypto isakmp policy 10\n"
	    "encryption aes 256\n"
	    "authentication sha256\n"
	    "group 14\n"
	    "lifetime 86400\n"
	    "#\n"
	    "crypto isakmp client authentication list MY_AUTH_LIST\n"
	    "authentication pre-share\n"
	    "key ascii MY_SECRET_KEY\n"
	    "#\n"
	    "crypto isakmp profile MY_IKE_PROFILE\n"
	    "match identity remote address 1.2.3.4 # IP of the branch "
	    "router\n"
	    "authentication list MY_AUTH_LIST\n"
	    "#\n"
	    "crypto ipsec transform-set MY_TRANSFORM_SET esp-aes 256 "
	    "esp-sha256-hmac\n"
	    "mode tunnel\n"
	    "#\n"
	    "crypto ipsec profile MY_IPSEC_PROFILE\n"
	    "set transform-set MY_TRANSFORM_SET\n"
	    "set ikev2-profile MY_IKE_PROFILE\n"
	    "#\n"
	    "interface GigabitEthernet0/0\n"
	    "ip address 1.2.3.4 255.255.255.0\n"
	    "crypto ipsec profile MY_IPSEC_PROFILE\n"
	    "#\n"
	    "! This is often done via route-maps\n"
	    "ip route 192.168.2.0 255.255.255.0 1.2.3.4 track 1 # Assuming "
	    "the remote IP is reachable\n";
	char	*s;

	/*
	 * Refused: the 7 "#" lines (IOS comments start with "!"),
	 * authentication sha256 (a hash), crypto isakmp client, key ascii,
	 * match identity remote (isakmp profiles match identity address),
	 * authentication list, set ikev2-profile (MY_IKE_PROFILE is an
	 * isakmp profile), and the route with a "#" comment.  The failed
	 * client line leaves the session in config-isakmp, so
	 * authentication pre-share lands in policy 10, as on IOS.
	 */
	ck_assert_int_eq(paste(seed), 14);
	s = running();
	ck_assert_ptr_nonnull(strstr(s, "crypto isakmp policy 10\n encr aes "
	    "256\n authentication pre-share\n group 14\n"));
	ck_assert_ptr_nonnull(strstr(s, "crypto ipsec profile "
	    "MY_IPSEC_PROFILE\n set transform-set MY_TRANSFORM_SET\n!"));
	ck_assert_ptr_nonnull(strstr(s, "interface GigabitEthernet0/0\n ip "
	    "address 1.2.3.4 255.255.255.0\n!"));
	free(s);
}
END_TEST

/* -------------------------------------------------------- storage */

START_TEST(test_save)
{
	char		 dir[] = "/tmp/gsaveXXXXXX", path[256], bak[300];
	char		*first, *s;
	struct stat	 st;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/startup-config", dir);
	snprintf(bak, sizeof(bak), "%s.bak", path);
	ck_assert_int_eq(ios_config_set_paths(cfg, path, NULL), 0);
	ck_assert_int_eq(run("hostname FIRST"), CLI_OK);
	ck_assert_int_eq(run("do write memory"), CLI_OK);
	ck_assert_str_eq(said(), "Building configuration...\n[OK]\n");
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	first = slurp(path);
	s = running();
	ck_assert_str_eq(first, s);
	free(s);
	ck_assert_int_eq(run("hostname SECOND"), CLI_OK);
	ck_assert_int_eq(run("do copy running-config startup-config"),
	    CLI_OK);
	s = slurp(bak);
	ck_assert_str_eq(s, first);
	free(s);
	s = slurp(path);
	ck_assert_ptr_nonnull(strstr(s, "hostname SECOND\n"));
	free(s);
	ck_assert_int_eq(run("do show startup-config"), CLI_OK);
	ck_assert_ptr_nonnull(strstr(out.s, "Using "));
	ck_assert_ptr_nonnull(strstr(out.s, " out of 33554432 bytes\n!\n"
	    "hostname SECOND\n"));
	/* copy startup-config running-config merges it back */
	ck_assert_int_eq(run("hostname THIRD"), CLI_OK);
	ck_assert_int_eq(run("do copy startup-config running-config"),
	    CLI_OK);
	ck_assert_str_eq(cfg->hostname, "SECOND");
	ck_assert_int_eq(run("do erase startup-config"), CLI_OK);
	ck_assert_int_eq(access(path, F_OK), -1);
	unlink(bak);
	rmdir(dir);
	free(first);
}
END_TEST

/* A startup-config with failed lines survives two saves as the backup. */
START_TEST(test_save_keeps_failed)
{
	char	 dir[] = "/tmp/gsaveXXXXXX", path[256], bak[300], *s;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/startup-config", dir);
	snprintf(bak, sizeof(bak), "%s.bak", path);
	spill(path, "hostname B\nfrobnicate the widgets\n");
	ck_assert_int_eq(ios_config_set_paths(cfg, path, NULL), 0);
	ck_assert_int_eq(ios_config_load(cfg, eng, path, out_write, &out),
	    1);
	ck_assert_int_eq(ios_config_save(cfg), 0);
	ck_assert_int_eq(run("hostname C"), CLI_OK);
	ck_assert_int_eq(ios_config_save(cfg), 0);
	s = slurp(bak);
	ck_assert_str_eq(s, "hostname B\nfrobnicate the widgets\n");
	free(s);
	unlink(bak);
	unlink(path);
	rmdir(dir);
}
END_TEST

START_TEST(test_ifmap)
{
	char	 dev[32], map[] = "/tmp/gifmapXXXXXX";
	int	 fd;

	ck_assert_int_eq(ifmap_linux(cfg, "gi0/2", dev, sizeof(dev)), 0);
	ck_assert_str_eq(dev, "eth2");
	ck_assert_int_eq(ifmap_linux(cfg, "Tunnel7", dev, sizeof(dev)), 0);
	ck_assert_str_eq(dev, "ipsec7");
	ck_assert_int_eq(ifmap_linux(cfg, "lo0", dev, sizeof(dev)), 0);
	ck_assert_str_eq(dev, "lo");
	ck_assert_int_eq(fd = mkstemp(map), fd);
	ck_assert_int_eq(dprintf(fd, "# test\nGigabitEthernet1 wan0\n"
	    "GigabitEthernet0/* lan%%d\n"), 54);
	close(fd);
	ck_assert_int_eq(ios_config_set_paths(cfg, NULL, map), 0);
	ck_assert_int_eq(ifmap_linux(cfg, "Gi1", dev, sizeof(dev)), 0);
	ck_assert_str_eq(dev, "wan0");
	ck_assert_int_eq(ifmap_linux(cfg, "gi0/3", dev, sizeof(dev)), 0);
	ck_assert_str_eq(dev, "lan3");
	ck_assert_int_eq(ifmap_linux(cfg, "Tu1", dev, sizeof(dev)), 0);
	ck_assert_str_eq(dev, "ipsec1");
	unlink(map);
}
END_TEST

/* show [ip] access-lists: IOS's listing, remarks left out. */
START_TEST(test_show_acl)
{
	ck_assert_int_eq(run("access-list 10 permit 10.1.1.0 0.0.0.255"),
	    CLI_OK);
	ck_assert_int_eq(run("access-list 10 permit host 10.2.2.2"), CLI_OK);
	ck_assert_int_eq(run("access-list 10 deny any log"), CLI_OK);
	ck_assert_int_eq(run("ip access-list extended VPN"), CLI_OK);
	ck_assert_int_eq(run("remark to the branch"), CLI_OK);
	ck_assert_int_eq(run("permit ip 192.168.1.0 0.0.0.255 192.168.2.0 "
	    "0.0.0.255"), CLI_OK);
	ck_assert_int_eq(run("exit"), CLI_OK);
	ck_assert_int_eq(run("do show access-lists"), CLI_OK);
	ck_assert_str_eq(out.s, "Standard IP access list 10\n"
	    "    10 permit 10.1.1.0, wildcard bits 0.0.0.255\n"
	    "    20 permit 10.2.2.2\n"
	    "    30 deny any log\n"
	    "Extended IP access list VPN\n"
	    "    20 permit ip 192.168.1.0 0.0.0.255 192.168.2.0 0.0.0.255\n");
	ck_assert_int_eq(run("do show ip access-lists VPN"), CLI_OK);
	ck_assert_str_eq(out.s, "Extended IP access list VPN\n"
	    "    20 permit ip 192.168.1.0 0.0.0.255 192.168.2.0 0.0.0.255\n");
	ck_assert_int_eq(run("do show access-lists NONE"), CLI_OK);
	ck_assert_str_eq(out.s, "");
}
END_TEST

START_TEST(test_exec)
{
	ck_assert_int_eq(run("end"), CLI_OK);
	ck_assert_int_eq(cli_mode(cli), IOS_M_PRIV);
	ck_assert_int_eq(run("show version"), CLI_OK);
	ck_assert_ptr_nonnull(strstr(out.s, "iosh Software (iosh-"));
	ck_assert_ptr_nonnull(strstr(out.s, "Configuration register is "
	    "0x2102\n"));
	ck_assert_ptr_null(strstr(out.s, "Cisco"));
	ck_assert_int_eq(run("terminal length 0"), CLI_OK);
	ck_assert_int_eq(cli_term(cli)->length, 0);
	ck_assert_int_eq(run("disable"), CLI_OK);
	ck_assert_int_eq(cli_mode(cli), IOS_M_USER);
	ck_assert_int_eq(run("show privilege"), CLI_OK);
	ck_assert_str_eq(said(), "Current privilege level is 1\n");
	ck_assert_int_eq(run("enable"), CLI_OK);
	ck_assert_int_eq(cli_mode(cli), IOS_M_PRIV);
	ck_assert_int_eq(run("configure terminal"), CLI_OK);
	ck_assert_str_eq(said(), "Enter configuration commands, one per "
	    "line.  End with CNTL/Z.\n");
	/* type 5 must look like one, or enable would be locked out */
	ck_assert_int_eq(run("enable secret 5 notahash"), CLI_ERR_FAILED);
	ck_assert_str_eq(said(), "ERROR: The secret you entered is not a "
	    "valid encrypted secret.\nTo enter an UNENCRYPTED secret, do not "
	    "specify type 5 encryption.\nWhen you properly enter an "
	    "UNENCRYPTED secret, it will be encrypted.\n\n");
	ck_assert_ptr_null(cfg->enable_secret);
	ck_assert_int_eq(run("enable secret 5 $1$abc$tooshort"),
	    CLI_ERR_FAILED);
	ck_assert_int_eq(run("enable secret 9 $1$Ahxf$4OivEQn0n0JneSObfRdSw0"),
	    CLI_ERR_FAILED);
	ck_assert_int_eq(run("enable secret 8 $8$dsYGNam3K1SIJO$7nv/35M/qr6t."
	    "dVc7UY5zrJSaLENBGL3MgkifOn4W8"), CLI_ERR_FAILED);
	ck_assert_int_eq(run("enable secret 9 $9$nhEmQVczB7dqsO$X.HsgL6x1il0"
	    "RxkOSSvyQYwucySCt7qFm4v7pqCxkKM"), CLI_OK);
	ck_assert_int_eq(cfg->enable_type, 9);
	ck_assert_int_eq(run("enable secret 5 $1$Ahxf$4OivEQn0n0JneSObfRdSw0"),
	    CLI_OK);
	ck_assert_int_eq(cfg->enable_type, 5);
	ck_assert_int_eq(run("enable secret letmein"), CLI_OK);
	ck_assert_int_eq(cfg->enable_type, 5);
	ck_assert(ios_enable_check(cfg, "letmein"));
	ck_assert(!ios_enable_check(cfg, "wrong"));
	ck_assert_int_eq(run("exit"), CLI_OK);
	/* at privilege 15 already: no password asked, nothing happens */
	ck_assert_int_eq(run("enable"), CLI_OK);
	ck_assert_str_eq(said(), "");
	ck_assert_int_eq(cli_mode(cli), IOS_M_PRIV);
	/* nobody at a console to answer Password: -> refused */
	ck_assert_int_eq(run("disable"), CLI_OK);
	ck_assert_int_eq(run("enable"), CLI_ERR_FAILED);
	ck_assert_str_eq(said(), "% Bad secrets\n\n");
	ck_assert_int_eq(cli_mode(cli), IOS_M_USER);
	ck_assert_int_eq(run("exit"), CLI_EXIT);
}
END_TEST


/* A person at the console who answers each question with *arg. */
static int
answer(void *arg, const char *prompt, int echo, char *buf, size_t len)
{
	(void)echo;
	buf_add(&out, prompt, strlen(prompt));
	snprintf(buf, len, "%s", (const char *)arg);
	return 0;
}


/*
 * Deletes leave a config that reloads: for each config of tests/configs
 * and docs/examples, each top-level object is deleted alone (`no` and
 * its line), then all of them one after the other; after each step the
 * printed config, loaded again, prints the same text without errors.
 */
static void
reload_same(const char *name, const char *what)
{
	char	 tmp[] = "/tmp/gdelXXXXXX", *got, *again, *errs;
	int	 fd, nfailed;

	got = ios_print_string(cfg, NULL);
	ck_assert_int_ne(fd = mkstemp(tmp), -1);
	close(fd);
	spill(tmp, got);
	again = load_print(tmp, &errs, &nfailed);
	unlink(tmp);
	ck_assert_msg(nfailed == 0 && strcmp(got, again) == 0,
	    "%s after %s: reload gives %d errors:\n%s\nprinted:\n%s\n"
	    "reloaded:\n%s", name, what, nfailed, errs, got, again);
	free(got);
	free(again);
	free(errs);
}

static void
deletes_one(const char *path, const char *name)
{
	char	*text = slurp(path), *l, *save = NULL, line[1200];
	char	**tops = NULL;
	size_t	 ntops = 0, i, j;
	FILE	*f;

	ck_assert_ptr_nonnull(text);
	for (l = strtok_r(text, "\n", &save); l != NULL;
	    l = strtok_r(NULL, "\n", &save)) {
		if (l[0] == ' ' || l[0] == '!' || strcmp(l, "end") == 0 ||
		    strncmp(l, "banner", 6) == 0 || l[0] == '\0')
			continue;
		tops = realloc(tops, (ntops + 1) * sizeof(*tops));
		ck_assert_ptr_nonnull(tops);
		tops[ntops++] = l;
	}
	for (j = 0; j <= ntops; j++) {
		/* j < ntops: only top j; j == ntops: all, in order */
		ios_config_clear(cfg);
		ck_assert_ptr_nonnull(f = fopen(path, "r"));
		cli_feed(cli, f, "cfg", IOS_M_CONFIG);
		fclose(f);
		for (i = 0; i < ntops; i++) {
			if (j < ntops && i != j)
				continue;
			snprintf(line, sizeof(line), "no %s", tops[i]);
			run("end");
			run("configure terminal");
			run(line);
			if (j == ntops)
				reload_same(name, line);
		}
		if (j < ntops)
			reload_same(name, line);
	}
	free(tops);
	free(text);
}

START_TEST(test_deletes_reload)
{
	char		 dir[1024], p[1300];
	DIR		*d;
	struct dirent	*de;
	static const char *ex[] = { "office-gw.cfg", "branch-gw.cfg",
			    "office-gw-cryptomap.cfg",
			    "branch-gw-cryptomap.cfg" };
	size_t		 i;

	snprintf(dir, sizeof(dir), "%s/tests/configs", srcdir());
	ck_assert_ptr_nonnull(d = opendir(dir));
	while ((de = readdir(d)) != NULL) {
		size_t l = strlen(de->d_name);

		if (l < 5 || strcmp(de->d_name + l - 4, ".cfg") != 0)
			continue;
		snprintf(p, sizeof(p), "%s/%s", dir, de->d_name);
		deletes_one(p, de->d_name);
	}
	closedir(d);
	for (i = 0; i < sizeof(ex) / sizeof(ex[0]); i++) {
		snprintf(p, sizeof(p), "%s/docs/examples/%s", srcdir(), ex[i]);
		deletes_one(p, ex[i]);
	}
}
END_TEST

/*
 * Names as long as the engine takes print whole and reload; longer
 * ones are refused where they are typed.
 */
START_TEST(test_long_names)
{
	char	 name[CLI_WORD_MAX + 2], line[8 * (CLI_WORD_MAX + 2) + 64];
	char	 rest[CLI_LINE_MAX + 2], *s;
	size_t	 i;

	memset(name, 'T', CLI_WORD_MAX);
	name[CLI_WORD_MAX] = '\0';
	for (i = 0; i < IOS_MAX_TS; i++) {
		name[0] = (char)('A' + i);
		snprintf(line, sizeof(line), "crypto ipsec transform-set %s "
		    "esp-aes esp-sha-hmac", name);
		ck_assert_int_eq(run(line), CLI_OK);
	}
	ck_assert_int_eq(run("crypto map CM 10 ipsec-isakmp"), CLI_OK);
	strcpy(line, "set transform-set");
	for (i = 0; i < IOS_MAX_TS; i++) {
		name[0] = (char)('A' + i);
		strcat(line, " ");
		strcat(line, name);
	}
	ck_assert_int_eq(run(line), CLI_OK);
	s = running();
	ck_assert_ptr_nonnull(strstr(s, line));
	free(s);
	ck_assert_int_eq(run("exit"), CLI_OK);
	memset(rest, 'x', CLI_LINE_MAX - 8);
	rest[CLI_LINE_MAX - 8] = '\0';
	snprintf(line, sizeof(line), "snmp-server contact %s", rest);
	ck_assert_int_eq(run(line), CLI_OK);
	s = running();
	ck_assert_ptr_nonnull(strstr(s, line));
	free(s);
	reload_same("long names", "set transform-set");
	/* one more character: refused at the caret, nothing kept */
	name[CLI_WORD_MAX] = 'T';
	name[CLI_WORD_MAX + 1] = '\0';
	snprintf(line, sizeof(line), "crypto ikev2 keyring %s", name);
	ck_assert_int_eq(run(line), CLI_ERR_INVALID);
	ck_assert_ptr_nonnull(strstr(out.s, "% Invalid input detected"));
	snprintf(line, sizeof(line), "snmp-server location %sxxxxxxxxx",
	    rest);
	ck_assert_int_eq(run(line), CLI_ERR_INVALID);
	s = running();
	ck_assert_ptr_null(strstr(s, "crypto ikev2 keyring"));
	ck_assert_ptr_null(strstr(s, "location"));
	free(s);
}
END_TEST

/* Host names follow the ARPANET rules IOS states. */
START_TEST(test_hostname_rules)
{
	static const char	*bad[] = { "R>2", "R#1", "ab$c", "a(b", "1abc",
				    "-ab", "ab-", "ab_" };
	char			 line[128];
	size_t			 i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(line, sizeof(line), "hostname %s", bad[i]);
		ck_assert_msg(run(line) == CLI_ERR_FAILED, "%s", line);
		ck_assert_ptr_null(cfg->hostname);
	}
	ck_assert_int_eq(run("hostname R>2"), CLI_ERR_FAILED);
	ck_assert_str_eq(said(), "% Hostname contains one or more illegal "
	    "characters.\n");
	snprintf(line, sizeof(line), "hostname a%063d", 1);
	ck_assert_int_eq(run(line), CLI_ERR_FAILED);
	line[strlen(line) - 1] = '\0';
	ck_assert_int_eq(run(line), CLI_OK);
	ck_assert_int_eq(run("hostname edge_gw-2"), CLI_OK);
	ck_assert_str_eq(cfg->hostname, "edge_gw-2");
	ck_assert_str_eq(cli_prompt(cli), "edge_gw-2(config)#");
}
END_TEST

/* erase startup-config and write erase ask first, as IOS. */
START_TEST(test_erase_confirm)
{
	char	 dir[] = "/tmp/geraseXXXXXX", path[256];
	struct stat st;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/startup-config", dir);
	ck_assert_int_eq(ios_config_set_paths(cfg, path, NULL), 0);
	ck_assert_int_eq(run("end"), CLI_OK);
	ck_assert_int_eq(run("write memory"), CLI_OK);
	cli_set_source(cli, NULL, 1);
	cli_set_ask(cli, answer, (void *)"n");
	ck_assert_int_eq(run("erase startup-config"), CLI_OK);
	ck_assert_str_eq(said(), "Erasing the nvram filesystem will remove "
	    "all configuration files! Continue? [confirm]");
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(run("write erase"), CLI_OK);
	ck_assert_int_eq(stat(path, &st), 0);
	cli_set_ask(cli, answer, (void *)"");
	ck_assert_int_eq(run("write erase"), CLI_OK);
	ck_assert_str_eq(said(), "Erasing the nvram filesystem will remove "
	    "all configuration files! Continue? [confirm][OK]\n"
	    "Erase of nvram: complete\n");
	ck_assert_int_eq(stat(path, &st), -1);
	ck_assert_int_eq(run("write memory"), CLI_OK);
	cli_set_ask(cli, answer, (void *)"y");
	ck_assert_int_eq(run("erase startup-config"), CLI_OK);
	ck_assert_int_eq(stat(path, &st), -1);
	unlink(path);
	snprintf(path, sizeof(path), "%s/startup-config.bak", dir);
	unlink(path);
	ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

/* Runs line in session c, its output to out. */
static int
run_in(struct cli *c, const char *line)
{
	out.len = 0;
	if (out.s)
		out.s[0] = '\0';
	return cli_execute(c, line);
}

/*
 * Two consoles on one config: B deletes the object A stands in; A's
 * next line must not touch freed memory (the sanitizer build sees it)
 * and A is back at the mode above.
 */
START_TEST(test_ctx_gone_other_session)
{
	struct cli	*b;
	char		*s;

	ios_config_set_engine(cfg, eng);
	b = cli_new(eng, IOS_M_PRIV, cfg);
	cli_set_output(b, out_write, &out);
	cli_set_source(b, "b", 0);
	ck_assert_int_eq(run_in(b, "configure terminal"), CLI_OK);

	ck_assert_int_eq(paste("crypto ikev2 keyring K\n peer P\n"), 0);
	ck_assert_int_eq(cli_mode(cli), IOS_M_IKEV2_KR_PEER);
	ck_assert_int_eq(run_in(b, "no crypto ikev2 keyring K"), CLI_OK);
	ck_assert_int_eq(cli_mode(cli), IOS_M_CONFIG);
	/* In config mode the peer's line is refused, not run. */
	ck_assert_int_eq(run("address 192.0.2.1"), CLI_ERR_INVALID);
	ck_assert_int_eq(cli_mode(cli), IOS_M_CONFIG);

	/* only the peer goes: A climbs to the keyring */
	ck_assert_int_eq(paste("crypto ikev2 keyring K\n peer P\n"), 0);
	ck_assert_int_eq(run_in(b, "crypto ikev2 keyring K"), CLI_OK);
	ck_assert_int_eq(run_in(b, "no peer P"), CLI_OK);
	ck_assert_int_eq(cli_mode(cli), IOS_M_IKEV2_KR);
	ck_assert_int_eq(run("peer Q"), CLI_OK);
	ck_assert_int_eq(run_in(b, "exit"), CLI_OK);

	ck_assert_int_eq(paste("crypto map CM 10 ipsec-isakmp\n"), 0);
	ck_assert_int_eq(run_in(b, "no crypto map CM"), CLI_OK);
	ck_assert_int_eq(run("set peer 192.0.2.9"), CLI_ERR_INVALID);
	ck_assert_int_eq(paste("interface Tunnel0\n"), 0);
	ck_assert_int_eq(run_in(b, "no interface Tunnel0"), CLI_OK);
	ck_assert_int_eq(run("ip address 10.1.1.1 255.255.255.0"),
	    CLI_ERR_INVALID);
	ck_assert_int_eq(paste("ip access-list extended A\n"), 0);
	ck_assert_int_eq(run_in(b, "no ip access-list extended A"), CLI_OK);
	ck_assert_int_eq(cli_mode(cli), IOS_M_CONFIG);
	ck_assert_int_eq(paste("crypto isakmp policy 10\n"), 0);
	ck_assert_int_eq(run_in(b, "no crypto isakmp policy 10"), CLI_OK);
	ck_assert_int_eq(cli_mode(cli), IOS_M_CONFIG);
	ck_assert_int_eq(paste("crypto ipsec profile IP\n"), 0);
	ck_assert_int_eq(run_in(b, "no crypto ipsec profile IP"), CLI_OK);
	ck_assert_int_eq(cli_mode(cli), IOS_M_CONFIG);
	ck_assert_int_eq(paste("router bgp 1\n"), 0);
	ck_assert_int_eq(run_in(b, "no router bgp 1"), CLI_OK);
	ck_assert_int_eq(cli_mode(cli), IOS_M_CONFIG);
	ck_assert_int_eq(run("banner motd ^C"), CLI_OK);
	ck_assert_int_eq(run_in(b, "no banner motd"), CLI_OK);
	/* the banner's lines end: this one is a command again */
	ck_assert_int_eq(run("hostname R9"), CLI_OK);
	s = running();
	ck_assert_ptr_nonnull(strstr(s, "hostname R9\n"));
	ck_assert_ptr_null(strstr(s, "banner"));
	ck_assert_ptr_null(strstr(s, "Tunnel0"));
	ck_assert_ptr_nonnull(strstr(s, " peer Q\n"));
	free(s);
	cli_free(b);
}
END_TEST

/*
 * One console: inside line vty, `do copy start run` runs the startup
 * block again; the console stays in a block that is alive.
 */
START_TEST(test_ctx_gone_copy_start_run)
{
	char	 dir[] = "/tmp/gctxXXXXXX", path[256];
	FILE	*f;
	char	*s;

	ios_config_set_engine(cfg, eng);
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/startup-config", dir);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	fputs("line vty 0 4\n login local\n", f);
	fclose(f);
	ck_assert_int_eq(ios_config_set_paths(cfg, path, NULL), 0);
	ck_assert_int_eq(paste("line vty 0 4\n login local\n"), 0);
	ck_assert_int_eq(run("do copy startup-config running-config"),
	    CLI_OK);
	ck_assert_int_eq(run(" transport input ssh"), CLI_OK);
	s = running();
	ck_assert_ptr_nonnull(strstr(s, "line vty 0 4\n login local\n"
	    " transport input ssh\n"));
	free(s);
	/* the block gone under the console: back to config mode */
	ck_assert_int_eq(run("no line vty 0 4"), CLI_OK);
	ck_assert_int_eq(paste("line vty 0 4\n"), 0);
	ck_assert_int_eq(run("do copy startup-config running-config"),
	    CLI_OK);
	ck_assert_int_eq(run("exec-timeout 5 0"), CLI_OK);
	ios_config_clear(cfg);
	ck_assert_int_eq(cli_mode(cli), IOS_M_CONFIG);
	ck_assert_int_eq(run("exec-timeout 5 0"), CLI_ERR_INVALID);
	unlink(path);
	rmdir(dir);
}
END_TEST

/* `no X` of a list kind removes its lines and keeps no "no X". */
START_TEST(test_keep_no_removes)
{
	char	*s;

	ck_assert_int_eq(paste("logging host 10.0.0.1\n"
	    "ntp server 10.0.0.2 prefer\n"
	    "username admin privilege 15 secret 0 x\n"
	    "crypto pki trustpoint TP\n enrollment selfsigned\n"
	    "router bgp 65000\n neighbor 10.0.0.3 remote-as 1\n"
	    "service pad\n"), 0);
	ck_assert_int_eq(paste("no logging host 10.0.0.1\n"
	    "no ntp server 10.0.0.2\n"
	    "no username admin\n"
	    "no crypto pki trustpoint TP\n"
	    "no router bgp 65000\n"
	    "no service pad\n"), 0);
	s = running();
	ck_assert_ptr_null(strstr(s, "logging"));
	ck_assert_ptr_null(strstr(s, "ntp"));
	ck_assert_ptr_null(strstr(s, "username"));
	ck_assert_ptr_null(strstr(s, "pki"));
	ck_assert_ptr_null(strstr(s, "bgp"));
	ck_assert_ptr_nonnull(strstr(s, "no service pad\n"));
	free(s);
}
END_TEST

/* A file's unindented line after a kept block is a top-level line. */
START_TEST(test_keep_block_ends)
{
	char	*s;

	ck_assert_int_eq(paste("policy-map QOS\n class VOICE\n"
	    "key chain KC\n key 1\n"
	    "router ospf 1\nnetwork 10.0.0.0 0.255.255.255 area 0\n"), 0);
	s = running();
	ck_assert_ptr_nonnull(strstr(s, "policy-map QOS\n class VOICE\n"));
	ck_assert_ptr_nonnull(strstr(s, "\nkey chain KC\n key 1\n"));
	/* nothing at config level takes it: still the block's */
	ck_assert_ptr_nonnull(strstr(s, "router ospf 1\n network 10.0.0.0 "
	    "0.255.255.255 area 0\n"));
	free(s);
}
END_TEST

/* A certificate without quit ends at the first line that is not hex. */
START_TEST(test_cert_without_quit)
{
	char	*s;

	ck_assert_int_eq(paste("crypto pki certificate chain TP\n"
	    " certificate ca 01\n  3082022B 30820194 A0030201\n"
	    "crypto ipsec transform-set TS esp-aes esp-sha-hmac\n"
	    "interface Tunnel0\n ip address 10.0.0.1 255.255.255.0\n"), 0);
	s = running();
	ck_assert_ptr_nonnull(strstr(s, "crypto pki certificate chain TP\n"
	    " certificate ca 01\n  3082022B 30820194 A0030201\n"));
	ck_assert_ptr_nonnull(strstr(s, "crypto ipsec transform-set TS "
	    "esp-aes esp-sha-hmac\n"));
	ck_assert_ptr_nonnull(strstr(s, "interface Tunnel0\n ip address "
	    "10.0.0.1 255.255.255.0\n"));
	free(s);
}
END_TEST

static Suite *
grammar_suite(void)
{
	Suite	*s = suite_create("grammar");
	TCase	*tc;

	tc = tcase_create("golden");
	tcase_add_unchecked_fixture(tc, engine_setup, engine_teardown);
	tcase_add_test(tc, test_golden);
	tcase_add_test(tc, test_examples);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);

	tc = tcase_create("session");
	tcase_add_unchecked_fixture(tc, engine_setup, engine_teardown);
	tcase_add_checked_fixture(tc, session_setup, session_teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_no_forms, 0,
	    sizeof(noforms) / sizeof(noforms[0]));
	tcase_add_test(tc, test_cmap_note);
	tcase_add_test(tc, test_ikev2_notes);
	tcase_add_test(tc, test_transform_rules);
	tcase_add_test(tc, test_ikev2_gcm_mix);
	tcase_add_test(tc, test_show_run_interface);
	tcase_add_test(tc, test_show_kept);
	tcase_add_test(tc, test_interface_lifecycle);
	tcase_add_test(tc, test_routes_misc);
	tcase_add_test(tc, test_keyring_wildcard);
	tcase_add_test(tc, test_profile_hints);
	tcase_add_test(tc, test_show_history);
	tcase_add_test(tc, test_route_checks);
	tcase_add_test(tc, test_acl_whole_delete);
	tcase_add_test(tc, test_acl_numbered_by_name);
	tcase_add_test(tc, test_interface_names);
	tcase_add_test(tc, test_address_overlap);
	tcase_add_test(tc, test_seed);
	tcase_add_test(tc, test_save);
	tcase_add_test(tc, test_save_keeps_failed);
	tcase_add_test(tc, test_ifmap);
	tcase_add_test(tc, test_exec);
	tcase_add_test(tc, test_show_acl);
	tcase_add_test(tc, test_erase_confirm);
	tcase_add_test(tc, test_deletes_reload);
	tcase_add_test(tc, test_hostname_rules);
	tcase_add_test(tc, test_long_names);
	tcase_add_test(tc, test_ctx_gone_other_session);
	tcase_add_test(tc, test_ctx_gone_copy_start_run);
	tcase_add_test(tc, test_keep_no_removes);
	tcase_add_test(tc, test_keep_block_ends);
	tcase_add_test(tc, test_cert_without_quit);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(grammar_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
