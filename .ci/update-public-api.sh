#!/usr/bin/env bash
# Records the current public API of every src/ project in its PublicAPI.Unshipped.txt, from the RS0016/RS0017
# diagnostics of Microsoft.CodeAnalysis.PublicApiAnalyzers. Run it after an intended public API change, review the
# diff, and commit it; the build fails on any public API change that is not recorded.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p artifacts/packages
for project in src/*/*.csproj; do
  dir=$(dirname "$project")
  for f in PublicAPI.Shipped.txt PublicAPI.Unshipped.txt; do
    [ -f "$dir/$f" ] || printf '#nullable enable\n' > "$dir/$f"
  done
  log=$(mktemp)
  dotnet build "$project" -c Release --no-incremental -nologo -p:TreatWarningsAsErrors=false -p:WarningsAsErrors= \
    -clp:NoSummary > "$log" 2>&1 || true
  added=$(grep -E "^$(pwd)/$dir/.*RS0016: Symbol '" "$log" | sed -E "s/.*RS0016: Symbol '(.*)' is not part of the declared public API.*/\1/" | sort -u || true)
  removed=$(grep -E "^$(pwd)/$dir/.*RS0017: Symbol '" "$log" | sed -E "s/.*RS0017: Symbol '(.*)' is part of the declared API, but is either not public or could not be found.*/\1/" | sort -u || true)
  {
    head -n 1 "$dir/PublicAPI.Unshipped.txt"
    { tail -n +2 "$dir/PublicAPI.Unshipped.txt"; [ -n "$added" ] && printf '%s\n' "$added"; } \
      | grep -v -x -F -f <(printf '%s\n' "$removed" | sed '/^$/d') 2>/dev/null | sed '/^$/d' | LC_ALL=C sort -u || true
  } > "$dir/PublicAPI.Unshipped.txt.new"
  mv "$dir/PublicAPI.Unshipped.txt.new" "$dir/PublicAPI.Unshipped.txt"
  echo "$dir: +$(printf '%s' "$added" | grep -c . || true) -$(printf '%s' "$removed" | grep -c . || true)"
  rm -f "$log"
done
