/*
 * tests/check_knl.c: the netlink kernel and the applier against this
 * machine's kernel, each test in a network namespace of its own.
 *
 * Needs root (a new network namespace); skipped (77) otherwise.  This
 * kernel has XFRM policies, veth and routes, but no ESP, no XFRM
 * interfaces, no GRE and no dummy links: SAs and iosh's own links are
 * tested in the VM harness, here only their failure paths.
 */
#include <arpa/inet.h>
#include <check.h>
#include <errno.h>
#include <sched.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backend/backend.h"

static struct knl	*nl;
static struct kernel	 kern;

static void
sh(const char *fmt, ...)
{
	char	cmd[1024];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	ck_assert_msg(system(cmd) == 0, "failed: %s", cmd);
}

/* The output of a shell command. */
static char *
out(const char *cmd)
{
	char	*buf = NULL, chunk[4096];
	size_t	 len = 0, n;
	FILE	*p = popen(cmd, "r"), *f = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(p);
	while ((n = fread(chunk, 1, sizeof(chunk), p)) > 0)
		fwrite(chunk, 1, n, f);
	pclose(p);
	fclose(f);
	return buf;
}

static int
count(const char *cmd)
{
	char	*s = out(cmd);
	int	 n = atoi(s);

	free(s);
	return n;
}

/*
 * Everything in the namespace that an apply could touch, as text.
 * Sorted: an undone change may move a policy, address or route within
 * the kernel's lists (a link set down and up again gets its kernel
 * routes back in another order).  XXX: an address that was primary
 * may come back as secondary when another in its subnet exists.
 */
static char *
snapshot(void)
{
	/*
	 * Carrier and operational state follow a peer's up and down by
	 * themselves, a moment later: what iosh sets is the admin flag.
	 */
	return out("ip -o link show | sed -e 's/NO-CARRIER,//' "
	    "-e 's/,LOWER_UP//' -e 's/ state [A-Z]*//'; "
	    "ip -o address show | sort; "
	    "ip route show table all | sort; "
	    "ip -6 route show table all | sort; "
	    "ip -o xfrm policy show | sort");
}

/*
 * A namespace with a veth pair, an address, a route and a policy that
 * are not iosh's.
 */
static void
setup(void)
{
	ck_assert_msg(unshare(CLONE_NEWNET) == 0, "unshare: %s",
	    strerror(errno));
	sh("ip link set lo up");
	sh("ip link add v0 type veth peer name v1");
	sh("ip link set v0 up && ip link set v1 up");
	sh("ip address add 192.0.2.1/24 dev v0");
	sh("ip -6 address add 2001:db8::1/64 dev v0 nodad");
	sh("ip route add 203.0.113.0/24 via 192.0.2.254");
	sh("ip xfrm policy add src 10.9.0.0/16 dst 10.8.0.0/16 dir out "
	    "priority 5 tmpl src 192.0.2.1 dst 192.0.2.9 proto esp "
	    "mode tunnel reqid 9");
	ck_assert_int_eq(knl_open(&nl), 0);
	knl_kernel(nl, &kern);
}

static void
teardown(void)
{
	knl_close(nl);
	nl = NULL;
}

static void
foreign_intact(void)
{
	ck_assert_int_eq(count("ip route show 203.0.113.0/24 | "
	    "grep -c 'via 192.0.2.254'"), 1);
	ck_assert_int_eq(count("ip xfrm policy show | "
	    "grep -c 'src 10.9.0.0/16 dst 10.8.0.0/16'"), 1);
	ck_assert_int_eq(count("ip address show dev v0 | "
	    "grep -c 192.0.2.1/24"), 1);
}

static struct k_addr
addr(int family, const char *s)
{
	struct k_addr	a;

	memset(&a, 0, sizeof(a));
	a.family = family;
	ck_assert_int_eq(inet_pton(family, s, a.u.bytes), 1);
	return a;
}

