# backend/compile: the running config compiled into desired state (a
# kstate, IKE peer definitions, diagnostics) and `show crypto compile`.
# Included from Makefile.am after backend/local.mk and grammar/local.mk.
noinst_LTLIBRARIES += backend/libcompile.la
noinst_HEADERS += backend/compile.h backend/compile_priv.h
backend_libcompile_la_SOURCES = \
	backend/compile.c \
	backend/compile_addr.c \
	backend/compile_cmap.c \
	backend/compile_diag.c \
	backend/compile_esp.c \
	backend/compile_id.c \
	backend/compile_if.c \
	backend/compile_ike.c \
	backend/compile_print.c \
	backend/compile_tun.c \
	backend/compile_v1.c \
	backend/compile_v2.c
backend_libcompile_la_LIBADD = grammar/libgrammar.la backend/libbackend.la \
	ike/libike.la

check_PROGRAMS += tests/check_compile
TESTS += tests/check_compile
EXTRA_DIST += tests/compile
tests_check_compile_SOURCES = tests/check_compile.c
tests_check_compile_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_compile_LDADD = backend/libcompile.la grammar/libgrammar.la \
	parser/libparser.la $(CHECK_LIBS)
