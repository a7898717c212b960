/*
 * shell/pager.c: the --More-- pager.
 *
 * After length - 1 lines the pager shows " --More-- " and waits for a
 * key: Space shows the next page, Enter the next line, anything else
 * drops the rest of the output, as IOS does.
 */
#include <string.h>

#include "shell/shell.h"

static const char more[] = " --More-- ";
static const char unmore[] =
    "\b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\b";

void
pager_init(struct pager *p, void (*put)(void *, const char *, size_t),
    void *putarg, int (*getkey)(void *), void *keyarg)
{
	memset(p, 0, sizeof(*p));
	p->put = put;
	p->putarg = putarg;
	p->getkey = getkey;
	p->keyarg = keyarg;
}

void
pager_start(struct pager *p, int length)
{
	p->length = length;
	p->lines = 0;
	p->aborted = 0;
}

/* Wait at a full page; returns 0 to go on, -1 to stop. */
static int
pager_wait(struct pager *p)
{
	int	key;

	p->put(p->putarg, more, sizeof(more) - 1);
	key = p->getkey ? p->getkey(p->keyarg) : -1;
	p->put(p->putarg, unmore, sizeof(unmore) - 1);
	if (key == ' ')
		p->lines = 0;
	else if (key == '\r' || key == '\n')
		p->lines = p->length - 2;
	else {
		p->aborted = 1;
		return -1;
	}
	return 0;
}

void
pager_write(void *arg, const char *buf, size_t len)
{
	struct pager	*p = arg;
	const char	*nl;
	size_t		 n;

	if (p->length <= 1 && !p->aborted) {
		p->put(p->putarg, buf, len);
		return;
	}
	while (len > 0 && !p->aborted) {
		if (p->length > 1 && p->lines >= p->length - 1 &&
		    pager_wait(p) != 0)
			return;
		nl = memchr(buf, '\n', len);
		n = nl ? (size_t)(nl - buf) + 1 : len;
		p->put(p->putarg, buf, n);
		if (nl != NULL)
			p->lines++;
		buf += n;
		len -= n;
	}
}
