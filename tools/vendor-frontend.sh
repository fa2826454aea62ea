#!/usr/bin/env bash
# Refreshes the compiled USWDS and htmx files that OneDoor ships under src/main/resources/static/vendor.
# It downloads the packages from the npm registry with `npm pack`, then copies the minified CSS and
# JavaScript, the fonts and images that the USWDS stylesheet references, and each package's licence.
# Usage: tools/vendor-frontend.sh   (needs node and npm; run from the repository root)
set -euo pipefail

USWDS_VERSION=3.14.0
HTMX_VERSION=2.0.11

root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$work"
npm pack --silent "@uswds/uswds@$USWDS_VERSION" "htmx.org@$HTMX_VERSION" >/dev/null
mkdir uswds htmx
tar xzf "uswds-uswds-$USWDS_VERSION.tgz" -C uswds
tar xzf "htmx.org-$HTMX_VERSION.tgz" -C htmx

target="$root/src/main/resources/static/vendor"
rm -rf "$target/uswds" "$target/htmx"
mkdir -p "$target/uswds/css" "$target/uswds/js" "$target/uswds/img" "$target/htmx"

dist=uswds/package/dist
cp "$dist/css/uswds.min.css" "$target/uswds/css/"
cp "$dist/js/uswds.min.js" "$dist/js/uswds-init.min.js" "$target/uswds/js/"
cp uswds/package/LICENSE.md "$target/uswds/LICENSE.md"

# Only the fonts and images that the stylesheet loads, plus the icon sprite and the banner images.
grep -o 'url(\.\./[^)]*)' "$dist/css/uswds.min.css" | sed 's/^url(\.\.\///; s/)$//' | sort -u | while read -r asset; do
    mkdir -p "$target/uswds/$(dirname "$asset")"
    cp "$dist/$asset" "$target/uswds/$asset"
done
cp "$dist/img/sprite.svg" "$dist/img/us_flag_small.png" "$dist/img/icon-dot-gov.svg" "$dist/img/icon-https.svg" \
   "$dist/img/lock.svg" "$target/uswds/img/"

cp htmx/package/dist/htmx.min.js "$target/htmx/"
cp htmx/package/LICENSE "$target/htmx/LICENSE"

printf 'USWDS %s and htmx %s copied to %s\n' "$USWDS_VERSION" "$HTMX_VERSION" "$target"
