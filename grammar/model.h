/*
 * grammar/model.h: the running configuration as plain C structs.
 *
 * One struct per kind of IOS object.  Handlers in grammar/cmd_*.c edit
 * it, grammar/print.c turns it back into IOS text, and the backend
 * compiles it into kernel state.  Nothing here knows about the command
 * engine.
 *
 * Conventions:
 *  - Names (of proposals, maps, ACLs, ...) are case-sensitive strings
 *    owned by the object.
 *  - A field that holds 0 (or NULL) is "not configured": the IOS default
 *    applies, and the printer leaves the line out.  The defaults are
 *    listed beside each field and as IOS_DEF_* constants.
 *  - Objects are allocated one by one and never move, so a pointer to
 *    one (the context of a sub-mode) stays valid until it is deleted.
 *  - Lists keep the order IOS prints them in: sorted where IOS sorts
 *    (isakmp policies by priority, crypto map entries by sequence,
 *    interfaces by type and number, ACL entries by sequence), otherwise
 *    the order of creation.  Static routes are kept in the order of
 *    creation and sorted by prefix when printed.
 *  - Pre-shared keys are wiped when freed.
 */
#ifndef IOSH_GRAMMAR_MODEL_H
#define IOSH_GRAMMAR_MODEL_H

#include <netinet/in.h>
#include <stddef.h>
#include <stdint.h>

/* A growable array of pointers. */
struct ios_vec {
	void		**v;
	size_t		  n;
	size_t		  cap;
};

/* A string -> pointer hash index (open addressing). */
struct ios_index {
	struct ios_index_slot {
		const char	*key;
		void		*val;
		uint32_t	 hash;
	}		*slots;
	size_t		 n;
	size_t		 cap;
};

/* An IPv4 or IPv6 address. */
struct ios_addr {
	int		 af;		/* 0 (unset), AF_INET or AF_INET6 */
	union {
		struct in_addr	v4;
		struct in6_addr	v6;
	};
};

/* A short ordered list of algorithm ids, as configured. */
#define IOS_ALG_MAX	12
struct ios_alglist {
	uint8_t		 n;
	uint8_t		 v[IOS_ALG_MAX];
};

/* ---------------------------------------------------------------- IKEv2 */

/* Encryption algorithms, in the ids ios_alglist holds. */
enum ikev2_enc {
	IKEV2_ENC_3DES = 1,
	IKEV2_ENC_AES_CBC_128,
	IKEV2_ENC_AES_CBC_192,
	IKEV2_ENC_AES_CBC_256,
	IKEV2_ENC_AES_GCM_128,
	IKEV2_ENC_AES_GCM_256,
};

/* Integrity and PRF algorithms. */
enum ikev2_hash {
	IKEV2_HASH_MD5 = 1,
	IKEV2_HASH_SHA1,
	IKEV2_HASH_SHA256,
	IKEV2_HASH_SHA384,
	IKEV2_HASH_SHA512,
};

/* crypto ikev2 proposal NAME.  Groups are DH group numbers. */
struct ikev2_proposal {
	char			*name;
	struct ios_alglist	 enc;		/* enum ikev2_enc */
	struct ios_alglist	 integ;		/* enum ikev2_hash */
	struct ios_alglist	 prf;		/* ikev2_hash; none: integ */
	struct ios_alglist	 group;		/* DH group numbers */
};

/* crypto ikev2 policy NAME */
struct ikev2_policy {
	char			*name;
	struct ios_vec		 proposals;	/* char *, preferred first */
	struct ios_addr		*match_local;	/* match address local */
	size_t			 nmatch_local;
	char			*match_fvrf;	/* NULL: global; "any" */
	char			*description;
};

/* PSK: keytype is 0 (clear) or 6 (encrypted, kept as given). */
struct ios_psk {
	int		 keytype;
	char		*key;
};