static void
add_route(struct kstate *ks, const char *dst, int plen, const char *gw,
    const char *dev, uint32_t metric)
{
	struct k_route	r;
	int		fam = strchr(dst, ':') ? AF_INET6 : AF_INET;

	memset(&r, 0, sizeof(r));
	r.dst = addr(fam, dst);
	r.plen = plen;
	if (gw != NULL)
		r.gw = addr(fam, gw);
	if (dev != NULL)
		snprintf(r.oif, sizeof(r.oif), "%s", dev);
	r.metric = metric;
	ck_assert_int_eq(kstate_add_route(ks, &r, dst), 0);
}

static void
add_policy(struct kstate *ks, const char *src, const char *dst, int dir,
    uint32_t prio, uint32_t if_id, uint32_t reqid)
{
	struct k_policy	p;

	memset(&p, 0, sizeof(p));
	p.sel.family = AF_INET;
	p.sel.src = addr(AF_INET, src);
	p.sel.dst = addr(AF_INET, dst);
	p.sel.src_plen = 24;
	p.sel.dst_plen = 24;
	p.dir = dir;
	p.priority = prio;
	p.if_id = if_id;
	p.ntmpl = 1;
	p.tmpl[0].src = addr(AF_INET, "192.0.2.1");
	p.tmpl[0].dst = addr(AF_INET, "192.0.2.2");
	p.tmpl[0].proto = IPPROTO_ESP;
	p.tmpl[0].mode = K_MODE_TUNNEL;
	p.tmpl[0].reqid = reqid;
	ck_assert_int_eq(kstate_add_policy(ks, &p, "crypto map"), 0);
}

static void
add_addr(struct kstate *ks, const char *dev, int family, const char *a,
    int plen)
{
	struct k_ifaddr	x;

	memset(&x, 0, sizeof(x));
	snprintf(x.dev, sizeof(x.dev), "%s", dev);
	x.addr = addr(family, a);
	x.plen = plen;
	ck_assert_int_eq(kstate_add_addr(ks, &x, "ip address"), 0);
}

static void
add_phys(struct kstate *ks, const char *name, uint32_t mtu, int up)
{
	struct k_link	l;

	memset(&l, 0, sizeof(l));
	snprintf(l.name, sizeof(l.name), "%s", name);
	l.kind = K_LINK_PHYS;
	l.mtu = mtu;
	l.up = up;
	ck_assert_int_eq(kstate_add_link(ks, &l, "interface"), 0);
}

/* A blackhole route in table 100, an IPv6 policy with a mark, a block. */
static void
add_odd_ones(struct kstate *ks)
{
	struct k_route	r;
	struct k_policy	p;

	memset(&r, 0, sizeof(r));
	r.dst = addr(AF_INET, "198.51.105.0");
	r.plen = 24;
	r.type = K_RT_BLACKHOLE;
	r.table = 100;
	ck_assert_int_eq(kstate_add_route(ks, &r, "ip route Null0"), 0);
	memset(&p, 0, sizeof(p));
	p.sel.family = AF_INET6;
	p.sel.src = addr(AF_INET6, "2001:db8:10::");
	p.sel.dst = addr(AF_INET6, "2001:db8:20::");
	p.sel.src_plen = p.sel.dst_plen = 48;
	p.sel.proto = IPPROTO_UDP;
	p.sel.dport = 53;
	p.sel.dport_mask = 0xffff;
	p.dir = K_DIR_OUT;
	p.priority = K_PRIO_MIN + 100;
	p.mark = 0x20;
	p.mark_mask = 0xf0;
	p.ntmpl = 1;
	p.tmpl[0].src = addr(AF_INET6, "2001:db8::1");
	p.tmpl[0].dst = addr(AF_INET6, "2001:db8::2");
	p.tmpl[0].proto = IPPROTO_ESP;
	p.tmpl[0].mode = K_MODE_TUNNEL;
	p.tmpl[0].reqid = 60;
	ck_assert_int_eq(kstate_add_policy(ks, &p, "ipv6 crypto map"), 0);
	p.dir = K_DIR_IN;
	p.action = K_ACT_BLOCK;
	p.ntmpl = 0;
	ck_assert_int_eq(kstate_add_policy(ks, &p, "deny"), 0);
}

