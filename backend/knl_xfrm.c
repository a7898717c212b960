/*
 * backend/knl_xfrm.c: XFRM policies and states through netlink.
 *
 * libnl-xfrm 3.7 knows neither XFRMA_IF_ID nor deleting a policy by
 * its selector, and its SA object keeps a copy of the keys that it
 * frees without wiping.  So these requests are built with libnl's
 * message API (nlmsg_alloc_simple, nlmsg_append, nla_put) on the
 * kernel's own structures from <linux/xfrm.h>; keys are written once,
 * straight into the message, and wiped with it.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <linux/udp.h>
#include <linux/xfrm.h>
#include <netlink/attr.h>

#include "backend/knl_priv.h"

static size_t
knl_xfrm_alen(int family)
{
	return family == AF_INET6 ? 16 : family == AF_INET ? 4 : 0;
}

static void
knl_xfrm_addr_to(xfrm_address_t *x, const struct k_addr *a, int family)
{
	memset(x, 0, sizeof(*x));
	memcpy(x, a->u.bytes, knl_xfrm_alen(family));
}

static void
knl_xfrm_addr_from(struct k_addr *a, const xfrm_address_t *x, int family)
{
	static const xfrm_address_t	zero;

	memset(a, 0, sizeof(*a));
	if (family == 0 || memcmp(x, &zero, sizeof(zero)) == 0)
		return;
	a->family = family;
	memcpy(a->u.bytes, x, knl_xfrm_alen(family));
}

static void
knl_xfrm_sel_to(struct xfrm_selector *x, const struct k_sel *s)
{
	memset(x, 0, sizeof(*x));
	knl_xfrm_addr_to(&x->saddr, &s->src, s->family);
	knl_xfrm_addr_to(&x->daddr, &s->dst, s->family);
	x->family = s->family;
	x->prefixlen_s = s->src_plen;
	x->prefixlen_d = s->dst_plen;
	x->proto = s->proto;
	x->sport = htons(s->sport);
	x->sport_mask = htons(s->sport_mask);
	x->dport = htons(s->dport);
	x->dport_mask = htons(s->dport_mask);
}

static void
knl_xfrm_sel_from(struct k_sel *s, const struct xfrm_selector *x)
{
	memset(s, 0, sizeof(*s));
	s->family = x->family;
	s->src.family = s->dst.family = x->family;
	memcpy(s->src.u.bytes, &x->saddr, knl_xfrm_alen(x->family));
	memcpy(s->dst.u.bytes, &x->daddr, knl_xfrm_alen(x->family));
	s->src_plen = x->prefixlen_s;
	s->dst_plen = x->prefixlen_d;
	s->proto = x->proto;
	s->sport = ntohs(x->sport);
	s->sport_mask = ntohs(x->sport_mask);
	s->dport = ntohs(x->dport);
	s->dport_mask = ntohs(x->dport_mask);
}

static void
knl_xfrm_lft_inf(struct xfrm_lifetime_cfg *l)
{
	l->soft_byte_limit = l->hard_byte_limit = XFRM_INF;
	l->soft_packet_limit = l->hard_packet_limit = XFRM_INF;
}

static void
knl_xfrm_tmpl_to(struct xfrm_user_tmpl *u, const struct k_tmpl *t, int fam)
{
	memset(u, 0, sizeof(*u));
	if (t->dst.family != 0)
		fam = t->dst.family;
	u->family = fam;
	knl_xfrm_addr_to(&u->id.daddr, &t->dst, t->dst.family);
	knl_xfrm_addr_to(&u->saddr, &t->src, t->src.family);
	u->id.proto = t->proto;
	u->reqid = t->reqid;
	u->mode = t->mode == K_MODE_TUNNEL ? XFRM_MODE_TUNNEL :
	    XFRM_MODE_TRANSPORT;
	u->optional = t->optional;
	u->aalgos = u->ealgos = u->calgos = ~0u;
}

/* The attributes that complete a policy's identity: mark and if_id. */
static int
knl_xfrm_put_id(struct nl_msg *msg, uint32_t mark, uint32_t mask,
    uint32_t if_id)
{
	struct xfrm_mark	m = { mark, mask };

	if (mask != 0 && nla_put(msg, XFRMA_MARK, sizeof(m), &m) < 0)
		return -EMSGSIZE;
	if (if_id != 0 && nla_put_u32(msg, XFRMA_IF_ID, if_id) < 0)
		return -EMSGSIZE;
	return 0;
}

