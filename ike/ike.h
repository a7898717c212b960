/*
 * ike/ike.h: what the IKEv2 daemon offers (RFC 7296).
 *
 * Layers, bottom up: secret buffers (ike_buf), logging (ike_log),
 * algorithm tables (ike_alg), crypto through OpenSSL 3 (ike_crypto,
 * ike_dh), a bounded reader and a writer (ike_rd, ike_wr), payloads
 * (ike_pld), whole messages (ike_msg), the exchange manager
 * (ike_xchg), the IKE SA (ike_sa) and one module per exchange
 * (ike_init, ike_auth).  Child SAs go to the kernel through
 * backend/kernel.h.
 *
 * Errors are small negative integers (enum ike_err); 0 is success.
 */
#ifndef IOSH_IKE_IKE_H
#define IOSH_IKE_IKE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "backend/kernel.h"

/* Errors. */
enum ike_err {
	IKE_OK = 0,
	IKE_E_NOMEM = -1,
	IKE_E_INVAL = -2,	/* bad argument from our own code */
	IKE_E_CRYPTO = -3,	/* OpenSSL said no */
	IKE_E_TRUNC = -4,	/* input shorter than it claims */
	IKE_E_LENGTH = -5,	/* a length field that cannot be right */
	IKE_E_CRITICAL = -6,	/* unknown payload with the critical bit */
	IKE_E_ICV = -7,		/* integrity check failed */
	IKE_E_NOPROP = -8,	/* NO_PROPOSAL_CHOSEN */
	IKE_E_AUTH = -9,	/* AUTHENTICATION_FAILED */
	IKE_E_STATE = -10,	/* message not expected now */
	IKE_E_SYNTAX = -11,	/* INVALID_SYNTAX */
	IKE_E_KE = -12,		/* INVALID_KE_PAYLOAD */
	IKE_E_TS = -13,		/* TS_UNACCEPTABLE */
	IKE_E_KERNEL = -14,	/* the kernel refused an SA */
	IKE_E_TIMEOUT = -15,	/* peer stopped answering */
	IKE_E_BUSY = -16,	/* window of one: a request is outstanding */
	IKE_E_DUP = -17,	/* retransmitted request, answered again */
	IKE_E_SPACE = -18,	/* output buffer too small */
	IKE_E_PEER = -19,	/* peer reported an error notify */
};
const char	*ike_strerror(int);
const char	*ike_notify_name(uint16_t);	/* error types, 3.10.1 */

/* ---- ike_buf.c: secrets (keys, nonces, DH secrets) ---- */
struct ike_buf {
	size_t	 len;		/* may shrink */
	size_t	 size;		/* allocated, wiped on free */
	uint8_t	*p;
};
struct ike_buf	*ike_buf_new(size_t);
struct ike_buf	*ike_buf_dup(const void *, size_t);
struct ike_buf	*ike_buf_random(size_t);
struct ike_buf	*ike_buf_slice(const struct ike_buf *, size_t, size_t);
struct ike_buf	*ike_buf_cat(const struct ike_buf *, const struct ike_buf *);
int		 ike_buf_eq(const struct ike_buf *, const struct ike_buf *);
int		 ike_buf_eq_mem(const struct ike_buf *, const void *, size_t);
void		 ike_buf_free(struct ike_buf *);
void		 ike_buf_clear(struct ike_buf **);

/* ---- ike_log.c ---- */
enum ike_log_level { IKE_LOG_ERR, IKE_LOG_WARN, IKE_LOG_INFO, IKE_LOG_DEBUG };
typedef void	 ike_log_fn(int, const char *, void *);
void		 ike_log_set_debug(int);
int		 ike_log_debug_on(void);
void		 ike_log_set_sink(ike_log_fn *, void *);
void		 ike_log(int, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
#define ike_debug(...)	do { if (ike_log_debug_on())			\
	ike_log(IKE_LOG_DEBUG, __VA_ARGS__); } while (0)

/* ---- ike_alg.c: transforms (RFC 7296 3.3.2, IANA IKEv2 registry) ---- */
enum ike_xf_type {
	IKE_XF_ENCR = 1,
	IKE_XF_PRF = 2,
	IKE_XF_INTEG = 3,
	IKE_XF_DH = 4,
	IKE_XF_ESN = 5,
};
enum ike_proto {			/* RFC 7296 3.3.1 */
	IKE_PROTO_IKE = 1,
	IKE_PROTO_AH = 2,
	IKE_PROTO_ESP = 3,
};

