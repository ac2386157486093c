#!/usr/bin/env bash
# Reproduces every figure in docs/benchmarks.md on this machine, in one go (about 20 minutes on 2 cores; add
# --bdn for the BenchmarkDotNet runs, about 35 minutes more). Run it on a quiet machine: the load test and the
# latency tails measure whatever else is running too.
# Usage: bench/run-all.sh [QUESTIONS.jsonl] [--bdn]
set -euo pipefail
cd "$(dirname "$0")/.."
questions=${1:-content/routing/questions.jsonl}
[ -f "$questions" ] || { echo "question file not found: $questions" >&2; exit 2; }

echo "== machine"
echo "cores: $(nproc), memory: $(free -g | awk '/^Mem:/ {print $2}') GiB, cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
dotnet --version

echo "== build (Release)"
dotnet build MagLearn.Bot.sln -c Release -v q -nologo >/dev/null

echo "== 1. end-to-end load over HTTP: echo baselines, answer turns, flow turns, questions at open flows, Direct Line round trips"
dotnet bench/LoadGen/bin/Release/net10.0/load-gen.dll . "$questions" --users 16 --seconds 30 --slice 5 --warmup 20

echo "== 1b. the same with conversation state in memory and transcripts off: what durable state costs"
Storage__Kind=Memory Transcripts__Enabled=false \
  dotnet bench/LoadGen/bin/Release/net10.0/load-gen.dll . "$questions" --users 16 --seconds 30 --slice 5 --warmup 20 --scenarios echo,answer,flow,atflows,directline

echo "== 2. search growth: Learn corpus and synthetic 1k / 10k / 100k passages (never-seen and repeated questions)"
MAGLEARN_QUESTIONS="$questions" dotnet bench/Search.Benchmarks/bin/Release/net10.0/Search.Benchmarks.dll growth 50

echo "== 2b. the sentence encoder alone: weights, threads per message, batching"
MAGLEARN_QUESTIONS="$questions" dotnet bench/Search.Benchmarks/bin/Release/net10.0/Search.Benchmarks.dll encoder 5

echo "== 3. /api/ask over HTTP: the question file replayed 100 times"
bench/ask-latency.sh "$questions" 100

echo "== 4. cold start: process start to first answered question"
bench/cold-start.sh 5

if [[ " $* " == *" --bdn "* ]]; then
  echo "== 5. BenchmarkDotNet: ask router and index build per corpus size"
  (cd bench/Search.Benchmarks && MAGLEARN_QUESTIONS="$(cd ../.. && realpath "$questions")" dotnet bin/Release/net10.0/Search.Benchmarks.dll --filter '*' --join)
fi