static int
knl_xfrm_put_tmpls(struct nl_msg *msg, const struct k_policy *p)
{
	struct xfrm_user_tmpl	ut[K_TMPL_MAX];
	unsigned		i;

	if (p->ntmpl == 0)
		return 0;
	if (p->ntmpl > K_TMPL_MAX)
		return -EINVAL;
	for (i = 0; i < p->ntmpl; i++)
		knl_xfrm_tmpl_to(&ut[i], &p->tmpl[i], p->sel.family);
	if (nla_put(msg, XFRMA_TMPL, p->ntmpl * sizeof(ut[0]), ut) < 0)
		return -EMSGSIZE;
	return 0;
}

int
knl_xfrm_policy_msg(const struct k_policy *p, int type, struct nl_msg **mp)
{
	struct xfrm_userpolicy_info	 pi;
	struct nl_msg			*msg;
	int				 error;

	memset(&pi, 0, sizeof(pi));
	knl_xfrm_sel_to(&pi.sel, &p->sel);
	knl_xfrm_lft_inf(&pi.lft);
	pi.priority = p->priority;
	pi.index = p->index;
	pi.dir = p->dir;
	pi.action = p->action == K_ACT_BLOCK ? XFRM_POLICY_BLOCK :
	    XFRM_POLICY_ALLOW;
	pi.share = XFRM_SHARE_ANY;
	if ((msg = nlmsg_alloc_simple(type, 0)) == NULL)
		return -ENOMEM;
	if (nlmsg_append(msg, &pi, sizeof(pi), NLMSG_ALIGNTO) < 0)
		error = -EMSGSIZE;
	else if ((error = knl_xfrm_put_tmpls(msg, p)) == 0)
		error = knl_xfrm_put_id(msg, p->mark, p->mark_mask, p->if_id);
	if (error != 0) {
		nlmsg_free(msg);
		return error;
	}
	*mp = msg;
	return 0;
}

static int
knl_xfrm_policy_send(struct knl *k, const struct k_policy *p, int type)
{
	struct nl_msg	*msg;
	int		 error;

	if ((error = knl_xfrm_policy_msg(p, type, &msg)) != 0)
		return error;
	return knl_submit(k, k->xfrm, msg, 0);
}

int
knl_xfrm_policy_add(void *arg, const struct k_policy *p)
{
	return knl_xfrm_policy_send(arg, p, XFRM_MSG_NEWPOLICY);
}

int
knl_xfrm_policy_update(void *arg, const struct k_policy *p)
{
	return knl_xfrm_policy_send(arg, p, XFRM_MSG_UPDPOLICY);
}

/*
 * Delete by identity (selector, dir, mark, if_id), or by index when
 * the policy came from the kernel with one: the kernel finds it by
 * index in a hash, where by selector it walks a list (10,000 policies:
 * 0.4 s against 2.4 s here), and still checks dir, mark and if_id.
 */
int
knl_xfrm_policy_del(void *arg, const struct k_policy *p)
{
	struct knl			*k = arg;
	struct xfrm_userpolicy_id	 id;
	struct nl_msg			*msg;
	int				 error;

	memset(&id, 0, sizeof(id));
	knl_xfrm_sel_to(&id.sel, &p->sel);
	id.index = p->index;
	id.dir = p->dir;
	if ((msg = nlmsg_alloc_simple(XFRM_MSG_DELPOLICY, 0)) == NULL)
		return -ENOMEM;
	if (nlmsg_append(msg, &id, sizeof(id), NLMSG_ALIGNTO) < 0)
		error = -EMSGSIZE;
	else
		error = knl_xfrm_put_id(msg, p->mark, p->mark_mask, p->if_id);
	if (error != 0) {
		nlmsg_free(msg);
		return error;
	}
	return knl_submit(k, k->xfrm, msg, 0);
}

