#!/bin/sh
# Our show output through ntc-templates' TextFSM templates, with
# Debian's python3-textfsm: the values must land in the right fields.
# The crypto commands come from made-up SAs (tests/show_fixture), show
# version from iosh, and the interface and route commands from a
# network namespace of our own (root and unshare -n; else that part is
# skipped).  The templates are looked for in $IOSH_TEXTFSM, then
# $top_srcdir/../shared/textfsm, then one folder further up (a
# worktree).
set -u
b=$(cd "${top_builddir:-.}" && pwd)
s=$(cd "${top_srcdir:-.}" && pwd)
py=$s/tests/textfsm/check_show.py

# Debian's module is for Debian's python, which another on PATH (pyenv)
# may hide.
py3=
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import textfsm' 2>/dev/null; then
		py3=$p
		break
	fi
done
if [ -z "$py3" ]; then
	echo "SKIP: python3-textfsm is not installed (apt-get install" \
	    "python3-textfsm)"
	exit 77
fi
tpl=
for d in "${IOSH_TEXTFSM:-}" "$s/../shared/textfsm" \
    "$s/../../shared/textfsm"; do
	if [ -n "$d" ] && [ -f "$d/cisco_ios_show_version.textfsm" ]; then
		tpl=$d
		break
	fi
done
if [ -z "$tpl" ]; then
	echo "SKIP: no ntc-templates at $s/../shared/textfsm" \
	    "(set IOSH_TEXTFSM)"
	exit 77
fi

"$py3" "$py" --templates "$tpl" --build "$b" || exit 1
if [ "$(id -u)" = 0 ] && unshare -n true 2>/dev/null; then
	unshare -n "$py3" "$py" --templates "$tpl" --build "$b" --live \
	    || exit 1
else
	echo "# skipped the netlink part: it needs root and unshare -n"
fi
exit 0