struct ike_encr {
	uint16_t	 id;		/* IANA ENCR_* */
	uint16_t	 keybits;	/* Key Length attribute */
	uint8_t		 aead;
	uint8_t		 blocklen;	/* padding unit */
	uint8_t		 ivlen;		/* bytes on the wire */
	uint8_t		 saltlen;	/* keymat bytes after the key */
	uint8_t		 icvlen;	/* AEAD tag */
	const char	*ossl;		/* EVP cipher name */
	const char	*xfrm;		/* kernel algorithm name */
	const char	*name;		/* IOS display name */
};
struct ike_prf {
	uint16_t	 id;
	uint8_t		 outlen;	/* and preferred key length */
	const char	*ossl;		/* digest for HMAC */
	const char	*name;
};
struct ike_integ {
	uint16_t	 id;
	uint8_t		 keylen;
	uint8_t		 icvlen;	/* truncated output */
	const char	*ossl;
	const char	*xfrm;
	const char	*name;
};
enum ike_dh_kind { IKE_DH_MODP, IKE_DH_ECP, IKE_DH_X25519 };
struct ike_dh {
	uint16_t	 id;
	uint8_t		 kind;
	uint16_t	 publen;	/* KE data length */
	const char	*ossl;		/* OpenSSL group name */
	const char	*name;
};

const struct ike_encr	*ike_alg_encr(uint16_t, uint16_t);
const struct ike_prf	*ike_alg_prf(uint16_t);
const struct ike_integ	*ike_alg_integ(uint16_t);
const struct ike_dh	*ike_alg_dh(uint16_t);
const struct ike_dh	*ike_alg_dh_nth(size_t);
const char		*ike_alg_xf_name(uint8_t, uint16_t, uint16_t);

/* A proposal as carried in an SA payload (RFC 7296 3.3.1). */
#define IKE_MAX_XF	24
#define IKE_MAX_PROPS	8
struct ike_xf {
	uint8_t		type;
	uint16_t	id;
	uint16_t	keybits;	/* 0: no Key Length attribute */
};
struct ike_prop {
	uint8_t		num;
	uint8_t		proto;
	uint8_t		spisize;
	uint8_t		spi[8];
	uint8_t		nxf;
	struct ike_xf	xf[IKE_MAX_XF];
};
/* What both sides agreed on; integ NULL with an AEAD cipher. */
struct ike_suite {
	uint8_t			 num;
	uint8_t			 spisize;
	uint8_t			 spi[8];	/* the peer's SPI */
	const struct ike_encr	*encr;
	const struct ike_prf	*prf;
	const struct ike_integ	*integ;
	const struct ike_dh	*dh;		/* NULL: none */
	uint8_t			 esn;
};
int	ike_prop_add(struct ike_prop *, uint8_t, uint16_t, uint16_t);
int	ike_alg_match(const struct ike_prop *, size_t,
	    const struct ike_prop *, size_t, struct ike_suite *);
void	ike_alg_suite_prop(const struct ike_suite *, uint8_t, const uint8_t *,
	    uint8_t, struct ike_prop *);
int	ike_alg_parse(const char *, uint8_t, struct ike_prop *);
int	ike_alg_suite_ok(const struct ike_prop *, size_t,
	    const struct ike_suite *);

/* ---- ike_crypto.c: prf, prf+, key schedule, SK payload ---- */
struct ike_chunk {
	const void	*p;
	size_t		 len;
};
int	ike_crypto_prf(const struct ike_prf *, const void *, size_t,
	    const struct ike_chunk *, size_t, uint8_t *);
struct ike_buf *ike_crypto_prfplus(const struct ike_prf *,
	    const struct ike_buf *, const struct ike_chunk *, size_t, size_t);
struct ike_buf *ike_crypto_skeyseed(const struct ike_prf *,
	    const struct ike_buf *, const struct ike_buf *,
	    const struct ike_buf *);
/* A plain hash by OpenSSL name ("SHA1", "SHA256"), the digest fetched once. */
int	ike_crypto_hash(const char *, const void *, size_t, uint8_t *);

/* SK_d | SK_ai | SK_ar | SK_ei | SK_er | SK_pi | SK_pr (2.14) */
struct ike_keys {
	struct ike_buf	*d, *ai, *ar, *ei, *er, *pi, *pr;
};
int	ike_crypto_ike_keys(const struct ike_suite *, const struct ike_buf *,
	    const struct ike_buf *, const struct ike_buf *, const uint8_t *,
	    const uint8_t *, struct ike_keys *);
void	ike_keys_free(struct ike_keys *);
int	ike_crypto_ike_rekeys(const struct ike_suite *, const struct ike_prf *,
	    const struct ike_buf *, const struct ike_buf *,
	    const struct ike_buf *, const struct ike_buf *, const uint8_t *,
	    const uint8_t *, struct ike_keys *);

/* Child SA keys, in the order of 2.17. */
struct ike_child_keys {
	struct ike_buf	*ei, *ai, *er, *ar;	/* i->r then r->i */
};
int	ike_crypto_child_keys(const struct ike_suite *, const struct ike_prf *,
	    const struct ike_buf *, const struct ike_buf *,
	    const struct ike_buf *, const struct ike_buf *,
	    struct ike_child_keys *);
void	ike_child_keys_free(struct ike_child_keys *);

/* Raw ciphers, exposed for known-answer tests. */
int	ike_crypto_cbc(const struct ike_encr *, const uint8_t *,
	    const uint8_t *, const uint8_t *, size_t, uint8_t *, int);