static struct kstate *
state_a(void)
{
	struct kstate	*ks = kstate_new();

	add_phys(ks, "v1", 1400, 1);
	add_addr(ks, "v1", AF_INET, "198.18.0.1", 24);
	add_addr(ks, "v1", AF_INET6, "2001:db8:1::1", 64);
	add_route(ks, "198.51.100.0", 24, "192.0.2.254", "v0", 0);
	add_route(ks, "198.51.101.0", 24, "198.18.0.254", NULL, 20);
	add_route(ks, "2001:db8:2::", 48, "2001:db8::fe", "v0", 0);
	add_policy(ks, "10.1.1.0", "10.2.2.0", K_DIR_OUT, K_PRIO_MIN + 1,
	    0, 1);
	add_policy(ks, "10.2.2.0", "10.1.1.0", K_DIR_IN, K_PRIO_MIN + 1,
	    0, 1);
	add_policy(ks, "10.2.2.0", "10.1.1.0", K_DIR_FWD, K_PRIO_MIN + 1,
	    0, 1);
	add_policy(ks, "10.3.3.0", "10.4.4.0", K_DIR_OUT, K_PRIO_MIN + 2,
	    7, 2);
	add_odd_ones(ks);
	return ks;
}

/* A changed: new gateway, priority, MTU; one of each kind gone. */
static struct kstate *
state_b(void)
{
	struct kstate	*ks = kstate_new();

	add_phys(ks, "v1", 1300, 0);
	add_addr(ks, "v1", AF_INET, "198.18.0.1", 24);
	add_route(ks, "198.51.100.0", 24, "192.0.2.253", "v0", 0);
	add_route(ks, "198.51.102.0", 24, "192.0.2.254", "v0", 0);
	add_policy(ks, "10.1.1.0", "10.2.2.0", K_DIR_OUT, K_PRIO_MIN + 5,
	    0, 1);
	add_policy(ks, "10.2.2.0", "10.1.1.0", K_DIR_IN, K_PRIO_MIN + 5,
	    0, 1);
	add_policy(ks, "10.3.3.0", "10.4.4.0", K_DIR_OUT, K_PRIO_MIN + 2,
	    7, 3);
	return ks;
}

/* Apply ks and check that the kernel now holds it: nothing to do. */
static void
apply_ok(struct kstate *ks)
{
	struct kapply_report	 rep;
	struct kstate		*have;
	struct kdiff		 d;
	char			*left = NULL;
	size_t			 len = 0;
	FILE			*f;
	int			 error;

	error = kapply_run(&kern, ks, &rep);
	ck_assert_msg(error == 0, "apply: %s: %s (%s)", strerror(-error),
	    rep.what, rep.origin ? rep.origin : "-");
	ck_assert_int_eq(kapply_read(&kern, ks, &have), 0);
	ck_assert_int_eq(kdiff_make(ks, have, &d), 0);
	f = open_memstream(&left, &len);
	kdiff_write(&d, f);
	fclose(f);
	ck_assert_msg(d.n == 0, "still to do after apply:\n%s", left);
	ck_assert_uint_eq(kstate_count(have, KOBJ_POLICY),
	    kstate_count(ks, KOBJ_POLICY));
	ck_assert_uint_eq(kstate_count(have, KOBJ_ROUTE),
	    kstate_count(ks, KOBJ_ROUTE));
	ck_assert_uint_eq(kstate_count(have, KOBJ_ADDR),
	    kstate_count(ks, KOBJ_ADDR));
	free(left);
	kdiff_free(&d);
	kstate_free(have);
	foreign_intact();
}

