/*
 * grammar/cmd_acl.c: numbered access-lists and ip access-list standard
 * and extended with their entries, and `show [ip] access-lists`.
 *
 * The tokens give `?`, TAB and the caret; the handler then reads the
 * entry from the line as typed, in order (ace_parse), because the same
 * words (host, any, eq) appear on both the source and destination side.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "grammar/cmd.h"

#define ACE_MAXW	32

struct words {
	char	*w[ACE_MAXW];
	int	 n;
	char	 buf[1024];
};

static void
words_split(struct words *ws, const char *line)
{
	char	*p;

	snprintf(ws->buf, sizeof(ws->buf), "%s", line ? line : "");
	ws->n = 0;
	for (p = ws->buf; *p != '\0' && ws->n < ACE_MAXW; ) {
		while (isspace((unsigned char)*p))
			p++;
		if (*p == '\0')
			break;
		ws->w[ws->n++] = p;
		while (*p != '\0' && !isspace((unsigned char)*p))
			p++;
		if (*p != '\0')
			*p++ = '\0';
	}
}

/* w abbreviates kw (at least one letter). */
static int
abbrev(const char *w, const char *kw)
{
	size_t	 l = strlen(w);

	return l > 0 && l <= strlen(kw) && strncasecmp(w, kw, l) == 0;
}

/* Unique-prefix lookup in a names table, exact match first. */
static int
name_lookup(const struct ios_name *t, const char *w)
{
	const struct ios_name	*p, *hit = NULL;

	for (p = t; p->kw != NULL; p++)
		if (strcasecmp(p->kw, w) == 0)
			return p->id;
	for (p = t; p->kw != NULL; p++)
		if (abbrev(w, p->kw)) {
			if (hit)
				return -2;
			hit = p;
		}
	return hit ? hit->id : -2;
}

static int
parse_addr(char **w, int n, int *i, struct ace_addr *a, int std)
{
	if (*i >= n)
		return -1;
	if (abbrev(w[*i], "any")) {
		a->addr.s_addr = 0;
		a->wild.s_addr = 0xffffffffu;
		(*i)++;
		return 0;
	}
	if (abbrev(w[*i], "host")) {
		if (*i + 1 >= n || inet_pton(AF_INET, w[*i + 1], &a->addr) != 1)
			return -1;
		a->wild.s_addr = 0;
		*i += 2;
		return 0;
	}
	if (inet_pton(AF_INET, w[*i], &a->addr) != 1)
		return -1;
	(*i)++;
	a->wild.s_addr = 0;
	if (*i < n && inet_pton(AF_INET, w[*i], &a->wild) == 1)
		(*i)++;
	else if (!std)
		return -1;
	a->addr.s_addr &= ~a->wild.s_addr;
	return 0;
}

static int
parse_portnum(const char *w, int proto, uint16_t *out)
{
	char		*end;
	unsigned long	 v = strtoul(w, &end, 10);
	int		 id;

	if (*end == '\0' && end != w && v <= 65535) {
		*out = (uint16_t)v;
		return 0;
	}
	id = name_lookup(proto == 6 ? names_tcp_port : names_udp_port, w);
	if (id < 0)
		return -1;
	*out = (uint16_t)id;
	return 0;
}

static int
parse_port(char **w, int n, int *i, struct ace_port *p, int proto)
{
	static const char	*ops[] = { "eq", "neq", "lt", "gt", "range" };
	int			 k;

	if (*i >= n || (proto != 6 && proto != 17))
		return 0;
	for (k = 0; k < 5; k++)
		if (strcasecmp(w[*i], ops[k]) == 0)
			break;
	if (k == 5)
		return 0;
	p->op = k + 1;
	if (*i + 1 >= n || parse_portnum(w[*i + 1], proto, &p->lo) == -1)
		return -1;
	*i += 2;
	if (p->op == PORT_RANGE) {
		if (*i >= n || parse_portnum(w[*i], proto, &p->hi) == -1 ||
		    p->hi < p->lo)
			return -1;
		(*i)++;
	}
	return 0;
}

