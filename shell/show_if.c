/*
 * shell/show_if.c: show interfaces and show ip interface brief, in
 * IOS's layout, from plain data (see docs/show-mapping.md for where
 * each field comes from on Linux).
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "shell/show.h"

static const char *
show_if_status(const struct show_link *l)
{
	if (!l->admin_up)
		return "administratively down";
	return l->oper_up ? "up" : "down";
}

static const char *
show_if_encap(const struct show_link *l)
{
	if (strcmp(l->hw, "Tunnel") == 0)
		return "TUNNEL";
	if (strcmp(l->hw, "Loopback") == 0)
		return "LOOPBACK";
	return "ARPA";
}

static void
show_if_head(FILE *f, const struct show_link *l)
{
	const uint8_t	*m = l->mac;
	char		 a[INET_ADDRSTRLEN];

	fprintf(f, "%s is %s, line protocol is %s \n", l->name,
	    show_if_status(l), l->oper_up ? "up" : "down");
	if (l->has_mac)
		fprintf(f, "  Hardware is %s, address is "
		    "%02x%02x.%02x%02x.%02x%02x "
		    "(bia %02x%02x.%02x%02x.%02x%02x)\n", l->hw, m[0], m[1],
		    m[2], m[3], m[4], m[5], m[0], m[1], m[2], m[3], m[4], m[5]);
	else
		fprintf(f, "  Hardware is %s\n", l->hw);
	if (l->descr[0] != '\0')
		fprintf(f, "  Description: %s\n", l->descr);
	if (l->has_addr)
		fprintf(f, "  Internet address is %s/%d\n",
		    inet_ntop(AF_INET, &l->addr, a, sizeof(a)), l->plen);
	fprintf(f, "  MTU %u bytes, BW %u Kbit/sec, DLY %u usec, \n"
	    "     reliability 255/255, txload 1/255, rxload 1/255\n"
	    "  Encapsulation %s, loopback not set\n"
	    "  Keepalive not set\n", l->mtu, l->bw_kbit, l->dly_usec,
	    show_if_encap(l));
}

static void
show_if_tunnel(FILE *f, const struct show_link *l)
{
	fprintf(f, "  Tunnel linestate evaluation %s\n"
	    "  Tunnel source %s, destination %s\n"
	    "  Tunnel protocol/transport %s\n  Tunnel TTL 255\n",
	    l->oper_up ? "up" : "down", l->tun_src[0] ? l->tun_src :
	    "UNKNOWN", l->tun_dst[0] ? l->tun_dst : "UNKNOWN", l->tun_proto);
	if (l->tun_profile[0] != '\0')
		fprintf(f, "  Tunnel protection via IPSec (profile \"%s\")\n",
		    l->tun_profile);
}

static void
show_if_counters(FILE *f, const struct show_link *l)
{
	fprintf(f, "  Last input never, output never, output hang never\n"
	    "  Last clearing of \"show interface\" counters never\n"
	    "  Input queue: 0/375/%llu/0 (size/max/drops/flushes); "
	    "Total output drops: %llu\n  Queueing strategy: fifo\n"
	    "  Output queue: 0/40 (size/max)\n"
	    "  5 minute input rate 0 bits/sec, 0 packets/sec\n"
	    "  5 minute output rate 0 bits/sec, 0 packets/sec\n",
	    (unsigned long long)l->rx_dropped,
	    (unsigned long long)l->tx_dropped);
	fprintf(f, "     %llu packets input, %llu bytes, 0 no buffer\n"
	    "     Received %llu broadcasts (%llu IP multicasts)\n"
	    "     0 runts, 0 giants, 0 throttles \n"
	    "     %llu input errors, %llu CRC, %llu frame, %llu overrun, "
	    "0 ignored\n", (unsigned long long)l->rx_packets,
	    (unsigned long long)l->rx_bytes, (unsigned long long)l->rx_bcast,
	    (unsigned long long)l->rx_mcast, (unsigned long long)l->rx_errors,
	    (unsigned long long)l->rx_crc, (unsigned long long)l->rx_frame,
	    (unsigned long long)l->rx_over);
	fprintf(f, "     %llu packets output, %llu bytes, 0 underruns\n"
	    "     %llu output errors, %llu collisions, 0 interface resets\n"
	    "     0 unknown protocol drops\n"
	    "     0 lost carrier, %llu no carrier\n"
	    "     0 output buffer failures, 0 output buffers swapped out\n",
	    (unsigned long long)l->tx_packets,
	    (unsigned long long)l->tx_bytes,
	    (unsigned long long)l->tx_errors,
	    (unsigned long long)l->collisions,
	    (unsigned long long)l->tx_carrier);
}

void
show_interface(FILE *f, const struct show_link *l)
{
	show_if_head(f, l);
	if (l->tun_proto[0] != '\0')
		show_if_tunnel(f, l);
	show_if_counters(f, l);
}

void
show_ip_brief(FILE *f, const struct show_link *l, size_t n)
{
	char	a[INET_ADDRSTRLEN];
	size_t	i;

	fprintf(f, "%-22s %-15s %-3s %-6s %-21s %s\n", "Interface",
	    "IP-Address", "OK?", "Method", "Status", "Protocol");
	for (i = 0; i < n; i++) {
		if (l[i].has_addr)
			inet_ntop(AF_INET, &l[i].addr, a, sizeof(a));
		else
			snprintf(a, sizeof(a), "unassigned");
		fprintf(f, "%-22s %-15s YES %-6s %-21s %s\n", l[i].name, a,
		    l[i].method ? l[i].method : "unset",
		    show_if_status(&l[i]), l[i].oper_up ? "up" : "down");
	}
}
