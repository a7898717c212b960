/*
 * grammar/print.c: the running configuration as IOS prints it.
 *
 * Section order, indentation and the `!` separators follow IOS-XE
 * (reference section 1.5); defaults are left out, keywords are spelled
 * in full.  The output, loaded again, gives the same model.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grammar/ios.h"
#include "grammar/names.h"

struct out {
	ios_emit_fn	*fn;
	void		*arg;
};

static void out_line(struct out *, const char *, ...)
    __attribute__((format(printf, 2, 3)));

static void
out_line(struct out *o, const char *fmt, ...)
{
	char	 buf[4096];
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	o->fn(o->arg, buf);
}

static const char *
v4(struct in_addr a, char *buf)
{
	return inet_ntop(AF_INET, &a, buf, INET_ADDRSTRLEN);
}

/* IOS prints IPv6 addresses in upper case. */
static const char *
anyaddr(const struct ios_addr *a, char *buf, size_t len)
{
	char	*p;

	addr_ntop(a, buf, len);
	if (a->af == AF_INET6)
		for (p = buf; *p != '\0'; p++)
			*p = (char)toupper((unsigned char)*p);
	return buf;
}

static void
alglist(char *buf, size_t len, const struct ios_alglist *l,
    const struct ios_name *names)
{
	size_t	 off = 0;
	int	 i;

	buf[0] = '\0';
	for (i = 0; i < l->n && off < len; i++) {
		const char *kw = names ? names_kw(names, l->v[i]) : NULL;

		if (kw != NULL)
			off += snprintf(buf + off, len - off, " %s", kw);
		else
			off += snprintf(buf + off, len - off, " %d", l->v[i]);
	}
}

static const char *
psk_text(const struct ios_psk *p, char *buf, size_t len)
{
	if (p->keytype != 0)
		snprintf(buf, len, "%d %s", p->keytype, p->key);
	else
		snprintf(buf, len, "%s", p->key);
	return buf;
}

static void
print_keep(struct out *o, const struct ios_config *cfg, int sect)
{
	const struct ios_vec	*v = &cfg->keep[sect];
	size_t			 i, j;

	for (i = 0; i < v->n; i++) {
		const struct ios_keep	*k = v->v[i];

		o->fn(o->arg, k->text);
		for (j = 0; j < k->sub.n; j++)
			o->fn(o->arg, k->sub.v[j]);
	}
	if (v->n > 0)
		o->fn(o->arg, "!");
}

/* ------------------------------------------------------------- IKEv2 */

static void
print_ikev2(struct out *o, const struct ios_config *cfg)
{
	char	 b[512], a[INET6_ADDRSTRLEN], m[INET_ADDRSTRLEN];
	size_t	 i, j;

	for (i = 0; i < cfg->ikev2_proposals.n; i++) {
		const struct ikev2_proposal *p = cfg->ikev2_proposals.v[i];

		out_line(o, "crypto ikev2 proposal %s", p->name);
		if (p->enc.n) {
			alglist(b, sizeof(b), &p->enc, names_ikev2_enc);
			out_line(o, " encryption%s", b);
		}
		if (p->integ.n) {
			alglist(b, sizeof(b), &p->integ, names_ikev2_hash);
			out_line(o, " integrity%s", b);
		}
		if (p->prf.n) {
			alglist(b, sizeof(b), &p->prf, names_ikev2_hash);
			out_line(o, " prf%s", b);
		}
		if (p->group.n) {
			alglist(b, sizeof(b), &p->group, NULL);
			out_line(o, " group%s", b);
		}
		o->fn(o->arg, "!");
	}
	for (i = 0; i < cfg->ikev2_policies.n; i++) {
		const struct ikev2_policy *p = cfg->ikev2_policies.v[i];

		out_line(o, "crypto ikev2 policy %s", p->name);
		if (p->description)
			out_line(o, " description %s", p->description);
		if (p->match_fvrf)
			out_line(o, " match fvrf %s", p->match_fvrf);
		for (j = 0; j < p->nmatch_local; j++)
			out_line(o, " match address local %s",
			    anyaddr(&p->match_local[j], a, sizeof(a)));
		for (j = 0; j < p->proposals.n; j++)
			out_line(o, " proposal %s",
			    (char *)p->proposals.v[j]);
		o->fn(o->arg, "!");
	}
	for (i = 0; i < cfg->ikev2_keyrings.n; i++) {
		const struct ikev2_keyring *k = cfg->ikev2_keyrings.v[i];

		out_line(o, "crypto ikev2 keyring %s", k->name);
		for (j = 0; j < k->peers.n; j++) {
			const struct ikev2_kr_peer *p = k->peers.v[j];

			out_line(o, " peer %s", p->name);
			if (p->description)
				out_line(o, "  description %s",
				    p->description);
			if (p->addr.af == AF_INET && p->plen >= 0)
				out_line(o, "  address %s %s",
				    anyaddr(&p->addr, a, sizeof(a)),
				    v4(plen_mask(p->plen), m));
			else if (p->addr.af == AF_INET6)
				out_line(o, "  address %s/%d",
				    anyaddr(&p->addr, a, sizeof(a)), p->plen);
			else if (p->addr.af == AF_INET)
				out_line(o, "  address %s",
				    anyaddr(&p->addr, a, sizeof(a)));
			if (p->hostname)
				out_line(o, "  hostname %s", p->hostname);
			if (p->id_type)
				out_line(o, "  identity %s %s",
				    names_kw(names_idtype, p->id_type), p->id);
			if (p->psk.key)
				out_line(o, "  pre-shared-key %s",
				    psk_text(&p->psk, b, sizeof(b)));
			if (p->psk_local.key)
				out_line(o, "  pre-shared-key local %s",
				    psk_text(&p->psk_local, b, sizeof(b)));
			if (p->psk_remote.key)
				out_line(o, "  pre-shared-key remote %s",
				    psk_text(&p->psk_remote, b, sizeof(b)));
			o->fn(o->arg, " !");
		}
		o->fn(o->arg, "!");
	}
	for (i = 0; i < cfg->ikev2_profiles.n; i++)
		ios_print_ikev2_profile(cfg->ikev2_profiles.v[i], o->fn,
		    o->arg);
	if (cfg->ikev2_dpd.interval) {
		out_line(o, "crypto ikev2 dpd %d %d %s",
		    cfg->ikev2_dpd.interval,
		    cfg->ikev2_dpd.retry ? cfg->ikev2_dpd.retry : 2,
		    cfg->ikev2_dpd.mode == IOS_DPD_PERIODIC ? "periodic" :
		    "on-demand");
	}
	if (cfg->ikev2_nat_keepalive)
		out_line(o, "crypto ikev2 nat keepalive %d",
		    cfg->ikev2_nat_keepalive);
	if (cfg->ikev2_dpd.interval || cfg->ikev2_nat_keepalive)
		o->fn(o->arg, "!");
}

