# Host side: the initramfs.  Static busybox, guest/init, the request_module
# helper and the modules of guest/modules.list with their dependencies.
# Kept next to the kernel in $VM_WORK/kernel/<version>/, named after a hash
# of everything that goes in, so a change to any input rebuilds it.
#
# initramfs_prepare sets INITRD.

initramfs_modules()
{
	sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$VM_DIR/guest/modules.list"
}

# Print the .ko files to load, dependencies first, each once.
initramfs_ko_files()
{
	local mod

	for mod in $(initramfs_modules); do
		modprobe -d "$KROOT" -S "$KVER" --show-depends "$mod" ||
			vm_die "module $mod not found in $KVER"
	done | awk '$1 == "insmod" && !seen[$2]++ { print $2 }'
}

initramfs_build()
{
	local dir=$1 out=$2 ko name

	mkdir -p "$dir"/bin "$dir"/sbin "$dir"/mods "$dir"/proc "$dir"/sys \
	    "$dir"/dev "$dir"/host
	cp /bin/busybox "$dir/bin/busybox"
	cp "$VM_DIR/guest/init" "$dir/init"
	cp "$VM_DIR/guest/modprobe-helper" "$dir/sbin/modprobe-helper"
	chmod 755 "$dir/init" "$dir/sbin/modprobe-helper"
	: >"$dir/mods/order"
	for ko in $(initramfs_ko_files); do
		name=$(basename "$ko" .ko)
		cp "$ko" "$dir/mods/$name.ko"
		echo "$name" >>"$dir/mods/order"
	done
	(cd "$dir" && find . | /bin/busybox cpio -o -H newc 2>/dev/null) |
	    gzip -1 >"$out.tmp" || vm_die "building the initramfs failed"
	mv "$out.tmp" "$out"
	vm_say "built initramfs: $(du -h "$out" | cut -f1)," \
	    "$(wc -l <"$dir/mods/order") modules"
}

initramfs_prepare()
{
	local key tmp

	key=$( { echo "$KVER"; cat "$VM_DIR/guest/init" \
	    "$VM_DIR/guest/modprobe-helper" "$VM_DIR/guest/modules.list" \
	    /bin/busybox; } | sha256sum | cut -c1-16)
	INITRD=$KDIR/initrd-$key.gz
	[ -f "$INITRD" ] && return 0
	tmp=$KDIR/initramfs.tmp
	rm -rf "$tmp" "$KDIR"/initrd-*.gz
	initramfs_build "$tmp" "$INITRD"
	rm -rf "$tmp"
}