START_TEST(test_apply_change_remove)
{
	struct kstate	*a = state_a(), *b = state_b();
	struct kstate	*none = kstate_new();

	apply_ok(a);
	ck_assert_int_eq(count("ip route show proto 171 | wc -l"), 2);
	ck_assert_int_eq(count("ip -6 route show proto 171 | wc -l"), 1);
	ck_assert_int_eq(count("ip link show v1 | grep -c 'mtu 1400'"), 1);
	ck_assert_int_eq(count("ip xfrm policy show | grep -c "
	    "'priority 268435457'"), 3);
	ck_assert_int_eq(count("ip xfrm policy show | grep -c "
	    "'if_id 0x7'"), 1);
	ck_assert_int_eq(count("ip address show dev v1 | "
	    "grep -c 198.18.0.1/24"), 1);
	ck_assert_int_eq(count("ip route show table 100 | "
	    "grep -c 'blackhole 198.51.105.0/24 proto 171'"), 1);
	ck_assert_int_eq(count("ip xfrm policy show | grep -c "
	    "'mark 0x20/0xf0'"), 2);
	ck_assert_int_eq(count("ip xfrm policy show | grep -c "
	    "'action block'"), 1);

	apply_ok(b);
	ck_assert_int_eq(count("ip route show 198.51.100.0/24 | "
	    "grep -c 'via 192.0.2.253'"), 1);
	ck_assert_int_eq(count("ip route show 198.51.101.0/24 | wc -l"), 0);
	ck_assert_int_eq(count("ip -6 route show proto 171 | wc -l"), 0);
	ck_assert_int_eq(count("ip link show v1 | grep -c 'mtu 1300'"), 1);
	ck_assert_int_eq(count("ip link show v1 | grep -c '[<,]UP[,>]'"), 0);
	ck_assert_int_eq(count("ip xfrm policy show | grep -c "
	    "'priority 268435461'"), 2);
	ck_assert_int_eq(count("ip xfrm policy show | grep -c 'dir fwd'"), 0);
	ck_assert_int_eq(count("ip xfrm policy show | grep -c 'reqid 3'"), 1);
	ck_assert_int_eq(count("ip address show dev v1 | "
	    "grep -c 2001:db8:1::1"), 0);

	apply_ok(a);
	ck_assert_int_eq(count("ip link show v1 | grep -c '[<,]UP[,>]'"), 1);
	apply_ok(none);
	ck_assert_int_eq(count("ip route show table all proto 171 | wc -l"),
	    0);
	ck_assert_int_eq(count("ip xfrm policy show | grep -c priority"), 1);
	kstate_free(a);
	kstate_free(b);
	kstate_free(none);
}
END_TEST

START_TEST(test_reapply_sends_nothing)
{
	struct kstate		*a = state_a(), *a2 = state_a();
	struct kapply_report	 rep;
	struct knl_stats	 s0, s1;

	apply_ok(a);
	knl_stats(nl, &s0);
	ck_assert_int_eq(kapply_run(&kern, a2, &rep), 0);
	knl_stats(nl, &s1);
	ck_assert_uint_eq(s1.requests, s0.requests);
	ck_assert_uint_eq(s1.sends, s0.sends);
	ck_assert_uint_eq(rep.calls, 0);
	kstate_free(a);
	kstate_free(a2);
}
END_TEST

/* Apply ks, which must fail with err, and leave the kernel as it was. */
static void
apply_fails(struct kstate *ks, int err, const char *what)
{
	struct kapply_report	 rep;
	char			*before, *after;
	int			 error;

	before = snapshot();
	error = kapply_run(&kern, ks, &rep);
	ck_assert_msg(error == err, "apply gave %d (%s) not %d", error,
	    strerror(-error), err);
	ck_assert_msg(strstr(rep.what, what) != NULL, "failing object %s",
	    rep.what);
	ck_assert_uint_eq(rep.undo_failed, 0);
	after = snapshot();
	if (strcmp(after, before) != 0) {
		FILE	*f = fopen("check_knl.before", "w");

		fputs(before, f);
		fclose(f);
		f = fopen("check_knl.after", "w");
		fputs(after, f);
		fclose(f);
	}
	ck_assert_msg(strcmp(after, before) == 0, "kernel changed: diff "
	    "check_knl.before check_knl.after");
	free(before);
	free(after);
	foreign_intact();
}

START_TEST(test_fail_unreachable_gateway)
{
	struct kstate	*a = state_a(), *b = state_b();

	apply_ok(a);
	add_route(b, "198.51.103.0", 24, "10.99.99.1", NULL, 0);
	apply_fails(b, -ENETUNREACH, "198.51.103.0/24 via 10.99.99.1");
	kstate_free(a);
	kstate_free(b);
}
END_TEST