/* Reads the words after permit/deny. */
static int
ace_parse(char **w, int n, int extended, struct ios_ace *e)
{
	char	*end;
	long	 v;
	int	 i = 0, id;

	e->icmp_type = e->icmp_code = -1;
	e->proto = ACE_PROTO_IP;
	if (extended) {
		if (n < 1)
			return -1;
		v = strtol(w[0], &end, 10);
		if (*end == '\0' && v >= 0 && v <= 255)
			e->proto = (int)v;
		else if ((id = name_lookup(names_proto, w[0])) >= 0)
			e->proto = id;
		else
			return -1;
		i = 1;
	}
	if (parse_addr(w, n, &i, &e->src, !extended) == -1)
		return -1;
	if (extended) {
		if (parse_port(w, n, &i, &e->sport, e->proto) == -1 ||
		    parse_addr(w, n, &i, &e->dst, 0) == -1 ||
		    parse_port(w, n, &i, &e->dport, e->proto) == -1)
			return -1;
		if (e->proto == 1 && i < n) {
			v = strtol(w[i], &end, 10);
			if (*end == '\0' && v >= 0 && v <= 255) {
				e->icmp_type = (int)v;
				i++;
				v = i < n ? strtol(w[i], &end, 10) : -1;
				if (i < n && *end == '\0' && v >= 0 &&
				    v <= 255) {
					e->icmp_code = (int)v;
					i++;
				}
			} else if (!abbrev(w[i], "log") &&
			    !abbrev(w[i], "log-input") &&
			    (id = name_lookup(names_icmp, w[i])) >= 0) {
				e->icmp_type = id;
				i++;
			}
		}
		if (i < n && e->proto == 6 && abbrev(w[i], "established")) {
			e->established = 1;
			i++;
		}
	}
	if (i < n && strcasecmp(w[i], "log-input") == 0) {
		e->log = 2;
		i++;
	} else if (i < n && abbrev(w[i], "log")) {
		e->log = 1;
		i++;
	}
	return i == n ? 0 : -1;
}

/* The index of the permit/deny word of the typed line, or -1. */
static int
action_at(struct words *ws, int *action)
{
	int	 i;

	for (i = 0; i < ws->n; i++) {
		if (abbrev(ws->w[i], "permit")) {
			*action = ACE_PERMIT;
			return i;
		}
		if (abbrev(ws->w[i], "deny")) {
			*action = ACE_DENY;
			return i;
		}
	}
	return -1;
}

static int
ace_from_line(struct cli *cli, const struct cmd_args *a, int extended,
    struct ios_ace *e)
{
	struct words	 ws;
	int		 at;

	memset(e, 0, sizeof(*e));
	words_split(&ws, cmd_line(a));
	if ((at = action_at(&ws, &e->action)) == -1 ||
	    ace_parse(ws.w + at + 1, ws.n - at - 1, extended, e) == -1)
		return cmd_fail(cli, "%% Invalid access list entry\n");
	return CLI_OK;
}

static int
acl_is_extended(long num)
{
	return (num >= 100 && num <= 199) || (num >= 2000 && num <= 2699);
}

/* ------------------------------------------------------ numbered */

static int
h_access_list(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config	*cfg = cfg_of(cli);
	long			 num = cmd_num(a, "num", 0);
	char			 name[16];
	struct ios_acl		*l;
	struct ios_ace		 e;
	int			 rc;

	snprintf(name, sizeof(name), "%ld", num);
	if (cmd_off(a)) {
		/* As IOS: the whole list goes, whatever follows. */
		model_del_acl(cfg, name);
		return CLI_OK;
	}
	if (cmd_has(a, "remark")) {
		memset(&e, 0, sizeof(e));
		e.action = ACE_REMARK;
		e.remark = strdup(cmd_arg(a, "text"));
	} else if ((rc = ace_from_line(cli, a, acl_is_extended(num), &e)) !=
	    CLI_OK)
		return rc;
	if ((l = model_acl(cfg, name, 1)) == NULL) {
		free(e.remark);
		return cmd_fail(cli, "%% Out of memory\n");
	}
	l->number = (int)num;
	l->extended = acl_is_extended(num);
	if (model_ace_add(l, &e) == NULL) {
		free(e.remark);
		return cmd_fail(cli, "%% Out of memory\n");
	}
	return CLI_OK;
}

#define ACTION \
	{ "{", NULL }, \
	{ "deny", "Specify packets to reject" }, { "|", NULL }, \
	{ "permit", "Specify packets to forward" }, { "}", NULL }
#define SRC_STD \
	{ "{", NULL }, \
	{ "A.B.C.D:src", "Address to match" }, \
	{ "[", NULL }, { "A.B.C.D:swild", "Wildcard bits" }, { "]", NULL }, \
	{ "|", NULL }, { "any", "Any source host" }, \
	{ "|", NULL }, { "host", "A single host address" }, \
	{ "A.B.C.D:shost", "Host address" }, \
	{ "}", NULL }
