#!/usr/bin/env bash
# Entry point of the notelint GitHub Action (action.yml): runs `notelint check`
# with the action's inputs, given as INPUT_* environment variables.  Kept as a
# script, not inline in action.yml, so the test suite runs exactly what the
# action runs (tests/test_walkthrough.py).
set -euo pipefail

args=(check --format "${INPUT_FORMAT:-github}")
if [[ -n "${INPUT_BASELINE:-}" ]]; then
  args+=(--baseline "$INPUT_BASELINE")
fi

diff_base="${INPUT_DIFF_BASE:-}"
if [[ "$diff_base" == "auto" ]]; then
  # on a pull request: the lines it adds or changes; on a push: everything
  diff_base="${GITHUB_BASE_REF:+origin/$GITHUB_BASE_REF}"
fi
if [[ -n "$diff_base" ]]; then
  if ! git rev-parse --verify --quiet "$diff_base^{commit}" > /dev/null; then
    # a shallow checkout: fetch the base branch with enough history for a merge base
    git fetch --no-tags --quiet origin "${diff_base#origin/}:refs/remotes/origin/${diff_base#origin/}" || true
    git fetch --no-tags --quiet --deepen=1000 origin || true
  fi
  args+=(--diff-base "$diff_base")
fi

if [[ -n "${INPUT_ARGS:-}" ]]; then
  read -ra extra <<< "$INPUT_ARGS"
  args+=("${extra[@]}")
fi
if [[ -n "${INPUT_PATHS:-}" ]]; then
  read -ra paths <<< "$INPUT_PATHS"
  args+=("${paths[@]}")
fi

exec "${NOTELINT:-notelint}" "${args[@]}"
