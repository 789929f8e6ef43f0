#!/usr/bin/env bash
# Runs the named npm scripts at once (each one's output kept apart and shown when it ends) and fails
# when any of them fails: the static checks are independent and each uses one core.
set -uo pipefail
declare -A pids logs
for script in "$@"; do
  logs[$script]=$(mktemp)
  npm run -s "$script" >"${logs[$script]}" 2>&1 &
  pids[$script]=$!
done
failed=()
for script in "$@"; do
  if wait "${pids[$script]}"; then echo "✓ $script"; else failed+=("$script"); echo "✗ $script"; fi
  cat "${logs[$script]}"
  rm -f "${logs[$script]}"
done
if ((${#failed[@]})); then
  echo "failed: ${failed[*]}" >&2
  exit 1
fi
