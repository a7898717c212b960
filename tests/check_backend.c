/*
 * tests/check_backend.c: desired state, diff and transactional apply,
 * against the recording kernel (backend/krec.c).
 */
#include <arpa/inet.h>
#include <check.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "backend/backend.h"

static struct k_addr
v4(const char *s)
{
	struct k_addr	a;

	memset(&a, 0, sizeof(a));
	a.family = AF_INET;
	ck_assert_int_eq(inet_pton(AF_INET, s, &a.u.v4), 1);
	return a;
}

static struct k_policy
policy(int i, int dir, uint32_t prio)
{
	struct k_policy	p;
	char		buf[32];

	memset(&p, 0, sizeof(p));
	p.sel.family = AF_INET;
	snprintf(buf, sizeof(buf), "10.%d.0.0", i);
	p.sel.src = v4(buf);
	snprintf(buf, sizeof(buf), "172.16.%d.0", i);
	p.sel.dst = v4(buf);
	p.sel.src_plen = 16;
	p.sel.dst_plen = 24;
	p.dir = dir;
	p.priority = prio;
	p.ntmpl = 1;
	p.tmpl[0].src = v4("192.0.2.1");
	p.tmpl[0].dst = v4("192.0.2.2");
	p.tmpl[0].proto = IPPROTO_ESP;
	p.tmpl[0].mode = K_MODE_TUNNEL;
	p.tmpl[0].reqid = 100 + i;
	return p;
}

static struct k_route
route(int i, const char *gw)
{
	struct k_route	r;
	char		buf[32];

	memset(&r, 0, sizeof(r));
	snprintf(buf, sizeof(buf), "198.51.%d.0", i);
	r.dst = v4(buf);
	r.plen = 24;
	r.gw = v4(gw);
	snprintf(r.oif, sizeof(r.oif), "eth0");
	return r;
}

static struct k_ifaddr
ifaddr(const char *dev, const char *a, int plen)
{
	struct k_ifaddr	x;

	memset(&x, 0, sizeof(x));
	snprintf(x.dev, sizeof(x.dev), "%s", dev);
	x.addr = v4(a);
	x.plen = plen;
	return x;
}

static struct k_link
link_phys(const char *name, uint32_t mtu, int up)
{
	struct k_link	l;

	memset(&l, 0, sizeof(l));
	snprintf(l.name, sizeof(l.name), "%s", name);
	l.kind = K_LINK_PHYS;
	l.mtu = mtu;
	l.up = up;
	return l;
}

static struct k_link
link_xfrm(const char *name, uint32_t if_id)
{
	struct k_link	l = link_phys(name, 1400, 1);

	l.kind = K_LINK_XFRM;
	l.if_id = if_id;
	snprintf(l.dev, sizeof(l.dev), "eth0");
	return l;
}

/* State A: a bit of everything, each object with its config line. */
static struct kstate *
state_a(void)
{
	struct kstate	*ks = kstate_new();
	struct k_link	 l;
	struct k_ifaddr	 a;
	struct k_route	 r;
	struct k_policy	 p;

	ck_assert_ptr_nonnull(ks);
	l = link_phys("eth0", 1500, 1);
	ck_assert_int_eq(kstate_add_link(ks, &l, "interface Gi0/0"), 0);
	l = link_xfrm("ioshTu1", 1);
	ck_assert_int_eq(kstate_add_link(ks, &l, "interface Tunnel1"), 0);
	a = ifaddr("eth0", "192.0.2.1", 24);
	ck_assert_int_eq(kstate_add_addr(ks, &a, "ip address 192.0.2.1"),
	    0);
	r = route(1, "192.0.2.254");
	ck_assert_int_eq(kstate_add_route(ks, &r, "ip route 1"), 0);
	r = route(2, "192.0.2.254");
	ck_assert_int_eq(kstate_add_route(ks, &r, "ip route 2"), 0);
	p = policy(1, K_DIR_OUT, K_PRIO_MIN + 10);
	ck_assert_int_eq(kstate_add_policy(ks, &p, "crypto map M 10"), 0);
	p = policy(1, K_DIR_IN, K_PRIO_MIN + 10);
	ck_assert_int_eq(kstate_add_policy(ks, &p, "crypto map M 10"), 0);
	return ks;
}

