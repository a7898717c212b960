# Case library: logging, checks and the case's result.
#
# Set by guest/case.sh: CASE_NAME, CASE_OUT (the case's dir on the work
# share: log, notes, result), CASE_TMP (scratch on the guest's tmpfs, the
# current directory).
#
# A case passes when it ends having run at least one check and none failed.
# check_ok/check_bad record checks; case_fail ends the case at once;
# case_skip ends it as skipped (never counted as passed).

CASE_FAILS=()
CASE_CHECKS=0
CASE_SKIP=
CASE_CLEANUPS=()
case_t0=${EPOCHREALTIME/./}

# Seconds since the case started, two decimals, without forking.
case_clock()
{
	local us=$((${EPOCHREALTIME/./} - case_t0))

	printf '%d.%02d' $((us / 1000000)) $((us % 1000000 / 10000))
}

log()
{
	printf '[%s] %s\n' "$(case_clock)" "$*"
}

# note LINE...: a line for the run's output (shown under the case's result
# line in the CI log), also logged.
note()
{
	local line

	for line in "$@"; do
		printf '%s\n' "$line" >>"$CASE_OUT/notes"
		log "note: $line"
	done
}

check_ok()
{
	CASE_CHECKS=$((CASE_CHECKS + 1))
	log "ok: $*"
}

check_bad()
{
	CASE_CHECKS=$((CASE_CHECKS + 1))
	CASE_FAILS+=("$*")
	log "FAILED: $*"
}

# check DESCRIPTION TEST...: run the test command, record the outcome.
check()
{
	local what=$1

	shift
	if "$@"; then
		check_ok "$what"
	else
		check_bad "$what"
		return 1
	fi
}

case_fail()
{
	CASE_FAILS+=("$*")
	log "FAILED: $*"
	exit 1
}

case_skip()
{
	CASE_SKIP=$*
	log "skipped: $*"
	exit 77
}

# at_exit COMMAND: run COMMAND (a string) when the case ends, last added
# first.
at_exit()
{
	CASE_CLEANUPS+=("$1")
}

# The case's exit trap: run the cleanups, then write the result.
case_finish()
{
	local rc=$? i status reason=

	trap - EXIT
	for ((i = ${#CASE_CLEANUPS[@]} - 1; i >= 0; i--)); do
		eval "${CASE_CLEANUPS[i]}" || log "cleanup failed: ${CASE_CLEANUPS[i]}"
	done
	if [ -n "$CASE_SKIP" ]; then
		status=SKIP
		reason=$CASE_SKIP
	elif [ ${#CASE_FAILS[@]} -gt 0 ]; then
		status=FAIL
		reason=$(IFS=';'; echo "${CASE_FAILS[*]}")
		reason=${reason//;/; }
	elif [ $rc -ne 0 ]; then
		status=FAIL
		reason="case script ended with status $rc"
	elif [ $CASE_CHECKS -eq 0 ]; then
		status=FAIL
		reason="no check ran"
	else
		status=PASS
	fi
	[ "$status" = FAIL ] && case_keep_files
	log "result: $status${reason:+: $reason}"
	printf '%s\t%s\n' "$status" "${reason//$'\n'/ }" >"$CASE_OUT/result"
	exit 0
}

# On failure, keep the case's scratch files (daemon logs, captures) on the
# work share for a look from the host.
case_keep_files()
{
	mkdir -p "$CASE_OUT/files"
	cp -r "$CASE_TMP"/. "$CASE_OUT/files/" 2>/dev/null
}

nsx()
{
	local ns=$1

	shift
	ip netns exec "$ns" "$@"
}

# file_has FILE TEXT: does FILE contain TEXT (no fork, cheap under TCG)
file_has()
{
	local line

	[ -f "$1" ] || return 1
	while IFS= read -r line; do
		[[ $line == *"$2"* ]] && return 0
	done <"$1"
	return 1
}

# wait_until SECONDS COMMAND...: poll COMMAND every 0.2 s; 1 on timeout.
wait_until()
{
	local end=$((SECONDS + $1))

	shift
	while ! "$@"; do
		[ $SECONDS -lt $end ] || return 1
		sleep 0.2
	done
}

# require_cmd COMMAND REASON: skip the case when COMMAND is not there.
require_cmd()
{
	command -v "$1" >/dev/null || [ -x "$1" ] || case_skip "$2"
}
