#!/usr/bin/env bash
# One entry point for the repository.
#   ./build.sh demo   runs the main job (invoicing demo on the embedded SQLite store)
#   ./build.sh test   installs and starts what the tests need, then restores, builds and runs every test
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

command=${1:-test}
shift || true

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
    log=$(mktemp)
    status=0
    dotnet test Invoicing.Sdk.sln -c Release --no-build "$@" 2>&1 | tee "$log" || status=$?
    eng/test-summary.sh "$log"
    rm -f "$log"
    exit "$status"
    ;;
  *)
    echo "usage: ./build.sh [demo|test]" >&2
    exit 2
    ;;
esac