static const char *
auth_kw(unsigned bit)
{
	switch (bit) {
	case IKEV2_AUTH_PSK:
		return "pre-share";
	case IKEV2_AUTH_RSA:
		return "rsa-sig";
	case IKEV2_AUTH_ECDSA:
		return "ecdsa-sig";
	case IKEV2_AUTH_EAP:
		return "eap";
	}
	return "?";
}

void
ios_print_ikev2_profile(const struct ikev2_profile *p, ios_emit_fn *fn,
    void *arg)
{
	struct out	 oo = { fn, arg }, *o = &oo;
	char		 a[INET6_ADDRSTRLEN], m[INET_ADDRSTRLEN], kb[512];
	unsigned	 bit;
	size_t		 j;

	out_line(o, "crypto ikev2 profile %s", p->name);
	if (p->description)
		out_line(o, " description %s", p->description);
	if (p->match_fvrf)
		out_line(o, " match fvrf %s", p->match_fvrf);
	if (p->match_local.af)
		out_line(o, " match address local %s",
		    anyaddr(&p->match_local, a, sizeof(a)));
	if (p->match_local_if)
		out_line(o, " match address local interface %s",
		    p->match_local_if);
	for (j = 0; j < p->match_remote.n; j++) {
		const struct ikev2_match_id *mi = p->match_remote.v[j];
		const char *dom = mi->domain ? "domain " : "";

		if (mi->type == IKEV2_ID_ADDRESS && mi->addr.af == AF_INET)
			out_line(o, " match identity remote address %s %s",
			    anyaddr(&mi->addr, a, sizeof(a)),
			    v4(plen_mask(mi->plen < 0 ? 32 : mi->plen), m));
		else if (mi->type == IKEV2_ID_ADDRESS)
			out_line(o, " match identity remote address %s/%d",
			    anyaddr(&mi->addr, a, sizeof(a)),
			    mi->plen < 0 ? 128 : mi->plen);
		else
			out_line(o, " match identity remote %s %s%s",
			    names_kw(names_idtype, mi->type), dom, mi->value);
	}
	if (p->match_any)
		out_line(o, " match identity remote any");
	if (p->id_local_type == IKEV2_ID_DN)
		out_line(o, " identity local dn");
	else if (p->id_local_type)
		out_line(o, " identity local %s %s",
		    names_kw(names_idtype, p->id_local_type), p->id_local);
	for (bit = 1; bit <= IKEV2_AUTH_EAP; bit <<= 1)
		if (p->auth_remote & bit && bit == IKEV2_AUTH_PSK &&
		    p->auth_remote_key.key != NULL)
			out_line(o, " authentication remote pre-share key %s",
			    psk_text(&p->auth_remote_key, kb, sizeof(kb)));
		else if (p->auth_remote & bit)
			out_line(o, " authentication remote %s", auth_kw(bit));
	for (bit = 1; bit <= IKEV2_AUTH_EAP; bit <<= 1)
		if (p->auth_local & bit && bit == IKEV2_AUTH_PSK &&
		    p->auth_local_key.key != NULL)
			out_line(o, " authentication local pre-share key %s",
			    psk_text(&p->auth_local_key, kb, sizeof(kb)));
		else if (p->auth_local & bit)
			out_line(o, " authentication local %s", auth_kw(bit));
	if (p->keyring)
		out_line(o, " keyring local %s", p->keyring);
	if (p->trustpoint)
		out_line(o, " pki trustpoint %s", p->trustpoint);
	if (p->lifetime)
		out_line(o, " lifetime %d", p->lifetime);
	if (p->dpd.interval)
		out_line(o, " dpd %d %d %s", p->dpd.interval, p->dpd.retry,
		    p->dpd.mode == IOS_DPD_PERIODIC ? "periodic" :
		    "on-demand");
	if (p->nat_keepalive)
		out_line(o, " nat keepalive %d", p->nat_keepalive);
	if (p->ivrf)
		out_line(o, " ivrf %s", p->ivrf);
	if (p->virtual_template)
		out_line(o, " virtual-template %d", p->virtual_template);
	if (p->shutdown)
		out_line(o, " shutdown");
	o->fn(o->arg, "!");
}

