/*
 * shell/local.c: the console's engine in this process.
 */
#include "shell/shell.h"

static const char *
local_prompt(void *arg)
{
	return cli_prompt(arg);
}

static int
local_run(void *arg, const char *line)
{
	return cli_execute(arg, line);
}

static void
local_describe(void *arg, const char *line)
{
	cli_describe(arg, line);
}

static size_t
local_complete(void *arg, const char *line, char ***words)
{
	return cli_complete(arg, line, words);
}

static void
local_end(void *arg)
{
	cli_mode_end(arg);
}

static struct cli_term *
local_term(void *arg)
{
	return cli_term(arg);
}

static void
local_set_ask(void *arg, cli_ask_fn *fn, void *fnarg)
{
	cli_set_ask(arg, fn, fnarg);
}

static void
local_source(void *arg, const char *name)
{
	cli_set_source(arg, name, name == NULL);
}

const struct console_ops local_ops = {
	local_prompt, local_run, local_describe, local_complete, local_end,
	local_term, local_set_ask, local_source, NULL, NULL,
};
