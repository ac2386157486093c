#!/usr/bin/env bash
# The soak (docs/benchmarks.md, section 8): the mixed load at half its measured maximum for --minutes, on the
# default storage (SQLite) and then on a Redis of its own; a Markdown table for each. Exits non-zero if either
# soak saw an error, a conversation whose state was not intact, or memory over the bound. About 12 minutes per
# storage at the default 10; run it on a quiet machine.
# Usage: bench/soak.sh [QUESTIONS.jsonl] [--minutes 10] [other options of bench/Soak, e.g. --settle 60]
set -euo pipefail
cd "$(dirname "$0")/.."
questions=content/routing/questions.jsonl
if [[ $# -gt 0 && $1 != --* ]]; then questions=$1; shift; fi
[ -f "$questions" ] || { echo "question file not found: $questions" >&2; exit 2; }

dotnet build Bot -c Release -v q -nologo >/dev/null 2>&1 || dotnet build Bot -c Release -v q -nologo
dotnet build bench/Soak -c Release -v q -nologo >/dev/null 2>&1 || dotnet build bench/Soak -c Release -v q -nologo

status=0
for storage in sqlite redis; do
  echo "== soak on $storage"
  dotnet bench/Soak/bin/Release/net10.0/soak.dll . "$questions" --storage "$storage" "$@" || status=1
  echo
done
exit $status