/* ------------------------------------------------------------- IKEv1 */

static const char *
isakmp_enc_kw(int enc)
{
	switch (enc) {
	case ISAKMP_ENC_3DES:
		return "3des";
	case ISAKMP_ENC_AES128:
		return "aes";
	case ISAKMP_ENC_AES192:
		return "aes 192";
	case ISAKMP_ENC_AES256:
		return "aes 256";
	}
	return "des";
}

static void
print_isakmp_key(struct out *o, const struct isakmp_key *k)
{
	char	 b[512], a[INET6_ADDRSTRLEN], m[INET_ADDRSTRLEN];
	char	 tail[128] = "";

	if (k->hostname) {
		out_line(o, "crypto isakmp key %s hostname %s",
		    psk_text(&k->psk, b, sizeof(b)), k->hostname);
		return;
	}
	if (k->no_xauth)
		strcpy(tail, " no-xauth");
	if (k->addr.af == AF_INET6)
		out_line(o, "crypto isakmp key %s address ipv6 %s/%d%s",
		    psk_text(&k->psk, b, sizeof(b)),
		    anyaddr(&k->addr, a, sizeof(a)), k->plen, tail);
	else if (k->has_mask)
		/* IOS pads the mask with eight spaces. */
		out_line(o, "crypto isakmp key %s address %s        %s%s",
		    psk_text(&k->psk, b, sizeof(b)),
		    anyaddr(&k->addr, a, sizeof(a)), v4(k->mask, m), tail);
	else
		out_line(o, "crypto isakmp key %s address %s%s",
		    psk_text(&k->psk, b, sizeof(b)),
		    anyaddr(&k->addr, a, sizeof(a)), tail);
}

