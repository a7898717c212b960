#!/bin/sh
# A startup-config that is there but cannot be read (or is a directory)
# is not an empty one: the console says why at boot, and `write memory`,
# however often, never loses it (the first save keeps it as the backup,
# the backup is then left alone).  Needs root to play an unprivileged
# daemon with setpriv; skipped otherwise.
set -u
b=${top_builddir:-.}
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
command -v setpriv >/dev/null && [ "$(id -u)" = 0 ] || exit 77
chmod 755 "$tmp"

# Unreadable: mode 000, owned by the unprivileged user.
mkdir "$tmp/a"
printf 'hostname KEEPME\n' >"$tmp/a/startup-config"
chmod 000 "$tmp/a/startup-config"
chown -R nobody "$tmp/a"
out=$(printf 'write memory\nwrite memory\nwrite memory\n' |
    setpriv --reuid=nobody --regid=nogroup --clear-groups \
    "$b/shell/iosh" -s "$tmp/a" 2>&1)
echo "$out" | grep -q 'startup-config: Permission denied' ||
	{ echo "FAIL: no error at boot: $out"; fail=1; }
grep -q '^hostname KEEPME$' "$tmp/a/startup-config.bak" ||
	{ echo "FAIL: the unreadable startup-config is lost"; fail=1; }

# A directory where the file should be: an error at boot and at save.
mkdir -p "$tmp/b/startup-config"
out=$(printf 'write memory\n' | "$b/shell/iosh" -s "$tmp/b" 2>&1)
echo "$out" | grep -q 'startup-config: Is a directory' ||
	{ echo "FAIL: no boot error for a directory: $out"; fail=1; }
echo "$out" | grep -q '%Error.*Is a directory' ||
	{ echo "FAIL: write memory over a directory: $out"; fail=1; }
[ -d "$tmp/b/startup-config" ] ||
	{ echo "FAIL: the directory is gone"; fail=1; }
exit $fail
