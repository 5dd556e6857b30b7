#!/bin/sh
# Browser test of the page (tests/e2e/browser/page.test.js): Debian chromium + playwright-core.
# Needs `scripts/install-deps --browser` and `(cd tests/e2e/browser && npm ci)`; without them the
# test is SKIPPED (exit 77, which ctest reports as skipped), and says so.
dir="$(dirname "$0")/browser"
if [ ! -x /usr/bin/chromium ] || ! command -v node >/dev/null 2>&1 || [ ! -d "$dir/node_modules/playwright-core" ]; then
  echo "SKIPPED: browser test needs chromium, node and playwright-core:"
  echo "  scripts/install-deps --browser && (cd tests/e2e/browser && npm ci)"
  exit 77
fi
exec node "$dir/page.test.js"