int	ike_crypto_gcm_seal(const struct ike_encr *, const uint8_t *,
	    const uint8_t *, const uint8_t *, size_t, const uint8_t *, size_t,
	    uint8_t *, uint8_t *);
int	ike_crypto_gcm_open(const struct ike_encr *, const uint8_t *,
	    const uint8_t *, const uint8_t *, size_t, const uint8_t *, size_t,
	    const uint8_t *, uint8_t *);
int	ike_crypto_integ(const struct ike_integ *, const struct ike_buf *,
	    const struct ike_chunk *, size_t, uint8_t *);

/* The Encrypted payload body (RFC 7296 3.14, RFC 5282 for GCM). */
struct ike_sk {
	const struct ike_encr	*encr;
	const struct ike_integ	*integ;		/* NULL with AEAD */
	const struct ike_buf	*ek;		/* key | salt */
	const struct ike_buf	*ak;
};
size_t	ike_sk_len(const struct ike_sk *, size_t);
int	ike_sk_seal(const struct ike_sk *, const uint8_t *, size_t,
	    const uint8_t *, size_t, uint8_t *, size_t);
int	ike_sk_open(const struct ike_sk *, const uint8_t *, size_t,
	    const uint8_t *, size_t, struct ike_buf **);

/* ---- ike_dh.c: key exchange (RFC 3526, RFC 5903, RFC 8031) ---- */
struct ike_dhkey;
int	ike_dh_new(const struct ike_dh *, struct ike_dhkey **);
int	ike_dh_from_private(const struct ike_dh *, const uint8_t *, size_t,
	    const uint8_t *, size_t, struct ike_dhkey **);
int	ike_dh_public(const struct ike_dhkey *, uint8_t *, size_t);
int	ike_dh_derive(const struct ike_dhkey *, const uint8_t *, size_t,
	    struct ike_buf **);
void	ike_dh_free(struct ike_dhkey *);

/* ---- ike_rd.c / ike_wr.c: bounded reader and writer ---- */
struct ike_rd {
	const uint8_t	*p;
	size_t		 len;
	size_t		 off;
};
void	ike_rd_init(struct ike_rd *, const uint8_t *, size_t);
size_t	ike_rd_left(const struct ike_rd *);
int	ike_rd_u8(struct ike_rd *, uint8_t *);
int	ike_rd_u16(struct ike_rd *, uint16_t *);
int	ike_rd_u32(struct ike_rd *, uint32_t *);
int	ike_rd_bytes(struct ike_rd *, void *, size_t);
int	ike_rd_ptr(struct ike_rd *, size_t, const uint8_t **);
int	ike_rd_sub(struct ike_rd *, size_t, struct ike_rd *);
int	ike_rd_skip(struct ike_rd *, size_t);

struct ike_wr {
	uint8_t		*p;
	size_t		 cap;
	size_t		 off;
	int		 err;		/* sticky: IKE_E_SPACE */
};
void	ike_wr_init(struct ike_wr *, uint8_t *, size_t);
void	ike_wr_u8(struct ike_wr *, uint8_t);
void	ike_wr_u16(struct ike_wr *, uint16_t);
void	ike_wr_u32(struct ike_wr *, uint32_t);
void	ike_wr_bytes(struct ike_wr *, const void *, size_t);
void	ike_wr_zero(struct ike_wr *, size_t);
void	ike_wr_set_u8(struct ike_wr *, size_t, uint8_t);
void	ike_wr_set_u16(struct ike_wr *, size_t, uint16_t);
void	ike_wr_set_u32(struct ike_wr *, size_t, uint32_t);

