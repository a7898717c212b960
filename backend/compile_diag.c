/*
 * backend/compile_diag.c: the problems a compile finds, in IOS terms,
 * each with the config line it comes from; and the config lines
 * themselves, written back from the model for diagnostics and for the
 * origin of each kernel object.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend/compile_priv.h"

static int
compile_diag_grow(struct compile_ctx *c)
{
	struct compile_out	*o = c->out;
	struct compile_diag	*v;
	size_t			 cap;

	if (o->ndiags < c->cap_diags)
		return 0;
	cap = c->cap_diags ? c->cap_diags * 2 : 16;
	if ((v = realloc(o->diags, cap * sizeof(*v))) == NULL)
		return -ENOMEM;
	o->diags = v;
	c->cap_diags = cap;
	return 0;
}

/* Record one problem found on line (NULL: none). */
void
compile_diag(struct compile_ctx *c, int sev, const char *line,
    const char *fmt, ...)
{
	struct compile_diag	*d;
	va_list			 ap;
	char			*msg = NULL;
	int			 n;

	va_start(ap, fmt);
	n = vasprintf(&msg, fmt, ap);
	va_end(ap);
	if (n < 0 || compile_diag_grow(c) != 0)
		goto fail;
	d = &c->out->diags[c->out->ndiags];
	d->sev = sev;
	d->msg = msg;
	d->line = NULL;
	if (line != NULL && (d->line = strdup(line)) == NULL)
		goto fail;
	c->out->ndiags++;
	return;
fail:
	if (n >= 0)
		free(msg);
	c->err = -ENOMEM;
}

const char *
compile_sev_name(int sev)
{
	switch (sev) {
	case COMPILE_NOTE:
		return "NOTE";
	case COMPILE_WARN:
		return "WARNING";
	default:
		return "ERROR";
	}
}

/* "crypto map WAN 10 ipsec-isakmp" */
char *
compile_cmap_line(const struct cmap_entry *e, char *buf, size_t len)
{
	snprintf(buf, len, "crypto map %s %d %s%s%s", e->map, e->seq,
	    e->manual ? "ipsec-manual" : "ipsec-isakmp",
	    e->dynmap ? " dynamic " : "", e->dynmap ? e->dynmap : "");
	return buf;
}

const char *
compile_addr_str(const struct k_addr *a, char *buf, size_t len)
{
	if (inet_ntop(a->family, a->u.bytes, buf, len) == NULL)
		snprintf(buf, len, "?");
	return buf;
}

static void
compile_ace_addr(char *buf, size_t len, const struct ace_addr *a)
{
	char	s[INET_ADDRSTRLEN], w[INET_ADDRSTRLEN];
	size_t	n = strlen(buf);

	inet_ntop(AF_INET, &a->addr, s, sizeof(s));
	inet_ntop(AF_INET, &a->wild, w, sizeof(w));
	if (a->wild.s_addr == 0xffffffffu)
		snprintf(buf + n, len - n, " any");
	else if (a->wild.s_addr == 0)
		snprintf(buf + n, len - n, " host %s", s);
	else
		snprintf(buf + n, len - n, " %s %s", s, w);
}

static void
compile_ace_port(char *buf, size_t len, const struct ace_port *p)
{
	static const char *const	op[] = {
		"", "eq", "neq", "lt", "gt", "range"
	};
	size_t				n = strlen(buf);

	if (p->op <= PORT_NONE || p->op > PORT_RANGE)
		return;
	if (p->op == PORT_RANGE)
		snprintf(buf + n, len - n, " range %u %u", p->lo, p->hi);
	else
		snprintf(buf + n, len - n, " %s %u", op[p->op], p->lo);
}

/* The protocol of an ACE as IOS prints it. */
static const char *
compile_proto_name(int proto, char *buf, size_t len)
{
	switch (proto) {
	case ACE_PROTO_IP:
		return "ip";
	case IPPROTO_ICMP:
		return "icmp";
	case IPPROTO_TCP:
		return "tcp";
	case IPPROTO_UDP:
		return "udp";
	case IPPROTO_GRE:
		return "gre";
	case IPPROTO_ESP:
		return "esp";
	case IPPROTO_AH:
		return "ahp";
	}
	snprintf(buf, len, "%d", proto);
	return buf;
}

/* "ip access-list extended X: 10 permit ip A W B W" */
char *
compile_ace_line(const struct ios_acl *acl, const struct ios_ace *a,
    char *buf, size_t len)
{
	const char	*act = a->action == ACE_PERMIT ? "permit" : "deny";
	char		 num[8];

	if (acl->number != 0)
		snprintf(buf, len, "access-list %s %s", acl->name, act);
	else
		snprintf(buf, len, "ip access-list %s %s: %u %s",
		    acl->extended ? "extended" : "standard", acl->name,
		    a->seq, act);
	if (acl->extended) {
		size_t	n = strlen(buf);

		snprintf(buf + n, len - n, " %s",
		    compile_proto_name(a->proto, num, sizeof(num)));
	}
	compile_ace_addr(buf, len, &a->src);
	compile_ace_port(buf, len, &a->sport);
	if (acl->extended) {
		compile_ace_addr(buf, len, &a->dst);
		compile_ace_port(buf, len, &a->dport);
	}
	return buf;
}