/* peer NAME inside crypto ikev2 keyring */
struct ikev2_kr_peer {
	char			*name;
	char			*description;
	struct ios_addr		 addr;		/* address A [MASK] | X::/L */
	int			 plen;		/* -1: no prefix length given */
	char			*hostname;
	int			 id_type;	/* enum ikev2_id, 0: none */
	char			*id;		/* identity value */
	struct ios_psk		 psk;		/* pre-shared-key KEY (both) */
	struct ios_psk		 psk_local;
	struct ios_psk		 psk_remote;
};

/* crypto ikev2 keyring NAME */
struct ikev2_keyring {
	char			*name;
	struct ios_vec		 peers;		/* struct ikev2_kr_peer * */
};

/* Identity types of match identity remote / identity local. */
enum ikev2_id {
	IKEV2_ID_ADDRESS = 1,
	IKEV2_ID_FQDN,
	IKEV2_ID_EMAIL,
	IKEV2_ID_KEYID,
	IKEV2_ID_DN,
};

/* match identity remote ... (one line each) */
struct ikev2_match_id {
	int			 type;		/* enum ikev2_id */
	int			 domain;	/* fqdn/email domain form */
	struct ios_addr		 addr;		/* address */
	int			 plen;		/* -1: no mask given */
	char			*value;		/* fqdn, email, key-id */
};

/* Authentication methods (bits). */
#define IKEV2_AUTH_PSK		0x01
#define IKEV2_AUTH_RSA		0x02
#define IKEV2_AUTH_ECDSA	0x04
#define IKEV2_AUTH_EAP		0x08

/* DPD modes, shared by IKEv2 and isakmp keepalive. */
enum ios_dpd_mode {
	IOS_DPD_ON_DEMAND = 1,
	IOS_DPD_PERIODIC,
};

struct ios_dpd {
	int		 interval;		/* 0: disabled */
	int		 retry;			/* 0: IOS default (2) */
	int		 mode;			/* enum ios_dpd_mode, 0: none */
};

/* crypto ikev2 profile NAME */
#define IOS_DEF_IKEV2_LIFETIME	86400
struct ikev2_profile {
	char			*name;
	char			*description;
	struct ios_vec		 match_remote;	/* struct ikev2_match_id * */
	struct ios_addr		 match_local;	/* match address local A */
	char			*match_local_if; /* ... interface IF */
	char			*match_fvrf;
	int			 match_any;	/* match identity remote any */
	int			 id_local_type;	/* enum ikev2_id, 0: address */
	char			*id_local;
	unsigned		 auth_local;	/* IKEV2_AUTH_* (one) */
	unsigned		 auth_remote;	/* IKEV2_AUTH_*, one or more */
	struct ios_psk		 auth_local_key;  /* ... pre-share key K */
	struct ios_psk		 auth_remote_key;
	char			*keyring;	/* keyring local NAME */
	int			 lifetime;	/* 0: 86400 */
	struct ios_dpd		 dpd;
	int			 nat_keepalive;	/* 0: off */
	char			*ivrf;
	char			*trustpoint;
	int			 virtual_template;	/* 0: none */
	int			 shutdown;
};

/* ---------------------------------------------------------------- IKEv1 */

enum isakmp_enc {
	ISAKMP_ENC_DES = 0,		/* the default */
	ISAKMP_ENC_3DES,
	ISAKMP_ENC_AES128,
	ISAKMP_ENC_AES192,
	ISAKMP_ENC_AES256,
};

enum isakmp_hash {
	ISAKMP_HASH_SHA = 0,		/* the default (SHA-1) */
	ISAKMP_HASH_MD5,
	ISAKMP_HASH_SHA256,
	ISAKMP_HASH_SHA384,
	ISAKMP_HASH_SHA512,
};

enum isakmp_auth {
	ISAKMP_AUTH_RSA_SIG = 0,	/* the default */
	ISAKMP_AUTH_PRE_SHARE,
	ISAKMP_AUTH_RSA_ENCR,
};