#define ADDR(who, a, w, h) \
	{ "{", NULL }, \
	{ "A.B.C.D:" a, who " address" }, \
	{ "A.B.C.D:" w, who " wildcard bits" }, \
	{ "|", NULL }, { "any", "Any " who " host" }, \
	{ "|", NULL }, { "host", "A single " who " host" }, \
	{ "A.B.C.D:" h, who " address" }, \
	{ "}", NULL }
#define PORT(p) \
	{ "[", NULL }, { "{", NULL }, \
	{ "{", NULL }, { "eq", "Match only packets on a given port number" }, \
	{ "|", NULL }, \
	{ "gt", "Match only packets with a greater port number" }, \
	{ "|", NULL }, \
	{ "lt", "Match only packets with a lower port number" }, \
	{ "|", NULL }, \
	{ "neq", "Match only packets not on a given port number" }, \
	{ "}", NULL }, { "WORD:" p, "Port number or name" }, \
	{ "|", NULL }, { "range", "Match only packets in the range of port " \
	    "numbers" }, \
	{ "WORD:" p "lo", "Port number or name" }, \
	{ "WORD:" p "hi", "Port number or name" }, \
	{ "}", NULL }, { "]", NULL }
#define LOG \
	{ "[", NULL }, { "{", NULL }, \
	{ "log", "Log matches against this entry" }, { "|", NULL }, \
	{ "log-input", "Log matches against this entry, including input " \
	    "interface" }, \
	{ "}", NULL }, { "]", NULL }
#define EXT_BODY \
	ACTION, \
	{ "{", NULL }, \
	{ "{", NULL }, \
	{ "ahp", "Authentication Header Protocol" }, { "|", NULL }, \
	{ "esp", "Encapsulation Security Payload" }, { "|", NULL }, \
	{ "gre", "Cisco's GRE tunneling" }, { "|", NULL }, \
	{ "ip", "Any Internet Protocol" }, { "|", NULL }, \
	{ "<0-255>:proto", "An IP protocol number" }, \
	{ "}", NULL }, \
	ADDR("Source", "src", "swild", "shost"), \
	ADDR("Destination", "dst", "dwild", "dhost"), \
	{ "|", NULL }, \
	{ "icmp", "Internet Control Message Protocol" }, \
	ADDR("Source", "src", "swild", "shost"), \
	ADDR("Destination", "dst", "dwild", "dhost"), \
	{ "[", NULL }, { "{", NULL }, \
	{ "<0-255>:itype", "ICMP message type" }, \
	{ "[", NULL }, { "<0-255>:icode", "ICMP message code" }, \
	{ "]", NULL }, \
	{ "|", NULL }, { "echo", "Echo (ping)" }, \
	{ "|", NULL }, { "echo-reply", "Echo reply" }, \
	{ "|", NULL }, { "unreachable", "All unreachables" }, \
	{ "|", NULL }, { "time-exceeded", "All time exceededs" }, \
	{ "|", NULL }, { "redirect", "All redirects" }, \
	{ "|", NULL }, { "parameter-problem", "All parameter problems" }, \
	{ "}", NULL }, { "]", NULL }, \
	{ "|", NULL }, \
	{ "{", NULL }, \
	{ "tcp", "Transmission Control Protocol" }, { "|", NULL }, \
	{ "udp", "User Datagram Protocol" }, \
	{ "}", NULL }, \
	ADDR("Source", "src", "swild", "shost"), PORT("sp"), \
	ADDR("Destination", "dst", "dwild", "dhost"), PORT("dp"), \
	{ "[", NULL }, { "established", "Match established connections" }, \
	{ "]", NULL }, \
	{ "}", NULL }, \
	LOG

static const struct cmd_tok t_std[] = {
	{ "access-list", H_ACCESSLIST },
	{ "{", NULL }, { "<1-99>:num", "IP standard access list" },
	{ "|", NULL }, { "<1300-1999>:num", "IP standard access list "
	    "(expanded range)" }, { "}", NULL },
	ACTION, SRC_STD, LOG, T_END
};
static const struct cmd_tok t_ext[] = {
	{ "access-list", H_ACCESSLIST },
	{ "{", NULL }, { "<100-199>:num", "IP extended access list" },
	{ "|", NULL }, { "<2000-2699>:num", "IP extended access list "
	    "(expanded range)" }, { "}", NULL },
	EXT_BODY, T_END
};
static const struct cmd_tok t_remark[] = {
	{ "access-list", H_ACCESSLIST },
	{ "{", NULL }, { "<1-99>:num", "IP standard access list" },
	{ "|", NULL }, { "<100-199>:num", "IP extended access list" },
	{ "|", NULL }, { "<1300-1999>:num", "IP standard access list "
	    "(expanded range)" },
	{ "|", NULL }, { "<2000-2699>:num", "IP extended access list "
	    "(expanded range)" }, { "}", NULL },
	{ "remark", "Access list entry comment" },
	{ "LINE:text", "Comment up to 100 characters" }, T_END
};

