# Host side: libreswan for the peer cases.  Debian 12's libreswan package
# conflicts with strongSwan's, so it is not installed: it is downloaded and
# unpacked into $VM_WORK/libreswan/<version>/root (kept between runs), and
# the cases run its pluto from there; the libraries it links are installed
# by scripts/install-deps.  Sets LIBRESWAN_ROOT, empty when libreswan could
# not be had (the cases that need it then skip).

libreswan_prepare()
{
	local ver dir

	LIBRESWAN_ROOT=
	ver=$(apt-cache policy libreswan 2>/dev/null |
	    awk '$1 == "Candidate:" { print $2 }')
	[ -n "$ver" ] && [ "$ver" != "(none)" ] || return 0
	dir=$VM_WORK/libreswan/$ver
	if [ ! -f "$dir/ready" ]; then
		rm -rf "$dir"
		mkdir -p "$dir/deb"
		if ! (cd "$dir/deb" && timeout 300 apt-get -q download libreswan) \
		    >"$dir/download.log" 2>&1; then
			vm_say "could not download libreswan, its cases will skip"
			return 0
		fi
		dpkg-deb -x "$dir"/deb/libreswan_*.deb "$dir/root" ||
			return 0
		rm -rf "$dir/deb"
		touch "$dir/ready"
	fi
	LIBRESWAN_ROOT=$dir/root
}
