#!/bin/bash
# Guest side: run one case.  This shell is PID 1 of the case's PID
# namespace (see guest/main.sh).  It loads the case library, then sources
# the case file; the library's exit trap writes the result.
#   case.sh FILE NAME OUTDIR
set -u
CASE_FILE=$1
CASE_NAME=$2
CASE_OUT=$3
CASE_TMP=/tmp/vm-case/$CASE_NAME
# A /run of its own: `ip netns add` leaves a file per namespace in
# /run/netns, which would clash with the next case's namespaces.  This
# mount namespace is private (see main.sh), so the tmpfs goes with it.
mount -t tmpfs tmpfs /run || exit 1
rm -rf "$CASE_TMP"
mkdir -p "$CASE_TMP"
cd "$CASE_TMP" || exit 1
. "$VM_DIR/lib.sh"
trap case_finish EXIT
log "case $CASE_NAME, kernel $(uname -r)"
. "$CASE_FILE"
