#!/usr/bin/env bash
# One entry point for the repository.
#   ./build.sh demo   runs the main job (invoicing demo on the embedded SQLite store)
#   ./build.sh test   installs and starts what the tests need, then restores, builds, packs and runs every test,
#                     the packaging tests included (they run the quickstart, the tool and the AOT app from the packages)
#   ./build.sh pack   packs every package (.nupkg and .snupkg) into artifacts/package/release
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

command=${1:-test}
shift || true
artifacts=${INVOICING_ARTIFACTS:-$PWD/artifacts}
packed=$artifacts/package/release

# Packs every packable project of the solution into $packed, emptied first so no stale package is left there.
pack() {
  rm -rf "$packed"
  dotnet pack Invoicing.Sdk.sln -c Release "$@"
}

case "$command" in
  demo)
    exec dotnet run --project src/Invoicing.Cli -- demo "$@"
    ;;
  test)
    eng/install-test-deps.sh
    # shellcheck source=eng/test-services.sh
    source eng/test-services.sh
    start_test_services
    trap stop_test_services EXIT

    dotnet restore Invoicing.Sdk.sln
    dotnet build Invoicing.Sdk.sln -c Release --no-restore
    pack --no-build
    # A step that fails here leaves its output missing, and the packaging test that runs it fails.
    eng/prepare-package-checks.sh "$packed" "$artifacts/package-checks" || true
    log=$(mktemp)
    status=0
    dotnet test Invoicing.Sdk.sln -c Release --no-build "$@" 2>&1 | tee "$log" || status=$?
    eng/test-summary.sh "$log"
    rm -f "$log"
    exit "$status"
    ;;
  pack)
    pack -p:ContinuousIntegrationBuild=true "$@"
    ;;
  *)
    echo "usage: ./build.sh [demo|test|pack]" >&2
    exit 2
    ;;
esac
