#!/usr/bin/env bash
# Installs what the test suite needs beyond the .NET SDK, once per machine. Safe to run again.
set -euo pipefail
need=()
command -v curl >/dev/null || need+=(curl)
# The storage and scale-out tests start their own redis-server and nginx on free loopback ports (never the
# system services), so only the binaries are needed.
has() { command -v "$1" >/dev/null || [ -x "/usr/sbin/$1" ] || [ -x "/usr/bin/$1" ]; }
has redis-server || need+=(redis-server)
has nginx || need+=(nginx)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null; fi
fi