/* State B: A with changes, an addition and a removal of each kind. */
static struct kstate *
state_b(void)
{
	struct kstate	*ks = kstate_new();
	struct k_link	 l;
	struct k_ifaddr	 a;
	struct k_route	 r;
	struct k_policy	 p;

	l = link_phys("eth0", 1400, 1);
	ck_assert_int_eq(kstate_add_link(ks, &l, "mtu 1400"), 0);
	l = link_xfrm("ioshTu2", 2);
	ck_assert_int_eq(kstate_add_link(ks, &l, "interface Tunnel2"), 0);
	a = ifaddr("eth0", "192.0.2.1", 24);
	ck_assert_int_eq(kstate_add_addr(ks, &a, "ip address"), 0);
	a = ifaddr("ioshTu2", "10.255.0.1", 30);
	ck_assert_int_eq(kstate_add_addr(ks, &a, "ip address tu2"), 0);
	r = route(1, "192.0.2.253");
	ck_assert_int_eq(kstate_add_route(ks, &r, "ip route 1 new gw"), 0);
	r = route(3, "192.0.2.254");
	ck_assert_int_eq(kstate_add_route(ks, &r, "ip route 3"), 0);
	p = policy(1, K_DIR_OUT, K_PRIO_MIN + 20);
	ck_assert_int_eq(kstate_add_policy(ks, &p, "crypto map M 20"), 0);
	p = policy(2, K_DIR_OUT, K_PRIO_MIN + 30);
	ck_assert_int_eq(kstate_add_policy(ks, &p, "crypto map M 30"), 0);
	return ks;
}

/* Both lines are in the log, a before b. */
static void
before(const char *log, const char *a, const char *b)
{
	ck_assert_msg(a != NULL && b != NULL && a < b,
	    "out of order or missing in:\n%s", log);
}

static char *
text(struct kstate *ks)
{
	char	*buf = NULL;
	size_t	 len = 0;
	FILE	*f = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(kstate_write(ks, f), 0);
	fclose(f);
	return buf;
}

/* A recording kernel that has eth0 (not ours) and the state A. */
static struct krec *
kernel_with(struct kstate *seed, struct kernel *k, int batching)
{
	struct krec	*r = krec_new();
	struct kobj	 o;
	struct k_link	 eth0 = link_phys("eth0", 1500, 0);
	int		 error;

	ck_assert_ptr_nonnull(r);
	memset(&o, 0, sizeof(o));
	o.kind = KOBJ_LINK;
	o.u.link = eth0;
	ck_assert_int_eq(krec_seed(r, &o, 0), 0);
	krec_batching(r, batching);
	krec_kernel(r, k);
	if (seed != NULL) {
		struct kapply_report	rep;

		error = kapply_run(k, seed, &rep);
		ck_assert_int_eq(error, 0);
		krec_log_clear(r);
	}
	return r;
}

START_TEST(test_text)
{
	struct kstate	*ks = state_a();
	char		*t = text(ks);

	ck_assert_str_eq(t,
	    "ip link set eth0 mtu 1500 up\n"
	    "ip link add ioshTu1 type xfrm dev eth0 if_id 1\n"
	    "ip link set ioshTu1 mtu 1400 up\n"
	    "ip address add 192.0.2.1/24 dev eth0\n"
	    "ip route add 198.51.1.0/24 via 192.0.2.254 dev eth0 "
	    "proto 171 metric 0\n"
	    "ip route add 198.51.2.0/24 via 192.0.2.254 dev eth0 "
	    "proto 171 metric 0\n"
	    "ip xfrm policy add src 10.1.0.0/16 dst 172.16.1.0/24 dir in "
	    "priority 268435466 tmpl src 192.0.2.1 dst 192.0.2.2 "
	    "proto esp reqid 101 mode tunnel\n"
	    "ip xfrm policy add src 10.1.0.0/16 dst 172.16.1.0/24 dir out "
	    "priority 268435466 tmpl src 192.0.2.1 dst 192.0.2.2 "
	    "proto esp reqid 101 mode tunnel\n");
	free(t);
	kstate_free(ks);
}
END_TEST

