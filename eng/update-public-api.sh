#!/usr/bin/env bash
# Records the public API of every package in its PublicAPI.Unshipped.txt after an intended change, with the
# analyzer's own code fix (RS0016):
#   eng/update-public-api.sh            every package under src/
#   eng/update-public-api.sh Invoicing.Core
# Unshipped.txt is rewritten from the code as it is: everything public that Shipped.txt does not already list.
# Review its diff before committing it: it is the list of what hosts will see change. At a release, the lines of
# PublicAPI.Unshipped.txt move to PublicAPI.Shipped.txt; removing a shipped member is a breaking change, recorded
# by hand as a *REMOVED* line in Unshipped.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ $# -gt 0 ]; then projects=("${@/#/src/}"); else projects=(src/*/); fi
for project in "${projects[@]}"; do
  project=${project%/}
  echo "public API: ${project#src/}"
  csproj="$project/$(basename "$project").csproj"
  # The analyzers only load from a restored project; without it dotnet format silently changes nothing.
  dotnet restore "$csproj" --verbosity quiet
  # Started from empty, the code fix records the whole surface; run on an edited file it may leave it unchanged.
  echo '#nullable enable' > "$project/PublicAPI.Unshipped.txt"
  dotnet format analyzers "$csproj" --diagnostics RS0016 --severity info --verbosity quiet
done