/* crypto isakmp policy PRIO */
#define IOS_DEF_ISAKMP_GROUP	1
#define IOS_DEF_ISAKMP_LIFETIME	86400
struct isakmp_policy {
	int			 prio;		/* 1-10000 */
	int			 enc;		/* enum isakmp_enc */
	int			 hash;		/* enum isakmp_hash */
	int			 auth;		/* enum isakmp_auth */
	int			 group;		/* 0: 1 */
	int			 lifetime;	/* 0: 86400 */
};

/* crypto isakmp key [0|6] KEY {address A [M] [no-xauth] | hostname H} */
struct isakmp_key {
	struct ios_psk		 psk;
	struct ios_addr		 addr;
	struct in_addr		 mask;		/* 0: no mask given */
	int			 has_mask;
	int			 plen;		/* address ipv6 P/L */
	char			*hostname;
	int			 no_xauth;
};

/* pre-shared-key ... inside crypto keyring */
struct keyring_psk {
	struct ios_addr		 addr;
	struct in_addr		 mask;
	int			 has_mask;
	char			*hostname;
	struct ios_psk		 psk;
};

/* crypto keyring NAME [vrf V] */
struct isakmp_keyring {
	char			*name;
	char			*vrf;
	char			*description;
	char			*local_address;	/* interface or address text */
	struct ios_vec		 psks;		/* struct keyring_psk * */
};

/* match identity address A [MASK] [VRF] inside crypto isakmp profile */
struct isakmp_match {
	struct in_addr		 addr;
	struct in_addr		 mask;
	int			 has_mask;
	char			*vrf;
};

/* crypto isakmp profile NAME */
struct isakmp_profile {
	char			*name;
	char			*description;
	char			*vrf;
	struct ios_vec		 keyrings;	/* char * */
	struct ios_vec		 match;		/* struct isakmp_match * */
	char			*match_host;	/* match identity host H */
	int			 self_id;	/* 0 none, enum ikev2_id */
	char			*local_address;
	int			 keepalive;	/* 0: off */
	int			 keepalive_retry;
};

/* ---------------------------------------------------------------- IPsec */

enum ts_cipher {
	TS_ESP_NONE = 0,
	TS_ESP_DES,
	TS_ESP_3DES,
	TS_ESP_AES,		/* bits 128/192/256 */
	TS_ESP_GCM,		/* bits 128/192/256 */
	TS_ESP_GMAC,		/* bits 128/192/256 */
	TS_ESP_NULL,
	TS_ESP_SEAL,
};

enum ts_auth {
	TS_AUTH_NONE = 0,
	TS_AUTH_MD5,
	TS_AUTH_SHA1,
	TS_AUTH_SHA256,
	TS_AUTH_SHA384,
	TS_AUTH_SHA512,
};

/* crypto ipsec transform-set NAME ... */
struct transform_set {
	char			*name;
	int			 ah;		/* enum ts_auth (ah-*-hmac) */
	int			 cipher;	/* enum ts_cipher */
	int			 bits;		/* 0: the cipher's default */
	int			 esp_auth;	/* enum ts_auth (esp-*-hmac) */
	int			 comp;		/* comp-lzs */
	int			 transport;	/* mode transport */
	int			 require;	/* mode transport require */
};

/* set security-association lifetime ... */
struct ios_sa_life {
	uint32_t		 seconds;	/* 0: not set (3600) */
	uint32_t		 kbytes;	/* 0: not set (4608000) */
	int			 kb_disable;
};

#define IOS_MAX_TS	6

/* crypto ipsec profile NAME */
struct ipsec_profile {
	char			*name;
	char			*description;
	char			*ts[IOS_MAX_TS];	/* set transform-set */
	int			 pfs;		/* DH group; 0 off; -1 set pfs
					   without a group */
	struct ios_sa_life	 life;
	char			*ikev2_profile;
	char			*isakmp_profile;
	int			 responder_only;
};