static void
knl_xfrm_tmpls_from(struct k_policy *p, struct nlattr *a)
{
	const struct xfrm_user_tmpl	*u;
	struct k_tmpl			*t;
	size_t				 i, n;

	n = nla_len(a) / sizeof(*u);
	u = nla_data(a);
	for (i = 0; i < n && i < K_TMPL_MAX; i++) {
		t = &p->tmpl[i];
		knl_xfrm_addr_from(&t->src, &u[i].saddr, u[i].family);
		knl_xfrm_addr_from(&t->dst, &u[i].id.daddr, u[i].family);
		t->proto = u[i].id.proto;
		t->reqid = u[i].reqid;
		t->mode = u[i].mode == XFRM_MODE_TUNNEL ? K_MODE_TUNNEL :
		    K_MODE_TRANSPORT;
		t->optional = u[i].optional;
	}
	p->ntmpl = i;
}

/* A policy from a dump, when it carries iosh's priority band. */
int
knl_xfrm_policy_parse(struct nlmsghdr *h, struct k_policy *p)
{
	const struct xfrm_userpolicy_info	*pi;
	struct nlattr				*tb[XFRMA_MAX + 1];
	struct xfrm_mark			*m;

	if (h->nlmsg_type != XFRM_MSG_NEWPOLICY ||
	    nlmsg_parse(h, sizeof(*pi), tb, XFRMA_MAX, NULL) < 0)
		return 0;
	pi = nlmsg_data(h);
	if (pi->priority < K_PRIO_MIN || pi->priority > K_PRIO_MAX ||
	    pi->dir > XFRM_POLICY_FWD)
		return 0;
	if (tb[XFRMA_POLICY_TYPE] != NULL &&
	    ((struct xfrm_userpolicy_type *)nla_data(
	    tb[XFRMA_POLICY_TYPE]))->type != XFRM_POLICY_TYPE_MAIN)
		return 0;
	memset(p, 0, sizeof(*p));
	knl_xfrm_sel_from(&p->sel, &pi->sel);
	p->dir = pi->dir;
	p->action = pi->action == XFRM_POLICY_BLOCK ? K_ACT_BLOCK :
	    K_ACT_ALLOW;
	p->priority = pi->priority;
	p->index = pi->index;
	if (tb[XFRMA_TMPL] != NULL)
		knl_xfrm_tmpls_from(p, tb[XFRMA_TMPL]);
	if (tb[XFRMA_IF_ID] != NULL)
		p->if_id = nla_get_u32(tb[XFRMA_IF_ID]);
	if (tb[XFRMA_MARK] != NULL) {
		m = nla_data(tb[XFRMA_MARK]);
		p->mark = m->v;
		p->mark_mask = m->m;
	}
	return 1;
}

struct knl_xfrm_list {
	k_policy_fn	 fn;
	void		*arg;
};

static int
knl_xfrm_policy_one(struct nlmsghdr *h, void *arg)
{
	struct knl_xfrm_list	*l = arg;
	struct k_policy		 p;

	if (!knl_xfrm_policy_parse(h, &p))
		return 0;
	return l->fn(l->arg, &p);
}

int
knl_xfrm_policy_list(void *arg, k_policy_fn fn, void *fnarg)
{
	struct knl		*k = arg;
	struct knl_xfrm_list	 l = { fn, fnarg };
	struct xfrm_userpolicy_id id;

	memset(&id, 0, sizeof(id));
	return knl_dump(k, k->xfrm, XFRM_MSG_GETPOLICY, &id, 0,
	    knl_xfrm_policy_one, &l);
}

/* Fill an algorithm structure; where its key goes. */
static char *
knl_xfrm_alg_fill(void *p, int type, const struct k_alg *a)
{
	struct xfrm_algo	*c = p;
	struct xfrm_algo_aead	*g = p;
	struct xfrm_algo_auth	*u = p;

	switch (type) {
	case XFRMA_ALG_CRYPT:
		snprintf(c->alg_name, sizeof(c->alg_name), "%s", a->name);
		c->alg_key_len = a->keylen * 8;
		return c->alg_key;
	case XFRMA_ALG_AEAD:
		snprintf(g->alg_name, sizeof(g->alg_name), "%s", a->name);
		g->alg_key_len = a->keylen * 8;
		g->alg_icv_len = a->bits;
		return g->alg_key;
	}
	snprintf(u->alg_name, sizeof(u->alg_name), "%s", a->name);
	u->alg_key_len = a->keylen * 8;
	u->alg_trunc_len = a->bits;
	return u->alg_key;
}