static void
print_isakmp(struct out *o, const struct ios_config *cfg)
{
	char	 b[512], a[INET6_ADDRSTRLEN], m[INET_ADDRSTRLEN];
	size_t	 i, j;
	int	 any = 0;

	for (i = 0; i < cfg->isakmp_policies.n; i++) {
		const struct isakmp_policy *p = cfg->isakmp_policies.v[i];

		out_line(o, "crypto isakmp policy %d", p->prio);
		if (p->enc != ISAKMP_ENC_DES)
			out_line(o, " encr %s", isakmp_enc_kw(p->enc));
		if (p->hash != ISAKMP_HASH_SHA)
			out_line(o, " hash %s",
			    names_kw(names_isakmp_hash, p->hash));
		if (p->auth != ISAKMP_AUTH_RSA_SIG)
			out_line(o, " authentication %s",
			    names_kw(names_isakmp_auth, p->auth));
		if (p->group && p->group != IOS_DEF_ISAKMP_GROUP)
			out_line(o, " group %d", p->group);
		if (p->lifetime && p->lifetime != IOS_DEF_ISAKMP_LIFETIME)
			out_line(o, " lifetime %d", p->lifetime);
		any = 1;
	}
	for (i = 0; i < cfg->isakmp_keys.n; i++, any = 1)
		print_isakmp_key(o, cfg->isakmp_keys.v[i]);
	if (cfg->isakmp_keepalive.interval) {
		const struct ios_dpd *d = &cfg->isakmp_keepalive;

		if (d->mode == IOS_DPD_PERIODIC)
			out_line(o, "crypto isakmp keepalive %d %d periodic",
			    d->interval, d->retry ? d->retry : 2);
		else if (d->retry && d->retry != 2)
			out_line(o, "crypto isakmp keepalive %d %d",
			    d->interval, d->retry);
		else
			out_line(o, "crypto isakmp keepalive %d", d->interval);
		any = 1;
	}
	if (cfg->isakmp_nat_keepalive) {
		out_line(o, "crypto isakmp nat keepalive %d",
		    cfg->isakmp_nat_keepalive);
		any = 1;
	}
	if (any)
		o->fn(o->arg, "!");
	for (i = 0; i < cfg->isakmp_keyrings.n; i++) {
		const struct isakmp_keyring *k = cfg->isakmp_keyrings.v[i];

		if (k->vrf)
			out_line(o, "crypto keyring %s vrf %s", k->name,
			    k->vrf);
		else
			out_line(o, "crypto keyring %s", k->name);
		if (k->description)
			out_line(o, "  description %s", k->description);
		if (k->local_address)
			out_line(o, "  local-address %s", k->local_address);
		for (j = 0; j < k->psks.n; j++) {
			const struct keyring_psk *p = k->psks.v[j];

			if (p->hostname)
				out_line(o, "  pre-shared-key hostname %s "
				    "key %s", p->hostname,
				    psk_text(&p->psk, b, sizeof(b)));
			else if (p->has_mask)
				out_line(o, "  pre-shared-key address %s %s "
				    "key %s", anyaddr(&p->addr, a, sizeof(a)),
				    v4(p->mask, m),
				    psk_text(&p->psk, b, sizeof(b)));
			else
				out_line(o, "  pre-shared-key address %s "
				    "key %s", anyaddr(&p->addr, a, sizeof(a)),
				    psk_text(&p->psk, b, sizeof(b)));
		}
		o->fn(o->arg, "!");
	}
	for (i = 0; i < cfg->isakmp_profiles.n; i++) {
		const struct isakmp_profile *p = cfg->isakmp_profiles.v[i];

		out_line(o, "crypto isakmp profile %s", p->name);
		if (p->description)
			out_line(o, "   description %s", p->description);
		if (p->vrf)
			out_line(o, "   vrf %s", p->vrf);
		for (j = 0; j < p->keyrings.n; j++)
			out_line(o, "   keyring %s", (char *)p->keyrings.v[j]);
		if (p->self_id)
			out_line(o, "   self-identity %s",
			    p->self_id == IKEV2_ID_FQDN ? "fqdn" :
			    p->self_id == IKEV2_ID_EMAIL ? "user-fqdn" :
			    "address");
		for (j = 0; j < p->match.n; j++) {
			const struct isakmp_match *mm = p->match.v[j];
			char x[INET_ADDRSTRLEN];

			out_line(o, "   match identity address %s %s%s%s",
			    v4(mm->addr, a),
			    v4(mm->has_mask ? mm->mask : plen_mask(32), x),
			    mm->vrf ? " " : "", mm->vrf ? mm->vrf : "");
		}
		if (p->match_host)
			out_line(o, "   match identity host %s",
			    p->match_host);
		if (p->keepalive)
			out_line(o, "   keepalive %d retry %d", p->keepalive,
			    p->keepalive_retry ? p->keepalive_retry : 2);
		if (p->local_address)
			out_line(o, "   local-address %s", p->local_address);
		o->fn(o->arg, "!");
	}
}

/* ------------------------------------------------------------- IPsec */

/* The transforms of a set, as typed: "esp-aes 256 esp-sha256-hmac". */
const char *
ios_ts_text(const struct transform_set *t, char *buf, size_t len)
{
	size_t	 off = 0;

	buf[0] = '\0';
	if (t->ah)
		off += snprintf(buf + off, len - off, " %s",
		    names_kw(names_ah_auth, t->ah));
	if (t->cipher && off < len) {
		off += snprintf(buf + off, len - off, " %s",
		    names_kw(names_ts_cipher, t->cipher));
		if (t->bits && off < len)
			off += snprintf(buf + off, len - off, " %d", t->bits);
	}
	if (t->esp_auth && off < len)
		off += snprintf(buf + off, len - off, " %s",
		    names_kw(names_ts_auth, t->esp_auth));
	if (t->comp && off < len)
		snprintf(buf + off, len - off, " comp-lzs");
	return buf[0] == ' ' ? buf + 1 : buf;
}

static void
print_life(struct out *o, const char *pfx, const struct ios_sa_life *l)
{
	if (l->kb_disable)
		out_line(o, "%s lifetime kilobytes disable", pfx);
	if (l->kbytes)
		out_line(o, "%s lifetime kilobytes %u", pfx, l->kbytes);
	if (l->seconds)
		out_line(o, "%s lifetime seconds %u", pfx, l->seconds);
}

