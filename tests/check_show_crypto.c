/*
 * tests/check_show_crypto.c: the show crypto commands that answer from
 * the running config (grammar/cmd_show_crypto.c).
 *
 * A config is pasted through the engine, then each show is compared
 * line by line with the text IOS-XE prints for it, written out here by
 * hand from the shapes in the reference (section 1.6).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grammar/ios.h"

static struct cli_engine	*eng;
static struct ios_config	*cfg;
static struct cli		*cli;

static char	*out;
static size_t	 outlen;

static void
out_write(void *arg, const char *s, size_t len)
{
	(void)arg;
	out = realloc(out, outlen + len + 1);
	ck_assert_ptr_nonnull(out);
	memcpy(out + outlen, s, len);
	outlen += len;
	out[outlen] = '\0';
}

static int
run(const char *line)
{
	outlen = 0;
	if (out != NULL)
		out[0] = '\0';
	return cli_execute(cli, line);
}

static const char *cfg_text[] = {
	"hostname R1",
	"crypto ikev2 proposal PROP-1",
	" encryption aes-cbc-256",
	" integrity sha256",
	" group 19",
	"crypto ikev2 policy POL-1",
	" proposal PROP-1",
	"crypto ikev2 keyring KR-1",
	" peer SITE-B",
	"  address 203.0.113.2",
	"  pre-shared-key cisco123",
	"crypto ikev2 profile PROF-1",
	" match identity remote address 203.0.113.2 255.255.255.255",
	" identity local address 198.51.100.1",
	" authentication remote pre-share",
	" authentication local pre-share",
	" keyring local KR-1",
	" dpd 10 2 on-demand",
	"crypto isakmp policy 10",
	" encryption aes 256",
	" hash sha256",
	" authentication pre-share",
	" group 14",
	"crypto isakmp policy 20",
	" encryption 3des",
	" hash md5",
	" authentication pre-share",
	" group 2",
	" lifetime 3600",
	"crypto ipsec transform-set TS-1 esp-aes 256 esp-sha256-hmac",
	" mode tunnel",
	"crypto ipsec transform-set TS-GCM esp-gcm 256",
	" mode transport",
	"crypto ipsec profile IPSEC-1",
	" set transform-set TS-1",
	" set pfs group19",
	" set ikev2-profile PROF-1",
	"ip access-list extended VPN-ACL",
	" permit ip 10.1.0.0 0.0.255.255 10.2.0.0 0.0.255.255",
	"crypto map CMAP 10 ipsec-isakmp",
	" set peer 203.0.113.2",
	" set transform-set TS-1",
	" set pfs group14",
	" match address VPN-ACL",
	"crypto map CMAP 20 ipsec-isakmp",
	" set transform-set TS-GCM",
	" set security-association lifetime seconds 28800",
	"crypto dynamic-map DYN 10",
	" set transform-set TS-1",
	"crypto map CMAP 30 ipsec-isakmp dynamic DYN",
	"access-list 101 permit ip host 10.9.9.9 any",
	"crypto map OTHER 5 ipsec-isakmp",
	" set peer 192.0.2.9",
	" match address 101",
	"interface GigabitEthernet1",
	" ip address 198.51.100.1 255.255.255.0",
	" crypto map CMAP",
	NULL
};

static void
setup(void)
{
	char	 err[256];
	int	 i;

	eng = cli_engine_new(ios_grammar(), err, sizeof(err));
	ck_assert_msg(eng != NULL, "engine: %s", err);
	cfg = ios_config_new();
	ck_assert_ptr_nonnull(cfg);
	cli = cli_new(eng, IOS_M_PRIV, cfg);
	ck_assert_ptr_nonnull(cli);
	cli_set_output(cli, out_write, NULL);
	cli_set_source(cli, "test", 0);
	ck_assert_int_eq(run("configure terminal"), CLI_OK);
	for (i = 0; cfg_text[i] != NULL; i++)
		ck_assert_msg(run(cfg_text[i]) == CLI_OK, "%s: %s",
		    cfg_text[i], out);
	ck_assert_int_eq(run("end"), CLI_OK);
}

static void
teardown(void)
{
	cli_free(cli);
	ios_config_free(cfg);
	cli_engine_free(eng);
	free(out);
	out = NULL;
	outlen = 0;
}

/* Runs cmd and compares its output with want, line by line. */
static void
expect(const char *cmd, const char *want)
{
	const char	*g, *w, *ge, *we;
	int		 line = 1;

	ck_assert_msg(run(cmd) == CLI_OK, "%s failed: %s", cmd, out);
	ck_assert_ptr_nonnull(out);
	for (g = out, w = want; *g != '\0' && *w != '\0'; line++) {
		ge = strchr(g, '\n');
		we = strchr(w, '\n');
		ck_assert_msg(ge != NULL && we != NULL,
		    "%s: line %d unterminated", cmd, line);
		ck_assert_msg(ge - g == we - w && memcmp(g, w, ge - g) == 0,
		    "%s: line %d:\n got  [%.*s]\n want [%.*s]", cmd, line,
		    (int)(ge - g), g, (int)(we - w), w);
		g = ge + 1;
		w = we + 1;
	}
	ck_assert_msg(*g == '\0', "%s: extra output from line %d: [%s]",
	    cmd, line, g);
	ck_assert_msg(*w == '\0', "%s: missing output from line %d: [%s]",
	    cmd, line, w);
}

