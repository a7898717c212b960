/*
 * bench/bench_grammar.c: load a startup-config through the engine and
 * the IOS handlers, then print it back, and report the rates and the
 * peak memory.  Usage: bench_grammar FILE (make one with gen-config.sh).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "grammar/ios.h"

static size_t	 nerr;

static void
count_out(void *arg, const char *buf, size_t len)
{
	(void)arg;
	if (nerr++ < 10)
		fwrite(buf, 1, len, stderr);
}

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	struct cli_engine	*eng;
	struct ios_config	*cfg;
	struct rusage		 ru;
	char			 err[256], *text, c;
	size_t			 lines = 0, len, outlines = 0, i;
	double			 t0, t1, t2, t3;
	FILE			*f;
	int			 failed;

	if (argc != 2) {
		fprintf(stderr, "usage: bench_grammar FILE\n");
		return 2;
	}
	if ((f = fopen(argv[1], "r")) == NULL) {
		perror(argv[1]);
		return 1;
	}
	while ((c = (char)fgetc(f)) != EOF)
		lines += c == '\n';
	fclose(f);
	t0 = now();
	if ((eng = cli_engine_new(ios_grammar(), err, sizeof(err))) == NULL) {
		fprintf(stderr, "engine: %s\n", err);
		return 1;
	}
	cfg = ios_config_new();
	t1 = now();
	failed = ios_config_load(cfg, eng, argv[1], count_out, NULL);
	t2 = now();
	text = ios_print_string(cfg, &len);
	t3 = now();
	for (i = 0; i < len; i++)
		outlines += text[i] == '\n';
	getrusage(RUSAGE_SELF, &ru);
	printf("engine+grammar setup: %.3f s\n", t1 - t0);
	printf("load:  %zu lines in %.3f s = %.0f lines/s (%d failed)\n",
	    lines, t2 - t1, (double)lines / (t2 - t1), failed);
	printf("print: %zu lines in %.3f s = %.0f lines/s\n", outlines,
	    t3 - t2, (double)outlines / (t3 - t2));
	printf("load+print: %.0f lines/s\n", (double)lines / (t3 - t1));
	printf("peak RSS: %ld KiB\n", ru.ru_maxrss);
	free(text);
	ios_config_free(cfg);
	cli_engine_free(eng);
	return failed ? 1 : 0;
}
