/*
 * ike/iosh_iked.c: a small IKEv2 daemon for one peer, configured from
 * the command line, for interop runs against strongSwan or libreswan.
 *
 *   iosh-iked --local 192.0.2.1 --remote 192.0.2.2 \
 *       --local-id left.example --remote-id right.example \
 *       --psk-file /root/psk --ike aes256-sha256-modp2048 \
 *       --esp aes256gcm16 --ts-local 10.1.0.0/16 --ts-remote 10.2.0.0/16 \
 *       --xfrm-script /root/sa.sh --initiate
 *
 * The Child SAs it negotiates are written as `ip xfrm state` commands
 * to the --xfrm-script file (created mode 0600: it holds keys) until
 * the backend's netlink kernel interface is linked in here.
 * Binding port 500 needs CAP_NET_BIND_SERVICE.
 */
#include <arpa/inet.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "ike/ike.h"

static volatile sig_atomic_t	iked_stop;

struct iked {
	struct ike_peer	 peer;
	FILE		*script;
	uint16_t	 port, natt;
	int		 initiate;
	uint32_t	 rekey_ike;	/* seconds after up, once; 0: no */
	uint32_t	 rekey_child;
};

static void
iked_signal(int sig)
{
	iked_stop = 1;
}

/* ---- a kernel that writes `ip xfrm state` commands ---- */

static void
iked_hex(FILE *f, const uint8_t *p, size_t len)
{
	size_t	i;

	fputs("0x", f);
	for (i = 0; i < len; i++)
		fprintf(f, "%02x", p[i]);
}

static const char *
iked_ntop(const struct k_addr *a, char *buf, size_t len)
{
	return (inet_ntop(a->family, a->u.bytes, buf, (socklen_t)len));
}

static void
iked_sel(FILE *f, const struct k_sel *s)
{
	char	a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN];

	if (s->family == 0)
		return;
	fprintf(f, " sel src %s/%u dst %s/%u", iked_ntop(&s->src, a,
	    sizeof(a)), s->src_plen, iked_ntop(&s->dst, b, sizeof(b)),
	    s->dst_plen);
	if (s->proto)
		fprintf(f, " proto %u", s->proto);
}

static int
iked_sa_add(void *arg, const struct k_sa *sa)
{
	FILE	*f = arg;
	char	 a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN];

	ike_log(IKE_LOG_INFO, "SA add spi 0x%08x %s -> %s", sa->spi,
	    iked_ntop(&sa->src, a, sizeof(a)), iked_ntop(&sa->dst, b,
	    sizeof(b)));
	if (f == NULL)
		return (0);
	fprintf(f, "ip xfrm state add src %s dst %s proto esp spi 0x%08x "
	    "reqid %u mode %s replay-window %u", a, b, sa->spi, sa->reqid,
	    sa->mode == K_MODE_TUNNEL ? "tunnel" : "transport",
	    sa->replay_window);
	if (sa->aead.name) {
		fprintf(f, " aead '%s' ", sa->aead.name);
		iked_hex(f, sa->aead.key, sa->aead.keylen);
		fprintf(f, " %u", sa->aead.bits);
	} else {
		fprintf(f, " enc '%s' ", sa->enc.name);
		iked_hex(f, sa->enc.key, sa->enc.keylen);
		fprintf(f, " auth-trunc '%s' ", sa->auth.name);
		iked_hex(f, sa->auth.key, sa->auth.keylen);
		fprintf(f, " %u", sa->auth.bits);
	}
	if (sa->if_id)
		fprintf(f, " if_id %u", sa->if_id);
	if (sa->encap_sport)		/* RFC 3948 UDP encapsulation */
		fprintf(f, " encap espinudp %u %u 0.0.0.0", sa->encap_sport,
		    sa->encap_dport);
	if (sa->life.hard_seconds)
		fprintf(f, " limit time-hard %llu time-soft %llu",
		    (unsigned long long)sa->life.hard_seconds,
		    (unsigned long long)sa->life.soft_seconds);
	iked_sel(f, &sa->sel);
	fputc('\n', f);
	fflush(f);
	return (0);
}

