#!/bin/sh
# bench/charon-build.sh: build strongSwan's charon with the load-tester
# plugin (which Debian's binary packages leave out) from Debian's own
# source package, into bench/charon-build/ (git-ignored), for
# bench/charon-vs-iosh.sh.  Root (apt-get).  The deb-src lines live in a
# temporary directory; the system's apt configuration is not touched.
# Only what the benchmark needs is enabled.
set -eu

VERSION=${1:-5.9.8-5+deb12u5}
top=$(cd "$(dirname "$0")/.." && pwd)
B=$top/bench/charon-build
apt=$(mktemp -d)
trap 'rm -rf "$apt"' EXIT
mkdir -p "$apt/sources.list.d" "$apt/lists/partial" "$B/run"
cat >"$apt/sources.list.d/src.sources" <<SRC
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
O="-o Dir::Etc::sourcelist=/dev/null
 -o Dir::Etc::sourceparts=$apt/sources.list.d
 -o Dir::State::Lists=$apt/lists"
cd "$B"
# shellcheck disable=SC2086
apt-get $O update
# shellcheck disable=SC2086
[ -d strongswan-5.9.8 ] || apt-get $O source "strongswan=$VERSION"
cd strongswan-5.9.8
./configure --prefix="$B/inst" --sysconfdir="$B/inst/etc" \
    --with-piddir="$B/run" --disable-defaults --enable-charon \
    --enable-ikev2 --enable-load-tester --enable-openssl --enable-nonce \
    --enable-random --enable-kdf --enable-hmac --enable-sha2 \
    --enable-drbg --enable-socket-default --enable-kernel-netlink
make -j"$(nproc)"
make install
