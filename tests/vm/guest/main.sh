#!/bin/bash
# Guest side, run by guest/init in the chroot of the host's root: run each
# case of $RUN/cases.list in turn and append its result to $RUN/results
# (the format is in host/report.sh).  Each case runs under timeout(1) in its
# own PID and mount namespaces: when it ends, every process it started
# (daemons, captures) dies with it and its network namespaces go away.
set -u
. "$VM_WORK/run/env"
export TOP VM_DIR IOSH_BUILD RUN LIBRESWAN_ROOT

say()
{
	echo "IOSH-VM: $*"
}

# run_case NAME TIMEOUT FILE
run_case()
{
	local name=$1 limit=$2 file=$3 out=$RUN/cases/$1 start rc
	local status reason

	mkdir -p "$out"
	say "case $name: start"
	start=$SECONDS
	timeout -k 5 "$limit" unshare --pid --fork --kill-child --mount-proc \
	    /bin/bash "$VM_DIR/guest/case.sh" "$file" "$name" "$out" \
	    </dev/null >"$out/log" 2>&1
	rc=$?
	# timeout(1) signals the case's whole process group: the case's
	# shell may still get to write a result, which then does not count
	if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
		status=FAIL
		reason="timed out after $limit s"
	elif [ -s "$out/result" ]; then
		IFS=$'\t' read -r status reason <"$out/result"
	else
		status=FAIL
		reason="ended with status $rc and no result"
	fi
	printf 'case\t%s\t%s\t%s\t%s\n' "$name" "$status" \
	    "$((SECONDS - start))" "${reason:-}" >>"$RUN/results"
	say "case $name: $status ${reason:-}"
}

say "guest kernel $(uname -r), $(wc -l <"$RUN/cases.list") case(s)"
while IFS=$'\t' read -r name limit file; do
	run_case "$name" "$limit" "$file" </dev/null
done <"$RUN/cases.list"
echo "done" >>"$RUN/results"
sync
