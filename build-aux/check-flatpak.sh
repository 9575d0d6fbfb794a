#!/bin/sh
# Lints the Flatpak manifest as far as it can be checked without the GNOME runtime
# (which cannot be downloaded here): flatpak-builder parses it without a warning, its
# id and command match the app ID and the installed program, and an install into the
# /app prefix exports only files named after the app ID.
set -eu
srcdir="$1"
app_id="$2"
command="$3"
manifest="$srcdir/flatpak/$app_id.json"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

G_DEBUG=fatal-warnings flatpak-builder --show-manifest "$manifest" > "$tmp/manifest.json"

python3 - "$tmp/manifest.json" "$app_id" "$command" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
assert m["id"] == sys.argv[2], "manifest id %r is not the app ID %r" % (m["id"], sys.argv[2])
assert m["command"] == sys.argv[3], "manifest command %r is not %r" % (m["command"], sys.argv[3])
allowed = {"--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"}
extra = set(m.get("finish-args", [])) - allowed
assert not extra, "permissions the application does not need: %s" % sorted(extra)
PY

# Build and install with the options the manifest uses, into a /app prefix.
meson setup "$tmp/build" "$srcdir" --prefix=/app -Dtests=false -Dbenchmarks=false > "$tmp/setup.log" 2>&1 \
  || { cat "$tmp/setup.log"; exit 1; }
meson compile -C "$tmp/build" > "$tmp/build.log" 2>&1 || { tail -50 "$tmp/build.log"; exit 1; }
DESTDIR="$tmp/dest" meson install -C "$tmp/build" --no-rebuild > "$tmp/install.log" 2>&1 \
  || { cat "$tmp/install.log"; exit 1; }

test -x "$tmp/dest/app/bin/$command" || { echo "/app/bin/$command was not installed"; exit 1; }

# Flatpak exports these folders; every file in them must be named after the app ID.
bad=0
for dir in share/applications share/metainfo share/icons share/dbus-1/services \
           share/glib-2.0/schemas share/mime/packages; do
  [ -d "$tmp/dest/app/$dir" ] || continue
  for f in $(find "$tmp/dest/app/$dir" -type f); do
    name="$(basename "$f")"
    case "$name" in
      "$app_id".*|"$app_id"-*) ;;
      gschemas.compiled|icon-theme.cache) ;;
      *) echo "exported file not named after $app_id: ${f#$tmp/dest}"; bad=1 ;;
    esac
  done
done
test -f "$tmp/dest/app/share/applications/$app_id.desktop" || { echo "no desktop file"; bad=1; }
test -f "$tmp/dest/app/share/metainfo/$app_id.metainfo.xml" || { echo "no metainfo"; bad=1; }
exit $bad