/* ---- ike_pld.c: payloads (RFC 7296 section 3) ---- */
enum ike_pld_type {			/* RFC 7296 3.2, IANA */
	IKE_PLD_NONE = 0,
	IKE_PLD_SA = 33,
	IKE_PLD_KE = 34,
	IKE_PLD_IDI = 35,
	IKE_PLD_IDR = 36,
	IKE_PLD_CERT = 37,
	IKE_PLD_CERTREQ = 38,
	IKE_PLD_AUTH = 39,
	IKE_PLD_NONCE = 40,
	IKE_PLD_NOTIFY = 41,
	IKE_PLD_DELETE = 42,
	IKE_PLD_VENDOR = 43,
	IKE_PLD_TSI = 44,
	IKE_PLD_TSR = 45,
	IKE_PLD_SK = 46,
	IKE_PLD_CP = 47,
	IKE_PLD_EAP = 48,
};
enum ike_xchg_type {			/* RFC 7296 3.1 */
	IKE_SA_INIT = 34,
	IKE_AUTH = 35,
	IKE_CREATE_CHILD_SA = 36,
	IKE_INFORMATIONAL = 37,
};
enum ike_flags {			/* RFC 7296 3.1 */
	IKE_F_INITIATOR = 0x08,
	IKE_F_VERSION = 0x10,
	IKE_F_RESPONSE = 0x20,
};
enum ike_notify_type {			/* RFC 7296 3.10.1 */
	IKE_N_UNSUPPORTED_CRITICAL_PAYLOAD = 1,
	IKE_N_INVALID_IKE_SPI = 4,
	IKE_N_INVALID_MAJOR_VERSION = 5,
	IKE_N_INVALID_SYNTAX = 7,
	IKE_N_INVALID_MESSAGE_ID = 9,
	IKE_N_INVALID_SPI = 11,
	IKE_N_NO_PROPOSAL_CHOSEN = 14,
	IKE_N_INVALID_KE_PAYLOAD = 17,
	IKE_N_AUTHENTICATION_FAILED = 24,
	IKE_N_SINGLE_PAIR_REQUIRED = 34,
	IKE_N_NO_ADDITIONAL_SAS = 35,
	IKE_N_INTERNAL_ADDRESS_FAILURE = 36,
	IKE_N_FAILED_CP_REQUIRED = 37,
	IKE_N_TS_UNACCEPTABLE = 38,
	IKE_N_INVALID_SELECTORS = 39,
	IKE_N_TEMPORARY_FAILURE = 43,
	IKE_N_CHILD_SA_NOT_FOUND = 44,
	IKE_N_INITIAL_CONTACT = 16384,
	IKE_N_SET_WINDOW_SIZE = 16385,
	IKE_N_USE_TRANSPORT_MODE = 16391,
	IKE_N_NAT_DETECTION_SOURCE_IP = 16388,
	IKE_N_NAT_DETECTION_DESTINATION_IP = 16389,
	IKE_N_COOKIE = 16390,
	IKE_N_REKEY_SA = 16393,
	IKE_N_ESP_TFC_PADDING_NOT_SUPPORTED = 16394,
	IKE_N_NON_FIRST_FRAGMENTS_ALSO = 16395,
};
enum ike_id_type {			/* RFC 7296 3.5 */
	IKE_ID_IPV4_ADDR = 1,
	IKE_ID_FQDN = 2,
	IKE_ID_RFC822_ADDR = 3,
	IKE_ID_IPV6_ADDR = 5,
	IKE_ID_KEY_ID = 11,
};
enum ike_auth_method {			/* RFC 7296 3.8 */
	IKE_AUTH_RSA = 1,
	IKE_AUTH_PSK = 2,
	IKE_AUTH_DSS = 3,
};
enum ike_ts_type {			/* RFC 7296 3.13.1 */
	IKE_TS_IPV4 = 7,
	IKE_TS_IPV6 = 8,
};

#define IKE_HDR_LEN	28		/* RFC 7296 3.1 */
#define IKE_GEN_LEN	4		/* RFC 7296 3.2 */
#define IKE_MAX_MSG	8192
#define IKE_MAX_TS	8
#define IKE_MAX_N	16
#define IKE_MAX_ID	255
#define IKE_MAX_DEL	8

struct ike_hdr {
	uint8_t		spii[8];
	uint8_t		spir[8];
	uint8_t		np;
	uint8_t		version;
	uint8_t		xchg;
	uint8_t		flags;
	uint32_t	msgid;
	uint32_t	len;
};
struct ike_id {
	uint8_t		type;
	uint8_t		len;
	uint8_t		data[IKE_MAX_ID];
};
struct ike_ts {
	uint8_t		type;
	uint8_t		proto;
	uint16_t	sport, eport;
	uint8_t		start[16], end[16];
};
struct ike_notify {
	uint8_t		 proto;
	uint8_t		 spisize;
	uint16_t	 type;
	uint8_t		 spi[8];
	const uint8_t	*data;
	size_t		 len;
};
struct ike_del {
	uint8_t		proto;
	uint8_t		spisize;
	uint16_t	nspi;
	const uint8_t	*spis;
};

/* A parsed message; pointers refer into the buffers parsed. */
struct ike_msg {
	struct ike_hdr		 hdr;
	uint64_t		 seen;		/* bit (type - 32) */
	struct ike_prop		 props[IKE_MAX_PROPS];
	size_t			 nprops;
	uint16_t		 ke_group;
	const uint8_t		*ke;
	size_t			 kelen;
	const uint8_t		*nonce;
	size_t			 noncelen;
	struct ike_id		 idi, idr;
	const uint8_t		*idi_body, *idr_body;	/* for AUTH */
	size_t			 idi_bodylen, idr_bodylen;
	uint8_t			 auth_method;
	const uint8_t		*auth;
	size_t			 authlen;
	struct ike_ts		 tsi[IKE_MAX_TS], tsr[IKE_MAX_TS];
	size_t			 ntsi, ntsr;
	struct ike_notify	 n[IKE_MAX_N];
	size_t			 nn;
	struct ike_del		 del[IKE_MAX_DEL];
	size_t			 ndel;
	uint8_t			 crit_type;	/* unsupported critical */
	uint8_t			 sk_np;		/* first inner payload */
	const uint8_t		*sk_body;	/* IV | ct | ICV */
	size_t			 sk_len;
	size_t			 sk_aadlen;	/* header through SK header */
};
#define IKE_SEEN(m, t)	(((m)->seen >> ((t) - 32)) & 1)

