/*
 * shell/ioshd.c: the iosh daemon.
 *
 *	ioshd [-n] [-s STATEDIR] [-S SOCKET] [-g GROUP]
 *
 * Owns the running config: loads the startup-config at boot, applies
 * it to the kernel, runs IKE for its peers, and serves consoles over a
 * local socket (root only, or a group), so the router keeps running
 * when nobody is logged in.  -n (or running without root) only plans.
 */
#include <errno.h>
#include <getopt.h>
#include <grp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <syslog.h>
#include <unistd.h>

#include <event2/event.h>

#include "grammar/ios.h"
#include "ike/ike.h"
#include "shell/live.h"
#include "shell/privs.h"
#include "shell/router.h"
#include "shell/server.h"

#define STATE_DEFAULT	LOCALSTATEDIR "/lib/iosh"

struct daemon {
	const char		*state;
	char			 sock[4096];
	int			 gid;
	struct event_base	*base;
	struct ios_config	*cfg;
	struct cli_engine	*eng;
	struct server		*srv;
	struct router		*router;
	int			 plan_only;
	unsigned long long	 child_life;	/* --child-lifetime */
	int			 debug;		/* --debug */
};

static void
logmsg(int prio, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vsyslog(prio, fmt, ap);
	va_end(ap);
}

/* Boot messages (startup-config errors) go to the log, line by line. */
static void
log_output(void *arg, const char *buf, size_t len)
{
	const char	*nl;

	while (len > 0) {
		nl = memchr(buf, '\n', len);
		if (nl == NULL)
			nl = buf + len;
		if (nl > buf)
			syslog(LOG_WARNING, "%.*s", (int)(nl - buf), buf);
		len -= (size_t)(nl - buf) + (nl < buf + len);
		buf = nl + 1;
	}
}

static const struct option longopts[] = {
	{ "plan",	no_argument,		NULL,	'n' },
	{ "state",	required_argument,	NULL,	's' },
	{ "socket",	required_argument,	NULL,	'S' },
	{ "group",	required_argument,	NULL,	'g' },
	{ "child-lifetime", required_argument,	NULL,	'L' },
	{ "debug",	no_argument,		NULL,	'd' },
	{ NULL,		0,			NULL,	0 },
};

static int
parse_opts(int argc, char **argv, struct daemon *d)
{
	struct group	*gr;
	char		*end;
	int		 ch;

	d->gid = -1;
	while ((ch = getopt_long(argc, argv, "dns:S:g:L:", longopts, NULL)) !=
	    -1) {
		switch (ch) {
		case 'd':
			d->debug = 1;
			break;
		case 'n':
			d->plan_only = 1;
			break;
		case 's':
			d->state = optarg;
			break;
		case 'S':
			snprintf(d->sock, sizeof(d->sock), "%s", optarg);
			break;
		case 'g':
			if ((gr = getgrnam(optarg)) == NULL) {
				fprintf(stderr, "ioshd: no group %s\n", optarg);
				return -1;
			}
			d->gid = (int)gr->gr_gid;
			break;
		case 'L':
			/* Tests of rekeying: IOS's own minimum is 120 s. */
			d->child_life = strtoull(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' ||
			    d->child_life < 10) {
				fprintf(stderr, "ioshd: --child-lifetime: "
				    "seconds, 10 or more\n");
				return -1;
			}
			break;
		default:
			return -1;
		}
	}
	if (d->state == NULL)
		d->state = getenv("IOSH_STATE") ? getenv("IOSH_STATE") :
		    STATE_DEFAULT;
	if (d->sock[0] == '\0')
		snprintf(d->sock, sizeof(d->sock), "%s/ioshd.sock", d->state);
	return optind == argc ? 0 : -1;
}

static int
boot(struct daemon *d)
{
	char	path[4096], ifmap[4096];
	int	failed;

	if (mkdir(d->state, 0700) != 0 && errno != EEXIST) {
		logmsg(LOG_ERR, "%s: %s", d->state, strerror(errno));
		return -1;
	}
	snprintf(path, sizeof(path), "%s/startup-config", d->state);
	/* The IOS name -> Linux device map: STATEDIR/ifmap when it exists. */
	snprintf(ifmap, sizeof(ifmap), "%s/ifmap", d->state);
	d->cfg = ios_config_new();
	if (ios_config_set_paths(d->cfg, path, access(ifmap, R_OK) == 0 ?
	    ifmap : NULL) != 0)
		return -1;
	ios_config_set_engine(d->cfg, d->eng);
	failed = ios_config_load(d->cfg, d->eng, path, log_output, NULL);
	if (failed < 0 && errno != ENOENT)
		logmsg(LOG_ERR, "%s: %s", path, strerror(errno));
	else if (failed > 0)
		logmsg(LOG_WARNING, "%s: %d lines failed to load", path,
		    failed);
	return 0;
}

