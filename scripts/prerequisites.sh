#!/usr/bin/env bash
# Installs what the test suite needs beyond the .NET SDK, once per machine. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
has() { command -v "$1" >/dev/null || [ -x "/usr/sbin/$1" ] || [ -x "/usr/bin/$1" ]; }
command -v curl >/dev/null || need+=(curl)
# The storage and scale-out tests start their own redis-server and nginx on free loopback ports (never the
# system services), so only the binaries are needed.
has redis-server || need+=(redis-server)
has nginx || need+=(nginx)
# The browser tests drive Debian's Chromium (playwright-core cannot download a browser here); the client tests
# and the Web Chat bundle need Node and npm.
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
command -v zip >/dev/null || need+=(zip)   # deploy/teams/build-package.sh
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null; fi
fi

# npm packages, from the lock files: the Web Chat bundle the host serves (the Bot build would restore it too, but
# doing it here keeps parallel builds from racing over it) and the client tests' packages.
for folder in Bot/ClientApp Tests/Clients; do
  if [ ! -f "$folder/node_modules/.package-lock.json" ] || [ "$folder/package-lock.json" -nt "$folder/node_modules/.package-lock.json" ]; then
    (cd "$folder" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
done
