# vm: timeout 120
# Issue 6, case 4: iosh against libreswan's pluto.  Pending twice over:
# ioshd is not built yet, and Debian 12's libreswan cannot be installed
# next to strongSwan (the packages conflict), so scripts/install-deps does
# not install it.  XXX: unpack libreswan with apt-get download + dpkg-deb
# -x into the work dir (as the kernel is), and write lib/libreswan.sh (a
# pluto per namespace: its own NSS db, /run/pluto, ipsec.conf) before
# removing this skip.

iosh_require
require_cmd /usr/libexec/ipsec/pluto \
    "libreswan is not installed (conflicts with strongSwan on Debian 12)"
case_fail "the libreswan peer helper is not written yet"
