/*
 * shell/live.h: the show and clear commands that read live state.
 */
#ifndef IOSH_SHELL_LIVE_H
#define IOSH_SHELL_LIVE_H

#include "parser/cli.h"

struct router;

/* The bits of cli_term's debug switches. */
#define LIVE_DEBUG_IKEV2	0x01

/* The IOS grammar with the live commands added. */
const struct cli_grammar	*live_grammar(void);
/* Where the live commands find their state; NULL: nowhere. */
void				 live_set_router(struct router *);

#endif
