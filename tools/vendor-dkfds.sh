#!/usr/bin/env bash
# Copies Det Fælles Designsystem (npm package dkfds) into src/Samraad/wwwroot/dkfds: the built CSS, the IBM Plex Sans
# fonts it uses (woff2 and woff), the SVG icons and the licence files. The result is committed, so neither README
# command needs npm or the network; rerun this script to move to another version (change VERSION) and commit.
set -euo pipefail
VERSION=11.2.0
cd "$(dirname "$0")/.."
out=src/Samraad/wwwroot/dkfds
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "dkfds@$VERSION" --silent >/dev/null && tar xzf "dkfds-$VERSION.tgz")
dist="$work/package/dist"
rm -rf "$out"; mkdir -p "$out/css" "$out/fonts/IBMPlexSans/complete" "$out/img" "$out/js"
cp "$dist/css/dkfds.min.css" "$out/css/"
cp "$dist/js/dkfds.min.js" "$out/js/"
# Only the font files the CSS names (woff2 and woff; browsers that need eot or ttf are long gone).
for f in $(grep -o 'fonts/IBMPlexSans/complete/woff2\?/[A-Za-z-]*\.woff2\?' "$dist/css/dkfds.min.css" | sort -u); do
  mkdir -p "$out/$(dirname "$f")"; cp "$dist/$f" "$out/$f"
done
cp "$dist/fonts/IBMPlexSans/split/woff/license.txt" "$out/fonts/IBMPlexSans/LICENSE-OFL.txt"
cp -r "$dist/img/svg-icons" "$dist/img/all-svg-icons.svg" "$dist/img/logo-placeholder.png" "$dist/img/logo-header-placeholder.png" "$out/img/"
cp "$dist/LICENSE.md" "$out/LICENSE.md"
echo "dkfds $VERSION (https://designsystem.dk, npm package dkfds): see LICENSE.md (MIT; IBM Plex Sans under OFL-1.1; icons under Apache-2.0)." > "$out/VERSION.txt"
du -sh "$out"
