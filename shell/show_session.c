/*
 * shell/show_session.c: show crypto session [detail], in IOS-XE's
 * layout, from plain data.  The detail form is what ntc-templates'
 * strict cisco_ios_show_crypto_session_detail template reads.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "shell/show.h"

static const char show_session_legend[] =
	"Code: C - IKE Configuration mode, D - Dead Peer Detection\n"
	"K - Keepalives, N - NAT-traversal, T - cTCP encapsulation\n"
	"X - IKE Extended Authentication, F - IKE Fragmentation\n"
	"R - IKE Auto Reconnect, U - IKE Dynamic Route Update\n"
	"S - SIP VPN\n\n";

const char *
show_hms(uint64_t sec, char *buf, size_t len)
{
	unsigned long long	s = sec;

	if (s < 86400)
		snprintf(buf, len, "%02llu:%02llu:%02llu", s / 3600,
		    s / 60 % 60, s % 60);
	else
		snprintf(buf, len, "%llud%02lluh", s / 86400, s / 3600 % 24);
	return buf;
}

const char *
show_addr(const struct k_addr *a, char *buf, size_t len)
{
	if (inet_ntop(a->family, a->u.bytes, buf, (socklen_t)len) == NULL)
		snprintf(buf, len, "?");
	return buf;
}

/* "ip 10.1.0.0/255.255.0.0 10.2.0.0/255.255.0.0", "47 host A host B" */
static void
show_session_flow(FILE *f, const struct show_child *c)
{
	char	la[INET_ADDRSTRLEN], lm[INET_ADDRSTRLEN];
	char	ra[INET_ADDRSTRLEN], rm[INET_ADDRSTRLEN], proto[8];

	inet_ntop(AF_INET, &c->lident.addr, la, sizeof(la));
	inet_ntop(AF_INET, &c->lident.mask, lm, sizeof(lm));
	inet_ntop(AF_INET, &c->rident.addr, ra, sizeof(ra));
	inet_ntop(AF_INET, &c->rident.mask, rm, sizeof(rm));
	if (c->lident.proto == 0)
		snprintf(proto, sizeof(proto), "ip");
	else
		snprintf(proto, sizeof(proto), "%u", c->lident.proto);
	if (c->lident.mask.s_addr == 0xffffffff &&
	    c->rident.mask.s_addr == 0xffffffff)
		fprintf(f, "  IPSEC FLOW: permit %s host %s host %s\n", proto,
		    la, ra);
	else
		fprintf(f, "  IPSEC FLOW: permit %s %s/%s %s/%s\n", proto, la,
		    lm, ra, rm);
}

static void
show_session_counts(FILE *f, const struct show_child *c)
{
	uint64_t	kb, sec;

	show_child_left(c, &c->in, &kb, &sec);
	fprintf(f, "        Inbound:  #pkts dec'ed %llu drop %llu "
	    "life (KB/Sec) %llu/%llu\n", (unsigned long long)c->in.packets,
	    (unsigned long long)(c->in.integrity_errs +
	    c->in.replay_window_errs), (unsigned long long)kb,
	    (unsigned long long)sec);
	show_child_left(c, &c->out, &kb, &sec);
	fprintf(f, "        Outbound: #pkts enc'ed %llu drop 0 "
	    "life (KB/Sec) %llu/%llu\n", (unsigned long long)c->out.packets,
	    (unsigned long long)kb, (unsigned long long)sec);
}

static void
show_session_head(FILE *f, const struct show_session *s, int detail)
{
	char	r[INET6_ADDRSTRLEN], t[32];

	fprintf(f, "Interface: %s\n", s->ifname);
	if (s->profile[0] != '\0')
		fprintf(f, "Profile: %s\n", s->profile);
	if (detail)
		fprintf(f, "Uptime: %s\n", show_hms(s->uptime, t, sizeof(t)));
	fprintf(f, "Session status: %s\n", s->status);
	show_addr(&s->remote, r, sizeof(r));
	if (!detail) {
		fprintf(f, "Peer: %s port %u\n", r, s->remote_port);
		return;
	}
	fprintf(f, "Peer: %s port %u fvrf: (none) ivrf: (none)\n"
	    "      Phase1_id: %s\n      Desc: (none)\n", r, s->remote_port,
	    s->phase1_id[0] ? s->phase1_id : r);
}

static void
show_session_one(FILE *f, const struct show_session *s, int detail)
{
	char	l[INET6_ADDRSTRLEN], r[INET6_ADDRSTRLEN], t[32];

	show_session_head(f, s, detail);
	if (s->no_sa) {
		/* A configured peer with nothing negotiated: its flow. */
		if (s->child != NULL) {
			show_session_flow(f, s->child);
			fputs("        Active SAs: 0, origin: crypto map\n", f);
		}
		fputs("\n", f);
		return;
	}
	show_addr(&s->local, l, sizeof(l));
	show_addr(&s->remote, r, sizeof(r));
	fprintf(f, "  Session ID: %u\n  IKEv2 SA: local %s/%u remote %s/%u "
	    "%s\n", s->id, l, s->local_port, r, s->remote_port,
	    s->ike_active ? "Active" : "Inactive");
	if (detail)
		fprintf(f, "          Capabilities:%s connid:%u lifetime:%s\n",
		    s->caps[0] ? s->caps : "(none)", s->conn_id,
		    show_hms(s->ike_left, t, sizeof(t)));
	if (s->child != NULL) {
		show_session_flow(f, s->child);
		fputs("        Active SAs: 2, origin: crypto map\n", f);
		if (detail)
			show_session_counts(f, s->child);
	}
	fputs("\n", f);
}

void
show_session(FILE *f, const struct show_session *s, size_t n, int detail)
{
	size_t	i;

	fputs("Crypto session current status\n\n", f);
	if (detail)
		fputs(show_session_legend, f);
	for (i = 0; i < n; i++)
		show_session_one(f, &s[i], detail);
}
