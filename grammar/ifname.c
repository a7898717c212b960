/*
 * grammar/ifname.c: IOS interface names.  The engine's IFNAME
 * placeholder matches against ios_iftypes; handlers turn what was typed
 * into the canonical name ("Tu 0", "tu0", "Tunnel0" -> "Tunnel0").
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "grammar/ios.h"

/* Ties among abbreviations go to the earlier entry, as IOS does. */
const struct cli_iftype ios_iftypes[] = {
	{ "GigabitEthernet", "GigabitEthernet IEEE 802.3z",
	    "<0-9>  GigabitEthernet interface number" },
	{ "FastEthernet", "FastEthernet IEEE 802.3",
	    "<0-9>  FastEthernet interface number" },
	{ "Ethernet", "IEEE 802.3",
	    "<0-9>  Ethernet interface number" },
	{ "TenGigabitEthernet", "Ten Gigabit Ethernet",
	    "<0-9>  TenGigabitEthernet interface number" },
	{ "Loopback", "Loopback interface",
	    "<0-2147483647>  Loopback interface number" },
	{ "Tunnel", "Tunnel interface",
	    "<0-2147483647>  Tunnel interface number" },
	{ "Vlan", "Catalyst Vlans",
	    "<1-4094>  Vlan interface number" },
	{ "Dialer", "Dialer interface",
	    "<0-255>  Dialer interface number" },
	{ "Virtual-Template", "Virtual Template interface",
	    "<1-4095>  Virtual-Template interface number" },
	{ "Port-channel", "Ethernet Channel of interfaces",
	    "<1-512>  Port-channel interface number" },
	{ "Serial", "Serial",
	    "<0-9>  Serial interface number" },
	{ "Cellular", "Cellular interface",
	    "<0-9>  Cellular interface number" },
	{ "BDI", "Bridge-Domain interface",
	    "<1-16000>  BDI interface number" },
	{ "Null", "Null interface",
	    "<0-0>  Null interface number" },
};
const size_t ios_niftypes = sizeof(ios_iftypes) / sizeof(ios_iftypes[0]);

/* show running-config order: virtual interfaces first, as IOS-XE. */
int
ifname_order(int type)
{
	static const char	*first[] = { "Loopback", "Port-channel",
				    "Tunnel" };
	static const char	*last[] = { "Virtual-Template", "Vlan",
				    "Dialer", "Null" };
	size_t			 i;

	if (type < 0 || (size_t)type >= ios_niftypes)
		return 1000;
	for (i = 0; i < sizeof(first) / sizeof(first[0]); i++)
		if (strcmp(ios_iftypes[type].name, first[i]) == 0)
			return (int)i;
	for (i = 0; i < sizeof(last) / sizeof(last[0]); i++)
		if (strcmp(ios_iftypes[type].name, last[i]) == 0)
			return 100 + (int)i;
	return 10 + type;
}

/* The type whose name starts with the len letters of s, or -1. */
static int
ifname_type(const char *s, size_t len)
{
	size_t	 i;

	if (len == 0)
		return -1;
	for (i = 0; i < ios_niftypes; i++)
		if (strlen(ios_iftypes[i].name) == len &&
		    strncasecmp(ios_iftypes[i].name, s, len) == 0)
			return (int)i;
	for (i = 0; i < ios_niftypes; i++)
		if (strncasecmp(ios_iftypes[i].name, s, len) == 0)
			return (int)i;
	return -1;
}

/* "0/1/2.100": up to three numbers and a subinterface. */
static int
ifname_numbers(const char *p, uint32_t num[4])
{
	char		*end;
	unsigned long	 v;
	int		 i = 0;

	memset(num, 0, 4 * sizeof(num[0]));
	for (;;) {
		if (!isdigit((unsigned char)*p))
			return -1;
		v = strtoul(p, &end, 10);
		if (v > 0xffffffffUL || i > 2)
			return -1;
		num[i++] = (uint32_t)v;
		p = end;
		if (*p == '/')
			p++;
		else
			break;
	}
	if (*p == '.') {
		if (!isdigit((unsigned char)p[1]))
			return -1;
		v = strtoul(p + 1, &end, 10);
		if (v > 0xffffffffUL)
			return -1;
		num[3] = (uint32_t)v + 1;
		p = end;
	}
	return *p == '\0' ? 0 : -1;
}

int
ifname_canon(const char *in, char *out, size_t len)
{
	const char	*p = in, *num;
	uint32_t	 n[4];
	int		 t;

	while (isalpha((unsigned char)*p) || *p == '-')
		p++;
	if ((t = ifname_type(in, (size_t)(p - in))) == -1)
		return -1;
	num = p;
	while (*num == ' ')
		num++;
	if (ifname_numbers(num, n) == -1)
		return -1;
	if ((size_t)snprintf(out, len, "%s%s", ios_iftypes[t].name, num) >=
	    len)
		return -1;
	return 0;
}

int
ifname_parse(const char *canon, int *type, uint32_t num[4])
{
	const char	*p = canon;

	while (isalpha((unsigned char)*p) || *p == '-')
		p++;
	if ((*type = ifname_type(canon, (size_t)(p - canon))) == -1)
		return -1;
	return ifname_numbers(p, num);
}