/* crypto map NAME SEQ ipsec-isakmp, or crypto dynamic-map NAME SEQ */
struct cmap_entry {
	char			*map;
	int			 seq;
	int			 dynamic;	/* a crypto dynamic-map entry */
	int			 manual;	/* ipsec-manual */
	char			*dynmap;	/* ... dynamic DYN */
	char			*description;
	struct ios_vec		 peers;		/* char *, as given */
	char			*ts[IOS_MAX_TS];
	int			 pfs;
	struct ios_sa_life	 life;
	char			*acl;		/* match address */
	char			*ikev2_profile;
	char			*isakmp_profile;
	int			 reverse_route;	/* 1, 2: static */
};

/* crypto map NAME local-address IF: the map's IKE source interface */
struct cmap_local {
	char			*map;
	char			*ifname;	/* canonical */
};

/* ---------------------------------------------------------- interfaces */

enum tunnel_mode {
	TUN_GRE_IP = 0,		/* the default */
	TUN_GRE_MULTIPOINT,
	TUN_GRE_IPV6,
	TUN_IPSEC_IPV4,
	TUN_IPSEC_IPV6,
};

struct ios_ip6addr {
	struct in6_addr		 addr;
	int			 plen;
	int			 eui64;
	int			 link_local;
};

struct ios_if {
	char			*name;		/* canonical: "Tunnel0" */
	int			 type;		/* index in the iftypes table */
	uint32_t		 num[4];	/* slot/port/sub, for sorting */
	char			*description;
	struct in_addr		 addr;		/* ip address A M */
	struct in_addr		 mask;
	int			 has_addr;
	int			 dhcp;		/* ip address dhcp */
	struct ios_vec		 secondary;	/* struct in_addr[2] * */
	struct ios_vec		 addr6;		/* struct ios_ip6addr * */
	int			 ipv6_enable;
	int			 shutdown;
	int			 mtu;		/* 0: default */
	int			 ip_mtu;
	int			 tcp_mss;	/* ip tcp adjust-mss */
	char			*vrf;		/* vrf forwarding */
	/* tunnel: */
	char			*tun_src_if;
	struct ios_addr		 tun_src;
	struct ios_addr		 tun_dst;
	char			*tun_dst_host;
	int			 tun_mode;	/* enum tunnel_mode */
	char			*tun_profile;	/* tunnel protection ... */
	int			 tun_shared;
	uint32_t		 tun_key;
	int			 has_tun_key;
	char			*crypto_map;
	struct ios_vec		 keep;		/* char *: kept lines */
};

/* -------------------------------------------------------------- routes */

struct ios_route {
	int			 af;
	struct ios_addr		 prefix;
	int			 plen;
	char			*ifname;	/* canonical, or NULL */
	struct ios_addr		 nexthop;	/* af 0: none */
	int			 distance;	/* 0: 1 */
	char			*name;
	uint32_t		 tag;
	int			 has_tag;
	int			 permanent;
	int			 track;		/* 0: none */
};

/* ---------------------------------------------------------------- ACLs */

enum ace_action {
	ACE_PERMIT = 1,
	ACE_DENY,
	ACE_REMARK,
};

enum ace_portop {
	PORT_NONE = 0,
	PORT_EQ,
	PORT_NEQ,
	PORT_LT,
	PORT_GT,
	PORT_RANGE,
};

/* any: wild 255.255.255.255, host: wild 0 */
struct ace_addr {
	struct in_addr		 addr;
	struct in_addr		 wild;
};

struct ace_port {
	int			 op;		/* enum ace_portop */
	uint16_t		 lo;
	uint16_t		 hi;
};

#define ACE_PROTO_IP	256		/* "ip": any protocol */

struct ios_ace {
	uint32_t		 seq;
	int			 action;	/* enum ace_action */
	char			*remark;
	int			 proto;		/* 0-255, ACE_PROTO_IP */
	struct ace_addr		 src;
	struct ace_port		 sport;
	struct ace_addr		 dst;
	struct ace_port		 dport;
	int			 icmp_type;	/* -1: any */
	int			 icmp_code;	/* -1: any */
	int			 established;
	int			 log;		/* 1 log, 2 log-input */
};

