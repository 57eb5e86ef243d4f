#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerate the Texas demo region in maps/data/ (see README.md there).
# Fetches the boundary packages from the npm registry into a temporary folder outside the
# repository, then runs the seeded generator with Debian's python3 (python3-gdal, python3-numpy).
# The files it writes are committed; building and testing the app never needs the network.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
seed=${1:-42}
work=$(mktemp -d "${TMPDIR:-/tmp}/energize-demo.XXXXXX")
trap 'rm -rf "$work"' EXIT

cd "$work"
npm pack --silent us-atlas@3.0.1 world-atlas@2.0.2 >/dev/null
mkdir us-atlas world-atlas
tar -xzf us-atlas-3.0.1.tgz -C us-atlas --strip-components=1
tar -xzf world-atlas-2.0.2.tgz -C world-atlas --strip-components=1

/usr/bin/python3 "$here/generate_demo.py" --us-atlas "$work/us-atlas" \
    --world-atlas "$work/world-atlas" --out "$here" --seed "$seed"
ls -l "$here"