START_TEST(test_first_apply_order)
{
	struct kernel		 k;
	struct kstate		*a = state_a();
	struct krec		*r = kernel_with(NULL, &k, _i);
	struct kapply_report	 rep;
	const char		*log;
	char			*ta, *tk;

	ck_assert_int_eq(kapply_run(&k, a, &rep), 0);
	log = krec_log(r);
	/* Links, then addresses, then routes, then policies. */
	before(log, strstr(log, "ip link set eth0"),
	    strstr(log, "ip link add ioshTu1"));
	before(log, strstr(log, "ip link add ioshTu1"),
	    strstr(log, "ip address add"));
	before(log, strstr(log, "ip address add"),
	    strstr(log, "ip route add"));
	before(log, strstr(log, "ip route add"),
	    strstr(log, "ip xfrm policy add"));
	ck_assert_uint_eq(rep.calls, 7);
	ck_assert_uint_eq(krec_calls(r), 7);
	/* The kernel now holds exactly what was wanted (eth0 aside). */
	ta = text(a);
	tk = text(krec_state(r));
	ck_assert_str_eq(strstr(ta, "ip link add"), tk);
	free(ta);
	free(tk);
	krec_free(r);
	kstate_free(a);
}
END_TEST

START_TEST(test_reapply_noop)
{
	struct kernel		 k;
	struct kstate		*a = state_a(), *a2 = state_a();
	struct krec		*r = kernel_with(a, &k, _i);
	struct kapply_report	 rep;
	unsigned		 before = krec_calls(r);

	ck_assert_int_eq(kapply_run(&k, a2, &rep), 0);
	ck_assert_uint_eq(rep.calls, 0);
	ck_assert_uint_eq(krec_calls(r), before);
	ck_assert_str_eq(krec_log(r), "");
	krec_free(r);
	kstate_free(a);
	kstate_free(a2);
}
END_TEST

START_TEST(test_change)
{
	struct kernel		 k;
	struct kstate		*a = state_a(), *b = state_b();
	struct krec		*r = kernel_with(a, &k, _i);
	struct kapply_report	 rep;
	const char		*log;
	char			*tb, *tk;

	ck_assert_int_eq(kapply_run(&k, b, &rep), 0);
	log = krec_log(r);
	/* Removals first, policies before routes before links. */
	ck_assert_ptr_nonnull(strstr(log, "ip xfrm policy delete src "
	    "10.1.0.0/16 dst 172.16.1.0/24 dir in"));
	before(log, strstr(log, "ip xfrm policy delete"),
	    strstr(log, "ip route del 198.51.2.0/24"));
	before(log, strstr(log, "ip route del"),
	    strstr(log, "ip link del ioshTu1"));
	before(log, strstr(log, "ip link del ioshTu1"),
	    strstr(log, "ip link set eth0 mtu 1400 up"));
	/* Changes in place. */
	ck_assert_ptr_nonnull(strstr(log, "ip route replace 198.51.1.0/24 "
	    "via 192.0.2.253"));
	ck_assert_ptr_nonnull(strstr(log, "ip xfrm policy update src "
	    "10.1.0.0/16 dst 172.16.1.0/24 dir out priority 268435476"));
	/* The new address comes after its new link. */
	before(log, strstr(log, "ip link add ioshTu2"),
	    strstr(log, "ip address add 10.255.0.1/30 dev ioshTu2"));
	ck_assert_ptr_null(strstr(log, "192.0.2.1/24"));
	tb = text(b);
	tk = text(krec_state(r));
	ck_assert_str_eq(strstr(tb, "ip link add"), tk);
	free(tb);
	free(tk);
	krec_free(r);
	kstate_free(a);
	kstate_free(b);
}
END_TEST

