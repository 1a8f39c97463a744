#!/usr/bin/env bash
# `npm test`: every check the project has, in the order a failure is cheapest to find.
#   1. format (Prettier) and lint (ESLint, zero warnings)  4. build at / and under a sub-path
#   2. types (astro check: .ts, .tsx, .astro)               5. browser tests (Playwright + Debian chromium)
#   3. unit tests (Vitest: lib/ engine, src/ helpers)
# Ends with one plain line "N passed, N failed" summing both test runners.
set -uo pipefail
cd "$(dirname "$0")/.."
export ASTRO_TELEMETRY_DISABLED=1
mkdir -p test-results
rm -f test-results/unit.json test-results/e2e.json
status=0
step() { echo; echo "=== $*"; }

step "Format (Prettier)"
npx prettier --check . || status=1

step "Lint (ESLint, zero warnings)"
npx eslint --max-warnings 0 . || status=1

step "Type check"
npx astro check || status=1

step "Unit tests (Vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json || status=1

step "Build the site at /"
npm run build || status=1
step "Build the site under BASE_PATH=/mmai5500/"
BASE_PATH=/mmai5500/ OUT_DIR=dist-sub npm run build || status=1

step "Browser tests (Playwright, Debian chromium)"
npx playwright test || status=1

step "Summary"
node scripts/test-summary.mjs test-results/unit.json test-results/e2e.json || status=1
exit $status
