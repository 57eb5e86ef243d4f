#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Debian package, installs it with apt and checks the installed copy as a user gets
# it: the commands from another folder with the source tree hidden, the window on the offscreen
# platform, the desktop entry, the AppStream metadata and lintian; then removes it again.
# The CI's package stage (.ci/run). Root or sudo; reuses the build folder (BUILD_DIR, default
# ./build). Environment: KEEP_INSTALLED=1 leaves the package installed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${BUILD_DIR:-$here/build}"
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
say() { printf 'package: %s\n' "$*"; }
fail() {
    printf 'package: FAILED: %s\n' "$*" >&2
    exit 1
}

say "building the package"
bash "$here/packaging/bootstrap.sh" package >/dev/null
version="$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build_dir/CMakeCache.txt")"
deb="$build_dir/energize_${version}_$(dpkg --print-architecture).deb"
[ -f "$deb" ] || fail "$deb was not written"
say "$(basename "$deb"): $(du -k "$deb" | cut -f1) kB"
dpkg-deb --field "$deb" Package Version Architecture Section Priority Maintainer Depends \
    | sed 's/^/  /'

tools=(lintian desktop-file-utils appstream)
missing=()
for p in "${tools[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
        || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
fi

say "apt-get install $deb"
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --reinstall "$deb" >/dev/null
[ -x /usr/bin/energize ] || fail "/usr/bin/energize is not installed"

# The installed program on its own: from an empty folder, with no Energize variables, and (where
# a mount namespace can be had) with the source tree hidden under an empty tmpfs, so that the
# fallback to the source tree compiled into the binary cannot serve the data.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
cat >"$work/checks.sh" <<'EOF'
set -euo pipefail
cd "$1"
unset ENERGIZE_DEMO_DIR ENERGIZE_CATALOG_DIR QT_QPA_PLATFORM DISPLAY
exec 3>&1 # the log, whatever a command's output is sent to
say() { printf 'package: %s\n' "$*" >&3; }
run() {
    say "$ $*"
    "$@"
}
out="$(energize --version)"
say "energize --version: $out"
[ "$out" = "Energize $2" ] || { echo "package: FAILED: expected Energize $2" >&2; exit 1; }
run energize plan --input /usr/share/energize/examples/plan-100mw.json >plan.txt
sed -n '1,3p' plan.txt | sed 's/^/  /'
run energize score --demo --site "Abilene candidate" >score.txt
grep -m1 'score:' score.txt | sed 's/^ */  /'
run energize heatmap --demo --out scores.tif --bbox -100.5,31.5,-99,33 --resolution 5000 \
    >/dev/null 2>&1
run energize compare --demo --csv plans.csv >compare.txt
grep -m1 '^Baseline:' compare.txt | sed 's/^/  /'
run energize save --demo demo.gpkg >/dev/null
run energize score demo.gpkg --json >/dev/null
run energize report --demo --out report.pdf --sections summary 2>/dev/null
for f in scores.tif plans.csv demo.gpkg report.pdf; do
    [ -s "$f" ] || { echo "package: FAILED: $f was not written" >&2; exit 1; }
done
say "the window: QT_QPA_PLATFORM=offscreen energize --demo"
QT_QPA_PLATFORM=offscreen energize --demo >window.log 2>&1 &
pid=$!
sleep 6
if ! kill -0 "$pid" 2>/dev/null; then
    cat window.log >&2
    echo "package: FAILED: energize --demo exited within 6 s" >&2
    exit 1
fi
kill "$pid"
wait "$pid" 2>/dev/null || true
say "the window was still running after 6 s"
EOF
chmod 644 "$work/checks.sh"
hide=()
if "${sudo[@]}" unshare --mount true 2>/dev/null; then
    say "source tree $here hidden for the checks"
    hide=("${sudo[@]}" unshare --mount bash -c
        'mount -t tmpfs -o size=1m energize-hidden "$0" && exec "$@"' "$here")
else
    say "no mount namespace here: the checks run from $work with the source tree in place"
fi
# As a user who cannot write /usr/share (nobody, with a home of its own) where possible.
as_user=()
if [ "$(id -u)" -eq 0 ] && command -v runuser >/dev/null && id nobody >/dev/null 2>&1; then
    chown nobody "$work"
    as_user=(runuser -u nobody -- env HOME="$work" XDG_RUNTIME_DIR="$work")
    say "the commands run as nobody"
fi
"${hide[@]}" "${as_user[@]}" bash "$work/checks.sh" "$work" "$version" \
    || fail "the installed energize"

say "desktop-file-validate"
desktop-file-validate /usr/share/applications/io.github.energize.Energize.desktop
say "appstreamcli validate --no-net"
appstreamcli validate --no-net /usr/share/metainfo/io.github.energize.Energize.metainfo.xml
say "man -l /usr/share/man/man1/energize.1.gz: $(man --warnings -l \
    /usr/share/man/man1/energize.1.gz | wc -l) lines"
say "bash completion: energize c<TAB> -> $(cd "$work" && bash -c 'source "$0"; COMP_WORDS=(energize c);
    COMP_CWORD=1; _energize; echo "${COMPREPLY[*]}"' /usr/share/bash-completion/completions/energize)"
say "lintian (fails on errors; warnings and infos are shown)"
if ! lintian --fail-on error --display-info "$deb" 2>&1 | sed 's/^/  /'; then
    fail "lintian found errors"
fi

if [ "${KEEP_INSTALLED:-0}" = 1 ]; then
    say "left installed (KEEP_INSTALLED=1)"
else
    say "apt-get remove energize"
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get remove -y -qq energize >/dev/null
    [ ! -e /usr/bin/energize ] || fail "/usr/bin/energize is still there after removal"
fi
say "passed"