/* A to B failing at each call in turn: the kernel stays at A. */
START_TEST(test_rollback_each_call)
{
	struct kernel		 k;
	struct kstate		*a = state_a(), *b = state_b();
	struct krec		*r = kernel_with(a, &k, _i);
	struct kapply_report	 rep;
	unsigned		 n, total;
	char			*ta, *tk;

	ck_assert_int_eq(kapply_run(&k, b, &rep), 0);
	total = rep.calls;
	ck_assert_uint_gt(total, 5);
	krec_free(r);
	ta = text(krec_state(r = kernel_with(a, &k, _i)));
	krec_free(r);
	for (n = 1; n <= total; n++) {
		r = kernel_with(a, &k, _i);
		krec_fail_at(r, n, -EBUSY);
		ck_assert_int_eq(kapply_run(&k, b, &rep), -EBUSY);
		ck_assert_int_eq(rep.err, -EBUSY);
		ck_assert_uint_eq(rep.undo_failed, 0);
		ck_assert_str_ne(rep.what, "");
		tk = text(krec_state(r));
		ck_assert_msg(strcmp(ta, tk) == 0,
		    "failing call %u of %u: kernel left as\n%s\nnot\n%s",
		    n, total, tk, ta);
		free(tk);
		krec_free(r);
	}
	free(ta);
	kstate_free(a);
	kstate_free(b);
}
END_TEST

START_TEST(test_report_origin)
{
	struct kernel		 k;
	struct kstate		*want = kstate_new();
	struct krec		*r = kernel_with(NULL, &k, _i);
	struct kapply_report	 rep;
	struct k_route		 rt = route(7, "192.0.2.254");
	struct k_policy		 p = policy(7, K_DIR_OUT, K_PRIO_MIN);

	ck_assert_int_eq(kstate_add_route(want, &rt, "ip route 7"), 0);
	ck_assert_int_eq(kstate_add_policy(want, &p, "crypto map X 1"), 0);
	krec_fail_at(r, 2, -EINVAL);
	ck_assert_int_eq(kapply_run(&k, want, &rep), -EINVAL);
	ck_assert_str_eq(rep.origin, "crypto map X 1");
	ck_assert_int_eq(rep.verb, KOBJ_ADD);
	ck_assert_ptr_nonnull(strstr(rep.what, "ip xfrm policy add"));
	/* The route that went in came out again. */
	ck_assert_ptr_nonnull(strstr(krec_log(r), "ip route del 198.51.7.0"));
	ck_assert_uint_eq(kstate_count(krec_state(r), KOBJ_ROUTE), 0);
	krec_free(r);
	kstate_free(want);
}
END_TEST

/* Someone else's route with our identity: refused, nothing changed. */
START_TEST(test_foreign_conflict)
{
	struct kernel		 k;
	struct kstate		*want = kstate_new();
	struct krec		*r = kernel_with(NULL, &k, _i);
	struct kapply_report	 rep;
	struct k_route		 rt = route(9, "192.0.2.254");
	struct k_policy		 p = policy(9, K_DIR_OUT, K_PRIO_MIN);
	struct k_policy		 fp = policy(9, K_DIR_FWD, 5);
	struct kobj		 o = { .kind = KOBJ_ROUTE };

	o.u.route = rt;
	ck_assert_int_eq(krec_seed(r, &o, 0), 0);
	o.kind = KOBJ_POLICY;
	o.u.policy = fp;
	ck_assert_int_eq(krec_seed(r, &o, 1), 0);
	ck_assert_int_eq(kstate_add_policy(want, &p, "map"), 0);
	ck_assert_int_eq(kstate_add_route(want, &rt, "ip route 9"), 0);
	ck_assert_int_eq(kapply_run(&k, want, &rep), -EEXIST);
	ck_assert_str_eq(rep.origin, "ip route 9");
	/* The policy outside our band was neither listed nor removed. */
	ck_assert_ptr_null(strstr(krec_log(r), "dir fwd"));
	ck_assert_uint_eq(kstate_count(krec_state(r), KOBJ_POLICY), 1);
	krec_free(r);
	kstate_free(want);
}
END_TEST

