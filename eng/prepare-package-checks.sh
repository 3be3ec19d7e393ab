#!/usr/bin/env bash
# Prepares, from the packed packages, what tests/Invoicing.Packaging.Tests runs as a host would:
#   consumer  samples/Consumer (the README's quickstart) restored from the packed folder and built
#   tool      Invoicing.Cli installed with `dotnet tool install --tool-path` from the packed folder
#   aot       samples/AotConsole published with Native AOT
# Usage: eng/prepare-package-checks.sh PACKED_FOLDER OUTPUT_FOLDER
# A step that fails leaves its output missing and says so here; the test that runs that output then fails.
set -uo pipefail
cd "$(dirname "$0")/.."
packed=$(realpath "$1")
out=$2
rm -rf "$out" samples/Consumer/obj samples/Consumer/bin
mkdir -p "$out"
out=$(realpath "$out")
version=$(dotnet msbuild src/Invoicing.Core -getProperty:Version)
failed=0

step() {
  local name=$1
  shift
  echo "package check: $name"
  "$@" >"$out/$name.log" 2>&1 || { echo "package check $name failed to prepare:"; tail -n 30 "$out/$name.log"; failed=1; }
}

step consumer dotnet build samples/Consumer -c Release -o "$out/consumer" \
  -p:InvoicingVersion="$version" -p:RestoreAdditionalProjectSources="$packed"
step tool dotnet tool install Invoicing.Cli --version "$version" --tool-path "$out/tool" \
  --add-source "$packed" --ignore-failed-sources
step aot dotnet publish samples/AotConsole -c Release -o "$out/aot"
exit "$failed"
