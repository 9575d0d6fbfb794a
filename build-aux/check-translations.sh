#!/bin/sh
# Fails when any string in a freshly generated template is untranslated or fuzzy in
# po/LANG.po, or when POTFILES.in names a file that is gone.  The template is made
# with the same xgettext keywords as meson's "glib" preset.
set -eu
srcdir="$1"
lang="$2"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

grep -v '^#' "$srcdir/po/POTFILES.in" | grep -v '^$' > "$tmp/files"
while read -r f; do
  [ -f "$srcdir/$f" ] || { echo "POTFILES.in names $f, which does not exist"; exit 1; }
done < "$tmp/files"

# Every C or .ui file with translatable strings must be listed.
( cd "$srcdir" && grep -rlE '(^|[^a-zA-Z_])(_|N_|C_|NC_|ngettext)\s*\(|translatable="yes"' src \
    --include='*.c' --include='*.ui' || true ) | sort > "$tmp/used"
sort "$tmp/files" > "$tmp/listed"
missing="$(comm -23 "$tmp/used" "$tmp/listed")"
if [ -n "$missing" ]; then
  echo "Files with translatable strings missing from po/POTFILES.in:"
  echo "$missing"
  exit 1
fi

cd "$srcdir"
xgettext --files-from="$tmp/files" --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --keyword=ngettext:1,2 \
  --output="$tmp/docket.pot" --package-name=docket

msgmerge --quiet --no-wrap "po/$lang.po" "$tmp/docket.pot" -o "$tmp/merged.po"
stats="$(msgfmt --statistics -o /dev/null "$tmp/merged.po" 2>&1)"
echo "$lang: $stats"
untranslated="$(msgattrib --untranslated --no-obsolete --no-wrap "$tmp/merged.po" | grep -c '^msgid ' || true)"
fuzzy="$(msgattrib --only-fuzzy --no-obsolete --no-wrap "$tmp/merged.po" | grep -c '^msgid ' || true)"
if [ "$untranslated" -gt 0 ] || [ "$fuzzy" -gt 0 ]; then
  echo "po/$lang.po is incomplete: untranslated or fuzzy strings follow"
  msgattrib --untranslated --no-obsolete --no-wrap "$tmp/merged.po" | grep -A1 '^msgid ' | head -60
  msgattrib --only-fuzzy --no-obsolete --no-wrap "$tmp/merged.po" | grep -A1 '^msgid ' | head -60
  exit 1
fi