START_TEST(test_fail_no_device)
{
	struct kstate	*a = state_a(), *b = state_b();

	apply_ok(a);
	add_route(b, "198.51.104.0", 24, NULL, "nosuchdev0", 0);
	apply_fails(b, -ENODEV, "dev nosuchdev0");
	kstate_free(a);
	kstate_free(b);
}
END_TEST

/* Our policy with the identity of someone else's: the last step fails. */
START_TEST(test_fail_policy_conflict)
{
	struct kstate	*a = state_a(), *b = state_b();
	struct k_policy	 p;

	apply_ok(a);
	memset(&p, 0, sizeof(p));
	p.sel.family = AF_INET;
	p.sel.src = addr(AF_INET, "10.9.0.0");
	p.sel.dst = addr(AF_INET, "10.8.0.0");
	p.sel.src_plen = p.sel.dst_plen = 16;
	p.dir = K_DIR_OUT;
	p.priority = K_PRIO_MAX;
	ck_assert_int_eq(kstate_add_policy(b, &p, "crypto map clash"), 0);
	apply_fails(b, -EEXIST, "src 10.9.0.0/16 dst 10.8.0.0/16");
	kstate_free(a);
	kstate_free(b);
}
END_TEST

/* This kernel has no XFRM interfaces: the link fails, nothing stays. */
START_TEST(test_fail_xfrm_link)
{
	struct kstate	*a = state_a(), *b = state_b();
	struct k_link	 l;

	apply_ok(a);
	memset(&l, 0, sizeof(l));
	snprintf(l.name, sizeof(l.name), "ioshTu0");
	l.kind = K_LINK_XFRM;
	l.if_id = 7;
	l.up = K_UP_LEAVE;
	ck_assert_int_eq(kstate_add_link(b, &l, "interface Tunnel0"), 0);
	/* The removals before it (policy, route, address) come back. */
	apply_fails(b, -EOPNOTSUPP, "ip link add ioshTu0 type xfrm");
	kstate_free(a);
	kstate_free(b);
}
END_TEST

/*
 * The canonical text is what `ip` would do: run through `ip -batch`,
 * it gives a kernel in which the applier finds nothing to do.
 * (Addresses aside: iproute2 6.1 cannot set their protocol.)
 */
START_TEST(test_text_is_ip)
{
	struct kstate	*ks = kstate_new();
	char		*plan = NULL;
	size_t		 len = 0;
	FILE		*f;

	add_phys(ks, "v1", 1280, 0);
	add_route(ks, "198.51.100.0", 24, "192.0.2.254", "v0", 0);
	add_route(ks, "198.51.101.0", 24, "192.0.2.254", NULL, 20);
	add_route(ks, "2001:db8:2::", 48, "2001:db8::fe", "v0", 7);
	add_policy(ks, "10.1.1.0", "10.2.2.0", K_DIR_OUT, K_PRIO_MIN + 1,
	    0, 1);
	add_policy(ks, "10.3.3.0", "10.4.4.0", K_DIR_FWD, K_PRIO_MIN + 2,
	    7, 2);
	add_odd_ones(ks);
	f = fopen("check_knl.batch", "w");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(kstate_write(ks, f), 0);
	fclose(f);
	sh("sed 's/^ip //' check_knl.batch > check_knl.batch2 && "
	    "ip -batch check_knl.batch2 && rm check_knl.batch*");
	f = open_memstream(&plan, &len);
	ck_assert_int_eq(kapply_plan(&kern, ks, f), 0);
	fclose(f);
	ck_assert_msg(strcmp(plan, "") == 0, "after ip -batch, still:\n%s",
	    plan);
	free(plan);
	kstate_free(ks);
}
END_TEST

