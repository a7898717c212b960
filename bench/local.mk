# bench: speed measurements, built by `make check`, run by hand
# (bench/kapply.sh); never part of TESTS.
check_PROGRAMS += bench/kapply
bench_kapply_SOURCES = bench/kapply.c
bench_kapply_LDADD = backend/libbackend.la
EXTRA_DIST += bench/kapply.sh bench/README.md bench/config-load.sh \
	bench/gen-config.sh
