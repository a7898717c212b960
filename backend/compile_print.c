/*
 * backend/compile_print.c: `show crypto compile`, the text form of a
 * compile: kernel objects as the `ip` commands that would create them,
 * each with the config line behind it; the IKE peer definitions (keys
 * never printed); and the diagnostics.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>

#include "backend/compile_priv.h"

#define OUT(...)	do { if (fprintf(f, __VA_ARGS__) < 0) return -EIO; } \
			while (0)

int
compile_print_kernel(const struct compile_out *o, FILE *f)
{
	const struct kobj	*k;
	char			 line[1024];
	size_t			 i;
	int			 kind, error;

	if ((error = kstate_sort(o->ks)) != 0)
		return error;
	for (kind = 0; kind < KOBJ_NKINDS; kind++) {
		for (i = 0; i < kstate_count(o->ks, kind); i++) {
			k = kstate_get(o->ks, kind, i);
			if ((error = kobj_fmt(k, KOBJ_ADD, line,
			    sizeof(line))) != 0)
				return error;
			OUT("%s\n", line);
			if (k->origin != NULL)
				OUT("  ! %s\n", k->origin);
		}
	}
	return 0;
}

static const char *
compile_id_str(const struct ike_id *id, char *buf, size_t len)
{
	const char	*kind = "";

	switch (id->type) {
	case 0:
		return "any";
	case IKE_ID_IPV4_ADDR:
	case IKE_ID_IPV6_ADDR:
		snprintf(buf, len, "address ");
		inet_ntop(id->type == IKE_ID_IPV4_ADDR ? AF_INET : AF_INET6,
		    id->data, buf + 8, (socklen_t)(len - 8));
		return buf;
	case IKE_ID_FQDN:
		kind = "fqdn";
		break;
	case IKE_ID_RFC822_ADDR:
		kind = "email";
		break;
	case IKE_ID_KEY_ID:
		kind = "key-id";
		break;
	}
	snprintf(buf, len, "%s %.*s", kind, (int)id->len,
	    (const char *)id->data);
	return buf;
}

static int
compile_print_prop(FILE *f, const char *what, const struct ike_prop *p)
{
	static const char *const	type[] = {
		"", "encr", "prf", "integ", "dh", "esn"
	};
	const struct ike_xf		*x;
	size_t				 i;

	OUT("  %s %u:", what, p->num);
	for (i = 0; i < p->nxf; i++) {
		x = &p->xf[i];
		if (x->type == IKE_XF_DH) {
			OUT("%s dh %u", i ? "," : "", x->id);
			continue;
		}
		OUT("%s %s %s", i ? "," : "", x->type <= IKE_XF_ESN ?
		    type[x->type] : "?", ike_alg_xf_name(x->type, x->id,
		    x->keybits));
		if (x->type == IKE_XF_ENCR && x->keybits != 0)
			OUT("-%u", x->keybits);
	}
	OUT("\n");
	return 0;
}

/* "off" for 0, else "N s". */
static const char *
compile_secs(uint64_t v, char *buf, size_t len)
{
	if (v == 0)
		return "off";
	snprintf(buf, len, "%llu s", (unsigned long long)v);
	return buf;
}

static int
compile_print_ts(FILE *f, const char *side, const struct ike_ts *t)
{
	char	a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN];
	int	af = t->type == IKE_TS_IPV4 ? AF_INET : AF_INET6;

	inet_ntop(af, t->start, a, sizeof(a));
	inet_ntop(af, t->end, b, sizeof(b));
	OUT("    ts %s %s-%s proto %u ports %u-%u\n", side, a, b, t->proto,
	    t->sport, t->eport);
	return 0;
}

static int
compile_print_child(FILE *f, size_t n, const struct ike_child_def *d)
{
	size_t	i;

	OUT("  child %zu: reqid %u if_id %u mode %s\n", n, d->reqid, d->if_id,
	    d->mode == K_MODE_TRANSPORT ? "transport" : "tunnel");
	for (i = 0; i < d->nts_local; i++)
		if (compile_print_ts(f, "local", &d->ts_local[i]) != 0)
			return -EIO;
	for (i = 0; i < d->nts_remote; i++)
		if (compile_print_ts(f, "remote", &d->ts_remote[i]) != 0)
			return -EIO;
	for (i = 0; i < d->nprops; i++)
		if (compile_print_prop(f, "  esp", &d->props[i]) != 0)
			return -EIO;
	if (d->pfs_group)
		OUT("    pfs group %u", d->pfs_group);
	else
		OUT("    pfs off");
	OUT(", lifetime %llu s, ", (unsigned long long)d->life_seconds);
	if (d->life_kbytes)
		OUT("%llu KB", (unsigned long long)d->life_kbytes);
	else
		OUT("no KB limit");
	OUT(", replay window %u\n", d->replay_window);
	return 0;
}

static int
compile_print_peer(FILE *f, const struct ike_peer *p)
{
	char	a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN], id[300];
	size_t	i;

	OUT("ike peer %s\n", p->name);
	OUT("  local %s port %u, remote %s port %u\n",
	    compile_addr_str(&p->local, a, sizeof(a)), p->local_port,
	    compile_addr_str(&p->remote, b, sizeof(b)), p->remote_port);
	OUT("  identity local %s\n", compile_id_str(&p->id_local, id,
	    sizeof(id)));
	OUT("  identity remote %s\n", compile_id_str(&p->id_remote, id,
	    sizeof(id)));
	OUT("  psk local %s, remote %s\n", p->psk_local ? "<hidden>" : "none",
	    p->psk_remote ? "<hidden>" : "none");
	for (i = 0; i < p->nprops; i++)
		if (compile_print_prop(f, "proposal", &p->props[i]) != 0)
			return -EIO;
	OUT("  lifetime %u s, dpd %s", p->lifetime, compile_secs(
	    p->dpd_interval, a, sizeof(a)));
	if (p->dpd_interval)
		OUT(" (%u retries)", p->dpd_retries);
	OUT(", nat keepalive %s\n", compile_secs(p->nat_keepalive, a,
	    sizeof(a)));
	for (i = 0; i < p->nchild; i++)
		if (compile_print_child(f, i + 1, &p->child[i]) != 0)
			return -EIO;
	return 0;
}

int
compile_print_peers(const struct compile_out *o, FILE *f)
{
	size_t	i;

	for (i = 0; i < o->npeers; i++)
		if (compile_print_peer(f, &o->peers[i]) != 0)
			return -EIO;
	return 0;
}

int
compile_print_diags(const struct compile_out *o, FILE *f)
{
	const struct compile_diag	*d;
	size_t				 i;

	for (i = 0; i < o->ndiags; i++) {
		d = &o->diags[i];
		OUT("%% %s: %s\n", compile_sev_name(d->sev), d->msg);
		if (d->line != NULL)
			OUT("  ! %s\n", d->line);
	}
	return 0;
}

int
compile_print_diff(const struct compile_out *o, struct kernel *kern, FILE *f)
{
	return kapply_plan(kern, o->ks, f);
}

int
compile_print(const struct compile_out *o, FILE *f)
{
	int	error;

	OUT("! kernel objects\n");
	if ((error = compile_print_kernel(o, f)) != 0)
		return error;
	OUT("! IKE peers\n");
	if ((error = compile_print_peers(o, f)) != 0)
		return error;
	OUT("! diagnostics\n");
	return compile_print_diags(o, f);
}
