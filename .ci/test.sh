#!/usr/bin/env bash
# Runs every test on a fresh machine that has the .NET 10 SDK and Node.js/npm:
# installs and starts Azurite (npm, loopback only), restores and builds the solution, runs every test project,
# smoke-runs every benchmark (--job dry), and prints a closing "N passed, N failed, N skipped" line.
# Exits non-zero when anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# nuget.config names this local folder feed: restore fails (NU1301) when it is missing.
mkdir -p artifacts/packages artifacts/test-results

. .ci/azurite.sh
azurite_start

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
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ]; then echo "no tests ran" >&2; exit 1; fi
exit "$rc"
