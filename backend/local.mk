# backend: desired kernel state, diff, transactional apply, and the
# kernel table (netlink through libnl-3, or a recording for tests).
noinst_LTLIBRARIES += backend/libbackend.la
noinst_HEADERS += backend/backend.h backend/kernel.h backend/knl_priv.h
backend_libbackend_la_SOURCES = \
	backend/kobj.c \
	backend/kstate.c \
	backend/kdiff.c \
	backend/kapply.c \
	backend/krec.c \
	backend/knl.c \
	backend/knl_acquire.c \
	backend/knl_xfrm.c \
	backend/knl_route.c \
	backend/knl_link.c
backend_libbackend_la_CFLAGS = $(AM_CFLAGS) $(LIBNL_CFLAGS)
backend_libbackend_la_LIBADD = $(LIBNL_LIBS)

check_PROGRAMS += tests/check_backend tests/check_knl_msg tests/check_knl
TESTS += tests/check_backend tests/check_knl_msg tests/check_knl
tests_check_backend_SOURCES = tests/check_backend.c
tests_check_backend_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_backend_LDADD = backend/libbackend.la $(CHECK_LIBS)
tests_check_knl_SOURCES = tests/check_knl.c
tests_check_knl_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(LIBNL_CFLAGS)
tests_check_knl_LDADD = backend/libbackend.la $(CHECK_LIBS)
tests_check_knl_msg_SOURCES = tests/check_knl_msg.c
tests_check_knl_msg_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(LIBNL_CFLAGS)
tests_check_knl_msg_LDADD = backend/libbackend.la $(CHECK_LIBS)
