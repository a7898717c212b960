#!/bin/sh
# Replay every console transcript under tests/transcripts/.
set -u
exec "${top_builddir:-.}/tests/transcript" "${top_srcdir:-.}"/tests/transcripts/*.txt
