# shell/: the console (libedit, pager), the daemon's socket, the programs.
noinst_LTLIBRARIES += shell/libshell.la
shell_libshell_la_SOURCES = \
	shell/client.c \
	shell/client.h \
	shell/console.c \
	shell/live.c \
	shell/live.h \
	shell/local.c \
	shell/pager.c \
	shell/proto.c \
	shell/privs.c \
	shell/privs.h \
	shell/proto.h \
	shell/router.c \
	shell/router.h \
	shell/router_priv.h \
	shell/router_clear.c \
	shell/router_link.c \
	shell/router_sa.c \
	shell/router_show.c \
	shell/router_stats.c \
	shell/server.c \
	shell/server.h \
	shell/shell.h \
	shell/show.h \
	shell/show_cmd.c \
	shell/show_if.c \
	shell/show_ipsec.c \
	shell/show_nl.c \
	shell/show_route.c \
	shell/show_session.c
shell_libshell_la_CFLAGS = $(AM_CFLAGS) $(LIBEDIT_CFLAGS) $(LIBEVENT_CFLAGS) \
	$(CAPNG_CFLAGS) \
	$(LIBNL_CFLAGS) $(OPENSSL_CFLAGS)

SHELL_LIBS = shell/libshell.la backend/libcompile.la backend/libbackend.la \
	ike/libike.la \
	grammar/libgrammar.la parser/libparser.la \
	$(LIBEDIT_LIBS) $(LIBEVENT_LIBS) $(LIBNL_LIBS) $(OPENSSL_LIBS) \
	$(CAPNG_LIBS)

bin_PROGRAMS += shell/iosh
shell_iosh_SOURCES = shell/iosh.c
shell_iosh_LDADD = $(SHELL_LIBS)

sbin_PROGRAMS += shell/ioshd
shell_ioshd_SOURCES = shell/ioshd.c
shell_ioshd_LDADD = $(SHELL_LIBS)

check_PROGRAMS += tests/check_shell tests/transcript
TESTS += tests/check_shell tests/transcripts.sh tests/console/tmux.sh \
	tests/daemon.sh tests/save-kill.sh tests/save-unreadable.sh \
	tests/linkstate.sh
EXTRA_DIST += tests/transcripts.sh tests/console/tmux.sh tests/daemon.sh \
	tests/save-kill.sh tests/save-unreadable.sh tests/linkstate.sh
tests_check_shell_SOURCES = tests/check_shell.c
tests_check_shell_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_shell_LDADD = $(SHELL_LIBS) $(CHECK_LIBS)
tests_transcript_SOURCES = tests/transcript.c
tests_transcript_LDADD = $(SHELL_LIBS)

# The show formatters' output through ntc-templates' TextFSM templates.
check_PROGRAMS += tests/show_fixture
TESTS += tests/textfsm/run.sh
EXTRA_DIST += tests/textfsm/run.sh tests/textfsm/check_show.py \
	tests/textfsm/check_live.py tests/textfsm/check_gw.py \
	tests/textfsm/templates/index \
	tests/textfsm/templates/cisco_ios_show_crypto_ikev2_sa.textfsm \
	tests/textfsm/templates/cisco_ios_show_crypto_ipsec_sa.textfsm \
	tests/textfsm/templates/cisco_ios_show_crypto_session.textfsm \
	tests/textfsm/samples/show_crypto_ikev2_sa.raw
tests_show_fixture_SOURCES = tests/show_fixture.c
tests_show_fixture_LDADD = $(SHELL_LIBS)

check_PROGRAMS += tests/check_router
TESTS += tests/check_router
tests_check_router_SOURCES = tests/check_router.c
tests_check_router_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(LIBEVENT_CFLAGS)
tests_check_router_LDADD = $(SHELL_LIBS) $(CHECK_LIBS)

check_PROGRAMS += tests/check_show
TESTS += tests/check_show
tests_check_show_SOURCES = tests/check_show.c
tests_check_show_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_show_LDADD = $(SHELL_LIBS) $(CHECK_LIBS)

# bench: show commands with N live tunnels through the console socket
# (bench/show.sh); built by make check, never part of TESTS.
check_PROGRAMS += bench/show_bench
bench_show_bench_SOURCES = bench/show_bench.c
bench_show_bench_CFLAGS = $(AM_CFLAGS) $(LIBEVENT_CFLAGS)
bench_show_bench_LDADD = $(SHELL_LIBS)
EXTRA_DIST += bench/show.sh bench/show-config.sh bench/show.md