/* After a line at any console: the config may have changed. */
static void
after_line(void *arg, struct cli *cli)
{
	struct daemon	*d = arg;

	router_changed(d->router);
}

/*
 * The IKE daemon's lines: to syslog (not debug), and to the consoles
 * that watch (terminal monitor; debug crypto ikev2 for debug lines).
 */
static void
ike_to_log(int level, const char *msg, void *arg)
{
	static const int prio[] = {
		[IKE_LOG_ERR] = LOG_ERR,
		[IKE_LOG_WARN] = LOG_WARNING,
		[IKE_LOG_INFO] = LOG_INFO,
		[IKE_LOG_DEBUG] = LOG_DEBUG,
	};
	struct daemon	*d = arg;

	if (level < IKE_LOG_DEBUG || d->debug)
		syslog(level >= 0 ? prio[level] : LOG_INFO, "%s", msg);
	if (d->srv != NULL)
		server_log(d->srv, level == IKE_LOG_DEBUG ? LIVE_DEBUG_IKEV2 :
		    0, msg);
}

/* The router's lines (%LINK-3-UPDOWN, ...): to syslog and consoles. */
static void
router_to_log(void *arg, int prio, const char *line)
{
	struct daemon	*d = arg;

	syslog(prio, "%s", line);
	if (d->srv != NULL)
		server_log(d->srv, 0, line);
}

static void
on_signal(evutil_socket_t sig, short what, void *arg)
{
	struct daemon	*d = arg;

	logmsg(LOG_INFO, "signal %d: stopping", (int)sig);
	event_base_loopbreak(d->base);
}

int
main(int argc, char **argv)
{
	struct daemon	 d;
	struct event	*sigterm, *sigint;
	char		 err[256];

	memset(&d, 0, sizeof(d));
	if (parse_opts(argc, argv, &d) != 0) {
		fprintf(stderr, "usage: ioshd [-dn] [-s statedir] [-S socket] "
		    "[-g group] [--child-lifetime seconds]\n");
		return 2;
	}
	openlog("ioshd", LOG_PID | LOG_PERROR, LOG_DAEMON);
	signal(SIGPIPE, SIG_IGN);
	d.eng = cli_engine_new(live_grammar(), err, sizeof(err));
	if (d.eng == NULL) {
		logmsg(LOG_ERR, "grammar: %s", err);
		return 1;
	}
	if (boot(&d) != 0)
		return 1;
	d.base = event_base_new();
	if (d.base == NULL)
		return 1;
	ike_log_set_sink(ike_to_log, &d);
	ike_log_set_debug(1);
	/* Changing the kernel needs CAP_NET_ADMIN; without root, plan. */
	d.router = router_new(d.base, d.cfg, d.plan_only || geteuid() != 0);
	if (d.router == NULL)
		return 1;
	if (d.child_life != 0) {
		logmsg(LOG_NOTICE, "Child SA lifetimes capped at %llu s "
		    "(--child-lifetime)", d.child_life);
		router_set_child_lifetime(d.router, d.child_life);
	}
	live_set_router(d.router);
	router_set_log(d.router, router_to_log, &d);
	router_apply(d.router);
	d.srv = server_new(d.base, d.eng, d.cfg, IOS_M_USER, IOS_M_PRIV);
	if (d.srv == NULL || server_listen(d.srv, d.sock, d.gid) != 0) {
		logmsg(LOG_ERR, "%s: %s", d.sock, strerror(errno));
		return 1;
	}
	server_set_hook(d.srv, after_line, &d);
	/* Sockets bound, netlink open: keep only what the jobs need. */
	if (privs_drop(d.plan_only || geteuid() != 0) != 0)
		return 1;
	sigterm = evsignal_new(d.base, SIGTERM, on_signal, &d);
	sigint = evsignal_new(d.base, SIGINT, on_signal, &d);
	evsignal_add(sigterm, NULL);
	evsignal_add(sigint, NULL);
	logmsg(LOG_INFO, "listening on %s", d.sock);
	event_base_dispatch(d.base);
	unlink(d.sock);
	event_free(sigterm);
	event_free(sigint);
	server_free(d.srv);
	router_free(d.router);
	event_base_free(d.base);
	ios_config_free(d.cfg);
	cli_engine_free(d.eng);
	closelog();
	return 0;
}