START_TEST(test_transform_set)
{
	expect("show crypto ipsec transform-set",
	    "Transform set default: { esp-aes esp-sha-hmac  }\n"
	    "   will negotiate = { Transport,  },\n"
	    "\n"
	    "Transform set TS-1: { esp-256-aes esp-sha256-hmac  }\n"
	    "   will negotiate = { Tunnel,  },\n"
	    "\n"
	    "Transform set TS-GCM: { esp-gcm 256  }\n"
	    "   will negotiate = { Transport,  },\n"
	    "\n");
	expect("show crypto ipsec transform-set TS-1",
	    "Transform set TS-1: { esp-256-aes esp-sha256-hmac  }\n"
	    "   will negotiate = { Tunnel,  },\n"
	    "\n");
	expect("show crypto ipsec transform-set default",
	    "Transform set default: { esp-aes esp-sha-hmac  }\n"
	    "   will negotiate = { Transport,  },\n"
	    "\n");
	expect("show crypto ipsec transform-set NOPE", "");
}
END_TEST

START_TEST(test_ipsec_profile)
{
	expect("show crypto ipsec profile IPSEC-1",
	    "IPSEC profile IPSEC-1\n"
	    "        IKEv2 Profile: PROF-1\n"
	    "        Security association lifetime: 4608000 "
	    "kilobytes/3600 seconds\n"
	    "        Dualstack (Y/N): N\n"
	    "        Responder-Only (Y/N): N\n"
	    "        PFS (Y/N): Y\n"
	    "        DH group:  group19\n"
	    "        Mixed-mode : Disabled\n"
	    "        Transform sets={\n"
	    "                TS-1:  { esp-256-aes esp-sha256-hmac  } ,\n"
	    "        }\n");
	expect("show crypto ipsec profile",
	    "IPSEC profile default\n"
	    "        Security association lifetime: 4608000 "
	    "kilobytes/3600 seconds\n"
	    "        Dualstack (Y/N): N\n"
	    "        Responder-Only (Y/N): N\n"
	    "        PFS (Y/N): N\n"
	    "        Mixed-mode : Disabled\n"
	    "        Transform sets={\n"
	    "                default:  { esp-aes esp-sha-hmac  } ,\n"
	    "        }\n"
	    "IPSEC profile IPSEC-1\n"
	    "        IKEv2 Profile: PROF-1\n"
	    "        Security association lifetime: 4608000 "
	    "kilobytes/3600 seconds\n"
	    "        Dualstack (Y/N): N\n"
	    "        Responder-Only (Y/N): N\n"
	    "        PFS (Y/N): Y\n"
	    "        DH group:  group19\n"
	    "        Mixed-mode : Disabled\n"
	    "        Transform sets={\n"
	    "                TS-1:  { esp-256-aes esp-sha256-hmac  } ,\n"
	    "        }\n");
}
END_TEST

static const char map10[] =
	"Crypto Map IPv4 \"CMAP\" 10 ipsec-isakmp\n"
	"        Peer = 203.0.113.2\n"
	"        Extended IP access list VPN-ACL\n"
	"            access-list VPN-ACL permit ip 10.1.0.0 0.0.255.255 "
	"10.2.0.0 0.0.255.255\n"
	"        Current peer: 203.0.113.2\n"
	"        Security association lifetime: 4608000 kilobytes/3600 "
	"seconds\n"
	"        Responder-Only (Y/N): N\n"
	"        PFS (Y/N): Y\n"
	"        DH group:  group14\n"
	"        Mixed-mode : Disabled\n"
	"        Transform sets={\n"
	"                TS-1:  { esp-256-aes esp-sha256-hmac  } ,\n"
	"        }\n"
	"\n";

