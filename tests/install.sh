#!/bin/sh
# `make install` into a scratch DESTDIR puts the programs, the systemd
# unit, the man pages and a default startup-config in their places, and
# a second install leaves an edited startup-config alone.
set -u
b=${top_builddir:-.}
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
failed=0
make -s -C "$b" install DESTDIR="$d" >"$d.log" 2>&1 \
	|| { cat "$d.log"; rm -f "$d.log"; exit 1; }
rm -f "$d.log"
# The directories come from make (AM_TESTS_ENVIRONMENT).
: "${prefix:?run me from make check}" "${bindir:?}" "${sbindir:?}"
: "${sysconfdir:?}" "${mandir:?}"
for f in "$bindir/iosh" "$sbindir/ioshd" "$prefix/lib/systemd/system/ioshd.service" \
	"$mandir/man1/iosh.1" "$mandir/man8/ioshd.8" \
	"$mandir/man5/iosh-startup-config.5" "$sysconfdir/iosh/startup-config"; do
	if [ -e "$d$f" ]; then echo "ok - $f"; else echo "not ok - no $f"; failed=1; fi
done
m=$(stat -c %a "$d$sysconfdir/iosh/startup-config" 2>/dev/null)
[ "$m" = 600 ] && echo "ok - startup-config is mode 600" \
	|| { echo "not ok - startup-config mode $m"; failed=1; }
grep -q "^ExecStart=$sbindir/ioshd --state $sysconfdir/iosh" \
	"$d$prefix/lib/systemd/system/ioshd.service" \
	&& echo "ok - the unit starts ioshd on $sysconfdir/iosh" \
	|| { echo "not ok - unit ExecStart"; failed=1; }
echo "hostname Edited" >"$d$sysconfdir/iosh/startup-config"
make -s -C "$b" install DESTDIR="$d" >/dev/null 2>&1
grep -q Edited "$d$sysconfdir/iosh/startup-config" \
	&& echo "ok - a second install keeps the startup-config" \
	|| { echo "not ok - install overwrote the startup-config"; failed=1; }
exit $failed
