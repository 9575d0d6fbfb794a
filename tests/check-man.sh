#!/bin/sh
# tests/check-man.sh PAGE: fails when groff (or man) warns about a manual page.
set -eu
page="$1"
if command -v groff >/dev/null 2>&1; then
  # -k runs preconv, so the page's UTF-8 (Vietnamese examples) is read as such.
  out="$(groff -k -man -ww -z -Tutf8 "$page" 2>&1)"
elif command -v man >/dev/null 2>&1; then
  out="$(LC_ALL=C.UTF-8 man --warnings -l -Tutf8 "$page" 2>&1 >/dev/null)"
else
  echo "neither groff nor man is installed"
  exit 77
fi
if [ -n "$out" ]; then
  echo "$out"
  exit 1
fi
