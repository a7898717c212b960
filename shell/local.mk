# shell/: the console (libedit, pager) and the programs.
noinst_LTLIBRARIES += shell/libshell.la
shell_libshell_la_SOURCES = \
	shell/console.c \
	shell/local.c \
	shell/pager.c \
	shell/shell.h
shell_libshell_la_CFLAGS = $(AM_CFLAGS) $(LIBEDIT_CFLAGS)

check_PROGRAMS += tests/check_shell
TESTS += tests/check_shell
tests_check_shell_SOURCES = tests/check_shell.c
tests_check_shell_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_shell_LDADD = shell/libshell.la $(LIBEDIT_LIBS) $(CHECK_LIBS)
