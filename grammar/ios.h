/*
 * grammar/ios.h: the IOS configuration language.
 *
 * What this folder offers:
 *  - the IOS modes and commands as data for the engine (ios_grammar()),
 *    with their handlers, which edit the model;
 *  - the model of the running configuration (grammar/model.h);
 *  - the canonical printer (show running-config);
 *  - startup-config storage (atomic save with a backup);
 *  - interface names: IOS types and abbreviations, and the mapping of
 *    IOS interface names to Linux devices.
 *
 * A program makes a config, hands it to cli_new() as the model, and
 * tells the config where the engine is (for copy ... running-config):
 *
 *	cfg = ios_config_new();
 *	ios_config_set_paths(cfg, "/var/lib/iosh/startup-config", NULL);
 *	eng = cli_engine_new(ios_grammar(), err, sizeof(err));
 *	ios_config_set_engine(cfg, eng);
 *	cli = cli_new(eng, IOS_M_USER, cfg);
 *	ios_config_load(cfg, eng, cfg->startup_path, stderr_writer, arg);
 */
#ifndef IOSH_GRAMMAR_IOS_H
#define IOSH_GRAMMAR_IOS_H

#include <stdio.h>

#include "grammar/model.h"
#include "parser/cli.h"

/* The modes, in the ids the engine's mode bits use. */
enum ios_mode {
	IOS_M_USER = 0,		/* R1> */
	IOS_M_PRIV,		/* R1# */
	IOS_M_CONFIG,		/* (config) */
	IOS_M_IF,		/* (config-if) */
	IOS_M_ISAKMP,		/* (config-isakmp) */
	IOS_M_ISAPROF,		/* (conf-isa-prof) */
	IOS_M_KEYRING,		/* (conf-keyring) */
	IOS_M_IKEV2_PROP,	/* (config-ikev2-proposal) */
	IOS_M_IKEV2_POL,	/* (config-ikev2-policy) */
	IOS_M_IKEV2_KR,		/* (config-ikev2-keyring) */
	IOS_M_IKEV2_KR_PEER,	/* (config-ikev2-keyring-peer) */
	IOS_M_IKEV2_PROF,	/* (config-ikev2-profile) */
	IOS_M_TRANS,		/* (cfg-crypto-trans) */
	IOS_M_IPSEC_PROF,	/* (ipsec-profile) */
	IOS_M_CMAP,		/* (config-crypto-map) */
	IOS_M_EXT_NACL,		/* (config-ext-nacl) */
	IOS_M_STD_NACL,		/* (config-std-nacl) */
	IOS_M_LINE,		/* (config-line) */
	IOS_M_KEEP,		/* a kept block: redundancy, pki, ... */
	IOS_M_COUNT
};

const struct cli_grammar *ios_grammar(void);

/* The running configuration. */
struct ios_config	*ios_config_new(void);
void			 ios_config_free(struct ios_config *);
void			 ios_config_clear(struct ios_config *);

/*
 * Where the startup-config lives (its backup is the same path with
 * ".bak"), and the interface map file (NULL: the built-in default).
 */
int			 ios_config_set_paths(struct ios_config *,
			    const char *startup, const char *ifmap);
void			 ios_config_set_engine(struct ios_config *,
			    struct cli_engine *);

/*
 * Applies a file as if pasted in config mode: errors go to out, each
 * naming the file and line.  Returns the number of lines that failed,
 * or -1 if the file cannot be read (errno set).
 */
int			 ios_config_load(struct ios_config *,
			    struct cli_engine *, const char *path,
			    cli_write_fn *out, void *arg);

/* The printer: show running-config, as a whole or one interface. */
typedef void ios_emit_fn(void *arg, const char *line);
void			 ios_print_running(const struct ios_config *,
			    ios_emit_fn *, void *arg);
void			 ios_print_interface(const struct ios_config *,
			    const struct ios_if *, ios_emit_fn *, void *);
int			 ios_print_file(const struct ios_config *, FILE *);
/* Kept lines that iosh prints back but does not apply. */
void			 ios_print_kept(const struct ios_config *,
			    ios_emit_fn *, void *);
void			 ios_print_ikev2_profile(const struct ikev2_profile *,
			    ios_emit_fn *, void *);
/* Pieces of lines, for show commands elsewhere. */
const char		*ios_ts_text(const struct transform_set *, char *,
			    size_t);
const char		*ios_ace_text(const struct ios_acl *,
			    const struct ios_ace *, char *, size_t);
/* Into a malloc'd string. */
char			*ios_print_string(const struct ios_config *,
			    size_t *lenp);

/*
 * Saving: the printed config to the startup path, atomically (temporary
 * file in the same directory, fsync, rename, fsync of the directory),
 * mode 0600, the previous file kept as path.bak.  0 or -1 (errno).
 * After a boot where lines of the startup-config failed, the first save
 * keeps that file as path.bak and later saves leave it alone.
 */
int			 ios_config_save(struct ios_config *);
int			 ios_config_erase(const struct ios_config *);

/* enable secret: 1 if pw opens privileged mode (always if none set). */
int			 ios_enable_check(const struct ios_config *,
			    const char *pw);

/* The built-in defaults IOS-XE has without configuration. */
extern const struct ikev2_proposal	ios_default_ikev2_proposal;
extern const struct transform_set	ios_default_transform_set;

/* Interface names (grammar/ifname.c). */
extern const struct cli_iftype	ios_iftypes[];
extern const size_t		ios_niftypes;
/* Canonical name ("gi0/0", "GigabitEthernet 0/0" -> "GigabitEthernet0/0"). */
int			 ifname_canon(const char *in, char *out, size_t len);
int			 ifname_parse(const char *canon, int *type,
			    uint32_t num[4]);
int			 ifname_order(int type);

/*
 * IOS interface name -> Linux device (grammar/ifmap.c).  The map file
 * has lines "IOS-NAME-OR-PATTERN  LINUX-NAME"; see docs/ifmap.md.
 */
int			 ifmap_linux(const struct ios_config *,
			    const char *ios, char *out, size_t len);

/* Addresses (grammar/addr.c). */
int			 addr_pton(const char *, struct ios_addr *);
const char		*addr_ntop(const struct ios_addr *, char *, size_t);
int			 addr_eq(const struct ios_addr *,
			    const struct ios_addr *);
int			 mask_plen(struct in_addr);	/* -1: not contiguous */
/* Not 0/8, 127/8, multicast, 240/4 or the broadcast address. */
int			 addr_v4_unicast(struct in_addr);
struct in_addr		 plen_mask(int);

#endif
