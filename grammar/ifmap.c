/*
 * grammar/ifmap.c: which Linux device an IOS interface name stands for.
 *
 * The map file (see docs/ifmap.md) has one rule a line:
 *	IOS-NAME	LINUX-NAME
 * where IOS-NAME is a canonical name ("GigabitEthernet0/1") or a type
 * with "*" for the numbers ("GigabitEthernet0/" then "*"), and LINUX-NAME may
 * use "%d" for the last number of the IOS name.  The first rule that
 * matches wins; '#' starts a comment.  Without a file, or when no rule
 * matches, the built-in default applies:
 *	GigabitEthernet0/N, GigabitEthernetN, FastEthernet0/N,
 *	EthernetN ...		-> ethN
 *	TunnelN			-> ipsecN
 *	LoopbackN		-> lo (N = 0), else loopN
 *	VlanN			-> vlanN
 *	anything else		-> the IOS name in lower case, cut to 15
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grammar/ios.h"

/* The last number of a canonical name: "GigabitEthernet0/3" -> 3. */
static long
ifmap_last_number(const char *ios)
{
	const char	*p = ios + strlen(ios);

	while (p > ios && isdigit((unsigned char)p[-1]))
		p--;
	return *p ? strtol(p, NULL, 10) : -1;
}

static int
ifmap_match(const char *pat, const char *name)
{
	size_t	 l = strlen(pat);

	if (l > 0 && pat[l - 1] == '*')
		return strncmp(pat, name, l - 1) == 0;
	return strcmp(pat, name) == 0;
}

static int
ifmap_format(const char *fmt, long num, char *out, size_t len)
{
	const char	*pc = strstr(fmt, "%d");
	int		 n;

	if (pc == NULL)
		n = snprintf(out, len, "%s", fmt);
	else
		n = snprintf(out, len, "%.*s%ld%s", (int)(pc - fmt), fmt, num,
		    pc + 2);
	return n < 0 || (size_t)n >= len || n > 15 ? -1 : 0;
}

static int
ifmap_file(const char *path, const char *ios, char *out, size_t len)
{
	FILE	*f;
	char	 line[256], pat[128], dev[64];
	int	 rc = 1;

	if (path == NULL || (f = fopen(path, "r")) == NULL)
		return 1;
	while (fgets(line, sizeof(line), f) != NULL) {
		char *hash = strchr(line, '#');

		if (hash != NULL)
			*hash = '\0';
		if (sscanf(line, "%127s %63s", pat, dev) != 2)
			continue;
		if (ifmap_match(pat, ios)) {
			rc = ifmap_format(dev, ifmap_last_number(ios), out,
			    len);
			break;
		}
	}
	fclose(f);
	return rc;
}

int
ifmap_linux(const struct ios_config *cfg, const char *ios, char *out,
    size_t len)
{
	char		 canon[64];
	long		 num;
	int		 type, rc;
	uint32_t	 n[4];
	const char	*t;
	size_t		 i;

	if (ifname_canon(ios, canon, sizeof(canon)) == -1 ||
	    ifname_parse(canon, &type, n) == -1)
		return -1;
	if ((rc = ifmap_file(cfg ? cfg->ifmap_path : NULL, canon, out,
	    len)) != 1)
		return rc;
	num = ifmap_last_number(canon);
	t = ios_iftypes[type].name;
	if (strstr(t, "Ethernet") != NULL)
		return ifmap_format("eth%d", num, out, len);
	if (strcmp(t, "Tunnel") == 0)
		return ifmap_format("ipsec%d", num, out, len);
	if (strcmp(t, "Loopback") == 0)
		return ifmap_format(num == 0 ? "lo" : "loop%d", num, out, len);
	if (strcmp(t, "Vlan") == 0)
		return ifmap_format("vlan%d", num, out, len);
	for (i = 0; canon[i] != '\0' && i < 15 && i + 1 < len; i++)
		out[i] = (char)tolower((unsigned char)canon[i]);
	out[i] = '\0';
	return 0;
}
