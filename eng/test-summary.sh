#!/usr/bin/env bash
# Adds up the per-assembly summaries of `dotnet test` into one line: "N passed, N failed".
# A test assembly that ran but printed no summary (a crashed test host) counts as one failure.
set -euo pipefail
log=$1
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
aborted=$(grep -Ec 'Test Run Aborted|The active test run was aborted' "$log" || true)
echo "$passed passed, $((failed + aborted)) failed"