/*
 * An address the device has already, put there by someone else, meets
 * the config: the apply goes on, and neither the apply nor its undo
 * removes that address.
 */
START_TEST(test_adopt_address)
{
	struct kernel		 k;
	struct kstate		*want = kstate_new();
	struct krec		*r = kernel_with(NULL, &k, _i);
	struct kapply_report	 rep;
	struct k_ifaddr		 a = ifaddr("eth0", "198.51.100.1", 24);
	struct k_route		 rt = route(9, "198.51.100.254");
	struct kobj		 o = { .kind = KOBJ_ADDR };

	o.u.addr = a;
	ck_assert_int_eq(krec_seed(r, &o, 0), 0);
	ck_assert_int_eq(kstate_add_addr(want, &a, "ip address"), 0);
	ck_assert_int_eq(kstate_add_route(want, &rt, "ip route 9"), 0);
	ck_assert_int_eq(kapply_run(&k, want, &rep), 0);
	ck_assert_uint_eq(kstate_count(krec_state(r), KOBJ_ROUTE), 1);
	/* Now the route fails: the undo leaves the address alone. */
	kstate_free(want);
	want = kstate_new();
	rt = route(10, "198.51.100.254");
	ck_assert_int_eq(kstate_add_addr(want, &a, "ip address"), 0);
	ck_assert_int_eq(kstate_add_route(want, &rt, "ip route 10"), 0);
	krec_fail_at(r, 3, -ENETUNREACH);
	ck_assert_int_ne(kapply_run(&k, want, &rep), 0);
	ck_assert_ptr_null(strstr(krec_log(r), "address del"));
	ck_assert_uint_eq(kstate_count(krec_state(r), KOBJ_ADDR), 0);
	ck_assert_uint_eq(kstate_count(krec_state(r), KOBJ_ROUTE), 1);
	krec_free(r);
	kstate_free(want);
}
END_TEST

START_TEST(test_refuse_unowned)
{
	struct kernel		 k;
	struct kstate		*want = kstate_new();
	struct krec		*r = kernel_with(NULL, &k, 0);
	struct kapply_report	 rep;
	struct k_policy		 p = policy(1, K_DIR_OUT, 100);
	struct k_link		 l = link_xfrm("tun0", 3);

	ck_assert_int_eq(kstate_add_policy(want, &p, "outside band"), 0);
	ck_assert_int_eq(kapply_run(&k, want, &rep), -EINVAL);
	ck_assert_str_eq(rep.origin, "outside band");
	kstate_free(want);
	want = kstate_new();
	ck_assert_int_eq(kstate_add_link(want, &l, "no prefix"), 0);
	ck_assert_int_eq(kapply_run(&k, want, &rep), -EINVAL);
	ck_assert_uint_eq(krec_calls(r), 0);
	krec_free(r);
	kstate_free(want);
}
END_TEST

START_TEST(test_duplicate_identity)
{
	struct kernel		 k;
	struct kstate		*want = kstate_new();
	struct krec		*r = kernel_with(NULL, &k, 0);
	struct kapply_report	 rep;
	struct k_policy		 p = policy(1, K_DIR_OUT, K_PRIO_MIN);

	ck_assert_int_eq(kstate_add_policy(want, &p, "one"), 0);
	p.priority++;
	ck_assert_int_eq(kstate_add_policy(want, &p, "two"), 0);
	ck_assert_int_eq(kapply_run(&k, want, &rep), -EEXIST);
	ck_assert_uint_eq(krec_calls(r), 0);
	krec_free(r);
	kstate_free(want);
}
END_TEST