/* An algorithm attribute, its key written straight into msg. */
static int
knl_xfrm_put_alg(struct nl_msg *msg, int type, const struct k_alg *a)
{
	struct nlattr	*nla;
	size_t		 hdr;

	if (a->name == NULL)
		return 0;
	if (strlen(a->name) >= sizeof(((struct xfrm_algo *)0)->alg_name))
		return -EINVAL;
	hdr = type == XFRMA_ALG_CRYPT ? sizeof(struct xfrm_algo) :
	    type == XFRMA_ALG_AEAD ? sizeof(struct xfrm_algo_aead) :
	    sizeof(struct xfrm_algo_auth);
	if ((nla = nla_reserve(msg, type, hdr + a->keylen)) == NULL)
		return -EMSGSIZE;
	memset(nla_data(nla), 0, hdr);
	memcpy(knl_xfrm_alg_fill(nla_data(nla), type, a), a->key, a->keylen);
	return 0;
}

static int
knl_xfrm_put_replay(struct nl_msg *msg, uint32_t window)
{
	struct xfrm_replay_state_esn	*r;
	struct nlattr			*nla;
	size_t				 bmp = (window + 31) / 32;

	nla = nla_reserve(msg, XFRMA_REPLAY_ESN_VAL,
	    sizeof(*r) + bmp * sizeof(uint32_t));
	if (nla == NULL)
		return -EMSGSIZE;
	r = nla_data(nla);
	memset(r, 0, sizeof(*r) + bmp * sizeof(uint32_t));
	r->bmp_len = bmp;
	r->replay_window = window;
	return 0;
}

static void
knl_xfrm_sa_info(struct xfrm_usersa_info *si, const struct k_sa *sa)
{
	const struct k_lifetime	*l = &sa->life;

	memset(si, 0, sizeof(*si));
	if (sa->sel.family != 0)
		knl_xfrm_sel_to(&si->sel, &sa->sel);
	knl_xfrm_addr_to(&si->id.daddr, &sa->dst, sa->dst.family);
	knl_xfrm_addr_to(&si->saddr, &sa->src, sa->src.family);
	si->id.spi = htonl(sa->spi);
	si->id.proto = sa->proto;
	si->family = sa->dst.family;
	si->mode = sa->mode == K_MODE_TUNNEL ? XFRM_MODE_TUNNEL :
	    XFRM_MODE_TRANSPORT;
	si->reqid = sa->reqid;
	si->replay_window = sa->replay_window <= 32 ? sa->replay_window : 0;
	si->lft.soft_byte_limit = l->soft_bytes ? l->soft_bytes : XFRM_INF;
	si->lft.hard_byte_limit = l->hard_bytes ? l->hard_bytes : XFRM_INF;
	si->lft.soft_packet_limit = l->soft_packets ? l->soft_packets :
	    XFRM_INF;
	si->lft.hard_packet_limit = l->hard_packets ? l->hard_packets :
	    XFRM_INF;
	si->lft.soft_add_expires_seconds = l->soft_seconds;
	si->lft.hard_add_expires_seconds = l->hard_seconds;
}

static int
knl_xfrm_sa_attrs(struct nl_msg *msg, const struct k_sa *sa)
{
	struct xfrm_encap_tmpl	e;
	int			error;

	if ((error = knl_xfrm_put_alg(msg, XFRMA_ALG_AEAD, &sa->aead)) ||
	    (error = knl_xfrm_put_alg(msg, XFRMA_ALG_CRYPT, &sa->enc)) ||
	    (error = knl_xfrm_put_alg(msg, XFRMA_ALG_AUTH_TRUNC, &sa->auth)))
		return error;
	if (sa->replay_window > 32 &&
	    (error = knl_xfrm_put_replay(msg, sa->replay_window)) != 0)
		return error;
	if (sa->encap_dport != 0) {
		memset(&e, 0, sizeof(e));
		e.encap_type = UDP_ENCAP_ESPINUDP;
		e.encap_sport = htons(sa->encap_sport);
		e.encap_dport = htons(sa->encap_dport);
		if (nla_put(msg, XFRMA_ENCAP, sizeof(e), &e) < 0)
			return -EMSGSIZE;
	}
	if (sa->if_id != 0 && nla_put_u32(msg, XFRMA_IF_ID, sa->if_id) < 0)
		return -EMSGSIZE;
	return 0;
}