int	ike_pld_parse_chain(uint8_t, const uint8_t *, size_t, int,
	    struct ike_msg *);
const struct ike_notify *ike_msg_notify(const struct ike_msg *, uint16_t);

/* Writing a chain of payloads: each begin patches the previous np. */
#define IKE_CHAIN_FIRST	((size_t)-1)	/* first type kept in .first */
struct ike_chain {
	struct ike_wr	*w;
	uint8_t		 first;
	size_t		 np_at;
	size_t		 len_at;
	size_t		 start;
};
void	ike_pld_chain(struct ike_chain *, struct ike_wr *, size_t);
void	ike_pld_begin(struct ike_chain *, uint8_t);
void	ike_pld_end(struct ike_chain *);
void	ike_pld_put_sa(struct ike_chain *, const struct ike_prop *, size_t);
void	ike_pld_put_ke(struct ike_chain *, uint16_t, const uint8_t *, size_t);
void	ike_pld_put_nonce(struct ike_chain *, const struct ike_buf *);
void	ike_pld_put_notify(struct ike_chain *, uint8_t, uint16_t,
	    const uint8_t *, size_t);
void	ike_pld_put_notify_spi(struct ike_chain *, uint8_t, const uint8_t *,
	    uint16_t);
void	ike_pld_put_id(struct ike_chain *, uint8_t, const struct ike_id *);
void	ike_pld_put_auth(struct ike_chain *, uint8_t, const uint8_t *, size_t);
void	ike_pld_put_ts(struct ike_chain *, uint8_t, const struct ike_ts *,
	    size_t);
void	ike_pld_put_delete(struct ike_chain *, uint8_t, uint8_t,
	    const uint8_t *, uint16_t);

/* ---- ike_msg.c: header, whole messages, SK wrapping ---- */
int	ike_msg_parse(const uint8_t *, size_t, struct ike_msg *);
int	ike_msg_hdr(const uint8_t *, size_t, struct ike_hdr *);
void	ike_msg_put_hdr(struct ike_wr *, const struct ike_hdr *);
int	ike_msg_seal(const struct ike_sk *, const struct ike_hdr *, uint8_t,
	    const uint8_t *, size_t, uint8_t *, size_t, size_t *);
int	ike_msg_open(const struct ike_sk *, const uint8_t *, size_t,
	    struct ike_msg *, struct ike_buf **);

/* ---- the peer definition the backend compiles (the daemon's input) ---- */
#define IKE_MAX_CHILD	4
struct ike_child_def {
	struct ike_ts	 ts_local[IKE_MAX_TS];
	struct ike_ts	 ts_remote[IKE_MAX_TS];
	size_t		 nts_local, nts_remote;
	struct ike_prop	 props[IKE_MAX_PROPS];	/* ESP */
	size_t		 nprops;
	uint8_t		 mode;			/* K_MODE_* */
	uint16_t	 pfs_group;		/* 0: no PFS */
	uint64_t	 life_seconds;
	uint64_t	 life_kbytes;		/* 0: none */
	uint32_t	 replay_window;
	uint32_t	 reqid;
	uint32_t	 if_id;
};
struct ike_peer {
	char			 name[64];
	struct k_addr		 local, remote;
	uint16_t		 local_port, remote_port;
	struct ike_id		 id_local;
	struct ike_id		 id_remote;	/* type 0: any */
	struct ike_buf		*psk_local;	/* proves who we are */
	struct ike_buf		*psk_remote;	/* checks the peer */
	struct ike_prop		 props[IKE_MAX_PROPS];	/* IKE */
	size_t			 nprops;
	uint32_t		 lifetime;	/* seconds */
	uint32_t		 dpd_interval;	/* seconds, 0: off */
	uint32_t		 dpd_retries;
	uint32_t		 nat_keepalive;	/* seconds, 0: off */
	struct ike_child_def	 child[IKE_MAX_CHILD];
	size_t			 nchild;
};
void	ike_peer_free_secrets(struct ike_peer *);

/* ---- ike_xchg.c: message IDs, window of one, retransmission ---- */
struct ike_io {
	int	(*send)(void *, const uint8_t *, size_t);
	void	 *arg;
	void	(*natt)(void *);	/* optional: move to port 4500 */
	void	(*keepalive)(void *);	/* optional: NAT keepalive */
};
/* The addresses and ports a datagram travelled between (RFC 7296 2.23). */
struct ike_path {
	struct k_addr	local, remote;
	uint16_t	lport, rport;
};
#define IKE_PORT	500
#define IKE_NATT_PORT	4500
/*
 * A request goes out IKE_RETX_TRIES times: after 0.5, 1, 2, 4 s, then
 * every 8 s; the SA is given up 8 s after the last (39.5 s in all).
 * With 20% loss each way one exchange then fails about once in 3,500.
 */
