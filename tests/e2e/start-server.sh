#!/usr/bin/env bash
# Playwright's webServer: a production server on a fresh, seeded database made for this run.
# Expects `npm run build` to have produced build/ (npm run test:e2e does that first).
set -euo pipefail
cd "$(dirname "$0")/../.."

dir="${E2E_DATA_DIR:-data/e2e}" # a second server (UploadThing storage) uses its own
rm -rf "$dir"
mkdir -p "$dir/uploads"

export NODE_ENV=production
export PORT="${E2E_PORT:-3210}"
export HOST=127.0.0.1
export DATABASE_PATH="$dir/dvk.sqlite"
export UPLOAD_DIR="$dir/uploads"
export SESSION_SECRET=e2e-only-session-secret-0123456789abcdef
# Links that leave the site come only from PUBLIC_URL (required in production).
export PUBLIC_URL="http://127.0.0.1:$PORT"

if [ ! -f build/server/index.js ]; then
  echo 'build/server/index.js is missing: run `npm run build` first (npm run test:e2e does).' >&2
  exit 1
fi

tsx=node_modules/.bin/tsx
# db:seed never runs with NODE_ENV=production (it replaces every row): the database is new here.
NODE_ENV=development "$tsx" db/seed.ts # migrates first, then seeds the demo
exec "$tsx" server.ts
