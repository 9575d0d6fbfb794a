#!/bin/sh
# Runs "PROGRAM --version" and compares what it prints with the expected line.
set -eu
out="$("$1" --version)"
if [ "$out" != "$2" ]; then
  echo "“$1 --version” printed “$out”, expected “$2”"
  exit 1
fi