/* An address of ours on v1 and a route through a gateway it reaches. */
static struct kstate *
state_gw(int with_addr)
{
	struct kstate	*ks = kstate_new();

	if (with_addr)
		add_addr(ks, "v1", AF_INET, "198.18.0.1", 24);
	add_route(ks, "198.51.110.0", 24, "198.18.0.254", NULL, 0);
	add_policy(ks, "10.1.1.0", "10.2.2.0", K_DIR_OUT, K_PRIO_MIN + 1,
	    0, 1);
	return ks;
}

/*
 * The kernel drops the route when the address goes; the apply then
 * fails on a policy: the rollback brings the address and the route
 * back, though the diff never touched the route.
 */
START_TEST(test_side_effect_rollback)
{
	struct kstate	*a = state_gw(1), *b = state_gw(0);
	struct k_policy	 p;

	apply_ok(a);
	memset(&p, 0, sizeof(p));
	p.sel.family = AF_INET;
	p.sel.src = addr(AF_INET, "10.9.0.0");
	p.sel.dst = addr(AF_INET, "10.8.0.0");
	p.sel.src_plen = p.sel.dst_plen = 16;
	p.dir = K_DIR_OUT;
	p.priority = K_PRIO_MAX;
	ck_assert_int_eq(kstate_add_policy(b, &p, "crypto map clash"), 0);
	apply_fails(b, -EEXIST, "src 10.9.0.0/16 dst 10.8.0.0/16");
	ck_assert_int_eq(count("ip route show 198.51.110.0/24 | wc -l"), 1);
	kstate_free(a);
	kstate_free(b);
}
END_TEST

/*
 * Without the address, the route's gateway is out of reach: the state
 * cannot be, and the apply fails on the route, leaving all as it was.
 */
START_TEST(test_side_effect_unreachable)
{
	struct kstate	*a = state_gw(1), *b = state_gw(0);

	apply_ok(a);
	apply_fails(b, -ENETUNREACH, "198.51.110.0/24 via 198.18.0.254");
	ck_assert_int_eq(count("ip route show 198.51.110.0/24 | wc -l"), 1);
	kstate_free(a);
	kstate_free(b);
}
END_TEST

/*
 * Setting v1 down makes the kernel drop the routes over it: a state
 * with v1 down and a route over it cannot be, and is refused whole.
 */
START_TEST(test_side_effect_link_down)
{
	struct kstate	*a = state_gw(1), *b = state_gw(1);

	add_phys(a, "v1", 0, 1);
	add_phys(b, "v1", 0, 0);
	apply_ok(a);
	apply_fails(b, -ENETUNREACH, "198.51.110.0/24 via 198.18.0.254");
	ck_assert_int_eq(count("ip link show v1 | grep -c '[<,]UP[,>]'"), 1);
	kstate_free(a);
	kstate_free(b);
}
END_TEST

/* n routes and n policies: more than one pack of requests each. */
static struct kstate *
state_many(int n, int bad)
{
	struct kstate	*ks = kstate_new();
	struct k_route	 r;
	struct k_policy	 p;
	int		 i;

	for (i = 0; i < n; i++) {
		memset(&r, 0, sizeof(r));
		r.dst.family = AF_INET;
		r.dst.u.v4.s_addr = htonl(0x64400000u + (i << 8));
		r.plen = 24;
		r.gw = addr(AF_INET, i == bad ? "10.99.99.1" : "192.0.2.254");
		ck_assert_int_eq(kstate_add_route(ks, &r, "many"), 0);
		memset(&p, 0, sizeof(p));
		p.sel.family = AF_INET;
		p.sel.src.u.v4.s_addr = htonl(0x0a000000u + (i << 8));
		p.sel.dst = addr(AF_INET, "172.16.0.0");
		p.sel.src_plen = p.sel.dst_plen = 24;
		p.dir = K_DIR_OUT;
		p.priority = K_PRIO_MIN + i;
		ck_assert_int_eq(kstate_add_policy(ks, &p, "many"), 0);
	}
	return ks;
}

