#!/usr/bin/env bash
# Where a turn's CPU goes: runs one load scenario against the Release bot and samples the server's CPU (kernel
# perf events, managed and native frames) for 6 s in the middle of it, then prints the 60 functions with the most
# CPU under them. Needs root for perf events; installs dotnet-trace under .tools/ on first use.
# Usage: bench/profile-turns.sh [answer|flow|directline] [QUESTIONS.jsonl]
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:-answer}
questions=${2:-content/routing/questions.jsonl}
trace_tool=.tools/dotnet-trace
[ -x "$trace_tool" ] || dotnet tool install dotnet-trace --tool-path .tools >/dev/null
dotnet build MagLearn.Bot.sln -c Release -v q -nologo >/dev/null

out=$(mktemp -d)
dotnet bench/LoadGen/bin/Release/net10.0/load-gen.dll . "$questions" --users 16 --seconds 20 --warmup 8 \
  --scenarios "$scenario" >"$out/load.txt" 2>&1 &
load=$!
sleep 12
server=$(pgrep -f "MagLearn.Bot.dll --urls" | head -1)
"$trace_tool" collect-linux -p "$server" --profile cpu-sampling --duration 00:00:00:06 -o "$out/cpu.nettrace" >/dev/null
wait $load
tail -n 1 "$out/load.txt"
"$trace_tool" report "$out/cpu.nettrace" topN -n 60 --inclusive
echo "trace kept in $out/cpu.nettrace"