static const char map20[] =
	"Crypto Map IPv4 \"CMAP\" 20 ipsec-isakmp\n"
	"        WARNING: This crypto map is in an incomplete state!\n"
	"        (missing peer or access-list definitions)\n"
	"        No matching address list set.\n"
	"        Security association lifetime: 4608000 kilobytes/28800 "
	"seconds\n"
	"        Responder-Only (Y/N): N\n"
	"        PFS (Y/N): N\n"
	"        Mixed-mode : Disabled\n"
	"        Transform sets={\n"
	"                TS-GCM:  { esp-gcm 256  } ,\n"
	"        }\n"
	"\n";

/* The interfaces follow the last entry of each map. */
static const char map30[] =
	"Crypto Map IPv4 \"CMAP\" 30 ipsec-isakmp\n"
	"        Dynamic map template tag: DYN\n"
	"        Interfaces using crypto map CMAP:\n"
	"                GigabitEthernet1\n"
	"\n";

/* No transform set: IOS-XE's default one; applied nowhere. */
static const char other5[] =
	"Crypto Map IPv4 \"OTHER\" 5 ipsec-isakmp\n"
	"        Peer = 192.0.2.9\n"
	"        Extended IP access list 101\n"
	"            access-list 101 permit ip host 10.9.9.9 any\n"
	"        Current peer: 192.0.2.9\n"
	"        Security association lifetime: 4608000 kilobytes/3600 "
	"seconds\n"
	"        Responder-Only (Y/N): N\n"
	"        PFS (Y/N): N\n"
	"        Mixed-mode : Disabled\n"
	"        Transform sets={\n"
	"                default:  { esp-aes esp-sha-hmac  } ,\n"
	"        }\n"
	"        Interfaces using crypto map OTHER:\n"
	"\n";

START_TEST(test_crypto_map)
{
	char	 all[sizeof(map10) + sizeof(map20) + sizeof(map30) +
		    sizeof(other5)];

	snprintf(all, sizeof(all), "%s%s%s", map10, map20, map30);
	expect("show crypto map tag CMAP", all);
	strcat(all, other5);
	expect("show crypto map", all);
	expect("show crypto map tag OTHER", other5);
	expect("show crypto map tag NOPE", "");
	/* Taken off the interface: the list under it empties. */
	ck_assert_int_eq(run("configure terminal"), CLI_OK);
	ck_assert_int_eq(run("interface GigabitEthernet1"), CLI_OK);
	ck_assert_int_eq(run("no crypto map CMAP"), CLI_OK);
	ck_assert_int_eq(run("end"), CLI_OK);
	ck_assert_int_eq(run("show crypto map"), CLI_OK);
	ck_assert_ptr_null(strstr(out, "                GigabitEthernet1"));
	ck_assert_ptr_nonnull(strstr(out,
	    "        Interfaces using crypto map CMAP:\n\nCrypto Map"));
}
END_TEST

START_TEST(test_ikev2_proposal)
{
	static const char def[] =
	    " IKEv2 proposal: default\n"
	    "     Encryption : AES-CBC-256\n"
	    "     Integrity  : SHA512 SHA384\n"
	    "     PRF        : SHA512 SHA384\n"
	    "     DH Group   : DH_GROUP_256_ECP/Group 19 "
	    "DH_GROUP_2048_MODP/Group 14 DH_GROUP_521_ECP/Group 21\n";
	static const char p1[] =
	    " IKEv2 proposal: PROP-1\n"
	    "     Encryption : AES-CBC-256\n"
	    "     Integrity  : SHA256\n"
	    "     PRF        : SHA256\n"
	    "     DH Group   : DH_GROUP_256_ECP/Group 19\n";
	char	 both[sizeof(def) + sizeof(p1)];

	snprintf(both, sizeof(both), "%s%s", def, p1);
	expect("show crypto ikev2 proposal", both);
	expect("show crypto ikev2 proposal PROP-1", p1);
	expect("show crypto ikev2 proposal default", def);
}
END_TEST

START_TEST(test_ikev2_policy)
{
	expect("show crypto ikev2 policy",
	    " IKEv2 policy : default\n"
	    "      Match fvrf : any\n"
	    "      Match address local : any\n"
	    "      Proposal    : default\n"
	    " IKEv2 policy : POL-1\n"
	    "      Match fvrf  : global\n"
	    "      Match address local : any\n"
	    "      Proposal    : PROP-1\n");
}
END_TEST

