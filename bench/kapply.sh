#!/bin/sh
# Run the applier benchmark (bench/kapply.c): 10,000 XFRM policies and
# 10,000 routes through kapply_run and through `ip -batch`, side by
# side, in fresh network namespaces.  Needs root.  Builds the program
# if needed; pass -n COUNT and -r ROUNDS through.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${top_builddir:-$top/build}
[ -x "$build/bench/kapply" ] || make -s -C "$build" bench/kapply
uname -r
ip -V
exec "$build/bench/kapply" "$@"
