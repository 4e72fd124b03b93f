#!/usr/bin/env bash
# Runs every test on a fresh machine that has the .NET 10 SDK and Node.js/npm:
# installs and starts Azurite (npm, loopback only), installs Debian's chromium and playwright-core for the browser
# test, restores and builds the solution, runs every test project,
# smoke-runs every benchmark (--job dry), and prints a closing "N passed, N failed, N skipped" line.
# Exits non-zero when anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# nuget.config names this local folder feed: restore fails (NU1301) when it is missing.
mkdir -p artifacts/packages artifacts/test-results

. .ci/azurite.sh
azurite_start

# Browser end-to-end test of the Web API sample page: Debian's chromium driven by playwright-core (npm).
if ! command -v chromium >/dev/null 2>&1 && [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "== installing chromium (Debian package)"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  else
    sudo apt-get update -qq >/dev/null && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  fi
fi
if [ ! -d .ci/e2e/node_modules/playwright-core ]; then
  echo "== npm ci in .ci/e2e (playwright-core, no browser download)"
  (cd .ci/e2e && npm ci --no-audit --no-fund --loglevel=error)
fi

echo "== build"
dotnet build SchemaWorkflow.sln -c Release -nologo -clp:ErrorsOnly

log=artifacts/test-results/console.log
rc=0
echo "== test"
set +e
dotnet test SchemaWorkflow.sln -c Release --no-build -nologo --logger trx \
  --results-directory artifacts/test-results 2>&1 | tee "$log"
test_rc=${PIPESTATUS[0]}
set -e
[ "$test_rc" -eq 0 ] || rc=$test_rc

echo "== package consumer (packs the libraries, restores them by version, runs a host)"
consumer_rc=0
version="0.1.0-ci.$(date +%s)"
set +e
for project in src/*/*.csproj; do
  dotnet pack "$project" -c Release --no-build -nologo -o artifacts/packages -p:Version="$version" > artifacts/test-results/pack.log 2>&1 \
    || { echo "dotnet pack $project failed:" >&2; tail -n 20 artifacts/test-results/pack.log >&2; consumer_rc=1; }
done
if [ "$consumer_rc" -eq 0 ]; then
  dotnet run --project tests/SchemaWorkflow.PackageConsumer -c Release -p:SchemaWorkflowVersion="$version" \
    > artifacts/test-results/consumer.log 2>&1
  consumer_rc=$?
  cat artifacts/test-results/consumer.log | tail -n 5
  grep -q '^consumer-ok ' artifacts/test-results/consumer.log || consumer_rc=1
fi
set -e
if [ "$consumer_rc" -ne 0 ]; then echo "package consumer check failed" >&2; rc=1; fi

bench_rc=0
if [ "${SKIP_BENCHMARK_SMOKE:-0}" != "1" ]; then
  echo "== benchmark smoke (--job dry)"
  set +e
  dotnet run -c Release --no-build --project benchmarks/SchemaWorkflow.Benchmarks -- \
    --filter '*' --job dry --artifacts artifacts/bench-smoke > artifacts/test-results/bench-smoke.log 2>&1
  bench_rc=$?
  set -e
  tail -n 5 artifacts/test-results/bench-smoke.log
  if [ "$bench_rc" -ne 0 ]; then echo "benchmark smoke pass failed (see artifacts/test-results/bench-smoke.log)" >&2; rc=1; fi
fi

# dotnet test prints one "Passed!/Failed! - Failed: x, Passed: y, Skipped: z" line per test project; add them up.
read -r passed failed skipped < <(grep -E '(Passed|Failed)! +- Failed:' "$log" \
  | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' \
  | awk '{p+=$1;f+=$2;s+=$3} END{print p+0, f+0, s+0}')
if [ "$bench_rc" -ne 0 ]; then failed=$((failed + 1)); fi
if [ "$consumer_rc" -ne 0 ]; then failed=$((failed + 1)); fi
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ]; then echo "no tests ran" >&2; exit 1; fi
exit "$rc"