START_TEST(test_missing_phys_link)
{
	struct kernel		 k;
	struct kstate		*want = kstate_new();
	struct krec		*r = kernel_with(NULL, &k, _i);
	struct kapply_report	 rep;
	struct k_link		 l = link_phys("eth9", 1400, 1);

	ck_assert_int_eq(kstate_add_link(want, &l, "interface Gi0/9"), 0);
	ck_assert_int_eq(kapply_run(&k, want, &rep), -ENODEV);
	ck_assert_str_eq(rep.origin, "interface Gi0/9");
	krec_free(r);
	kstate_free(want);
}
END_TEST

START_TEST(test_diff_write)
{
	struct kernel	 k;
	struct kstate	*a = state_a(), *b = state_b(), *have;
	struct krec	*r = kernel_with(a, &k, 0);
	struct kdiff	 d;
	char		*buf = NULL;
	size_t		 len = 0, i;
	FILE		*f;

	ck_assert_int_eq(kapply_read(&k, b, &have), 0);
	ck_assert_int_eq(kdiff_make(b, have, &d), 0);
	/* Removals strictly before additions and changes. */
	for (i = 1; i < d.n; i++)
		ck_assert(!(d.v[i].verb == KOBJ_DEL &&
		    d.v[i - 1].verb != KOBJ_DEL));
	f = open_memstream(&buf, &len);
	ck_assert_int_eq(kdiff_write(&d, f), 0);
	fclose(f);
	ck_assert_ptr_nonnull(strstr(buf, "ip link del ioshTu1\n"));
	ck_assert_ptr_nonnull(strstr(buf, "ip route del 198.51.2.0/24 "
	    "proto 171 metric 0\n"));
	/* Planning called nothing that changes the kernel. */
	ck_assert_str_eq(krec_log(r), "");
	free(buf);
	kdiff_free(&d);
	kstate_free(have);
	krec_free(r);
	kstate_free(a);
	kstate_free(b);
}
END_TEST

START_TEST(test_plan)
{
	struct kernel	 k;
	struct kstate	*a = state_a(), *b = state_b();
	struct krec	*r = kernel_with(a, &k, 1);
	char		*buf = NULL;
	size_t		 len = 0;
	FILE		*f = open_memstream(&buf, &len);

	ck_assert_int_eq(kapply_plan(&k, b, f), 0);
	fclose(f);
	ck_assert_ptr_nonnull(strstr(buf, "ip link add ioshTu2 type xfrm "
	    "dev eth0 if_id 2\n"));
	ck_assert_ptr_nonnull(strstr(buf, "ip link set eth0 mtu 1400 up\n"));
	ck_assert_str_eq(krec_log(r), "");
	free(buf);
	buf = NULL;
	f = open_memstream(&buf, &len);
	ck_assert_int_eq(kapply_plan(&k, a, f), 0);
	fclose(f);
	ck_assert_str_eq(buf, "");
	free(buf);
	krec_free(r);
	kstate_free(a);
	kstate_free(b);
}
END_TEST

/* An address and a route on ioshTu1, and a route elsewhere. */
static void
tunnel_users(struct kstate *ks)
{
	struct k_ifaddr	a = ifaddr("ioshTu1", "10.255.1.1", 30);
	struct k_route	r = route(40, "10.255.1.2");
	struct k_route	o = route(41, "192.0.2.254");

	snprintf(r.oif, sizeof(r.oif), "ioshTu1");
	ck_assert_int_eq(kstate_add_addr(ks, &a, "ip address"), 0);
	ck_assert_int_eq(kstate_add_route(ks, &r, "ip route tu1"), 0);
	ck_assert_int_eq(kstate_add_route(ks, &o, "ip route eth0"), 0);
}

