#!/bin/sh
# build-aux/fuzz.sh [SECONDS]: builds the libFuzzer harness of the CSV reader with
# clang (AddressSanitizer with leak detection, UndefinedBehaviorSanitizer) in its
# own build folder, and runs it from the seed corpus in tests/fuzz/corpus for
# SECONDS (default 60, at most 60 in CI).  Fails on any crash, leak or undefined
# behaviour; the input that caused it is left in the build folder.
#
# Set DOCKET_FUZZ_BUILDDIR to build elsewhere than _build-fuzz.
set -eu

SRCDIR="$(cd "$(dirname "$0")/.." && pwd)"
BUILDDIR="${DOCKET_FUZZ_BUILDDIR:-$SRCDIR/_build-fuzz}"
SECONDS_TO_RUN="${1:-60}"

for tool in clang meson ninja; do
  command -v "$tool" >/dev/null 2>&1 || { echo "fuzz.sh: $tool is not installed (build-aux/setup.sh installs it)"; exit 1; }
done

if [ ! -f "$BUILDDIR/build.ninja" ]; then
  CC=clang meson setup "$BUILDDIR" "$SRCDIR" \
    -Dfuzzing=true -Dui=false -Dtests=false -Dbenchmarks=false \
    -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debugoptimized
fi
meson compile -C "$BUILDDIR" fuzz-csv-reader

# libFuzzer adds what it finds to the first folder: a scratch copy, so the seed
# corpus in the source tree stays as committed.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:halt_on_error=1"
export UBSAN_OPTIONS="halt_on_error=1:abort_on_error=1:print_stacktrace=1"
"$BUILDDIR/tests/fuzz/fuzz-csv-reader" \
  -max_total_time="$SECONDS_TO_RUN" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$BUILDDIR/" \
  "$work" "$SRCDIR/tests/fuzz/corpus"
