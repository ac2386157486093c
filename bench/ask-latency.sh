#!/usr/bin/env bash
# /api/ask latency: starts the Release bot on a loopback port and replays a question file through it.
# Usage: bench/ask-latency.sh [QUESTIONS.jsonl] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
questions=${1:-content/routing/questions.jsonl}
rounds=${2:-100}
port=${PORT:-3991}
dotnet build Bot -c Release -v q -nologo >/dev/null 2>&1 || dotnet build Bot -c Release -v q -nologo
dotnet build bench/AskReplay -c Release -v q -nologo >/dev/null
dotnet Bot/bin/Release/net10.0/MagLearn.Bot.dll --urls "http://127.0.0.1:$port" --Knowledge:WatchContent=false --Limits:Enabled=false --Logging:LogLevel:Default=Warning >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$port/healthz"; do sleep 0.05; done
dotnet bench/AskReplay/bin/Release/net10.0/ask-replay.dll "http://127.0.0.1:$port" "$questions" "$rounds"
