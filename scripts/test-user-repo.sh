#!/usr/bin/env bash
# npm run test:example: landscape-check as a user gets it. Packs the package, installs the tarball into a
# temporary copy of examples/user-repo, type-checks and tests that repository against the published types and
# code, then runs its claims with the CLI (`landscape check --claims`, and `landscape list` through its
# landscape.config.js); check also replays the example's archive. Uses dist/ as built by npm ci (rebuilt
# here if src/ is newer).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/landscape-user-repo.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cd "$root"

if [ ! -f dist/src/index.js ] || [ -n "$(find src properties experiments -name '*.ts' -newer dist/src/index.js | head -n 1)" ]; then
  echo "test:example: dist/ is missing or older than src/; building"
  npm run --silent build
fi
tarball="$(npm pack --silent --ignore-scripts --pack-destination "$work" | tail -n 1)"
echo "test:example: packed $tarball (${SECONDS}s)"

mkdir "$work/user-repo"
(cd examples/user-repo && tar --exclude=node_modules --exclude=report -cf - .) | tar -xf - -C "$work/user-repo"
cd "$work/user-repo"
# The example depends on landscape-check by path (file:../..); the copy depends on the packed tarball instead.
node -e '
  const fs = require("node:fs");
  const pkg = JSON.parse(fs.readFileSync("package.json", "utf8"));
  pkg.dependencies["landscape-check"] = "file:" + process.argv[1];
  fs.writeFileSync("package.json", JSON.stringify(pkg, null, 2) + "\n");
' "$work/$tarball"
npm install --no-audit --no-fund --prefer-offline --loglevel=error

echo "test:example: tsc --noEmit (the example against the packed .d.ts) (${SECONDS}s)"
npx tsc --noEmit -p tsconfig.json
echo "test:example: vitest (test.prop suite of the example's own claim) (${SECONDS}s)"
npx vitest run
echo "test:example: landscape check --claims ./claims/index.ts (${SECONDS}s)"
seed="${LANDSCAPE_SEED:-1}"
npx landscape check --claims ./claims/index.ts --seed "$seed" --runs 10
echo "test:example: landscape list (claims from landscape.config.js) (${SECONDS}s)"
npx landscape list | grep -q 'wide-tanh-critical-points-global'
files="$(find counterexamples -name '*.json' | wc -l)"
if [ "$files" -lt 1 ]; then
  echo "test:example: no counterexample in the example's counterexamples/" >&2
  exit 1
fi
echo "test:example: ok ($files archived counterexample(s) replay) (${SECONDS}s)"
