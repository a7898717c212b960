/*
 * grammar/cmd_util.c: helpers the command handlers share (grammar/cmd.h).
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "grammar/cmd.h"

int
cmd_fail(struct cli *cli, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	cli_vprintf(cli, fmt, ap);
	va_end(ap);
	return CLI_ERR_FAILED;
}

void
cmd_advise(struct cli *cli, const char *fmt, ...)
{
	va_list	 ap;

	if (!cli_interactive(cli))
		return;
	va_start(ap, fmt);
	cli_vprintf(cli, fmt, ap);
	va_end(ap);
}

void
cmd_weak(struct cli *cli, const char *what)
{
	cli_printf(cli, "%% Warning: %s is a weak algorithm; IOS-XE 17.11 "
	    "and later refuse it\n", what);
}

/* Unique-prefix match of word in table: exact first; -1 if none. */
static int
kw_match(const struct ios_name *t, const char *w, size_t len)
{
	const struct ios_name	*p, *hit = NULL;

	for (p = t; p->kw != NULL; p++)
		if (strlen(p->kw) == len && strncasecmp(p->kw, w, len) == 0)
			return p->id;
	for (p = t; p->kw != NULL; p++)
		if (strncasecmp(p->kw, w, len) == 0) {
			if (hit != NULL)
				return -1;
			hit = p;
		}
	return hit ? hit->id : -1;
}

int
cmd_kwlist(const struct cmd_args *a, int skip, const struct ios_name *table,
    int *out, int max)
{
	const char	*s = cmd_line(a), *w;
	size_t		 len;
	int		 n = 0, i = 0, id;

	if (s == NULL)
		return 0;
	for (;; i++) {
		while (isspace((unsigned char)*s))
			s++;
		if (*s == '\0')
			break;
		w = s;
		while (*s != '\0' && !isspace((unsigned char)*s))
			s++;
		len = (size_t)(s - w);
		/* The line may still carry the no or default it came with. */
		if (i == 0 && (cmd_negated(a) || cmd_default(a)) &&
		    ((len == 2 && strncasecmp(w, "no", 2) == 0) ||
		    (len >= 3 && strncasecmp(w, "default", len) == 0))) {
			i--;
			continue;
		}
		if (i < skip)
			continue;
		if ((id = kw_match(table, w, len)) != -1 && n < max)
			out[n++] = id;
	}
	return n;
}

int
cmd_which(const struct cmd_args *a, const struct ios_name *t)
{
	for (; t->kw != NULL; t++)
		if (cmd_has(a, t->kw))
			return t->id;
	return -1;
}

int
cmd_v4(const struct cmd_args *a, const char *name, struct in_addr *out)
{
	const char	*s = cmd_arg(a, name);

	if (s == NULL || inet_pton(AF_INET, s, out) != 1)
		return -1;
	return 0;
}

int
cmd_prefix(const struct cmd_args *a, const char *name, struct ios_addr *ad,
    int *plen)
{
	const char	*s = cmd_arg(a, name), *sl;
	char		 buf[INET6_ADDRSTRLEN + 8];
	char		*end;
	long		 l;

	if (s == NULL || (sl = strchr(s, '/')) == NULL ||
	    (size_t)(sl - s) >= sizeof(buf))
		return -1;
	memcpy(buf, s, (size_t)(sl - s));
	buf[sl - s] = '\0';
	if (addr_pton(buf, ad) == -1)
		return -1;
	l = strtol(sl + 1, &end, 10);
	if (*end != '\0' || l < 0 || l > (ad->af == AF_INET ? 32 : 128))
		return -1;
	*plen = (int)l;
	return 0;
}

int
cmd_ifname(const struct cmd_args *a, const char *name, char *out,
    size_t len)
{
	const char	*s = cmd_arg(a, name);

	if (s == NULL)
		return -1;
	if (ifname_canon(s, out, len) == 0)
		return 0;
	return -1;
}

/*
 * head, then one or more of the alternatives of body (separated by
 * "|"), in any order: the engine's repeat group, head {* body }.  How
 * many a command takes at most is its handler's to check.
 */
const struct cmd_tok *
cmd_repeat_seq(const struct cmd_tok *head, const struct cmd_tok *body)
{
	struct cmd_tok	*t;
	size_t		 nh = 0, nb = 0, i = 0, k;

	while (head[nh].spec != NULL)
		nh++;
	while (body[nb].spec != NULL)
		nb++;
	if ((t = calloc(nh + nb + 3, sizeof(*t))) == NULL)
		return NULL;
	for (k = 0; k < nh; k++)
		t[i++] = head[k];
	t[i++].spec = "{*";
	for (k = 0; k < nb; k++)
		t[i++] = body[k];
	t[i].spec = "}";
	return t;
}

const struct cmd_tok *
cmd_repeat_toks(const struct cmd_tok *head, const struct cmd_tok *choices)
{
	const struct cmd_tok	*r;
	struct cmd_tok		*body;
	size_t			 nc = 0, i, j = 0;

	while (choices[nc].spec != NULL)
		nc++;
	if ((body = calloc(2 * nc + 1, sizeof(*body))) == NULL)
		return NULL;
	for (i = 0; i < nc; i++) {
		if (i > 0)
			body[j++].spec = "|";
		body[j++] = choices[i];
	}
	r = cmd_repeat_seq(head, body);
	free(body);
	return r;
}