/* A failure deep in the third pack undoes all packs before it. */
START_TEST(test_fail_many)
{
	struct kstate	*a = state_a(), *m = state_many(1000, 700);

	apply_ok(a);
	apply_fails(m, -ENETUNREACH, "via 10.99.99.1");
	ck_assert_int_eq(count("ip route show proto 171 | wc -l"), 2);
	kstate_free(m);
	m = state_many(1000, -1);
	apply_ok(m);
	ck_assert_int_eq(count("ip route show proto 171 | wc -l"), 1000);
	ck_assert_int_eq(count("ip xfrm policy show | grep -c "
	    "'dir out priority 2684'"), 1000);
	kstate_free(a);
	kstate_free(m);
}
END_TEST

/* Every request of several packs fails: each gets its own answer. */
START_TEST(test_fail_all)
{
	struct kstate		*ks = kstate_new();
	struct kapply_report	 rep;
	struct k_route		 r;
	int			 i;

	for (i = 0; i < 300; i++) {
		memset(&r, 0, sizeof(r));
		r.dst.family = AF_INET;
		r.dst.u.v4.s_addr = htonl(0x64400000u + (i << 8));
		r.plen = 24;
		r.gw = addr(AF_INET, "10.99.99.1");
		ck_assert_int_eq(kstate_add_route(ks, &r, "bad"), 0);
	}
	ck_assert_int_eq(kapply_run(&kern, ks, &rep), -ENETUNREACH);
	ck_assert_uint_eq(rep.undo_failed, 0);
	ck_assert_int_eq(count("ip route show proto 171 | wc -l"), 0);
	/* The socket is still in step: a good apply works after. */
	kstate_free(ks);
	ks = state_a();
	apply_ok(ks);
	kstate_free(ks);
}
END_TEST

/* This kernel has no ESP: the request must fail cleanly. */
START_TEST(test_sa_add_refused)
{
	static const uint8_t	key[36] = { 1, 2, 3 };
	struct k_sa		sa;
	struct k_sa_id		id;
	struct k_sa_stats	st;

	memset(&sa, 0, sizeof(sa));
	sa.src = addr(AF_INET, "192.0.2.1");
	sa.dst = addr(AF_INET, "192.0.2.2");
	sa.spi = 0x1234;
	sa.proto = IPPROTO_ESP;
	sa.mode = K_MODE_TUNNEL;
	sa.reqid = 1;
	sa.aead.name = "rfc4106(gcm(aes))";
	sa.aead.key = key;
	sa.aead.keylen = sizeof(key);
	sa.aead.bits = 128;
	sa.replay_window = 64;
	ck_assert_int_lt(kern.ops->sa_add(kern.arg, &sa), 0);
	memset(&id, 0, sizeof(id));
	id.dst = sa.dst;
	id.spi = sa.spi;
	id.proto = IPPROTO_ESP;
	ck_assert_int_lt(kern.ops->sa_stats(kern.arg, &id, &st), 0);
	ck_assert_int_lt(kern.ops->sa_del(kern.arg, &id), 0);
}
END_TEST

static Suite *
knl_suite(void)
{
	Suite	*s = suite_create("knl");
	TCase	*tc = tcase_create("netns");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_apply_change_remove);
	tcase_add_test(tc, test_reapply_sends_nothing);
	tcase_add_test(tc, test_fail_unreachable_gateway);
	tcase_add_test(tc, test_fail_no_device);
	tcase_add_test(tc, test_fail_policy_conflict);
	tcase_add_test(tc, test_fail_xfrm_link);
	tcase_add_test(tc, test_sa_add_refused);
	tcase_add_test(tc, test_fail_many);
	tcase_add_test(tc, test_fail_all);
	tcase_add_test(tc, test_text_is_ip);
	tcase_add_test(tc, test_side_effect_rollback);
	tcase_add_test(tc, test_side_effect_unreachable);
	tcase_add_test(tc, test_side_effect_link_down);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr;
	int	 failed;

	if (geteuid() != 0) {
		printf("check_knl: SKIP: needs root to create a network "
		    "namespace and change routes and XFRM policies in it\n");
		return 77;
	}
	if (system("ip -V >/dev/null 2>&1") != 0) {
		printf("check_knl: SKIP: needs iproute2 (ip)\n");
		return 77;
	}
	sr = srunner_create(knl_suite());
	srunner_set_fork_status(sr, CK_FORK);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
