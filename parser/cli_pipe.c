/*
 * parser/cli_pipe.c: output modifiers (| include, exclude, begin,
 * section, count), applied to a command's whole output.
 *
 * The expression is everything after the keyword, one POSIX extended
 * regular expression, as IOS takes it.
 */
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/cli_int.h"

struct obuf {
	char	*s;
	size_t	 len, cap;
};

static void
obuf_add(struct obuf *o, const char *s, size_t len)
{
	if (o->len + len + 1 > o->cap) {
		o->cap = (o->len + len + 1) * 2;
		o->s = realloc(o->s, o->cap);
		if (o->s == NULL)
			abort();
	}
	memcpy(o->s + o->len, s, len);
	o->len += len;
	o->s[o->len] = '\0';
}

static int
line_matches(const regex_t *re, const char *s, size_t len)
{
	char	*tmp = strndup(s, len);
	int	 hit;

	if (tmp == NULL)
		abort();
	hit = regexec(re, tmp, 0, NULL, 0) == 0;
	free(tmp);
	return hit;
}

static size_t
line_len(const char *s, const char *end)
{
	const char	*nl = memchr(s, '\n', (size_t)(end - s));

	return nl ? (size_t)(nl - s) + 1 : (size_t)(end - s);
}

static int
is_child(const char *s, size_t len)
{
	return len > 0 && (s[0] == ' ' || s[0] == '\t');
}

/*
 * | section: every top-level line with its indented children, printed
 * whole when any line of it matches.
 */
static void
filter_section(const regex_t *re, const char *in, size_t inlen,
    struct obuf *o)
{
	const char	*p = in, *end = in + inlen, *sec, *q;
	size_t		 l;
	int		 hit;

	while (p < end) {
		sec = p;
		hit = 0;
		l = line_len(p, end);
		do {
			hit = hit || line_matches(re, p, l);
			p += l;
			l = p < end ? line_len(p, end) : 0;
		} while (p < end && is_child(p, l));
		if (!hit)
			continue;
		for (q = sec; q < p; q += line_len(q, end))
			obuf_add(o, q, line_len(q, end));
	}
}

static void
filter_lines(const char *mod, const regex_t *re, const char *in,
    size_t inlen, struct obuf *o)
{
	const char	*p = in, *end = in + inlen;
	size_t		 l, count = 0;
	int		 begun = 0, hit;
	char		 msg[64];

	for (; p < end; p += l) {
		l = line_len(p, end);
		hit = line_matches(re, p, l);
		if (strcmp(mod, "count") == 0)
			count += hit;
		else if (strcmp(mod, "include") == 0 ? hit :
		    strcmp(mod, "exclude") == 0 ? !hit :
		    (begun = begun || hit))
			obuf_add(o, p, l);
	}
	if (strcmp(mod, "count") == 0) {
		snprintf(msg, sizeof(msg),
		    "Number of lines which match regexp = %zu\n", count);
		obuf_add(o, msg, strlen(msg));
	}
}

/*
 * Filter in through modifier mod with expression expr into a new
 * buffer.  Returns 0, or -1 with a message in err when expr is not a
 * valid expression.
 */
int
pipe_filter(const char *in, size_t inlen, const char *mod, const char *expr,
    char **out, size_t *outlen, char *err, size_t errlen)
{
	struct obuf	o = { NULL, 0, 0 };
	regex_t		re;
	int		rc;

	rc = regcomp(&re, expr, REG_EXTENDED | REG_NOSUB);
	if (rc != 0) {
		regerror(rc, &re, err, errlen);
		return -1;
	}
	obuf_add(&o, "", 0);
	if (strcmp(mod, "section") == 0)
		filter_section(&re, in, inlen, &o);
	else
		filter_lines(mod, &re, in, inlen, &o);
	regfree(&re);
	*out = o.s;
	*outlen = o.len;
	return 0;
}