static int
iked_sa_del(void *arg, const struct k_sa_id *id)
{
	FILE	*f = arg;
	char	 a[INET6_ADDRSTRLEN];

	iked_ntop(&id->dst, a, sizeof(a));
	ike_log(IKE_LOG_INFO, "SA delete spi 0x%08x dst %s", id->spi, a);
	if (f != NULL) {
		fprintf(f, "ip xfrm state delete dst %s proto esp spi 0x%08x\n",
		    a, id->spi);
		fflush(f);
	}
	return (0);
}

static int
iked_sa_stats(void *arg, const struct k_sa_id *id, struct k_sa_stats *st)
{
	memset(st, 0, sizeof(*st));
	return (0);
}

static const struct kernel_ops iked_kernel_ops = {
	.sa_add = iked_sa_add,
	.sa_del = iked_sa_del,
	.sa_stats = iked_sa_stats,
};

/* ---- options ---- */

static int
iked_addr(const char *s, struct k_addr *a)
{
	memset(a, 0, sizeof(*a));
	a->family = strchr(s, ':') ? AF_INET6 : AF_INET;
	return (inet_pton(a->family, s, a->u.bytes) == 1 ? 0 : -1);
}

/* An identity: an address, user@fqdn, or an FQDN (RFC 7296 3.5). */
static int
iked_id(const char *s, struct ike_id *id)
{
	struct k_addr	a;
	size_t		len = strlen(s);

	memset(id, 0, sizeof(*id));
	if (len == 0 || len > IKE_MAX_ID)
		return (-1);
	if (iked_addr(s, &a) == 0) {
		id->type = a.family == AF_INET ? IKE_ID_IPV4_ADDR :
		    IKE_ID_IPV6_ADDR;
		id->len = a.family == AF_INET ? 4 : 16;
		memcpy(id->data, a.u.bytes, id->len);
		return (0);
	}
	id->type = strchr(s, '@') ? IKE_ID_RFC822_ADDR : IKE_ID_FQDN;
	id->len = (uint8_t)len;
	memcpy(id->data, s, len);
	return (0);
}

static int
iked_cidr(const char *s, struct ike_ts *ts)
{
	char		 buf[64];
	char		*slash;
	struct k_addr	 a;
	unsigned long	 plen;

	snprintf(buf, sizeof(buf), "%s", s);
	if ((slash = strchr(buf, '/')) == NULL)
		return (-1);
	*slash++ = '\0';
	if (iked_addr(buf, &a) < 0)
		return (-1);
	plen = strtoul(slash, NULL, 10);
	if (plen > (a.family == AF_INET ? 32u : 128u))
		return (-1);
	ike_ts_from_prefix(ts, &a, (unsigned)plen, 0, 0);
	return (0);
}

/* Local key on the first line, remote key on the second (or the same). */
static int
iked_psk(const char *path, struct ike_peer *p)
{
	char	 l1[256], l2[256];
	FILE	*f;
	int	 two;

	if ((f = fopen(path, "r")) == NULL || fgets(l1, sizeof(l1), f) ==
	    NULL) {
		if (f)
			fclose(f);
		return (-1);
	}
	two = fgets(l2, sizeof(l2), f) != NULL;
	fclose(f);
	l1[strcspn(l1, "\r\n")] = '\0';
	l2[strcspn(l2, "\r\n")] = '\0';
	p->psk_local = ike_buf_dup(l1, strlen(l1));
	p->psk_remote = two && l2[0] ? ike_buf_dup(l2, strlen(l2)) :
	    ike_buf_dup(l1, strlen(l1));
	explicit_bzero(l1, sizeof(l1));
	explicit_bzero(l2, sizeof(l2));
	return (0);
}

static int
iked_prop(const char *s, uint8_t proto, struct ike_prop *props, size_t *n)
{
	if (*n >= IKE_MAX_PROPS || ike_alg_parse(s, proto, &props[*n]) != 0)
		return (-1);
	props[*n].num = (uint8_t)(*n + 1);
	(*n)++;
	return (0);
}

