#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# One-step set-up for Energize on Debian 12 / Ubuntu 24.04.
#   bash packaging/bootstrap.sh run    install what is missing, build, launch on the demo project
#   bash packaging/bootstrap.sh test   install what is missing, build, run the whole suite headless
#   bash packaging/bootstrap.sh build  install what is missing and build only
#   bash packaging/bootstrap.sh package  install what is missing, build, and write the Debian
#                                        package energize_<version>_<arch>.deb in the build folder
# Idempotent: packages already present are not reinstalled and the build is incremental.
# Environment: BUILD_DIR (default ./build), JOBS (default: number of cores).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode="${1:-run}"
build_dir="${BUILD_DIR:-$here/build}"
jobs="${JOBS:-$(nproc)}"

packages=(
    build-essential cmake pkg-config clang-format
    qt6-base-dev qt6-base-dev-tools libgl1-mesa-dev libqt6sql6-sqlite qt6-svg-dev qt6-pdf-dev
    libqcustomplot-dev libgdal-dev gdal-bin python3-gdal libeigen3-dev nlohmann-json3-dev
    libsqlite3-dev sqlite3 libbenchmark-dev
    xvfb xauth imagemagick poppler-utils
    librsvg2-bin file
)

install_missing() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "energize: installing ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends \
        "${missing[@]}"
}

build() {
    cmake -S "$here" -B "$build_dir" -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$build_dir" -j "$jobs"
}

case "$mode" in
build)
    install_missing
    build
    ;;
test)
    install_missing
    build
    export QT_QPA_PLATFORM=offscreen
    ctest --test-dir "$build_dir" --output-on-failure -j "$jobs"
    ;;
run)
    install_missing
    build
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        echo "energize: no display; starting under xvfb-run"
        exec xvfb-run -a -s "-screen 0 1600x1000x24" "$build_dir/app/energize" --demo
    fi
    exec "$build_dir/app/energize" --demo
    ;;
package)
    install_missing
    build
    # CPack installs into a staging folder, strips, asks dpkg-shlibdeps for the dependencies
    # and writes the .deb next to CPackConfig.cmake.
    rm -f "$build_dir"/energize_*.deb
    (cd "$build_dir" && cpack -G DEB >/dev/null)
    ls "$build_dir"/energize_*.deb
    ;;
*)
    echo "usage: bash packaging/bootstrap.sh [run|test|build|package]" >&2
    exit 2
    ;;
esac