/*
 * A tunnel link whose if_id or endpoints change is made anew, and what
 * is on it with it; the rest stays.
 */
START_TEST(test_link_readd)
{
	struct kernel		 k;
	struct kstate		*a = kstate_new(), *b = kstate_new();
	struct krec		*r;
	struct kapply_report	 rep;
	struct k_link		 g = link_xfrm("ioshGre5", 0);
	struct k_link		 x = link_xfrm("ioshTu1", 1);
	const char		*log;

	g.kind = K_LINK_GRE;
	g.local = v4("192.0.2.1");
	g.remote = v4("192.0.2.2");
	g.mtu = 0;
	g.up = K_UP_LEAVE;
	ck_assert_int_eq(kstate_add_link(a, &g, "interface Tunnel5"), 0);
	ck_assert_int_eq(kstate_add_link(a, &x, "interface Tunnel1"), 0);
	tunnel_users(a);
	tunnel_users(b);
	g.remote = v4("192.0.2.3");
	x.if_id = 11;
	x.mtu = 1380;
	ck_assert_int_eq(kstate_add_link(b, &g, "interface Tunnel5"), 0);
	ck_assert_int_eq(kstate_add_link(b, &x, "interface Tunnel1"), 0);
	r = kernel_with(a, &k, _i);
	ck_assert_int_eq(kapply_run(&k, b, &rep), 0);
	log = krec_log(r);
	before(log, strstr(log, "ip link del ioshGre5\n"),
	    strstr(log, "ip link add ioshGre5 type gre local 192.0.2.1 "
	    "remote 192.0.2.3 dev eth0\n"));
	before(log, strstr(log, "ip link del ioshTu1\n"),
	    strstr(log, "ip link add ioshTu1 type xfrm dev eth0 if_id 11\n"
	    "ip link set ioshTu1 mtu 1380 up\n"));
	before(log, strstr(log, "ip route del 198.51.40.0/24"),
	    strstr(log, "ip address del 10.255.1.1/30 dev ioshTu1"));
	before(log, strstr(log, "ip address del 10.255.1.1/30 dev ioshTu1"),
	    strstr(log, "ip link del ioshTu1"));
	before(log, strstr(log, "ip link set ioshTu1 mtu 1380 up\n"),
	    strstr(log, "ip address add 10.255.1.1/30 dev ioshTu1"));
	before(log, strstr(log, "ip address add 10.255.1.1/30 dev ioshTu1"),
	    strstr(log, "ip route add 198.51.40.0/24 via 10.255.1.2 "
	    "dev ioshTu1"));
	ck_assert_ptr_null(strstr(log, "198.51.41.0"));
	krec_free(r);
	kstate_free(a);
	kstate_free(b);
}
END_TEST

static Suite *
backend_suite(void)
{
	Suite	*s = suite_create("backend");
	TCase	*tc = tcase_create("kapply");

	tcase_add_test(tc, test_text);
	/* Loop 0: one call at a time; loop 1: batched. */
	tcase_add_loop_test(tc, test_first_apply_order, 0, 2);
	tcase_add_loop_test(tc, test_reapply_noop, 0, 2);
	tcase_add_loop_test(tc, test_change, 0, 2);
	tcase_add_loop_test(tc, test_rollback_each_call, 0, 2);
	tcase_add_loop_test(tc, test_report_origin, 0, 2);
	tcase_add_loop_test(tc, test_foreign_conflict, 0, 2);
	tcase_add_loop_test(tc, test_adopt_address, 0, 2);
	tcase_add_test(tc, test_refuse_unowned);
	tcase_add_test(tc, test_duplicate_identity);
	tcase_add_loop_test(tc, test_missing_phys_link, 0, 2);
	tcase_add_test(tc, test_diff_write);
	tcase_add_test(tc, test_plan);
	tcase_add_loop_test(tc, test_link_readd, 0, 2);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(backend_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
