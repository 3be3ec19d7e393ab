#!/usr/bin/env bash
# Records the public API of every package in its PublicAPI.Unshipped.txt after an intended change (new members
# added, removed ones deleted), with the analyzer's own code fixes:
#   eng/update-public-api.sh            every package under src/
#   eng/update-public-api.sh Invoicing.Core
# Review the diff of PublicAPI.*.txt before committing it: it is the list of what hosts will see change.
# At a release, the lines of PublicAPI.Unshipped.txt move to PublicAPI.Shipped.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ $# -gt 0 ]; then projects=("${@/#/src/}"); else projects=(src/*/); fi
for project in "${projects[@]}"; do
  project=${project%/}
  echo "public API: ${project#src/}"
  # RS0016: a public symbol not recorded; RS0017: a recorded symbol that no longer exists;
  # RS0036/RS0037: nullable annotations missing from a recorded line.
  dotnet format analyzers "$project/$(basename "$project").csproj" \
    --diagnostics RS0016 RS0017 RS0036 RS0037 --severity info --verbosity quiet
done