struct ios_acl {
	char			*name;		/* "101" or "VPN-ACL" */
	int			 number;	/* 0: named */
	int			 extended;
	struct ios_vec		 aces;		/* struct ios_ace *, by seq */
};

/* ------------------------------------------------------- kept verbatim */

/*
 * Lines the model does not interpret (logging, ntp, aaa, line vty, ...)
 * are kept as text in the section IOS prints them in, with their
 * indented sub-lines.
 */
enum keep_section {
	KEEP_HEAD = 0,		/* version, service: before hostname */
	KEEP_BOOT,		/* boot, vrf definition, logging buffered */
	KEEP_PRECRYPTO,		/* aaa, clock, ip domain, username, pki */
	KEEP_MID,		/* after interfaces: router, ip http, ip nat */
	KEEP_TAIL,		/* logging host, snmp, banner, line, ntp */
	KEEP_NSECT,
};

struct ios_keep {
	char			*text;		/* the top line */
	struct ios_vec		 sub;		/* char *: indented lines */
};

/* ---------------------------------------------------- the whole config */

struct ios_config {
	char			*hostname;	/* NULL: "Router" */
	int			 enable_type;	/* 0, 5, 8, 9 */
	char			*enable_secret;
	struct ios_vec		 ikev2_proposals;
	struct ios_vec		 ikev2_policies;
	struct ios_vec		 ikev2_keyrings;
	struct ios_vec		 ikev2_profiles;
	struct ios_dpd		 ikev2_dpd;
	int			 ikev2_nat_keepalive;
	struct ios_vec		 isakmp_policies;	/* by prio */
	struct ios_vec		 isakmp_keys;
	struct ios_dpd		 isakmp_keepalive;
	int			 isakmp_nat_keepalive;
	struct ios_vec		 isakmp_keyrings;
	struct ios_vec		 isakmp_profiles;
	struct ios_vec		 transform_sets;
	struct ios_vec		 ipsec_profiles;
	struct ios_sa_life	 ipsec_life;		/* global */
	int			 replay_window;		/* 0: 64 */
	struct ios_vec		 dynmap_entries;	/* by map, seq */
	struct ios_vec		 cmap_entries;		/* by map, seq */
	struct ios_vec		 cmap_locals;		/* struct cmap_local */
	struct ios_vec		 interfaces;		/* by type, num */
	struct ios_vec		 routes;
	struct ios_vec		 routes6;
	struct ios_vec		 acls;			/* named, then num */
	struct ios_vec		 subnets;		/* grammar/subnet.c */
	struct ios_vec		 keep[KEEP_NSECT];
	struct ios_index	 idx;			/* "kind\0name" */
	char			*startup_path;
	char			*ifmap_path;
	/*
	 * Lines of the startup-config failed at boot: the next save keeps
	 * that file as the backup, and later saves leave the backup alone,
	 * so that the failed lines are never lost.
	 */
	int			 boot_failed;
	int			 bak_locked;
	void			*engine;		/* struct cli_engine */
	/*
	 * Told of every object (a possible sub-mode context) just before
	 * the model frees it: ios_config_set_engine() sets it so that no
	 * session keeps a context that is gone.
	 */
	void			(*gone)(struct ios_config *, const void *);
};

/* Lookups and edits; "add" returns the existing object if present. */
struct ikev2_proposal	*model_ikev2_proposal(struct ios_config *,
			    const char *, int create);
struct ikev2_policy	*model_ikev2_policy(struct ios_config *,
			    const char *, int create);
struct ikev2_keyring	*model_ikev2_keyring(struct ios_config *,
			    const char *, int create);
struct ikev2_kr_peer	*model_ikev2_peer(struct ikev2_keyring *,
			    const char *, int create);
struct ikev2_profile	*model_ikev2_profile(struct ios_config *,
			    const char *, int create);
struct isakmp_policy	*model_isakmp_policy(struct ios_config *, int,
			    int create);
struct isakmp_keyring	*model_isakmp_keyring(struct ios_config *,
			    const char *, int create);
