#!/usr/bin/env bash
# Cold start: from launching the built bot to its first answered question over HTTP.
# Usage: bench/cold-start.sh [runs]   (builds Release once, then times each run)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
port=${PORT:-3990}
dotnet build Bot -c Release -v q -nologo >/dev/null 2>&1 || dotnet build Bot -c Release -v q -nologo
question='http://127.0.0.1:'$port'/api/ask?q=how%20do%20I%20reset%20my%20password'
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  dotnet Bot/bin/Release/net10.0/MagLearn.Bot.dll --urls "http://127.0.0.1:$port" --Knowledge:WatchContent=false >/dev/null 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "$question"; do
    sleep 0.01
    if ! kill -0 "$pid" 2>/dev/null; then echo "the bot exited before answering" >&2; exit 1; fi
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "run $i: first answer after $(( (end - start) / 1000000 )) ms"
done