#define IKE_RETX_BASE_MS	500
#define IKE_RETX_MAX_MS		8000
#define IKE_RETX_TRIES		8
#define IKE_HALFOPEN_MS		30000	/* responder waits this for AUTH */
struct ike_xchg {
	uint32_t	 next_id;	/* our next request */
	uint32_t	 peer_id;	/* the peer's next request */
	uint8_t		*req;		/* outstanding request */
	size_t		 reqlen;
	uint32_t	 req_id;
	unsigned	 tries;
	uint64_t	 due;
	uint8_t		*resp;		/* last response we sent */
	size_t		 resplen;
	uint32_t	 resp_id;
	int		 have_resp;
	uint8_t		 in_hash[32];	/* the request being answered */
	uint8_t		 resp_hash[32];	/* the request resp answered */
};
int	ike_xchg_request(struct ike_xchg *, const struct ike_io *,
	    const uint8_t *, size_t, uint64_t);
int	ike_xchg_match(const struct ike_xchg *, const struct ike_hdr *);
int	ike_xchg_response(struct ike_xchg *, const struct ike_hdr *);
int	ike_xchg_incoming(struct ike_xchg *, const struct ike_io *,
	    const struct ike_hdr *, const uint8_t *, size_t);
void	ike_xchg_note(struct ike_xchg *, const uint8_t *, size_t);
int	ike_xchg_reply(struct ike_xchg *, const struct ike_io *,
	    const uint8_t *, size_t, uint32_t);
int	ike_xchg_tick(struct ike_xchg *, const struct ike_io *, uint64_t);
uint64_t ike_xchg_next_due(const struct ike_xchg *);
void	ike_xchg_reset(struct ike_xchg *);

/* ---- ike_sa.c: the IKE SA and its Child SAs ---- */
enum ike_sa_state {
	IKE_ST_IDLE,
	IKE_ST_INIT_SENT,	/* initiator, IKE_SA_INIT out */
	IKE_ST_INIT_DONE,	/* responder, waiting for IKE_AUTH */
	IKE_ST_AUTH_SENT,	/* initiator, IKE_AUTH out */
	IKE_ST_ESTABLISHED,
	IKE_ST_DEAD,
};
struct ike_child {
	int			 installed;
	uint8_t			 we_init;	/* we began its exchange */
	uint32_t		 spi_in, spi_out;	/* host order */
	struct ike_suite	 suite;
	struct ike_ts		 tsi, tsr;
	const struct ike_child_def *def;
	uint64_t		 rekey_at;	/* ms; 0: never */
};
/*
 * The Child SAs of one definition (peer->child[i] has slot[i]): the one
 * in use, the one it replaced until that is deleted (1.3.3), and the
 * redundant one of a collision until its maker deletes it (2.8.1).
 */
struct ike_slot {
	struct ike_child	 cur;
	struct ike_child	 old;		/* rekeyed, until deleted */
	struct ike_child	 extra;		/* a collision's extra */
	uint64_t		 create_at;	/* ms: create cur then; 0 no */
	unsigned		 tries;		/* creations refused in a row */
};
struct ike_sa {
	const struct ike_peer	*peer;
	struct kernel		*kern;
	struct ike_io		 io;
	int			 initiator;
	int			 state;
	int			 error;		/* why DEAD */
	uint8_t			 spii[8], spir[8];
	uint16_t		 group;		/* KE group in use */
	struct ike_dhkey	*dh;
	struct ike_buf		*ni, *nr;
	struct ike_suite	 suite;
	struct ike_keys		 keys;
	uint8_t			*msg1, *msg2;	/* IKE_SA_INIT, for AUTH */
	size_t			 msg1len, msg2len;
	struct ike_xchg		 x;
	size_t			 xslot;		/* the slot our CREATE_CHILD_SA
						   is for (window of one) */
	struct ike_buf		*coll_min;	/* lowest nonce of the peer's
						   colliding exchange (2.8.1) */
	struct ike_rekey {			/* our CREATE_CHILD_SA */
		struct ike_buf	 *ni;
		struct ike_dhkey *dh;
		uint32_t	  spi;
		uint8_t		  ike_spi[8];
	}			 rk;
	struct ike_sa		*rekeyed;	/* the IKE SA replacing this */
	uint32_t		 child_spi;	/* our proposed inbound SPI */
	unsigned		 ke_retries;
	uint8_t			 cookie[64];	/* the responder asked (2.6) */
	uint8_t			 cookielen;
	uint8_t			 cookie_tries;
	uint64_t		 last_rx;	/* last authentic message */
	uint64_t		 up_since;	/* when it became READY */
	uint64_t		 now;		/* the caller's clock */
	uint64_t		 born;		/* created, on that clock */
	struct ike_path		 seen;		/* the last datagram's path */
	struct ike_id		 peer_ident;	/* as the peer proved it */
	uint8_t			 nat_local;	/* we are behind a NAT */
	uint8_t			 nat_remote;	/* the peer is */
	uint8_t			 natt;		/* IKE, ESP over UDP 4500 */
	uint64_t		 ka_at;		/* next NAT keepalive */
	uint64_t		 rekey_at;	/* IKE SA rekey, ms; 0 never */
	uint8_t			 pending;	/* IKE_PEND_*: our request */
	size_t			 nslot;		/* peer->nchild, at least 1 */
	struct ike_slot		 slot[];	/* nslot of them */
};
enum ike_pending {
	IKE_PEND_NONE,
	IKE_PEND_DPD,
	IKE_PEND_DEL_IKE,
	IKE_PEND_DEL_CHILD,
	IKE_PEND_REKEY_CHILD,
	IKE_PEND_REKEY_IKE,
	IKE_PEND_NEW_CHILD,
};
struct ike_sa	*ike_sa_new(const struct ike_peer *, struct kernel *,
		    const struct ike_io *, int);
