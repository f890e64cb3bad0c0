#!/usr/bin/env bash
# Every test, in the order that fails fastest: types, lint, unit and integration tests (SQLite and a
# throwaway PostgreSQL), then the production build in real headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
echo "== type-check" && npm run --silent typecheck
echo "== lint" && npm run --silent lint
echo "== build" && npm run --silent build
echo "== unit and integration tests" && bash scripts/with-postgres.sh npx vitest run
echo "== browser tests" && npx playwright test
