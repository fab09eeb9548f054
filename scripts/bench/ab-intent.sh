#!/usr/bin/env bash
# Interleaved before/after of the intent stack: runs `bench:intent --sides intent` alternately in a
# baseline checkout and in this one, ROUNDS times, and prints each run's served rate, latency and CPU.
#   scripts/bench/ab-intent.sh <baseline checkout> [rounds, default 3] [extra bench:intent options...]
# The baseline needs node_modules and .tools (e.g. `git worktree add --detach /tmp/base <commit>` and
# symlinks to this checkout's two folders).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
base=${1:?usage: ab-intent.sh <baseline checkout> [rounds] [bench options]}
rounds=${2:-3}
shift $(( $# >= 2 ? 2 : 1 ))
for round in $(seq "$rounds"); do
  for side in baseline this; do
    dir=$base; [ "$side" = this ] && dir=$here
    echo "== round $round: $side ($(git -C "$dir" rev-parse --short HEAD))"
    (cd "$dir" && node --import tsx scripts/bench-intent.ts --runs uncached --rounds 1 --duration 15 \
      --warmup 5 --memory --sides intent "$@" 2>&1 | grep -E "ok [0-9]+/|CPU cores|server timing")
  done
done