static void
print_ts_names(struct out *o, const char *pfx, char *const ts[])
{
	char	 b[IOS_MAX_TS * (CLI_WORD_MAX + 1) + 1];
	size_t	 off = 0;
	int	 i;

	for (i = 0; i < IOS_MAX_TS && ts[i] != NULL && off < sizeof(b); i++)
		off += snprintf(b + off, sizeof(b) - off, " %s", ts[i]);
	if (off > 0)
		out_line(o, "%s set transform-set%s", pfx, b);
}

static void
print_pfs(struct out *o, int pfs)
{
	if (pfs > 0)
		out_line(o, " set pfs group%d", pfs);
	else if (pfs < 0)
		out_line(o, " set pfs");
}

static void	print_cmap_entry(struct out *, const struct cmap_entry *);

static void
print_ipsec(struct out *o, const struct ios_config *cfg)
{
	char	 b[512];
	size_t	 i;
	int	 any = 0;

	if (cfg->ipsec_life.seconds || cfg->ipsec_life.kbytes) {
		print_life(o, "crypto ipsec security-association",
		    &cfg->ipsec_life);
		any = 1;
	}
	if (cfg->replay_window) {
		out_line(o, "crypto ipsec security-association replay "
		    "window-size %d", cfg->replay_window);
		any = 1;
	}
	if (any)
		o->fn(o->arg, "!");
	for (i = 0; i < cfg->transform_sets.n; i++) {
		const struct transform_set *t = cfg->transform_sets.v[i];

		out_line(o, "crypto ipsec transform-set %s %s", t->name,
		    ios_ts_text(t, b, sizeof(b)));
		if (t->transport)
			out_line(o, " mode transport%s",
			    t->require ? " require" : "");
		else
			out_line(o, " mode tunnel");
		o->fn(o->arg, "!");
	}
	for (i = 0; i < cfg->ipsec_profiles.n; i++) {
		const struct ipsec_profile *p = cfg->ipsec_profiles.v[i];

		out_line(o, "crypto ipsec profile %s", p->name);
		if (p->description)
			out_line(o, " description %s", p->description);
		print_life(o, " set security-association", &p->life);
		print_ts_names(o, "", p->ts);
		print_pfs(o, p->pfs);
		if (p->ikev2_profile)
			out_line(o, " set ikev2-profile %s", p->ikev2_profile);
		if (p->isakmp_profile)
			out_line(o, " set isakmp-profile %s",
			    p->isakmp_profile);
		if (p->responder_only)
			out_line(o, " responder-only");
		o->fn(o->arg, "!");
	}
	for (i = 0; i < cfg->dynmap_entries.n; i++)
		print_cmap_entry(o, cfg->dynmap_entries.v[i]);
	for (i = 0; i < cfg->cmap_locals.n; i++) {
		const struct cmap_local *l = cfg->cmap_locals.v[i];

		out_line(o, "crypto map %s local-address %s", l->map,
		    l->ifname);
	}
	if (cfg->cmap_locals.n)
		o->fn(o->arg, "!");
	for (i = 0; i < cfg->cmap_entries.n; i++)
		print_cmap_entry(o, cfg->cmap_entries.v[i]);
}

static void
print_cmap_entry(struct out *o, const struct cmap_entry *e)
{
	size_t	 j;

	if (e->dynamic)
		out_line(o, "crypto dynamic-map %s %d", e->map,
		    e->seq);
	else if (e->dynmap)
		out_line(o, "crypto map %s %d ipsec-isakmp dynamic %s",
		    e->map, e->seq, e->dynmap);
	else
		out_line(o, "crypto map %s %d %s", e->map, e->seq,
		    e->manual ? "ipsec-manual" : "ipsec-isakmp");
	if (e->description)
		out_line(o, " description %s", e->description);
	for (j = 0; j < e->peers.n; j++)
		out_line(o, " set peer %s", (char *)e->peers.v[j]);
	print_ts_names(o, "", e->ts);
	print_pfs(o, e->pfs);
	print_life(o, " set security-association", &e->life);
	if (e->ikev2_profile)
		out_line(o, " set ikev2-profile %s", e->ikev2_profile);
	if (e->isakmp_profile)
		out_line(o, " set isakmp-profile %s",
		    e->isakmp_profile);
	if (e->acl)
		out_line(o, " match address %s", e->acl);
	if (e->reverse_route)
		out_line(o, " reverse-route%s",
		    e->reverse_route == 2 ? " static" : "");
	o->fn(o->arg, "!");
}

/* -------------------------------------------------------- interfaces */

/* ip unnumbered IF (kept as text) stands in for an address. */
static int
if_unnumbered(const struct ios_if *f)
{
	size_t	 i;

	for (i = 0; i < f->keep.n; i++)
		if (strncmp(f->keep.v[i], "ip unnumbered ", 14) == 0)
			return 1;
	return 0;
}

