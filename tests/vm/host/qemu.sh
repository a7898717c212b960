# Host side: start, watch and stop qemu.
#
# KVM is used only when the CPU shows vmx or svm and /dev/kvm is writable.
# Some hosts offer a /dev/kvm that can only run kernels built for it (PVM):
# a stock kernel hangs there right after "early console in setup code", so
# a KVM boot that does not reach the root in VM_KVM_BOOT_TIMEOUT falls back
# to TCG.
#
# qemu runs under timeout(1) so it cannot outlive a run by much even if this
# script is killed with SIGKILL; qemu_stop ends it on every other exit.

QEMU_PID=
QEMU_MARK='IOSH-VM: root ready'

qemu_pick_accel()
{
	case $VM_ACCEL in
	kvm|tcg) echo "$VM_ACCEL" ;;
	auto)
		if [ -w /dev/kvm ] && grep -qwE 'vmx|svm' /proc/cpuinfo; then
			echo kvm
		else
			echo tcg
		fi
		;;
	*) vm_die "VM_ACCEL must be auto, kvm or tcg" ;;
	esac
}

# qemu_start ACCEL LIMIT: boot in the background, at most LIMIT seconds.
qemu_start()
{
	local accel=$1 limit=$2 cpu

	if [ "$accel" = kvm ]; then
		cpu=(-accel kvm -cpu host -smp 2)
	else
		# one vCPU: with two host cores, MTTCG with -smp 2 is slower
		cpu=(-accel "tcg,tb-size=$VM_TB_MB" -cpu max -smp 1)
	fi
	: >"$RUN/console.log"
	# -nic none: the guest has no network card; every address the cases
	# use lives in namespaces inside the guest and nothing can leave it.
	timeout -k 5 "$limit" qemu-system-x86_64 "${cpu[@]}" -m "$VM_MEM" \
	    -machine pc -nodefaults -no-reboot -display none -monitor none \
	    -nic none -serial "file:$RUN/console.log" \
	    -kernel "$KROOT/boot/vmlinuz-$KVER" -initrd "$INITRD" \
	    -append "console=ttyS0 quiet panic=-1 iosh_vm.top=$TOP iosh_vm.work=$VM_WORK iosh_vm.main=$VM_DIR/guest/main.sh iosh_vm.kroot=$KROOT" \
	    -virtfs local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap \
	    -virtfs "local,path=$TOP,mount_tag=top,security_model=none,readonly=on,multidevs=remap" \
	    -virtfs "local,path=$VM_WORK,mount_tag=work,security_model=none,multidevs=remap" \
	    </dev/null >"$RUN/qemu.log" 2>&1 &
	QEMU_PID=$!
}

qemu_running()
{
	[ -n "$QEMU_PID" ] && kill -0 "$QEMU_PID" 2>/dev/null
}

# qemu_wait_root SECONDS: wait for the guest to reach its root; 0 if it did.
qemu_wait_root()
{
	local end=$((SECONDS + $1))

	while [ $SECONDS -lt $end ]; do
		grep -qa "$QEMU_MARK" "$RUN/console.log" && return 0
		qemu_running || return 1
		sleep 0.2
	done
	grep -qa "$QEMU_MARK" "$RUN/console.log"
}

qemu_stop()
{
	[ -n "$QEMU_PID" ] || return 0
	# timeout(1) passes the TERM on to qemu and waits for it
	kill "$QEMU_PID" 2>/dev/null || true
	wait "$QEMU_PID" 2>/dev/null || true
	QEMU_PID=
}

# qemu_boot LIMIT: boot with the best accelerator; 0 once the root is ready.
qemu_boot()
{
	local limit=$1 accel

	accel=$(qemu_pick_accel)
	if [ "$accel" = kvm ]; then
		qemu_start kvm "$limit"
		if qemu_wait_root "$VM_KVM_BOOT_TIMEOUT"; then
			VM_ACCEL_USED=kvm
			return 0
		fi
		if qemu_running; then
			vm_say "kvm: no root after ${VM_KVM_BOOT_TIMEOUT} s"
		else
			vm_say "kvm: qemu ended: $(head -n 1 "$RUN/qemu.log")"
		fi
		vm_say "falling back to tcg"
		qemu_stop
	fi
	qemu_start tcg "$limit"
	VM_ACCEL_USED=tcg
	qemu_wait_root "$VM_BOOT_TIMEOUT"
}