START_TEST(test_ikev2_profile)
{
	static const char want[] =
	    "IKEv2 profile: PROF-1\n"
	    " Shutdown : No\n"
	    " Ref Count: 1\n"
	    " Match criteria:\n"
	    "  Fvrf: global\n"
	    "  Local address/interface: none\n"
	    "  Identities:\n"
	    "   address 203.0.113.2 255.255.255.255\n"
	    "  Certificate maps: none\n"
	    " Local identity: address 198.51.100.1\n"
	    " Remote identity: none\n"
	    " Local authentication method: pre-share\n"
	    " Remote authentication method(s): pre-share\n"
	    " EAP options: none\n"
	    " Keyring: KR-1\n"
	    " Trustpoint(s): none\n"
	    " Lifetime: 86400 seconds\n"
	    " DPD: interval 10, retry 2, on-demand\n"
	    " NAT-keepalive: disabled\n"
	    " Ivrf: none\n"
	    " Virtual-template: none\n"
	    " mode auto: none\n"
	    " AAA AnyConnect EAP authentication mlist: none\n"
	    " AAA EAP authentication mlist: none\n"
	    " AAA authentication mlist: none\n"
	    " AAA Accounting: none\n"
	    " AAA group authorization: none\n"
	    " AAA user authorization: none\n";

	expect("show crypto ikev2 profile", want);
	expect("show crypto ikev2 profile PROF-1", want);
	expect("show crypto ikev2 profile NOPE", "");
}
END_TEST

START_TEST(test_isakmp)
{
	expect("show crypto isakmp policy",
	    "Global IKE policy\n"
	    "Protection suite of priority 10\n"
	    "        encryption algorithm:   AES - Advanced Encryption "
	    "Standard (256 bit keys).\n"
	    "        hash algorithm:         Secure Hash Standard 2 "
	    "(256 bit)\n"
	    "        authentication method:  Pre-Shared Key\n"
	    "        Diffie-Hellman group:   #14 (2048 bit)\n"
	    "        lifetime:               86400 seconds, no volume limit\n"
	    "Protection suite of priority 20\n"
	    "        encryption algorithm:   Three key triple DES\n"
	    "        hash algorithm:         Message Digest 5\n"
	    "        authentication method:  Pre-Shared Key\n"
	    "        Diffie-Hellman group:   #2 (1024 bit)\n"
	    "        lifetime:               3600 seconds, no volume limit\n"
	    "Default protection suite\n"
	    "        encryption algorithm:   DES - Data Encryption Standard "
	    "(56 bit keys).\n"
	    "        hash algorithm:         Secure Hash Standard\n"
	    "        authentication method:  Rivest-Shamir-Adleman "
	    "Signature\n"
	    "        Diffie-Hellman group:   #1 (768 bit)\n"
	    "        lifetime:               86400 seconds, no volume limit\n");
	expect("show crypto isakmp sa",
	    "IPv4 Crypto ISAKMP SA\n"
	    "dst             src             state          conn-id status\n"
	    "\n"
	    "IPv6 Crypto ISAKMP SA\n"
	    "\n");
}
END_TEST

/* Privileged only, filters apply, and an empty config still answers. */
START_TEST(test_modes_and_pipe)
{
	expect("show crypto ikev2 proposal | include Encryption",
	    "     Encryption : AES-CBC-256\n"
	    "     Encryption : AES-CBC-256\n");
	ck_assert_int_eq(run("disable"), CLI_OK);
	ck_assert_int_ne(run("show crypto map"), CLI_OK);
	ck_assert_int_ne(run("show crypto isakmp policy"), CLI_OK);
	ck_assert_int_eq(run("enable"), CLI_OK);
	ck_assert_int_eq(run("configure terminal"), CLI_OK);
	ck_assert_int_eq(run("no crypto map CMAP"), CLI_OK);
	ck_assert_int_eq(run("no crypto map OTHER"), CLI_OK);
	ck_assert_int_eq(run("end"), CLI_OK);
	expect("show crypto map", "");
}
END_TEST

static Suite *
show_crypto_suite(void)
{
	Suite	*s = suite_create("show_crypto");
	TCase	*tc = tcase_create("show");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_transform_set);
	tcase_add_test(tc, test_ipsec_profile);
	tcase_add_test(tc, test_crypto_map);
	tcase_add_test(tc, test_ikev2_proposal);
	tcase_add_test(tc, test_ikev2_policy);
	tcase_add_test(tc, test_ikev2_profile);
	tcase_add_test(tc, test_isakmp);
	tcase_add_test(tc, test_modes_and_pipe);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(show_crypto_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