void
ios_print_interface(const struct ios_config *cfg, const struct ios_if *f,
    ios_emit_fn *fn, void *arg)
{
	struct out	 oo = { fn, arg }, *o = &oo;
	char		 a[INET6_ADDRSTRLEN], m[INET_ADDRSTRLEN];
	size_t		 i;

	(void)cfg;
	out_line(o, "interface %s", f->name);
	if (f->description)
		out_line(o, " description %s", f->description);
	if (f->mtu)
		out_line(o, " mtu %d", f->mtu);
	if (f->vrf)
		out_line(o, " vrf forwarding %s", f->vrf);
	if (f->has_addr) {
		out_line(o, " ip address %s %s", v4(f->addr, a),
		    v4(f->mask, m));
		for (i = 0; i < f->secondary.n; i++) {
			struct in_addr *s = f->secondary.v[i];

			out_line(o, " ip address %s %s secondary",
			    v4(s[0], a), v4(s[1], m));
		}
	} else if (f->dhcp)
		out_line(o, " ip address dhcp");
	else if (!if_unnumbered(f))
		out_line(o, " no ip address");
	if (f->ip_mtu)
		out_line(o, " ip mtu %d", f->ip_mtu);
	if (f->tcp_mss)
		out_line(o, " ip tcp adjust-mss %d", f->tcp_mss);
	if (f->shutdown)
		out_line(o, " shutdown");
	for (i = 0; i < f->keep.n; i++)
		out_line(o, " %s", (char *)f->keep.v[i]);
	if (f->ipv6_enable)
		out_line(o, " ipv6 enable");
	for (i = 0; i < f->addr6.n; i++) {
		const struct ios_ip6addr *x = f->addr6.v[i];
		struct ios_addr ad = { .af = AF_INET6 };

		ad.v6 = x->addr;
		if (x->link_local)
			out_line(o, " ipv6 address %s link-local",
			    anyaddr(&ad, a, sizeof(a)));
		else
			out_line(o, " ipv6 address %s/%d%s",
			    anyaddr(&ad, a, sizeof(a)), x->plen,
			    x->eui64 ? " eui-64" : "");
	}
	if (f->tun_src_if)
		out_line(o, " tunnel source %s", f->tun_src_if);
	else if (f->tun_src.af)
		out_line(o, " tunnel source %s",
		    anyaddr(&f->tun_src, a, sizeof(a)));
	if (f->tun_mode != TUN_GRE_IP)
		out_line(o, " tunnel mode %s",
		    names_kw(names_tunnel_mode, f->tun_mode));
	if (f->tun_dst.af)
		out_line(o, " tunnel destination %s",
		    anyaddr(&f->tun_dst, a, sizeof(a)));
	else if (f->tun_dst_host)
		out_line(o, " tunnel destination %s", f->tun_dst_host);
	if (f->has_tun_key)
		out_line(o, " tunnel key %u", f->tun_key);
	if (f->tun_profile)
		out_line(o, " tunnel protection ipsec profile %s%s",
		    f->tun_profile, f->tun_shared ? " shared" : "");
	if (f->crypto_map)
		out_line(o, " crypto map %s", f->crypto_map);
	o->fn(o->arg, "!");
}

/* ------------------------------------------------------------ routes */

static int
route_cmp(const void *pa, const void *pb)
{
	const struct ios_route	*a = *(void *const *)pa;
	const struct ios_route	*b = *(void *const *)pb;
	int			 c;

	if (a->af == AF_INET) {
		uint32_t x = ntohl(a->prefix.v4.s_addr);
		uint32_t y = ntohl(b->prefix.v4.s_addr);

		if (x != y)
			return x < y ? -1 : 1;
	} else if ((c = memcmp(&a->prefix.v6, &b->prefix.v6, 16)) != 0)
		return c;
	if (a->plen != b->plen)
		return a->plen - b->plen;
	return 0;
}

static void
print_route(struct out *o, const struct ios_route *r)
{
	char	 b[1024], a[INET6_ADDRSTRLEN], m[INET6_ADDRSTRLEN];
	size_t	 off;

	if (r->af == AF_INET)
		off = snprintf(b, sizeof(b), "ip route %s %s",
		    anyaddr(&r->prefix, a, sizeof(a)),
		    v4(plen_mask(r->plen), m));
	else
		off = snprintf(b, sizeof(b), "ipv6 route %s/%d",
		    anyaddr(&r->prefix, a, sizeof(a)), r->plen);
	if (r->ifname)
		off += snprintf(b + off, sizeof(b) - off, " %s", r->ifname);
	if (r->nexthop.af)
		off += snprintf(b + off, sizeof(b) - off, " %s",
		    anyaddr(&r->nexthop, a, sizeof(a)));
	if (r->distance)
		off += snprintf(b + off, sizeof(b) - off, " %d", r->distance);
	if (r->name)
		off += snprintf(b + off, sizeof(b) - off, " name %s", r->name);
	if (r->permanent)
		off += snprintf(b + off, sizeof(b) - off, " permanent");
	if (r->track)
		off += snprintf(b + off, sizeof(b) - off, " track %d",
		    r->track);
	if (r->has_tag)
		snprintf(b + off, sizeof(b) - off, " tag %u", r->tag);
	o->fn(o->arg, b);
}