/* The request that adds sa; it holds keys: wipe it before freeing. */
int
knl_xfrm_sa_msg(const struct k_sa *sa, struct nl_msg **mp)
{
	struct xfrm_usersa_info	 si;
	struct nl_msg		*msg;
	int			 error;

	knl_xfrm_sa_info(&si, sa);
	if ((msg = nlmsg_alloc_simple(XFRM_MSG_NEWSA, 0)) == NULL)
		return -ENOMEM;
	if (nlmsg_append(msg, &si, sizeof(si), NLMSG_ALIGNTO) < 0)
		error = -EMSGSIZE;
	else
		error = knl_xfrm_sa_attrs(msg, sa);
	if (error != 0) {
		explicit_bzero(nlmsg_hdr(msg), nlmsg_hdr(msg)->nlmsg_len);
		nlmsg_free(msg);
		return error;
	}
	*mp = msg;
	return 0;
}

int
knl_xfrm_sa_add(void *arg, const struct k_sa *sa)
{
	struct knl	*k = arg;
	struct nl_msg	*msg;
	int		 error;

	if (k->batching)
		return -EBUSY;
	if ((error = knl_xfrm_sa_msg(sa, &msg)) != 0)
		return error;
	return knl_submit(k, k->xfrm, msg, 1);
}

static struct nl_msg *
knl_xfrm_sa_id_msg(int type, const struct k_sa_id *id)
{
	struct xfrm_usersa_id	 u;
	struct nl_msg		*msg;

	memset(&u, 0, sizeof(u));
	knl_xfrm_addr_to(&u.daddr, &id->dst, id->dst.family);
	u.spi = htonl(id->spi);
	u.family = id->dst.family;
	u.proto = id->proto;
	if ((msg = nlmsg_alloc_simple(type, 0)) == NULL)
		return NULL;
	if (nlmsg_append(msg, &u, sizeof(u), NLMSG_ALIGNTO) < 0) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}

int
knl_xfrm_sa_del(void *arg, const struct k_sa_id *id)
{
	struct knl	*k = arg;
	struct nl_msg	*msg;

	if (k->batching)
		return -EBUSY;
	if ((msg = knl_xfrm_sa_id_msg(XFRM_MSG_DELSA, id)) == NULL)
		return -ENOMEM;
	return knl_submit(k, k->xfrm, msg, 0);
}

static int
knl_xfrm_sa_stats_one(struct nlmsghdr *h, void *arg)
{
	const struct xfrm_usersa_info	*si;
	struct k_sa_stats		*st = arg;

	if (h->nlmsg_type != XFRM_MSG_NEWSA ||
	    nlmsg_datalen(h) < (int)sizeof(*si))
		return -EPROTO;
	si = nlmsg_data(h);
	st->bytes = si->curlft.bytes;
	st->packets = si->curlft.packets;
	st->add_time = si->curlft.add_time;
	st->use_time = si->curlft.use_time;
	st->replay_window_errs = si->stats.replay_window;
	st->integrity_errs = si->stats.integrity_failed;
	return 0;
}

int
knl_xfrm_sa_stats(void *arg, const struct k_sa_id *id, struct k_sa_stats *st)
{
	struct knl	*k = arg;
	struct nl_msg	*msg;

	memset(st, 0, sizeof(*st));
	if (k->batching)
		return -EBUSY;
	if ((msg = knl_xfrm_sa_id_msg(XFRM_MSG_GETSA, id)) == NULL)
		return -ENOMEM;
	return knl_get(k, k->xfrm, msg, knl_xfrm_sa_stats_one, st);
}