struct isakmp_profile	*model_isakmp_profile(struct ios_config *,
			    const char *, int create);
struct transform_set	*model_transform_set(struct ios_config *,
			    const char *, int create);
struct ipsec_profile	*model_ipsec_profile(struct ios_config *,
			    const char *, int create);
struct cmap_entry	*model_cmap_entry(struct ios_config *,
			    const char *, int seq, int create);
struct cmap_entry	*model_dynmap_entry(struct ios_config *,
			    const char *, int seq, int create);
int			 model_cmap_exists(struct ios_config *,
			    const char *);
struct ios_if		*model_interface(struct ios_config *,
			    const char *canon, int create);
struct ios_acl		*model_acl(struct ios_config *, const char *,
			    int create);

/* Deletion by name; 0 when deleted, -1 when absent. */
int	model_del_ikev2_proposal(struct ios_config *, const char *);
int	model_del_ikev2_policy(struct ios_config *, const char *);
int	model_del_ikev2_keyring(struct ios_config *, const char *);
int	model_del_ikev2_peer(struct ios_config *, struct ikev2_keyring *,
	    const char *);
int	model_del_ikev2_profile(struct ios_config *, const char *);
int	model_del_isakmp_policy(struct ios_config *, int);
int	model_del_isakmp_keyring(struct ios_config *, const char *);
int	model_del_isakmp_profile(struct ios_config *, const char *);
int	model_del_transform_set(struct ios_config *, const char *);
int	model_del_ipsec_profile(struct ios_config *, const char *);
int	model_del_cmap(struct ios_config *, const char *, int seq);
int	model_del_dynmap(struct ios_config *, const char *, int seq);
int	model_del_interface(struct ios_config *, const char *);
int	model_del_acl(struct ios_config *, const char *);

/* Routes: add replaces an entry with the same destination and path. */
int	model_route_add(struct ios_config *, struct ios_route *);
int	model_route_del(struct ios_config *, const struct ios_route *,
	    int match_path);

/* ACL entries: seq 0 appends at last + 10. */
struct ios_ace	*model_ace_add(struct ios_acl *, struct ios_ace *);
int		 model_ace_del(struct ios_acl *, uint32_t seq);
int		 model_ace_del_same(struct ios_acl *, const struct ios_ace *);

/* Kept lines. */
struct ios_keep	*model_keep_add(struct ios_config *, int section,
		    const char *text);
int		 model_keep_del(struct ios_config *, int section,
		    const char *text);

/* Interface subnets (grammar/subnet.c): sorted, disjoint. */
struct ios_if	*subnet_overlap(const struct ios_config *, struct in_addr,
		    struct in_addr mask);
struct ios_if	*subnet_owner(const struct ios_config *, struct in_addr);
int		 subnet_add(struct ios_config *, struct in_addr,
		    struct in_addr mask, struct ios_if *);
void		 subnet_del(struct ios_config *, struct in_addr);
void		 subnet_del_if(struct ios_config *, const struct ios_if *);

/* Freeing list elements (for handlers that delete one). */
void	model_match_id_free(void *);
void	model_keyring_psk_free(void *);
void	model_isakmp_match_free(void *);
void	model_isakmp_key_free(void *);
void	model_cmap_local_free(void *);

/* Helpers on the small containers. */
int	vec_push(struct ios_vec *, void *);
int	vec_insert(struct ios_vec *, size_t, void *);
void	vec_remove(struct ios_vec *, size_t);
void	vec_free(struct ios_vec *, void (*)(void *));
char	*vec_strdup_push(struct ios_vec *, const char *);

int	index_put(struct ios_index *, const char *, void *);
void	*index_get(const struct ios_index *, const char *);
int	index_del(struct ios_index *, const char *);
void	index_free(struct ios_index *);

void	psk_set(struct ios_psk *, int type, const char *);
void	psk_clear(struct ios_psk *);
void	str_set(char **, const char *);
void	str_wipe_free(char *);

#endif
