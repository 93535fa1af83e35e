#!/usr/bin/env bash
# Clones the reality corpus (bench/reality-repos.txt) into DIR, each at its pinned commit.
#   bash bench/reality-setup.sh DIR
# Each repository comes from $OSPO_MIRROR/<owner>+<name>/repo when that exists (a bare copy, e.g.
# from the search tool's fetch), else from GitHub. Needs the network; CI never runs it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dest=${1:?usage: reality-setup.sh DIR}
mirror=${OSPO_MIRROR:-/work/.mirror}
mkdir -p "$dest"
grep -vE '^\s*(#|$)' "$here/reality-repos.txt" | while read -r repo commit _; do
  dir="$dest/${repo/\//+}"
  if [ ! -d "$dir/.git" ]; then
    src="https://github.com/$repo.git"
    [ -d "$mirror/${repo/\//+}/repo" ] && src="$mirror/${repo/\//+}/repo"
    git clone -q --no-checkout "$src" "$dir"
  fi
  git -C "$dir" -c advice.detachedHead=false checkout -q --force "$commit"
  echo "$repo $(git -C "$dir" rev-parse --short HEAD) $(git -C "$dir" ls-files | wc -l) files"
done
