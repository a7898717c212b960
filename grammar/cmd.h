/*
 * grammar/cmd.h: what the command files of grammar/ share (private to
 * the folder; grammar/ios.h is what it offers outside).
 *
 * Each cmd_*.c file defines its commands as struct cmd_def data and
 * exports them as one NULL-terminated array that grammar.c gathers.
 */
#ifndef IOSH_GRAMMAR_CMD_H
#define IOSH_GRAMMAR_CMD_H

#include "grammar/ios.h"
#include "grammar/names.h"
#include "parser/cli.h"

#define M(id)		MODE_BIT(id)
#define T_END		{ NULL, NULL }

/* The modes every config sub-mode shares (exit, end). */
#define M_CONFIG_ALL	(M(IOS_M_CONFIG) | M(IOS_M_IF) | M(IOS_M_ISAKMP) | \
	M(IOS_M_ISAPROF) | M(IOS_M_KEYRING) | M(IOS_M_IKEV2_PROP) | \
	M(IOS_M_IKEV2_POL) | M(IOS_M_IKEV2_KR) | M(IOS_M_IKEV2_KR_PEER) | \
	M(IOS_M_IKEV2_PROF) | M(IOS_M_TRANS) | M(IOS_M_IPSEC_PROF) | \
	M(IOS_M_CMAP) | M(IOS_M_EXT_NACL) | M(IOS_M_STD_NACL) | \
	M(IOS_M_LINE) | M(IOS_M_KEEP))
#define M_EXEC_ALL	(M(IOS_M_USER) | M(IOS_M_PRIV))

/* Help strings shared by commands with the same leading words. */
#define H_CRYPTO	"Encryption module"
#define H_IKEV2		"Configure IKEv2 Options"
#define H_ISAKMP	"Configure ISAKMP policy"
#define H_IPSEC		"Configure IPSEC policy"
#define H_SET		"Set values for encryption/decryption"
#define H_SA		"Security association parameters"
#define H_LIFETIME	"Security association lifetime"
#define H_MATCH		"Match values of local and remote hosts"
#define H_IP		"Interface Internet Protocol config commands"
#define H_IPG		"Global IP configuration subcommands"
#define H_IPV6		"IPv6 configuration commands"
#define H_TUNNEL	"protocol-over-protocol tunneling"
#define H_SHOW		"Show running system information"
#define H_DESC		"Specify a description of this entry"
#define H_DESCLINE	"Up to 240 characters describing this entry"
#define H_NAME		"Name"
#define H_PEER		"Configure a Keyring Peer"
#define H_ADDRESS	"Address"
#define H_MASK		"Mask"
#define H_IDENTITY	"Specify a remote identity"
#define H_ACCESSLIST	"Add an access list entry"

/* The model of the session running a handler. */
static inline struct ios_config *
cfg_of(struct cli *cli)
{
	return cli_model(cli);
}

/* no X or default X: both take the setting away here. */
static inline int
cmd_off(const struct cmd_args *a)
{
	return cmd_negated(a) || cmd_default(a);
}

/*
 * Weak algorithms (IOS-XE 17.11+ refuses them, field notice FN72510):
 * iosh takes them, to load old configs, and says so.
 */
void	cmd_weak(struct cli *, const char *what);

/*
 * IOS's advice on entering an object that is not complete yet (the
 * IKEv2 "MUST have" notes): for a person at the console only, not when
 * a file loads, where the object's next lines follow anyway.
 */
void	cmd_advise(struct cli *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/* Prints a message line and returns CLI_ERR_FAILED. */
int	cmd_fail(struct cli *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/*
 * The keywords typed after the first skip words of the command (a
 * leading no or default not counted), expanded against table (unique
 * prefix, exact match first), in the order typed; at most max.  Used
 * where order matters and the engine reports only presence.
 */
int	cmd_kwlist(const struct cmd_args *, int skip,
	    const struct ios_name *table, int *out, int max);

/* The first table entry whose keyword the engine saw, or -1. */
int	cmd_which(const struct cmd_args *, const struct ios_name *);

/* The value of an IPv4 placeholder; 0 on success. */
int	cmd_v4(const struct cmd_args *, const char *name, struct in_addr *);
/* An A.B.C.D/M or X:X::X:X/M placeholder. */
int	cmd_prefix(const struct cmd_args *, const char *name,
	    struct ios_addr *, int *plen);
/* An IFNAME placeholder, canonical; 0 on success. */
int	cmd_ifname(const struct cmd_args *, const char *name, char *,
	    size_t);

/* The command sets, each NULL-terminated. */
extern const struct cmd_def *const cmds_exec[];
extern const struct cmd_def *const cmds_global[];
extern const struct cmd_def *const cmds_ikev2[];
extern const struct cmd_def *const cmds_isakmp[];
extern const struct cmd_def *const cmds_ipsec[];
extern const struct cmd_def *const cmds_if[];
extern const struct cmd_def *const cmds_route[];
extern const struct cmd_def *const cmds_acl[];
extern const struct cmd_def *const cmds_show_crypto[];
const struct cmd_def *const *cmd_keep_cmds(void);

/* Start-up: fill the commands whose tokens are made in code. */
void	cmd_ikev2_init(void);
void	cmd_ipsec_init(void);

/* Tokens made at start-up (lists of repeatable keywords). */
const struct cmd_tok *cmd_repeat_seq(const struct cmd_tok *head,
	    const struct cmd_tok *body);
const struct cmd_tok *cmd_repeat_toks(const struct cmd_tok *head,
	    const struct cmd_tok *choices);

#endif
