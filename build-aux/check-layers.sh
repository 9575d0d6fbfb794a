#!/bin/sh
# The layering rules of DESIGN.md §5, checked on the sources.  The build enforces
# them too (each layer's include path sees only the layers below), this catches a
# system header that is on every path, such as <sqlite3.h>.
set -eu
cd "$1/src"
status=0

fail () {
  echo "$1"
  status=1
}

# Only src/store speaks SQL.
hits="$(grep -rlE '#include <sqlite3\.h>|sqlite3_[a-z_]+ *\(' --include='*.c' --include='*.h' \
        core reminders export ui cli 2>/dev/null || true)"
[ -z "$hits" ] || fail "SQL outside src/store: $hits"

# core, store, reminders and export never include GTK or libadwaita.
hits="$(grep -rlE '#include <(gtk|gdk|adwaita)' --include='*.c' --include='*.h' \
        core store reminders export 2>/dev/null || true)"
[ -z "$hits" ] || fail "GTK below src/ui: $hits"

# A layer includes no header of a layer above it.
check_up () {
  layer="$1"; shift
  for above in "$@"; do
    for h in $(cd "$above" && ls *.h 2>/dev/null); do
      hits="$(grep -rl "#include \"$h\"" --include='*.c' --include='*.h' "$layer" 2>/dev/null || true)"
      [ -z "$hits" ] || fail "$layer includes $above/$h: $hits"
    done
  done
}
check_up core store reminders export ui cli
check_up store reminders export ui cli
check_up reminders export ui cli
check_up export ui cli

exit $status
