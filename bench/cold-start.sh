#!/usr/bin/env bash
# Cold start: from launching the bot to its first answered question over HTTP.
#   "published"  the bot as deploy/Dockerfile publishes it (ReadyToRun, for this machine's processor): what a
#                deployment runs; published to bench/bin/published, where it finds content/ and dialogs/ above it
#   "dll"        the build output started directly (the bot and its libraries are compiled as they are first run)
#   "dotnet run" the README's command on an already built tree (includes its up-to-date check of the build)
# Usage: bench/cold-start.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
port=${PORT:-3990}
dotnet build Bot -c Release -v q -nologo >/dev/null 2>&1 || dotnet build Bot -c Release -v q -nologo
dotnet build Bot -v q -nologo >/dev/null 2>&1 || dotnet build Bot -v q -nologo
published=bench/bin/published
dotnet publish Bot -c Release -o "$published" -v q -nologo >/dev/null 2>&1 || dotnet publish Bot -c Release -o "$published" -v q -nologo
question="http://127.0.0.1:$port/api/ask?q=how%20do%20I%20reset%20my%20password"

measure() {
  local label=$1; shift
  local total=0
  for i in $(seq 1 "$runs"); do
    local start end pid
    start=$(date +%s%N)
    "$@" --urls "http://127.0.0.1:$port" --Knowledge:WatchContent=false --Limits:Enabled=false >/dev/null 2>&1 &
    pid=$!
    until curl -sf -o /dev/null "$question"; do
      sleep 0.01
      if ! kill -0 "$pid" 2>/dev/null; then echo "the bot exited before answering" >&2; exit 1; fi
    done
    end=$(date +%s%N)
    pkill -P "$pid" 2>/dev/null || true
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    while curl -sf -o /dev/null "http://127.0.0.1:$port/healthz"; do sleep 0.05; done
    local ms=$(( (end - start) / 1000000 ))
    total=$(( total + ms ))
    echo "$label run $i: first answer after $ms ms"
  done
  echo "$label mean: $(( total / runs )) ms"
}

measure "published" dotnet "$published/MagLearn.Bot.dll"
measure "dll" dotnet Bot/bin/Release/net10.0/MagLearn.Bot.dll
measure "dotnet run" dotnet run --project Bot --no-launch-profile --
