#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine: installs what the tests need, builds, runs the content check
# and quality gate, tests, and ends with one "N passed, N failed" line. Exit code 0 only when the check and every
# test passed.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/prerequisites.sh

dotnet build MagLearn.Bot.sln -c Release --nologo -v q

# The content check and quality gate (Bot/Checks): every file authors edit loads, and the held-out answer quality
# has not fallen below content/quality/baseline.json. The tests run either way; the script fails if it failed.
echo "== check: content and quality gate"
set +e
dotnet run -c Release --no-build --project Bot -- check 2>&1 | grep -vE '^(info|warn): |^      '
check_status=${PIPESTATUS[0]}
set -e
echo "== check: exit code $check_status"

log=$(mktemp)
set +e
dotnet test MagLearn.Bot.sln -c Release --no-build --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# dotnet test prints one summary per test assembly ("Passed!  - Failed: 0, Passed: 42, ..."); add them up.
sum() { grep -oE "$1: +[0-9]+" "$log" | grep -oE '[0-9]+' | awk '{ s += $1 } END { print s + 0 }'; }
passed=$(sum Passed)
failed=$(sum Failed)
rm -f "$log"
echo "${passed:-0} passed, ${failed:-0} failed"
if [ "${passed:-0}" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
if [ "$check_status" -ne 0 ]; then
  echo "check failed (exit code $check_status): see the '== check' lines above" >&2
  [ "$status" -ne 0 ] || status=$check_status
fi
exit "$status"
