# Host side: the guest kernel.  Debian's linux-image-amd64 has ESP, AES-GCM,
# XFRM interfaces and netem as modules, which the host kernel lacks.  It is
# downloaded (never installed on the host), and only the parts the guest
# needs are unpacked into $VM_WORK/kernel/<version>/root, which is kept
# between runs.
#
# kernel_prepare sets KVER (e.g. 6.1.0-57-amd64), KROOT and KDIR.

# The module trees the guest can load from; everything else in the package
# (GPU, sound, filesystems...) is left out to save time and disk.
kernel_members='
./boot/vmlinuz-*
./lib/modules/*/modules.order
./lib/modules/*/modules.builtin
./lib/modules/*/modules.builtin.modinfo
./lib/modules/*/kernel/net/*
./lib/modules/*/kernel/crypto/*
./lib/modules/*/kernel/arch/x86/crypto/*
./lib/modules/*/kernel/lib/*
./lib/modules/*/kernel/fs/9p/*
./lib/modules/*/kernel/fs/netfs/*
./lib/modules/*/kernel/fs/fscache/*
./lib/modules/*/kernel/drivers/virtio/*
./lib/modules/*/kernel/drivers/net/veth.ko
./lib/modules/*/kernel/drivers/net/dummy.ko
'

# Print the versioned package linux-image-amd64 depends on right now.
kernel_resolve_pkg()
{
	apt-cache depends linux-image-amd64 2>/dev/null |
	    awk '$1 == "Depends:" && $2 ~ /^linux-image-[0-9]/ { print $2; exit }'
}

# Newest kernel already unpacked in the work dir, for offline runs.
kernel_cached_version()
{
	ls -1 "$VM_WORK/kernel" 2>/dev/null | sort -V |
	while read -r v; do
		[ -f "$VM_WORK/kernel/$v/ready" ] && echo "$v"
	done | tail -n 1
}

kernel_fetch()
{
	local pkg=$1 tmp=$KDIR.tmp deb

	vm_say "fetching $pkg (not installed on the host, only unpacked)"
	rm -rf "$tmp"
	mkdir -p "$tmp/root" "$VM_WORK/debs"
	rm -f "$VM_WORK"/debs/linux-image-*.deb
	(cd "$VM_WORK/debs" && timeout 600 apt-get -q download "$pkg") \
	    >"$VM_WORK/debs/download.log" 2>&1 ||
		vm_die "apt-get download $pkg failed, see $VM_WORK/debs/download.log"
	deb=$(ls "$VM_WORK"/debs/"$pkg"_*.deb)
	# shellcheck disable=SC2086 # the member list is meant to split
	dpkg-deb --fsys-tarfile "$deb" |
	    tar -x -C "$tmp/root" --wildcards $kernel_members ||
		vm_die "unpacking $deb failed"
	# The package's postinst would make modules.dep; we never run it.
	depmod -b "$tmp/root" "$KVER" || vm_die "depmod for $KVER failed"
	rm -f "$deb"
	touch "$tmp/ready"
	rm -rf "$KDIR"
	mv "$tmp" "$KDIR"
}

kernel_prepare()
{
	local pkg

	pkg=$(kernel_resolve_pkg)
	if [ -z "$pkg" ]; then
		vm_say "apt lists do not know linux-image-amd64, running apt-get update"
		timeout 600 apt-get -q update >/dev/null 2>&1 || true
		pkg=$(kernel_resolve_pkg)
	fi
	if [ -n "$pkg" ]; then
		KVER=${pkg#linux-image-}
	else
		KVER=$(kernel_cached_version)
		[ -n "$KVER" ] ||
			vm_die "cannot resolve linux-image-amd64 and nothing cached"
		vm_say "cannot resolve linux-image-amd64, using cached $KVER"
	fi
	KDIR=$VM_WORK/kernel/$KVER
	KROOT=$KDIR/root
	[ -f "$KDIR/ready" ] || kernel_fetch "$pkg"
	[ -f "$KROOT/boot/vmlinuz-$KVER" ] ||
		vm_die "$KROOT/boot/vmlinuz-$KVER missing (remove $KDIR and retry)"
}
