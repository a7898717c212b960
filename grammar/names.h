/*
 * grammar/names.h: keyword <-> value tables shared by the handlers and
 * the printer, so that a keyword is spelled in one place.
 */
#ifndef IOSH_GRAMMAR_NAMES_H
#define IOSH_GRAMMAR_NAMES_H

struct ios_name {
	int		 id;
	const char	*kw;
};

extern const struct ios_name	names_ikev2_enc[];
extern const struct ios_name	names_ikev2_hash[];
extern const struct ios_name	names_isakmp_hash[];
extern const struct ios_name	names_isakmp_auth[];
extern const struct ios_name	names_ts_auth[];	/* esp-X-hmac */
extern const struct ios_name	names_ah_auth[];	/* ah-X-hmac */
extern const struct ios_name	names_ts_cipher[];
extern const struct ios_name	names_idtype[];		/* enum ikev2_id */
extern const struct ios_name	names_tunnel_mode[];
extern const struct ios_name	names_tcp_port[];
extern const struct ios_name	names_udp_port[];
extern const struct ios_name	names_proto[];
extern const struct ios_name	names_icmp[];

/* The keyword for id, or NULL. */
const char	*names_kw(const struct ios_name *, int id);
/* The id for a keyword (full, case-insensitive), or -1. */
int		 names_lookup(const struct ios_name *, const char *kw);

#endif