static const struct option iked_opts[] = {
	{ "local",		required_argument, NULL, 'l' },
	{ "remote",		required_argument, NULL, 'r' },
	{ "port",		required_argument, NULL, 'p' },
	{ "natt-port",		required_argument, NULL, 'n' },
	{ "remote-port",	required_argument, NULL, 'P' },
	{ "local-id",		required_argument, NULL, 'i' },
	{ "remote-id",		required_argument, NULL, 'I' },
	{ "psk-file",		required_argument, NULL, 'k' },
	{ "ike",		required_argument, NULL, 'a' },
	{ "esp",		required_argument, NULL, 'e' },
	{ "ts-local",		required_argument, NULL, 't' },
	{ "ts-remote",		required_argument, NULL, 'T' },
	{ "mode",		required_argument, NULL, 'm' },
	{ "pfs",		required_argument, NULL, 'g' },
	{ "reqid",		required_argument, NULL, 'q' },
	{ "if-id",		required_argument, NULL, 'f' },
	{ "lifetime",		required_argument, NULL, 'L' },
	{ "dpd",		required_argument, NULL, 'D' },
	{ "xfrm-script",	required_argument, NULL, 'x' },
	{ "initiate",		no_argument,	   NULL, 'c' },
	{ "rekey-ike-after",	required_argument, NULL, 'K' },
	{ "rekey-child-after",	required_argument, NULL, 'C' },
	{ "debug",		no_argument,	   NULL, 'd' },
	{ NULL, 0, NULL, 0 },
};

static FILE *
iked_script(const char *path)
{
	int	fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0600)) < 0)
		return (NULL);
	return (fdopen(fd, "w"));
}

/* One option; -1 when its argument is bad. */
static int
iked_opt(struct iked *k, int c, const char *arg)
{
	struct ike_peer		*p = &k->peer;
	struct ike_child_def	*d = &p->child[0];

	switch (c) {
	case 'l': return (iked_addr(arg, &p->local));
	case 'r': return (iked_addr(arg, &p->remote));
	case 'p': k->port = (uint16_t)atoi(arg); return (0);
	case 'n': k->natt = (uint16_t)atoi(arg); return (0);
	case 'P': p->remote_port = (uint16_t)atoi(arg); return (0);
	case 'i': return (iked_id(arg, &p->id_local));
	case 'I': return (iked_id(arg, &p->id_remote));
	case 'k': return (iked_psk(arg, p));
	case 'a': return (iked_prop(arg, IKE_PROTO_IKE, p->props, &p->nprops));
	case 'e': return (iked_prop(arg, IKE_PROTO_ESP, d->props, &d->nprops));
	case 't': return (d->nts_local >= IKE_MAX_TS ? -1 :
		    iked_cidr(arg, &d->ts_local[d->nts_local++]));
	case 'T': return (d->nts_remote >= IKE_MAX_TS ? -1 :
		    iked_cidr(arg, &d->ts_remote[d->nts_remote++]));
	case 'm': d->mode = strcmp(arg, "transport") == 0 ?
		    K_MODE_TRANSPORT : K_MODE_TUNNEL; return (0);
	case 'g': d->pfs_group = (uint16_t)atoi(arg); return (0);
	case 'q': d->reqid = (uint32_t)atoi(arg); return (0);
	case 'f': d->if_id = (uint32_t)atoi(arg); return (0);
	case 'L': d->life_seconds = (uint64_t)atoll(arg); return (0);
	case 'D': p->dpd_interval = (uint32_t)atoi(arg); return (0);
	case 'x': return ((k->script = iked_script(arg)) ? 0 : -1);
	case 'c': k->initiate = 1; return (0);
	case 'K': k->rekey_ike = (uint32_t)atoi(arg); return (0);
	case 'C': k->rekey_child = (uint32_t)atoi(arg); return (0);
	case 'd': ike_log_set_debug(1); return (0);
	}
	return (-1);
}

static void
iked_defaults(struct iked *k)
{
	struct ike_child_def	*d = &k->peer.child[0];

	memset(k, 0, sizeof(*k));
	k->port = 500;
	k->natt = 4500;
	k->peer.remote_port = 500;
	k->peer.nchild = 1;
	k->peer.lifetime = 86400;
	d->mode = K_MODE_TUNNEL;
	d->life_seconds = 3600;
	d->replay_window = 32;
	d->reqid = 1;
}

static int
iked_complete(struct iked *k)
{
	struct ike_peer	*p = &k->peer;

	snprintf(p->name, sizeof(p->name), "%s", "peer");
	if (p->local.family == 0 || p->remote.family == 0 ||
	    p->psk_local == NULL || p->nprops == 0 ||
	    p->child[0].nprops == 0 || p->child[0].nts_local == 0 ||
	    p->child[0].nts_remote == 0)
		return (-1);
	inet_ntop(p->remote.family, p->remote.u.bytes, p->name,
	    sizeof(p->name));
	return (0);
}

