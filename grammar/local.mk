# grammar: the IOS configuration language (commands, model, printer)
noinst_LTLIBRARIES += grammar/libgrammar.la
grammar_libgrammar_la_SOURCES = \
	grammar/ios.h \
	grammar/model.h \
	grammar/names.h \
	grammar/cmd.h \
	grammar/addr.c \
	grammar/cmd_acl.c \
	grammar/cmd_exec.c \
	grammar/cmd_if.c \
	grammar/cmd_ikev2.c \
	grammar/cmd_ipsec.c \
	grammar/cmd_isakmp.c \
	grammar/cmd_keep.c \
	grammar/cmd_route.c \
	grammar/cmd_show_crypto.c \
	grammar/cmd_util.c \
	grammar/grammar.c \
	grammar/ifmap.c \
	grammar/ifname.c \
	grammar/model.c \
	grammar/names.c \
	grammar/print.c \
	grammar/save.c \
	grammar/subnet.c \
	grammar/vec.c
grammar_libgrammar_la_LIBADD = -lcrypt

check_PROGRAMS += tests/check_grammar
TESTS += tests/check_grammar
tests_check_grammar_SOURCES = tests/check_grammar.c
tests_check_grammar_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_grammar_LDADD = grammar/libgrammar.la parser/libparser.la \
	$(CHECK_LIBS)
EXTRA_DIST += tests/configs docs/examples

# bench/bench_grammar FILE: load and print rates (built by make check,
# not run by it: a speed target is no test)
check_PROGRAMS += bench/bench_grammar
bench_bench_grammar_SOURCES = bench/bench_grammar.c
bench_bench_grammar_LDADD = grammar/libgrammar.la parser/libparser.la

check_PROGRAMS += tests/check_show_crypto
TESTS += tests/check_show_crypto
tests_check_show_crypto_SOURCES = tests/check_show_crypto.c
tests_check_show_crypto_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_show_crypto_LDADD = grammar/libgrammar.la parser/libparser.la \
	$(CHECK_LIBS)
