# Host side: settings, messages and small helpers shared by the other files.
# Sourced by tests/vm/run.

VM_WORK=${VM_WORK:-$TOP/vmwork}
VM_ACCEL=${VM_ACCEL:-auto}		# auto, kvm or tcg
VM_MEM=${VM_MEM:-512}			# guest RAM, MiB
VM_TB_MB=${VM_TB_MB:-256}		# TCG translation cache, MiB
VM_BOOT_TIMEOUT=${VM_BOOT_TIMEOUT:-180}	# qemu start to "root ready", TCG
VM_KVM_BOOT_TIMEOUT=${VM_KVM_BOOT_TIMEOUT:-60}
VM_CASE_TIMEOUT=${VM_CASE_TIMEOUT:-120}	# per case unless it says otherwise
IOSH_BUILD=${IOSH_BUILD:-$TOP/build}

vm_t0=$(date +%s.%N)

vm_say()
{
	printf 'vm: %s\n' "$*"
}

vm_die()
{
	printf 'vm: error: %s\n' "$*" >&2
	exit 2
}

# Seconds since the run started, one decimal.
vm_elapsed()
{
	awk -v a="$vm_t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'
}

# Paths go on the kernel command line and into shell files in the guest:
# refuse anything that would need quoting there.
vm_check_path()
{
	case $1 in
	*[!A-Za-z0-9/_.+-]*)
		vm_die "path '$1' has characters the guest command line cannot carry"
		;;
	esac
}

vm_check_host()
{
	local tool missing=

	[ "$(id -u)" -eq 0 ] ||
		vm_die "must run as root (qemu exports / over 9p, guest runs as root)"
	for tool in qemu-system-x86_64 depmod modprobe dpkg-deb apt-get \
	    tcpdump unshare timeout; do
		command -v "$tool" >/dev/null || missing="$missing $tool"
	done
	[ -x /bin/busybox ] && file_is_static /bin/busybox ||
		missing="$missing busybox-static"
	[ -z "$missing" ] ||
		vm_die "missing:$missing (run scripts/install-deps)"
}

file_is_static()
{
	# A static busybox has no program interpreter.
	command -v readelf >/dev/null || return 0
	! LC_ALL=C readelf -l "$1" 2>/dev/null | grep -q 'program interpreter'
}
