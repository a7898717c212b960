# ike: the IKEv2 daemon (RFC 7296), OpenSSL 3 for all crypto.
noinst_LTLIBRARIES += ike/libike.la
ike_libike_la_SOURCES = \
	ike/ike.h \
	ike/ike_alg.c \
	ike/ike_auth.c \
	ike/ike_buf.c \
	ike/ike_child.c \
	ike/ike_crypto.c \
	ike/ike_ctx.c \
	ike/ike_dh.c \
	ike/ike_err.c \
	ike/ike_info.c \
	ike/ike_init.c \
	ike/ike_log.c \
	ike/ike_msg.c \
	ike/ike_natd.c \
	ike/ike_net.c \
	ike/ike_peer.c \
	ike/ike_pld.c \
	ike/ike_rd.c \
	ike/ike_sa.c \
	ike/ike_show.c \
	ike/ike_sk.c \
	ike/ike_ts.c \
	ike/ike_wr.c \
	ike/ike_xchg.c
ike_libike_la_CFLAGS = $(AM_CFLAGS) $(OPENSSL_CFLAGS)
ike_libike_la_LIBADD = $(OPENSSL_LIBS)

# A one-peer daemon for interop runs (see the comment at its top).
sbin_PROGRAMS += ike/iosh-iked
ike_iosh_iked_SOURCES = ike/iosh_iked.c
ike_iosh_iked_CFLAGS = $(AM_CFLAGS) $(OPENSSL_CFLAGS)
ike_iosh_iked_LDADD = ike/libike.la $(OPENSSL_LIBS)

# One Check suite per module; helpers under tests/ike/.
IKE_CHECK_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(OPENSSL_CFLAGS)
IKE_CHECK_LDADD = ike/libike.la $(CHECK_LIBS) $(OPENSSL_LIBS)
noinst_HEADERS += tests/ike/hex.h tests/ike/krec.h

check_PROGRAMS += tests/check_ike_buf tests/check_ike_alg \
	tests/check_ike_crypto tests/check_ike_pld tests/check_ike_xchg \
	tests/check_ike_net tests/check_ike_ctx
TESTS += tests/check_ike_buf tests/check_ike_alg tests/check_ike_crypto \
	tests/check_ike_pld tests/check_ike_xchg tests/check_ike_net \
	tests/check_ike_ctx \
	tests/ike_iked.sh tests/ike_interop_strongswan.sh
EXTRA_DIST += tests/ike_iked.sh tests/ike_interop_strongswan.sh

tests_check_ike_buf_SOURCES = tests/check_ike_buf.c
tests_check_ike_buf_CFLAGS = $(IKE_CHECK_CFLAGS)
tests_check_ike_buf_LDADD = $(IKE_CHECK_LDADD)

tests_check_ike_alg_SOURCES = tests/check_ike_alg.c
tests_check_ike_alg_CFLAGS = $(IKE_CHECK_CFLAGS)
tests_check_ike_alg_LDADD = $(IKE_CHECK_LDADD)

tests_check_ike_crypto_SOURCES = tests/check_ike_crypto.c
tests_check_ike_crypto_CFLAGS = $(IKE_CHECK_CFLAGS)
tests_check_ike_crypto_LDADD = $(IKE_CHECK_LDADD)

tests_check_ike_pld_SOURCES = tests/check_ike_pld.c
tests_check_ike_pld_CFLAGS = $(IKE_CHECK_CFLAGS)
tests_check_ike_pld_LDADD = $(IKE_CHECK_LDADD)

tests_check_ike_xchg_SOURCES = tests/check_ike_xchg.c tests/ike/krec.c
tests_check_ike_xchg_CFLAGS = $(IKE_CHECK_CFLAGS)
tests_check_ike_xchg_LDADD = $(IKE_CHECK_LDADD)

tests_check_ike_net_SOURCES = tests/check_ike_net.c tests/ike/krec.c
tests_check_ike_net_CFLAGS = $(IKE_CHECK_CFLAGS)
tests_check_ike_net_LDADD = $(IKE_CHECK_LDADD)

tests_check_ike_ctx_SOURCES = tests/check_ike_ctx.c
tests_check_ike_ctx_CFLAGS = $(IKE_CHECK_CFLAGS)
tests_check_ike_ctx_LDADD = $(IKE_CHECK_LDADD)

# A benchmark, built with the checks but not run by them (bench/ike.md).
check_PROGRAMS += bench/ike_bench
bench_ike_bench_SOURCES = bench/ike_bench.c
bench_ike_bench_CFLAGS = $(AM_CFLAGS) $(OPENSSL_CFLAGS)
bench_ike_bench_LDADD = ike/libike.la $(OPENSSL_LIBS)

# iosh's side of bench/charon-vs-iosh.sh (the load-tester's counterpart).
check_PROGRAMS += bench/ike_load
bench_ike_load_SOURCES = bench/ike_load.c
bench_ike_load_CFLAGS = $(AM_CFLAGS) $(OPENSSL_CFLAGS)
bench_ike_load_LDADD = ike/libike.la $(OPENSSL_LIBS)
EXTRA_DIST += bench/charon-vs-iosh.sh bench/charon-build.sh
