#!/usr/bin/env bash
# Installs SaxonJS (the npm package xslt3, pinned in eng/xslt/package-lock.json) into eng/xslt/node_modules when it
# is missing, and Node.js and npm first (Debian packages) when they are missing. Prints the path of the xslt3 CLI.
# eng/check-schematron.sh runs the French BR-FR rules with it: their current XSLT needs a newer XSLT engine than
# Debian's Saxon HE 9.9.
set -euo pipefail
dir=$(cd "$(dirname "$0")/xslt" && pwd)
cli=$dir/node_modules/xslt3/xslt3.js

if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing Node.js and npm..." >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nodejs npm > /dev/null
fi

if [[ ! -f $cli ]] || ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.package-lock.json.installed"; then
  echo "Installing SaxonJS (xslt3) with npm ci..." >&2
  (cd "$dir" && npm ci --no-audit --no-fund --ignore-scripts > /dev/null)
  cp "$dir/package-lock.json" "$dir/node_modules/.package-lock.json.installed"
fi
echo "$cli"
