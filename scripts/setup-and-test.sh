#!/usr/bin/env bash
# The README's test command: on a fresh Debian/Ubuntu machine, install what the tests need
# (Debian's chromium through apt-get, the npm packages through npm ci) and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
$SUDO apt-get update
$SUDO apt-get install -y chromium
npm ci
npm test
