/*
 * ike/ike_log.c: the daemon's log.
 *
 * Policy: error and warning when an operator must act, info for state
 * changes (an SA up or down), debug for everything a peer got wrong,
 * behind the switch that `debug crypto ikev2` turns on.  Key material
 * is never passed here.
 */
#include <stdio.h>

#include "ike/ike.h"

static int	 ike_log_debug;
static ike_log_fn *ike_log_sink;
static void	*ike_log_arg;

static const char *const ike_log_names[] = {
	[IKE_LOG_ERR] = "error",
	[IKE_LOG_WARN] = "warning",
	[IKE_LOG_INFO] = "info",
	[IKE_LOG_DEBUG] = "debug",
};

void
ike_log_set_debug(int on)
{
	ike_log_debug = on;
}

int
ike_log_debug_on(void)
{
	return (ike_log_debug);
}

/* Where lines go; NULL sends them to stderr. */
void
ike_log_set_sink(ike_log_fn *fn, void *arg)
{
	ike_log_sink = fn;
	ike_log_arg = arg;
}

void
ike_log(int level, const char *fmt, ...)
{
	char	 line[512];
	va_list	 ap;

	if (level == IKE_LOG_DEBUG && !ike_log_debug)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (ike_log_sink != NULL) {
		ike_log_sink(level, line, ike_log_arg);
		return;
	}
	if (level < IKE_LOG_ERR || level > IKE_LOG_DEBUG)
		level = IKE_LOG_ERR;
	fprintf(stderr, "ike %s: %s\n", ike_log_names[level], line);
}