static const char *
iked_optname(int c)
{
	size_t	i;

	for (i = 0; iked_opts[i].name != NULL; i++)
		if (iked_opts[i].val == c)
			return (iked_opts[i].name);
	return ("option");
}

static void
iked_usage(void)
{
	fprintf(stderr, "usage: iosh-iked --local ADDR --remote ADDR "
	    "--psk-file FILE --ike PROPOSAL --esp PROPOSAL\n"
	    "\t--ts-local CIDR --ts-remote CIDR [--local-id ID] "
	    "[--remote-id ID]\n"
	    "\t[--mode tunnel|transport] [--pfs GROUP] [--reqid N] "
	    "[--if-id N]\n"
	    "\t[--lifetime S] [--dpd S] [--port N] [--natt-port N] "
	    "[--remote-port N]\n"
	    "\t[--xfrm-script FILE] [--initiate] [--debug]\n"
	    "\t[--rekey-ike-after S] [--rekey-child-after S]\n");
}

/*
 * One rekey of each kind when asked for, a given time after the SA is
 * up (for interop runs), besides the lifetime-driven rekeys of ike_sa.c.
 */
static void
iked_rekey(struct iked *k, struct ike_ctx *ctx, uint64_t now)
{
	struct ike_sa	*sa = ike_ctx_find_peer(ctx, 0);

	if (sa == NULL || sa->state != IKE_ST_ESTABLISHED || !sa->up_since)
		return;
	if (k->rekey_child && now >= sa->up_since + k->rekey_child * 1000ULL &&
	    ike_child_rekey(sa, 0, now) == IKE_OK)
		k->rekey_child = 0;
	else if (k->rekey_ike && now >= sa->up_since +
	    k->rekey_ike * 1000ULL && ike_child_rekey_ike(sa, now) == IKE_OK)
		k->rekey_ike = 0;
	ike_ctx_changed(ctx, sa);	/* a request went out: its timer */
}

/* Run until a signal; restart a lost IKE SA we initiate every 5 s. */
static void
iked_loop(struct iked *k, struct ike_ctx *ctx, struct ike_net *net)
{
	uint64_t	retry = 0, now;
	size_t		i;

	while (!iked_stop) {
		now = ike_net_now();
		if (k->initiate && ike_ctx_find_peer(ctx, 0) == NULL &&
		    now >= retry) {
			ike_ctx_initiate(ctx, 0, now);
			retry = now + 5000;
		}
		iked_rekey(k, ctx, now);
		ike_net_step(net, 200);
	}
	for (i = 0; i < ctx->nsa; i++)
		if (ctx->sa[i]->state == IKE_ST_ESTABLISHED)
			ike_info_delete_ike(ctx->sa[i], ike_net_now());
}

int
main(int argc, char **argv)
{
	struct iked	k;
	struct kernel	kern;
	struct ike_ctx	ctx;
	struct ike_net	net;
	struct ike_io	io;
	int		c;

	iked_defaults(&k);
	memset(&io, 0, sizeof(io));
	while ((c = getopt_long(argc, argv, "", iked_opts, NULL)) != -1)
		if (iked_opt(&k, c, optarg) < 0) {
			fprintf(stderr, "iosh-iked: bad --%s\n",
			    iked_optname(c));
			iked_usage();
			return (2);
		}
	if (iked_complete(&k) < 0) {
		iked_usage();
		return (2);
	}
	kern.ops = &iked_kernel_ops;
	kern.arg = k.script;
	if (ike_ctx_init(&ctx, &k.peer, 1, &kern, &io) != IKE_OK)
		return (1);
	if (ike_net_open(&net, &ctx, &k.peer.local, k.port, k.natt) != IKE_OK ||
	    ike_net_io(&net, 0, &k.peer.remote, k.peer.remote_port,
	    &ctx.io[0]) != IKE_OK)
		return (1);
	signal(SIGINT, iked_signal);
	signal(SIGTERM, iked_signal);
	iked_loop(&k, &ctx, &net);
	ike_net_close(&net);
	ike_ctx_free(&ctx);
	ike_peer_free_secrets(&k.peer);
	if (k.script)
		fclose(k.script);
	return (0);
}