static const struct cmd_def c_std = { M(IOS_M_CONFIG), -1, CMD_NO, 2,
	h_access_list, t_std };
static const struct cmd_def c_ext = { M(IOS_M_CONFIG), -1, CMD_NO, 2,
	h_access_list, t_ext };
static const struct cmd_def c_remark = { M(IOS_M_CONFIG), -1, CMD_NO, 2,
	h_access_list, t_remark };

/* --------------------------------------------------------- named */

static int
h_ip_access_list(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config	*cfg = cfg_of(cli);
	const char		*name = cmd_arg(a, "name");
	int			 ext = cmd_has(a, "extended");
	struct ios_acl		*l;
	char			*end;
	long			 num = strtol(name, &end, 10);

	/* ip access-list extended 101 edits numbered list 101, as IOS. */
	if (*end != '\0' || num < 1 || num > 2699 ||
	    (num >= 200 && num < 1300) || acl_is_extended(num) != ext)
		num = 0;
	l = model_acl(cfg, name, 0);
	if (cmd_off(a)) {
		if (l != NULL)
			model_del_acl(cfg, name);
		return CLI_OK;
	}
	if (l != NULL && l->extended != ext)
		return cmd_fail(cli, "%% A named %s IP access list with this "
		    "name already exists\n", l->extended ? "extended" :
		    "standard");
	if (l == NULL && (l = model_acl(cfg, name, 1)) == NULL)
		return cmd_fail(cli, "%% Out of memory\n");
	l->extended = ext;
	l->number = (int)num;
	cli_set_ctx(cli, l);
	return CLI_OK;
}

static int
h_nacl_entry(struct cli *cli, const struct cmd_args *a)
{
	struct ios_acl	*l = cli_ctx(cli);
	struct ios_ace	 e;
	long		 seq = cmd_num(a, "seq", 0);
	int		 rc;

	if (cmd_has(a, "remark")) {
		memset(&e, 0, sizeof(e));
		e.action = ACE_REMARK;
		e.remark = strdup(cmd_arg(a, "text"));
	} else if ((rc = ace_from_line(cli, a, l->extended, &e)) != CLI_OK)
		return rc;
	e.seq = (uint32_t)seq;
	if (cmd_off(a)) {
		if (seq > 0)
			model_ace_del(l, (uint32_t)seq);
		else
			model_ace_del_same(l, &e);
		free(e.remark);
		return CLI_OK;
	}
	if (model_ace_add(l, &e) == NULL) {
		free(e.remark);
		return cmd_fail(cli, "%% Duplicate sequence number\n");
	}
	return CLI_OK;
}

static int
h_nacl_noseq(struct cli *cli, const struct cmd_args *a)
{
	struct ios_acl	*l = cli_ctx(cli);

	model_ace_del(l, (uint32_t)cmd_num(a, "seq", 0));
	return CLI_OK;
}

static const struct cmd_tok t_ip_acl_ext[] = {
	{ "ip", H_IPG },
	{ "access-list", "Named access-list" },
	{ "extended", "Extended Access List" },
	{ "WORD:name", "Access-list name" }, T_END
};
static const struct cmd_tok t_ip_acl_std[] = {
	{ "ip", H_IPG },
	{ "access-list", "Named access-list" },
	{ "standard", "Standard Access List" },
	{ "WORD:name", "Access-list name" }, T_END
};
#define SEQ \
	{ "[", NULL }, { "<1-2147483647>:seq", "Sequence Number" }, \
	{ "]", NULL }
static const struct cmd_tok t_nacl_std[] = {
	SEQ, ACTION, SRC_STD, LOG, T_END
};
static const struct cmd_tok t_nacl_ext[] = {
	SEQ, EXT_BODY, T_END
};
static const struct cmd_tok t_nacl_remark[] = {
	SEQ, { "remark", "Access list entry comment" },
	{ "LINE:text", "Comment up to 100 characters" }, T_END
};
static const struct cmd_tok t_nacl_noseq[] = {
	{ "<1-2147483647>:seq", "Sequence Number" }, T_END
};

