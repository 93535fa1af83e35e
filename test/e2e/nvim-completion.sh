#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 OSPO Compliance contributors
# SPDX-License-Identifier: Apache-2.0
#
# Neovim 0.7 (headless) as LSP client: completion of SPDX license ids.
# Opens a Python file whose first line is `# SPDX-License-Identifier: Apa`,
# requests textDocument/completion at the end of that line, and exits 0 only
# if `Apache-2.0` is among the items.
#
#   bash test/e2e/nvim-completion.sh [server.js]
#
# server.js defaults to $OSPO_SERVER_JS, then to dist/server.js of this checkout
# (`npm run build` first). Exits 1 when Neovim is missing: a check that could
# not run is a failure, as in run.sh.
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SERVER_JS=${1:-${OSPO_SERVER_JS:-$ROOT/dist/server.js}}

if ! command -v nvim >/dev/null; then
  echo "nvim-completion: Neovim is not installed (apt-get install -y neovim)"; exit 1
fi
if [[ ! -f $SERVER_JS ]]; then
  echo "nvim-completion: no server at $SERVER_JS (npm run build)"; exit 1
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/ospo-nvim-completion.XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/ws" "$WORK/home" "$WORK/xdg-config" "$WORK/xdg-data" "$WORK/xdg-cache" "$WORK/xdg-state"
printf '# SPDX-License-Identifier: Apa\n# SPDX-FileCopyrightText: 2026 Example Corp\n\nprint("hello")\n' >"$WORK/ws/hello.py"

# Everything Neovim writes goes into $WORK; `timeout` in case the client hangs.
env HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/xdg-config" XDG_DATA_HOME="$WORK/xdg-data" \
  XDG_CACHE_HOME="$WORK/xdg-cache" XDG_STATE_HOME="$WORK/xdg-state" \
  OSPO_SERVER_JS="$SERVER_JS" OSPO_TARGET="$WORK/ws/hello.py" \
  timeout --kill-after=5 50 nvim --headless --clean -i NONE -c "luafile $HERE/nvim-completion.lua" </dev/null
rc=$?
[[ $rc -eq 124 ]] && echo "nvim-completion: TIMED OUT"
echo
exit "$rc"
