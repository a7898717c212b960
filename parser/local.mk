# parser/: the command engine.  Knows no IOS command by name.
noinst_LTLIBRARIES += parser/libparser.la
parser_libparser_la_SOURCES = \
	parser/cli.c \
	parser/cli.h \
	parser/cli_args.c \
	parser/cli_graph.c \
	parser/cli_help.c \
	parser/cli_int.h \
	parser/cli_match.c \
	parser/cli_pipe.c

check_PROGRAMS += tests/check_parser
TESTS += tests/check_parser
tests_check_parser_SOURCES = tests/check_parser.c
tests_check_parser_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_parser_LDADD = parser/libparser.la $(CHECK_LIBS)