void		 ike_sa_free(struct ike_sa *);
int		 ike_sa_start(struct ike_sa *, uint64_t);
int		 ike_sa_recv(struct ike_sa *, const uint8_t *, size_t,
		    uint64_t);
int		 ike_sa_recv_path(struct ike_sa *, const struct ike_path *,
		    const uint8_t *, size_t, uint64_t);
void		 ike_sa_path_default(const struct ike_peer *,
		    struct ike_path *);
int		 ike_sa_tick(struct ike_sa *, uint64_t);
uint64_t	 ike_sa_next_due(const struct ike_sa *);
int		 ike_sa_install(struct ike_sa *, struct ike_child *,
		    const struct ike_buf *, const struct ike_buf *,
		    const struct ike_buf *);
void		 ike_sa_uninstall(struct ike_sa *, struct ike_child *);
void		 ike_sa_uninstall_all(struct ike_sa *);
void		 ike_sa_retire(struct ike_sa *, struct ike_child *,
		    const struct ike_child *);
int		 ike_sa_slot_up(const struct ike_sa *, size_t);
void		 ike_sa_plan_create(struct ike_sa *, size_t, uint64_t);
uint32_t	 ike_sa_new_spi(uint8_t *);
void		 ike_sa_fail(struct ike_sa *, int);
struct ike_sk	 ike_sa_sk_out(const struct ike_sa *);
struct ike_sk	 ike_sa_sk_in(const struct ike_sa *);
int		 ike_sa_send_enc(struct ike_sa *, uint8_t, int, uint32_t,
		    const uint8_t *, size_t, uint8_t, uint64_t);
const char	*ike_sa_state_name(int);

/* ---- ike_natd.c: NAT detection (RFC 7296 2.23) ---- */
int	ike_natd_hash(const uint8_t *, const uint8_t *, const struct k_addr *,
	    uint16_t, uint8_t *);
void	ike_natd_put(struct ike_chain *, const uint8_t *, const uint8_t *,
	    const struct ike_path *);
int	ike_natd_check(struct ike_sa *, const struct ike_msg *);

/* ---- ike_init.c: IKE_SA_INIT (RFC 7296 1.2) ---- */
/* Stateless cookies (2.6): required when the responder is loaded. */
#define IKE_COOKIE_SECRET	32
struct ike_cookie {
	int			 required;
	const uint8_t		*secret;	/* IKE_COOKIE_SECRET bytes */
	const struct k_addr	*from;		/* the initiator's address */
	const struct ike_path	*path;		/* NULL: as configured */
};
int	ike_init_cookie(const struct ike_cookie *, const uint8_t *, size_t,
	    const uint8_t *, uint8_t *);
int	ike_init_request(struct ike_sa *, uint64_t);
int	ike_init_response(struct ike_sa *, const struct ike_msg *,
	    const uint8_t *, size_t, uint64_t);
struct ike_sa *ike_init_accept(const struct ike_peer *, struct kernel *,
	    const struct ike_io *, const uint8_t *, size_t,
	    const struct ike_cookie *, uint64_t, int *);

/* ---- ike_auth.c: IKE_AUTH with PSK (RFC 7296 1.2, 2.15) ---- */
int	ike_auth_psk(const struct ike_prf *, const struct ike_buf *,
	    const uint8_t *, size_t, const struct ike_buf *,
	    const struct ike_buf *, const uint8_t *, size_t, uint8_t *);
int	ike_auth_request(struct ike_sa *, uint64_t);
int	ike_auth_recv_request(struct ike_sa *, const struct ike_msg *,
	    uint64_t);
int	ike_auth_recv_response(struct ike_sa *, const struct ike_msg *);

/* ---- ike_info.c: INFORMATIONAL (RFC 7296 1.4, 2.4) ---- */
int	ike_info_dpd(struct ike_sa *, uint64_t);
int	ike_info_delete_ike(struct ike_sa *, uint64_t);
int	ike_info_delete_child(struct ike_sa *, struct ike_child *, uint64_t);
int	ike_info_recv_request(struct ike_sa *, const struct ike_msg *,
	    uint64_t);
