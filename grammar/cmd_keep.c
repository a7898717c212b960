/*
 * grammar/cmd_keep.c: the lines a router config carries that iosh does
 * not interpret (filled in below).
 */
#include "grammar/cmd.h"

const struct cmd_def *const cmds_keep[] = {
	NULL
};