#define M_NACL	(M(IOS_M_EXT_NACL) | M(IOS_M_STD_NACL))
static const struct cmd_def c_ip_acl_ext = { M(IOS_M_CONFIG),
	IOS_M_EXT_NACL, CMD_NO, 0, h_ip_access_list, t_ip_acl_ext };
static const struct cmd_def c_ip_acl_std = { M(IOS_M_CONFIG),
	IOS_M_STD_NACL, CMD_NO, 0, h_ip_access_list, t_ip_acl_std };
static const struct cmd_def c_nacl_std = { M(IOS_M_STD_NACL), -1, CMD_NO, 0,
	h_nacl_entry, t_nacl_std };
static const struct cmd_def c_nacl_ext = { M(IOS_M_EXT_NACL), -1, CMD_NO, 0,
	h_nacl_entry, t_nacl_ext };
static const struct cmd_def c_nacl_remark = { M_NACL, -1, CMD_NO, 0,
	h_nacl_entry, t_nacl_remark };
static const struct cmd_def c_nacl_noseq = { M_NACL, -1,
	CMD_NO | CMD_NO_ONLY, 0, h_nacl_noseq, t_nacl_noseq };

/* ------------------------------------------------ show access-lists */

/*
 * A standard list's entry as show prints it: "10.1.1.0, wildcard bits
 * 0.0.0.255", a host's address alone, "any".
 */
static void
show_std_ace(struct cli *cli, const struct ios_ace *e)
{
	char	a[INET_ADDRSTRLEN], w[INET_ADDRSTRLEN];

	inet_ntop(AF_INET, &e->src.addr, a, sizeof(a));
	inet_ntop(AF_INET, &e->src.wild, w, sizeof(w));
	cli_printf(cli, "    %u %s ", e->seq, e->action == ACE_PERMIT ?
	    "permit" : "deny");
	if (e->src.wild.s_addr == 0xffffffff)
		cli_puts(cli, "any");
	else if (e->src.wild.s_addr == 0)
		cli_puts(cli, a);
	else
		cli_printf(cli, "%s, wildcard bits %s", a, w);
	cli_puts(cli, e->log == 2 ? " log-input\n" : e->log ? " log\n" :
	    "\n");
}

/*
 * IOS's listing: "Extended IP access list NAME", then each entry under
 * its sequence number, remarks left out.  XXX: no "(N matches)": the
 * kernel counts no packets per entry.
 */
static int
h_show_acl(struct cli *cli, const struct cmd_args *a)
{
	const struct ios_config	*cfg = cfg_of(cli);
	const char		*name = cmd_arg(a, "name");
	char			 b[1024];
	size_t			 i, j;

	for (i = 0; i < cfg->acls.n; i++) {
		const struct ios_acl *l = cfg->acls.v[i];

		if (name != NULL && strcmp(name, l->name) != 0)
			continue;
		cli_printf(cli, "%s IP access list %s\n", l->extended ?
		    "Extended" : "Standard", l->name);
		for (j = 0; j < l->aces.n; j++) {
			const struct ios_ace *e = l->aces.v[j];

			if (e->action == ACE_REMARK)
				continue;
			if (!l->extended)
				show_std_ace(cli, e);
			else
				cli_printf(cli, "    %u %s\n", e->seq,
				    ios_ace_text(l, e, b, sizeof(b)));
		}
	}
	return CLI_OK;
}

static const struct cmd_tok t_show_acl[] = {
	{ "show", H_SHOW }, { "access-lists", "List access lists" },
	{ "[", NULL }, { "WORD:name", "ACL name or number" }, { "]", NULL },
	T_END
};
static const struct cmd_tok t_show_ip_acl[] = {
	{ "show", H_SHOW }, { "ip", "IP information" },
	{ "access-lists", "List IP access lists" },
	{ "[", NULL }, { "WORD:name", "ACL name or number" }, { "]", NULL },
	T_END
};
static const struct cmd_def c_show_acl = { M_EXEC_ALL, -1, CMD_PIPE, 0,
	h_show_acl, t_show_acl };
static const struct cmd_def c_show_ip_acl = { M_EXEC_ALL, -1, CMD_PIPE, 0,
	h_show_acl, t_show_ip_acl };

const struct cmd_def *const cmds_acl[] = {
	&c_std, &c_ext, &c_remark,
	&c_ip_acl_ext, &c_ip_acl_std, &c_nacl_std, &c_nacl_ext, &c_nacl_remark,
	&c_nacl_noseq, &c_show_acl, &c_show_ip_acl,
	NULL
};