int	ike_info_recv_response(struct ike_sa *, const struct ike_msg *);

/* ---- ike_child.c: CREATE_CHILD_SA (RFC 7296 1.3.1, 1.3.2, 1.3.3) ---- */
#define IKE_CHILD_RETRY_MS	10000	/* after a refusal, doubling */
int	ike_child_rekey(struct ike_sa *, size_t, uint64_t);
int	ike_child_create(struct ike_sa *, size_t, uint64_t);
int	ike_child_create_due(struct ike_sa *, uint64_t);
int	ike_child_pick(const struct ike_sa *, const struct ike_ts *, size_t,
	    const struct ike_ts *, size_t, struct ike_ts *, struct ike_ts *);
int	ike_child_recv_request(struct ike_sa *, const struct ike_msg *,
	    uint64_t);
int	ike_child_recv_response(struct ike_sa *, const struct ike_msg *,
	    uint64_t);
void	ike_child_rekey_clear(struct ike_sa *);
int	ike_child_rekey_ike(struct ike_sa *, uint64_t);

/* ---- ike_ctx.c: the daemon's SAs, and datagrams routed to them ---- */
#define IKE_CTX_HALFOPEN	64	/* default halfopen_max */
struct ike_ctx_tab;
struct ike_ctx {
	struct ike_peer		*peers;
	size_t			 npeers;
	struct kernel		*kern;
	struct ike_io		*io;		/* npeers, one per peer */
	struct ike_sa		**sa;		/* nsa, in no order */
	size_t			 nsa;
	size_t			 halfopen_max;	/* more: cookies (2.6) */
	uint8_t			 cookie_secret[IKE_COOKIE_SECRET];
	struct ike_ctx_tab	*tab;		/* indexes, ike_ctx.c */
};
/* io may be NULL (fill ctx->io[i] later); IKE_E_NOMEM leaves it empty. */
int	ike_ctx_init(struct ike_ctx *, struct ike_peer *, size_t,
	    struct kernel *, const struct ike_io *);
int	ike_ctx_initiate(struct ike_ctx *, size_t, uint64_t);
int	ike_ctx_recv(struct ike_ctx *, const struct ike_path *,
	    const uint8_t *, size_t, uint64_t);
uint64_t ike_ctx_tick(struct ike_ctx *, uint64_t);	/* next call due */
/* After acting on one of its SAs directly (delete, rekey, fail). */
void	ike_ctx_changed(struct ike_ctx *, struct ike_sa *);
struct ike_sa *ike_ctx_find_peer(const struct ike_ctx *, size_t);
/* Peers whose remote address is a, after index `after` (-1: first). */
int	ike_ctx_peer_next(const struct ike_ctx *, const struct k_addr *, int);
size_t	ike_ctx_halfopen(const struct ike_ctx *);
void	ike_ctx_free(struct ike_ctx *);

/* ---- ike_net.c: UDP 500 and 4500 (RFC 7296 2.11, RFC 3948 2.2) ---- */
struct ike_net;
struct ike_net_ep {
	struct ike_net	*net;
	struct sockaddr_in6	 to;	/* or a sockaddr_in in it */
	uint32_t		 tolen;
	int			 natt;	/* send on 4500 with the marker */
};
struct ike_net {
	int			 fd_ike;
	int			 fd_natt;	/* -1: none */
	struct k_addr		 bound;		/* family only: any address */
	int			 bound_any;
	uint16_t		 port_ike, port_natt;
	struct ike_ctx		*ctx;
	struct ike_net_ep	**ep;		/* nep, one per peer */
	size_t			 nep;
};
int	 ike_net_open(struct ike_net *, struct ike_ctx *, const struct k_addr *,
	    uint16_t, uint16_t);
uint16_t ike_net_port(const struct ike_net *);
int	 ike_net_io(struct ike_net *, size_t, const struct k_addr *, uint16_t,
	    struct ike_io *);
int	 ike_net_poll(struct ike_net *, int, uint64_t);
int	 ike_net_step(struct ike_net *, int);
uint64_t ike_net_now(void);
void	 ike_net_close(struct ike_net *);

/* ---- ike_show.c: `show crypto ikev2 sa` lines, names from ike_alg ---- */
int	ike_show_sa_header(int, char *, size_t);
int	ike_show_sa(const struct ike_sa *, unsigned, uint64_t, char *, size_t);
const char *ike_show_id(const struct ike_id *, char *, size_t);

/* ---- ike_ts.c: traffic selectors (RFC 7296 2.9) ---- */
int	ike_ts_narrow(const struct ike_ts *, size_t, const struct ike_ts *,
	    size_t, struct ike_ts *);
int	ike_ts_to_sel(const struct ike_ts *, const struct ike_ts *,
	    struct k_sel *);
void	ike_ts_from_prefix(struct ike_ts *, const struct k_addr *, unsigned,
	    uint8_t, uint16_t);

#endif