static void
print_routes(struct out *o, const struct ios_vec *list)
{
	void	**v;
	size_t	  i;

	if (list->n == 0)
		return;
	if ((v = malloc(list->n * sizeof(*v))) == NULL) {
		for (i = 0; i < list->n; i++)
			print_route(o, list->v[i]);
		return;
	}
	memcpy(v, list->v, list->n * sizeof(*v));
	/* Stable enough: equal keys are rare (several next hops). */
	qsort(v, list->n, sizeof(*v), route_cmp);
	for (i = 0; i < list->n; i++)
		print_route(o, v[i]);
	free(v);
}

/* -------------------------------------------------------------- ACLs */

static size_t
ace_addr_text(char *b, size_t len, const struct ace_addr *x, int std)
{
	char	 a[INET_ADDRSTRLEN], w[INET_ADDRSTRLEN];

	if (x->wild.s_addr == 0xffffffffu)
		return snprintf(b, len, " any");
	if (x->wild.s_addr == 0)
		return std ? snprintf(b, len, " %s", v4(x->addr, a)) :
		    snprintf(b, len, " host %s", v4(x->addr, a));
	return snprintf(b, len, " %s %s", v4(x->addr, a), v4(x->wild, w));
}

static size_t
ace_port_text(char *b, size_t len, const struct ace_port *p, int proto)
{
	static const char	*ops[] = { "", "eq", "neq", "lt", "gt",
				    "range" };
	const struct ios_name	*t = proto == 6 ? names_tcp_port :
				    proto == 17 ? names_udp_port : NULL;
	const char		*lo = t ? names_kw(t, p->lo) : NULL;
	const char		*hi = t ? names_kw(t, p->hi) : NULL;
	char			 l[16], h[16];

	if (p->op == PORT_NONE)
		return 0;
	snprintf(l, sizeof(l), "%u", p->lo);
	snprintf(h, sizeof(h), "%u", p->hi);
	if (p->op == PORT_RANGE)
		return snprintf(b, len, " range %s %s", lo ? lo : l,
		    hi ? hi : h);
	return snprintf(b, len, " %s %s", ops[p->op], lo ? lo : l);
}

/* The entry after its sequence number or list number. */
const char *
ios_ace_text(const struct ios_acl *acl, const struct ios_ace *e,
    char *b, size_t len)
{
	const char	*pn;
	size_t		 off;

	if (e->action == ACE_REMARK) {
		snprintf(b, len, "remark %s", e->remark ? e->remark : "");
		return b;
	}
	off = snprintf(b, len, "%s", e->action == ACE_PERMIT ? "permit" :
	    "deny");
	if (acl->extended) {
		pn = names_kw(names_proto, e->proto);
		if (pn)
			off += snprintf(b + off, len - off, " %s", pn);
		else
			off += snprintf(b + off, len - off, " %d", e->proto);
	}
	off += ace_addr_text(b + off, len - off, &e->src, !acl->extended);
	if (acl->extended) {
		off += ace_port_text(b + off, len - off, &e->sport, e->proto);
		off += ace_addr_text(b + off, len - off, &e->dst, 0);
		off += ace_port_text(b + off, len - off, &e->dport, e->proto);
		if (e->icmp_type >= 0) {
			pn = e->icmp_code < 0 ?
			    names_kw(names_icmp, e->icmp_type) : NULL;
			if (pn)
				off += snprintf(b + off, len - off, " %s", pn);
			else
				off += snprintf(b + off, len - off, " %d",
				    e->icmp_type);
			if (e->icmp_code >= 0)
				off += snprintf(b + off, len - off, " %d",
				    e->icmp_code);
		}
		if (e->established)
			off += snprintf(b + off, len - off, " established");
	}
	if (e->log)
		snprintf(b + off, len - off, e->log == 2 ? " log-input" :
		    " log");
	return b;
}

static int
acl_num_cmp(const void *pa, const void *pb)
{
	const struct ios_acl	*a = *(void *const *)pa;
	const struct ios_acl	*b = *(void *const *)pb;

	return a->number - b->number;
}

