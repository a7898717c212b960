# docs/: man pages, the systemd unit and the default startup-config.
TESTS += tests/install.sh
EXTRA_DIST += tests/install.sh
dist_man_MANS += docs/man/iosh.1 docs/man/ioshd.8 \
	docs/man/iosh-startup-config.5

systemdunitdir = $(prefix)/lib/systemd/system
systemdunit_DATA = shell/ioshd.service
CLEANFILES += shell/ioshd.service
EXTRA_DIST += shell/ioshd.service.in docs/examples/default-startup-config

shell/ioshd.service: $(top_srcdir)/shell/ioshd.service.in Makefile
	$(AM_V_GEN)$(MKDIR_P) shell && \
	sed -e 's|@sbindir[@]|$(sbindir)|g' -e 's|@sysconfdir[@]|$(sysconfdir)|g' \
	    $(top_srcdir)/shell/ioshd.service.in > $@

# The default startup-config, never over one that is there already.
install-data-local:
	$(MKDIR_P) -m 700 $(DESTDIR)$(sysconfdir)/iosh
	test -e $(DESTDIR)$(sysconfdir)/iosh/startup-config || \
	    $(INSTALL) -m 600 $(top_srcdir)/docs/examples/default-startup-config \
	    $(DESTDIR)$(sysconfdir)/iosh/startup-config

uninstall-local:
	@echo "uninstall: $(sysconfdir)/iosh is left in place (it holds your config)"
