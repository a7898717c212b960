/*
 * grammar/names.c: the keyword tables of grammar/names.h.
 */
#include <stddef.h>
#include <strings.h>

#include "grammar/model.h"
#include "grammar/names.h"

const struct ios_name names_ikev2_enc[] = {
	{ IKEV2_ENC_3DES,	 "3des" },
	{ IKEV2_ENC_AES_CBC_128, "aes-cbc-128" },
	{ IKEV2_ENC_AES_CBC_192, "aes-cbc-192" },
	{ IKEV2_ENC_AES_CBC_256, "aes-cbc-256" },
	{ IKEV2_ENC_AES_GCM_128, "aes-gcm-128" },
	{ IKEV2_ENC_AES_GCM_256, "aes-gcm-256" },
	{ 0, NULL }
};

const struct ios_name names_ikev2_hash[] = {
	{ IKEV2_HASH_MD5,	"md5" },
	{ IKEV2_HASH_SHA1,	"sha1" },
	{ IKEV2_HASH_SHA256,	"sha256" },
	{ IKEV2_HASH_SHA384,	"sha384" },
	{ IKEV2_HASH_SHA512,	"sha512" },
	{ 0, NULL }
};

const struct ios_name names_isakmp_hash[] = {
	{ ISAKMP_HASH_SHA,	"sha" },
	{ ISAKMP_HASH_MD5,	"md5" },
	{ ISAKMP_HASH_SHA256,	"sha256" },
	{ ISAKMP_HASH_SHA384,	"sha384" },
	{ ISAKMP_HASH_SHA512,	"sha512" },
	{ 0, NULL }
};

const struct ios_name names_isakmp_auth[] = {
	{ ISAKMP_AUTH_RSA_SIG,	 "rsa-sig" },
	{ ISAKMP_AUTH_PRE_SHARE, "pre-share" },
	{ ISAKMP_AUTH_RSA_ENCR,	 "rsa-encr" },
	{ 0, NULL }
};

const struct ios_name names_ts_auth[] = {
	{ TS_AUTH_MD5,		"esp-md5-hmac" },
	{ TS_AUTH_SHA1,		"esp-sha-hmac" },
	{ TS_AUTH_SHA256,	"esp-sha256-hmac" },
	{ TS_AUTH_SHA384,	"esp-sha384-hmac" },
	{ TS_AUTH_SHA512,	"esp-sha512-hmac" },
	{ 0, NULL }
};

const struct ios_name names_ah_auth[] = {
	{ TS_AUTH_MD5,		"ah-md5-hmac" },
	{ TS_AUTH_SHA1,		"ah-sha-hmac" },
	{ TS_AUTH_SHA256,	"ah-sha256-hmac" },
	{ TS_AUTH_SHA384,	"ah-sha384-hmac" },
	{ TS_AUTH_SHA512,	"ah-sha512-hmac" },
	{ 0, NULL }
};

const struct ios_name names_ts_cipher[] = {
	{ TS_ESP_DES,		"esp-des" },
	{ TS_ESP_3DES,		"esp-3des" },
	{ TS_ESP_AES,		"esp-aes" },
	{ TS_ESP_GCM,		"esp-gcm" },
	{ TS_ESP_GMAC,		"esp-gmac" },
	{ TS_ESP_NULL,		"esp-null" },
	{ TS_ESP_SEAL,		"esp-seal" },
	{ 0, NULL }
};

const struct ios_name names_idtype[] = {
	{ IKEV2_ID_ADDRESS,	"address" },
	{ IKEV2_ID_FQDN,	"fqdn" },
	{ IKEV2_ID_EMAIL,	"email" },
	{ IKEV2_ID_KEYID,	"key-id" },
	{ IKEV2_ID_DN,		"dn" },
	{ 0, NULL }
};

const struct ios_name names_tunnel_mode[] = {
	{ TUN_GRE_IP,		"gre ip" },
	{ TUN_GRE_MULTIPOINT,	"gre multipoint" },
	{ TUN_GRE_IPV6,		"gre ipv6" },
	{ TUN_IPSEC_IPV4,	"ipsec ipv4" },
	{ TUN_IPSEC_IPV6,	"ipsec ipv6" },
	{ 0, NULL }
};

/* Port names IOS prints instead of numbers. */
const struct ios_name names_tcp_port[] = {
	{ 179, "bgp" },		{ 19, "chargen" },	{ 514, "cmd" },
	{ 13, "daytime" },	{ 9, "discard" },	{ 53, "domain" },
	{ 7, "echo" },		{ 512, "exec" },	{ 79, "finger" },
	{ 21, "ftp" },		{ 20, "ftp-data" },	{ 70, "gopher" },
	{ 101, "hostname" },	{ 113, "ident" },	{ 194, "irc" },
	{ 543, "klogin" },	{ 544, "kshell" },	{ 513, "login" },
	{ 515, "lpd" },		{ 119, "nntp" },	{ 109, "pop2" },
	{ 110, "pop3" },	{ 25, "smtp" },		{ 111, "sunrpc" },
	{ 49, "tacacs" },	{ 517, "talk" },	{ 23, "telnet" },
	{ 37, "time" },		{ 540, "uucp" },	{ 43, "whois" },
	{ 80, "www" },
	{ 0, NULL }
};

const struct ios_name names_udp_port[] = {
	{ 512, "biff" },	{ 68, "bootpc" },	{ 67, "bootps" },
	{ 9, "discard" },	{ 53, "domain" },	{ 7, "echo" },
	{ 500, "isakmp" },	{ 434, "mobile-ip" },	{ 42, "nameserver" },
	{ 138, "netbios-dgm" },	{ 137, "netbios-ns" },	{ 139, "netbios-ss" },
	{ 4500, "non500-isakmp" },	{ 123, "ntp" },	{ 520, "rip" },
	{ 161, "snmp" },	{ 162, "snmptrap" },	{ 111, "sunrpc" },
	{ 514, "syslog" },	{ 49, "tacacs" },	{ 517, "talk" },
	{ 69, "tftp" },		{ 37, "time" },		{ 513, "who" },
	{ 0, NULL }
};

const struct ios_name names_proto[] = {
	{ ACE_PROTO_IP, "ip" },	{ 1, "icmp" },		{ 6, "tcp" },
	{ 17, "udp" },		{ 47, "gre" },		{ 50, "esp" },
	{ 51, "ahp" },		{ 2, "igmp" },		{ 88, "eigrp" },
	{ 89, "ospf" },		{ 4, "ipinip" },	{ 103, "pim" },
	{ 0, NULL }
};

const struct ios_name names_icmp[] = {
	{ 0, "echo-reply" },	{ 3, "unreachable" },	{ 5, "redirect" },
	{ 8, "echo" },		{ 11, "time-exceeded" },
	{ 12, "parameter-problem" },	{ 13, "timestamp-request" },
	{ 14, "timestamp-reply" },
	{ -1, NULL }
};

const char *
names_kw(const struct ios_name *t, int id)
{
	for (; t->kw != NULL; t++)
		if (t->id == id)
			return t->kw;
	return NULL;
}

int
names_lookup(const struct ios_name *t, const char *kw)
{
	for (; t->kw != NULL; t++)
		if (strcasecmp(t->kw, kw) == 0)
			return t->id;
	return -1;
}
