#!/usr/bin/env bash
# Runs the whole benchmark suite one class at a time (each chunk well under 10 minutes), with the suite's tuned jobs,
# and copies the GitHub-flavoured markdown reports into benchmarks/results/.
#
#   benchmarks/run-suite.sh                 # every class; starts Azurite for the Azure class when it can
#   benchmarks/run-suite.sh CacheHit Scale  # only classes whose name contains one of the words
#
# Exits non-zero when any class fails (a benchmark threw or a correctness check inside one failed).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

project=benchmarks/SchemaWorkflow.Benchmarks
artifacts="${BENCH_ARTIFACTS:-$(mktemp -d -t swbench.XXXXXX)}"
classes=(CacheHitBenchmarks StoreHitBenchmarks TimerCalibrationBenchmarks StrategyBenchmarks SequentialStrategyBenchmarks
         PipelineBenchmarks StampedeBenchmarks ScaleBenchmarks OfflineGenerationBenchmarks AzureBlobStoreBenchmarks)
if [ "$#" -gt 0 ]; then
  selected=()
  for c in "${classes[@]}"; do for w in "$@"; do [[ "$c" == *"$w"* ]] && selected+=("$c") && break; done; done
  classes=("${selected[@]}")
fi

if [[ " ${classes[*]} " == *" AzureBlobStoreBenchmarks "* ]] && [ -z "${AZURITE_BLOB_CONNECTION_STRING:-}" ]; then
  # shellcheck source=/dev/null
  . .ci/azurite.sh
  azurite_start
fi

dotnet build "$project" -c Release --nologo -v q
status=0
for class in "${classes[@]}"; do
  echo "=== $class ($(date +%T))"
  start=$(date +%s)
  if ! timeout 900 dotnet run -c Release --no-build --project "$project" -- --filter "*.${class}.*" --artifacts "$artifacts/$class"; then
    echo "=== $class FAILED" >&2
    status=1
  fi
  echo "=== $class took $(( $(date +%s) - start )) s"
  find "$artifacts/$class" -name '*-report-github.md' -exec cp {} benchmarks/results/ \;
done
echo "Reports: benchmarks/results/ (full artifacts: $artifacts)"
exit "$status"
