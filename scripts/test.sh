#!/usr/bin/env bash
# The test command (`npm test`, and exactly what .ci/run calls). It first makes sure a fresh machine has what the
# tests need: dependencies, Debian's Chromium, Redis and PostgreSQL running, then builds, type-checks, lints and
# runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

export PUPPETEER_SKIP_DOWNLOAD=1
export CI=${CI:-}

step() { printf '\n== %s\n' "$*"; }

step "dependencies"
# `npm install` rather than `npm ci`: this registry setup writes lock files without the other platforms' optional
# packages (omit-lockfile-registry-resolved), which `npm ci` then rejects; install still follows the lock file.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm install --no-audit --no-fund
fi

step "Chromium, Apertium and XGBoost (Debian packages)"
# Debian packages the tests use: Chromium (browser tests), Apertium with its language pairs and its HTTP service
# apertium-apy (offline machine translation: English, French, Portuguese and Italian with Spanish), and XGBoost's
# library (the risk model).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
for pair in apertium-eng-spa apertium-fr-es apertium-es-pt apertium-spa-ita; do
  [ -d "/usr/share/apertium/$pair" ] || missing+=("$pair")
done
command -v apertium >/dev/null 2>&1 || missing+=(apertium)
command -v apertium-apy >/dev/null 2>&1 || missing+=(apertium-apy)
# XGBoost 1.7: the C library the risk model calls through koffi.
compgen -G '/usr/lib/*/libxgboost.so*' >/dev/null || missing+=(libxgboost0)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

step "Redis"
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  if ! command -v redis-server >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  fi
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  for _ in $(seq 1 50); do redis-cli ping >/dev/null 2>&1 && break; sleep 0.1; done
fi
redis-cli ping >/dev/null

step "PostgreSQL"
if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
  for _ in $(seq 1 100); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 0.2; done
fi
# The tests connect as postgres to the database "test" (trust auth on loopback, as on the CI machine).
if ! psql -h 127.0.0.1 -U postgres -d test -Atc 'select 1' >/dev/null 2>&1; then
  psql -h 127.0.0.1 -U postgres -d postgres -c 'CREATE DATABASE test' >/dev/null
fi

step "build"
npm run build --silent

step "type check and lint"
npm run typecheck --silent
npm run lint --silent

step "tests"
# fasttext.wasm.js loads its WebAssembly with a dynamic import(), which jest allows only with vm modules.
# The timeout keeps a hung test from holding CI for its whole 90 minutes.
NODE_OPTIONS="${NODE_OPTIONS:-} --experimental-vm-modules --no-warnings=ExperimentalWarning" timeout 1200 npx jest --ci "$@"
