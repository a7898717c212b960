# Host side: turn the guest's result file into the run's output.
#
# The guest appends one line per finished case to $RUN/results:
#   case <TAB> name <TAB> PASS|FAIL|SKIP <TAB> seconds <TAB> reason
# and "done" once every case has run.  Case logs and notes are in
# $RUN/cases/<name>/ on the work share.

REPORTED=0
N_PASS=0
N_FAIL=0
N_SKIP=0

report_indent()
{
	sed -e 's/\r$//' -e 's/^/    /'
}

report_case()
{
	local name=$1 status=$2 secs=$3 reason=$4 dir=$RUN/cases/$1 took=

	[ "$secs" = - ] || took=" ($secs s)"

	case $status in
	PASS)
		echo "PASS $name$took"
		N_PASS=$((N_PASS + 1))
		;;
	SKIP)
		echo "SKIP $name: $reason"
		N_SKIP=$((N_SKIP + 1))
		;;
	*)
		echo "FAIL $name: $reason$took"
		N_FAIL=$((N_FAIL + 1))
		;;
	esac
	# lines a case wants in the CI log (e.g. show commands)
	[ -s "$dir/notes" ] && report_indent <"$dir/notes"
	if [ "$status" = FAIL ] && [ -s "$dir/log" ]; then
		echo "    --- last lines of $dir/log"
		tail -n 40 "$dir/log" | report_indent
	fi
	echo "$name" >>"$RUN/reported"
}

# report_new: print the cases that finished since the last call.
report_new()
{
	local tag name status secs reason

	[ -f "$RUN/results" ] || return 0
	while IFS=$'\t' read -r tag name status secs reason; do
		[ "$tag" = case ] && report_case "$name" "$status" "$secs" \
		    "$reason"
		REPORTED=$((REPORTED + 1))
	done < <(tail -n +"$((REPORTED + 1))" "$RUN/results")
}

report_guest_done()
{
	grep -qx "done" "$RUN/results" 2>/dev/null
}

# report_missing: every selected case with no result counts as failed.
report_missing()
{
	local name

	while IFS=$'\t' read -r name _; do
		grep -qx "$name" "$RUN/reported" 2>/dev/null && continue
		report_case "$name" FAIL - "no result (the VM stopped first)"
	done <"$RUN/cases.list"
}

report_console_tail()
{
	echo "--- last lines of the serial console ($RUN/console.log)"
	tail -n 30 "$RUN/console.log" 2>/dev/null | report_indent
	[ -s "$RUN/qemu.log" ] && { echo "--- qemu:"; report_indent <"$RUN/qemu.log"; }
	return 0
}

report_summary()
{
	if [ "$N_SKIP" -gt 0 ]; then
		echo "vm: $N_PASS passed, $N_FAIL failed, $N_SKIP skipped"
	else
		echo "vm: $N_PASS passed, $N_FAIL failed"
	fi
}
