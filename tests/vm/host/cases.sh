# Host side: which cases run.  A case is tests/vm/cases/NN-name.sh.  Header
# comments steer it:
#   # vm: manual        not in the default set; runs only when named
#   # vm: timeout N     seconds it may take (default VM_CASE_TIMEOUT)

case_files()
{
	ls -1 "$VM_DIR"/cases/[0-9]*.sh 2>/dev/null | sort
}

case_name()
{
	basename "$1" .sh
}

case_is_manual()
{
	grep -q '^# vm: manual' "$1"
}

case_timeout()
{
	local t

	t=$(sed -n 's/^# vm: timeout \([0-9][0-9]*\).*/\1/p' "$1" | head -n 1)
	echo "${t:-$VM_CASE_TIMEOUT}"
}

# cases_list: print every case, marking the manual ones.
cases_list()
{
	local f

	for f in $(case_files); do
		if case_is_manual "$f"; then
			echo "$(case_name "$f") (manual)"
		else
			case_name "$f"
		fi
	done
}

# cases_select [WORD...]: print the files to run, one a line.  A word is a
# case name, a name with .sh, a path, or the NN number of a case.
cases_select()
{
	local f word name hit

	if [ $# -eq 0 ]; then
		for f in $(case_files); do
			case_is_manual "$f" || echo "$f"
		done
		return 0
	fi
	for word in "$@"; do
		hit=
		word=$(basename "$word" .sh)
		for f in $(case_files); do
			name=$(case_name "$f")
			if [ "$name" = "$word" ] || [ "${name%%-*}" = "$word" ]
			then
				echo "$f"
				hit=1
			fi
		done
		[ -n "$hit" ] || vm_die "no case matches '$word' (see --list)"
	done
}
