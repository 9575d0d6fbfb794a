# build-aux/setup.sh: sourced by build-aux/run and build-aux/test.
#
# Installs the Debian packages Docket needs (only those missing), generates the
# vi_VN.UTF-8 locale, and configures and builds with meson.  Set DOCKET_BUILDDIR to
# build elsewhere than _build and DOCKET_MESON_ARGS to pass options to meson setup.

set -eu

SRCDIR="$(cd "$(dirname "$0")/.." && pwd)"
BUILDDIR="${DOCKET_BUILDDIR:-$SRCDIR/_build}"
case "$BUILDDIR" in /*) ;; *) BUILDDIR="$SRCDIR/$BUILDDIR" ;; esac

# Debian 12 names.  xauth and librsvg2-common are only Recommends of the packages
# that need them (xvfb-run, the SVG icons), so they are listed on their own.
DOCKET_PACKAGES="
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev libnotify-dev libjson-glib-dev
  appstream desktop-file-utils flatpak-builder
  xvfb xauth xfonts-base librsvg2-common adwaita-icon-theme
  fonts-dejavu-core fonts-liberation2
  libpango1.0-dev libcairo2-dev libzip-dev libxlsxwriter-dev
  poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui
  dbus python3 python3-dbusmock locales sqlite3 groff-base
  python3-icalendar clang libclang-rt-14-dev
"

as_root () {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_missing_packages () {
  missing=""
  for pkg in $DOCKET_PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing="$missing $pkg"
    fi
  done
  if [ -n "$missing" ]; then
    echo "Installing:$missing"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
  fi
}

ensure_locale () {
  if ! locale -a 2>/dev/null | grep -qi '^vi_VN\.utf-\?8$'; then
    echo "Generating the vi_VN.UTF-8 locale"
    as_root localedef -i vi_VN -f UTF-8 vi_VN.UTF-8
  fi
}

configure_and_build () {
  if [ ! -f "$BUILDDIR/build.ninja" ]; then
    # shellcheck disable=SC2086
    meson setup "$BUILDDIR" "$SRCDIR" ${DOCKET_MESON_ARGS:-}
  elif [ -n "${DOCKET_MESON_ARGS:-}" ]; then
    # shellcheck disable=SC2086
    meson configure "$BUILDDIR" ${DOCKET_MESON_ARGS}
  fi
  meson compile -C "$BUILDDIR"
}

install_missing_packages
ensure_locale
configure_and_build
