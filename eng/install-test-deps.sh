#!/usr/bin/env bash
# Installs the Debian packages the tests use, when they are missing: PostgreSQL (storage and dunning tests),
# qpdf and poppler-utils (PDF checks), fonts for rendering checks, clang and zlib1g-dev (the Native AOT sample),
# chromium (the portal's browser tests drive it through Playwright at /usr/bin/chromium; nothing is downloaded at run time),
# Saxon HE and a Java runtime (the French BR-FR-CDV schematron on the lifecycle status messages).
set -euo pipefail
packages=(postgresql qpdf poppler-utils clang zlib1g-dev chromium libsaxonhe-java default-jre-headless)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
