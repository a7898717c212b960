/*
 * shell/show.h: IOS show output from plain data.
 *
 * The formatters (shell/show_*.c) know IOS's layout and nothing about
 * where the numbers come from: the router fills these structs from the
 * IKE daemon and the kernel's XFRM counters, shell/show_nl.c fills the
 * interface and route ones from netlink, and tests fill them by hand.
 * Each formatter writes to a stdio stream.  docs/show-mapping.md says
 * which Linux field feeds which IOS field.
 */
#ifndef IOSH_SHELL_SHOW_H
#define IOSH_SHELL_SHOW_H

#include <net/if.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>

#include "backend/kernel.h"

struct ios_config;

/* ------------------------------------------------------------- IPsec */

/* One side of a flow: "(10.1.0.0/255.255.0.0/0/0)". */
struct show_ident {
	struct in_addr	 addr, mask;
	uint8_t		 proto;		/* 0: any */
	uint16_t	 port;		/* 0: any */
};

/* One Child SA: a pair of ESP SAs, inbound and outbound. */
struct show_child {
	char		 ifname[64];	/* "Tunnel0", or "(unknown)" */
	char		 tag[160];	/* crypto map tag: "Tunnel0-head-0" */
	char		 mtu_idb[64];	/* the underlay interface */
	struct k_addr	 local, remote;
	uint16_t	 remote_port;
	struct show_ident lident, rident;
	uint32_t	 spi_in, spi_out;
	char		 transform[64];	/* "esp-256-aes esp-sha256-hmac" */
	int		 tunnel;	/* else transport */
	int		 udp_encap;
	int		 esn;
	unsigned	 iv_size;
	unsigned	 pfs_group;	/* 0: no PFS */
	uint32_t	 replay_window;
	unsigned	 path_mtu, plain_mtu;
	struct k_sa_stats in, out;	/* the kernel's per-state counters */
	uint64_t	 life_kb;	/* configured limits */
	uint64_t	 life_sec;
	uint64_t	 now;		/* seconds, add_time's clock */
	unsigned	 conn_id;	/* the inbound SA's; outbound is -1 */
};

/* Seconds and kilobytes an SA has left, from its counters. */
void	show_child_left(const struct show_child *, const struct k_sa_stats *,
	    uint64_t *kb, uint64_t *sec);

/* show crypto ipsec sa [detail] */
void	show_ipsec_sa(FILE *, const struct show_child *, size_t, int detail);

/* One IKE SA and the Child SA under it, for show crypto session. */
struct show_session {
	char			 ifname[64];
	char			 profile[64];	/* "": none */
	const char		*status;	/* "UP-ACTIVE", ... */
	struct k_addr		 local, remote;
	uint16_t		 local_port, remote_port;
	char			 phase1_id[128];
	unsigned		 id;		/* Session ID */
	unsigned		 conn_id;
	int			 ike_active;
	int			 no_sa;		/* configured, no IKE SA */
	char			 caps[8];	/* "D", "DN", "" */
	uint64_t		 uptime;	/* seconds */
	uint64_t		 ike_left;	/* seconds of IKE lifetime */
	const struct show_child	*child;		/* NULL: no flow */
};

/* show crypto session [detail] */
void	show_session(FILE *, const struct show_session *, size_t, int detail);

/* "11:12:24", or "2d03h" past a day: IOS's short durations. */
const char *show_hms(uint64_t sec, char *, size_t);
/* An address as show prints it, "?" when it has none. */
const char *show_addr(const struct k_addr *, char *, size_t);

/* ------------------------------------------------- interfaces, routes */

struct show_link {
	char		 name[64];	/* the IOS name, else the Linux one */
	char		 dev[IF_NAMESIZE];	/* "" when no device */
	char		 hw[32];	/* "Ethernet", "Tunnel", "Loopback" */
	char		 descr[128];
	int		 admin_up, oper_up;
	int		 has_mac;
	uint8_t		 mac[6];
	int		 has_addr;
	struct in_addr	 addr;
	int		 plen;
	const char	*method;	/* "NVRAM", "DHCP", "manual", "unset" */
	unsigned	 mtu;
	unsigned	 bw_kbit, dly_usec;
	uint64_t	 rx_packets, rx_bytes, tx_packets, tx_bytes;
	uint64_t	 rx_errors, rx_crc, rx_frame, rx_over, rx_dropped;
	uint64_t	 rx_bcast, rx_mcast;
	uint64_t	 tx_errors, tx_dropped, collisions, tx_carrier;
	/* TunnelN, from the config; tun_proto "": not a tunnel */
	char		 tun_proto[16];	/* "IPSEC/IP", "GRE/IP" */
	char		 tun_src[80];	/* "A.B.C.D (GigabitEthernet0/0)" */
	char		 tun_dst[64];
	char		 tun_profile[64];	/* tunnel protection */
};

/* show interfaces [IF] (one link), show ip interface brief (all) */
void	show_interface(FILE *, const struct show_link *);
void	show_ip_brief(FILE *, const struct show_link *, size_t);

struct show_nexthop {
	int		 has_gw;
	struct in_addr	 gw;
	char		 ifname[64];	/* "": none */
};

#define SHOW_MAX_NH	8
struct show_route {
	char			 code;		/* 'C', 'L', 'S', ... */
	int			 candidate;	/* default route: '*' */
	struct in_addr		 dst;
	int			 plen;
	unsigned		 distance, metric;
	struct show_nexthop	 nh[SHOW_MAX_NH];
	size_t			 nnh;
};

/* show ip route (sorts the array) */
void	show_ip_route(FILE *, struct show_route *, size_t);

/* ------------------------------------------ Linux state (show_nl.c) */

/* The state of this network namespace, with IOS names from cfg. */
struct show_state {
	struct show_link	*links;
	size_t			 nlinks;
	struct show_route	*routes;
	size_t			 nroutes;
};

/* 0, or -1 with a message in err. */
int	show_nl_read(const struct ios_config *, struct show_state *,
	    char *err, size_t errlen);
void	show_nl_free(struct show_state *);
/* The IOS name of a Linux device (its own name when none maps to it). */
void	show_nl_ifname(const struct ios_config *, const char *dev, char *,
	    size_t);

/* ------------------------------------ console commands (show_cmd.c) */

/* r: the router whose tunnels' line protocol to show; NULL: none. */
struct cli;
struct router;
int	show_cmd_ip_route(struct cli *);
int	show_cmd_interfaces(struct cli *, const char *ifname,
	    const struct router *r);
int	show_cmd_ip_brief(struct cli *, const struct router *r);

#endif