static void
print_acls(struct out *o, const struct ios_config *cfg)
{
	char	 b[1024];
	void	**v;
	size_t	 i, j, n = 0;

	for (i = 0; i < cfg->acls.n; i++) {
		const struct ios_acl *l = cfg->acls.v[i];

		if (l->number)
			continue;
		out_line(o, "ip access-list %s %s",
		    l->extended ? "extended" : "standard", l->name);
		for (j = 0; j < l->aces.n; j++) {
			const struct ios_ace *e = l->aces.v[j];

			out_line(o, " %u %s", e->seq,
			    ios_ace_text(l, e, b, sizeof(b)));
		}
		n++;
	}
	if (n)
		o->fn(o->arg, "!");
	if ((v = malloc((cfg->acls.n + 1) * sizeof(*v))) == NULL)
		return;
	for (i = n = 0; i < cfg->acls.n; i++)
		if (((struct ios_acl *)cfg->acls.v[i])->number)
			v[n++] = cfg->acls.v[i];
	qsort(v, n, sizeof(*v), acl_num_cmp);
	for (i = 0; i < n; i++) {
		const struct ios_acl *l = v[i];

		for (j = 0; j < l->aces.n; j++)
			out_line(o, "access-list %s %s", l->name,
			    ios_ace_text(l, l->aces.v[j], b, sizeof(b)));
	}
	if (n)
		o->fn(o->arg, "!");
	free(v);
}

/* ------------------------------------------------ kept, not applied */

/*
 * The lines iosh keeps and prints back but does not apply: the kept
 * sections, and the kept lines of each interface under its name.
 */
void
ios_print_kept(const struct ios_config *cfg, ios_emit_fn *fn, void *arg)
{
	struct out	 oo = { fn, arg }, *o = &oo;
	size_t		 i, j;
	int		 s;

	for (s = 0; s < KEEP_NSECT; s++)
		for (i = 0; i < cfg->keep[s].n; i++) {
			const struct ios_keep *k = cfg->keep[s].v[i];

			o->fn(o->arg, k->text);
			for (j = 0; j < k->sub.n; j++)
				o->fn(o->arg, k->sub.v[j]);
		}
	for (i = 0; i < cfg->interfaces.n; i++) {
		const struct ios_if *f = cfg->interfaces.v[i];

		if (f->keep.n == 0)
			continue;
		out_line(o, "interface %s", f->name);
		for (j = 0; j < f->keep.n; j++)
			out_line(o, " %s", (char *)f->keep.v[j]);
	}
}

/* ------------------------------------------------------ the whole */

void
ios_print_running(const struct ios_config *cfg, ios_emit_fn *fn, void *arg)
{
	struct out	 oo = { fn, arg }, *o = &oo;
	size_t		 i;

	o->fn(o->arg, "!");
	print_keep(o, cfg, KEEP_HEAD);
	out_line(o, "hostname %s", cfg->hostname ? cfg->hostname : "Router");
	o->fn(o->arg, "!");
	print_keep(o, cfg, KEEP_BOOT);
	if (cfg->enable_secret) {
		out_line(o, "enable secret %d %s", cfg->enable_type,
		    cfg->enable_secret);
		o->fn(o->arg, "!");
	}
	print_keep(o, cfg, KEEP_PRECRYPTO);
	print_ikev2(o, cfg);
	print_isakmp(o, cfg);
	print_ipsec(o, cfg);
	for (i = 0; i < cfg->interfaces.n; i++)
		ios_print_interface(cfg, cfg->interfaces.v[i], fn, arg);
	print_keep(o, cfg, KEEP_MID);
	print_routes(o, &cfg->routes);
	print_routes(o, &cfg->routes6);
	if (cfg->routes.n || cfg->routes6.n)
		o->fn(o->arg, "!");
	print_acls(o, cfg);
	print_keep(o, cfg, KEEP_TAIL);
	o->fn(o->arg, "end");
}

/* ------------------------------------------------------- writers */

struct strbuf {
	char	*s;
	size_t	 len;
	size_t	 cap;
	int	 err;
};

static void
strbuf_line(void *arg, const char *line)
{
	struct strbuf	*b = arg;
	size_t		 l = strlen(line), ncap;
	char		*ns;

	if (b->err)
		return;
	if (b->len + l + 2 > b->cap) {
		ncap = b->cap ? b->cap : 4096;
		while (b->len + l + 2 > ncap)
			ncap *= 2;
		if ((ns = realloc(b->s, ncap)) == NULL) {
			b->err = 1;
			return;
		}
		b->s = ns;
		b->cap = ncap;
	}
	memcpy(b->s + b->len, line, l);
	b->len += l;
	b->s[b->len++] = '\n';
	b->s[b->len] = '\0';
}

char *
ios_print_string(const struct ios_config *cfg, size_t *lenp)
{
	struct strbuf	 b = { 0 };

	ios_print_running(cfg, strbuf_line, &b);
	if (b.err) {
		free(b.s);
		return NULL;
	}
	if (lenp)
		*lenp = b.len;
	return b.s;
}

static void
file_line(void *arg, const char *line)
{
	fputs(line, arg);
	fputc('\n', arg);
}

int
ios_print_file(const struct ios_config *cfg, FILE *f)
{
	ios_print_running(cfg, file_line, f);
	return ferror(f) ? -1 : 0;
}
