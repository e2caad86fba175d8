#!/usr/bin/env bash
# The chaos command and the resilience suite, N runs each (default 10), beside two CPU burners: the
# load of a shared CI machine. The two loops run side by side (each is the other's extra load).
# Prints one line per run and the pass counts; exits non-zero unless every run passed. Logs of each
# run go to data/under-load/. Usage: bash scripts/under-load.sh [N]
set -u
runs=${1:-10}
cd "$(dirname "$0")/.."
logs=data/under-load
mkdir -p "$logs"
rm -f "$logs"/*.log

node -e 'for(;;){}' & burner1=$!
node -e 'for(;;){}' & burner2=$!
trap 'kill "$burner1" "$burner2" 2>/dev/null' EXIT

npm run -s build

# $1 name, $2.. the command; appends "pass"/"FAIL" lines to $logs/<name>.results
loop() {
  local name=$1; shift
  for i in $(seq 1 "$runs"); do
    local started=$SECONDS verdict=FAIL
    # Bounded: a run that hangs counts as a failure instead of stalling the loop.
    if timeout 900 "$@" > "$logs/$name-$i.log" 2>&1; then verdict=pass; fi
    echo "$name $i/$runs: $verdict in $((SECONDS - started)) s" | tee -a "$logs/$name.results"
  done
}

: > "$logs/chaos.results"
: > "$logs/resilience.results"
loop chaos node dist/scripts/chaos.js &
chaos_loop=$!
loop resilience npx jest test/resilience.e2e-spec.ts &
resilience_loop=$!
wait "$chaos_loop" "$resilience_loop"

chaos_ok=$(grep -c ': pass' "$logs/chaos.results")
resilience_ok=$(grep -c ': pass' "$logs/resilience.results")
echo "beside two CPU burners (load $(cut -d' ' -f1-3 /proc/loadavg)): chaos $chaos_ok/$runs, resilience $resilience_ok/$runs"
[ "$chaos_ok" -eq "$runs" ] && [ "$resilience_ok" -eq "$runs" ]
