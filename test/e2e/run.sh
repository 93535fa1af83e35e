#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 OSPO Compliance contributors
# SPDX-License-Identifier: Apache-2.0
#
# Real-editor end-to-end tests of the PACKAGED extension (`npm run test:e2e`).
#
#   1. test/e2e/setup.sh        apt tools + code-server (idempotent, cached)
#   2. npm run package          dist/ospo-compliance.vsix   (skip: OSPO_E2E_VSIX_FRESH=1)
#      npx tsc -b               out/test/e2e/suite/*.js
#   3. unpack the .vsix, copy the example workspace, start code-server
#   4. checks, each counted:
#      - Neovim 0.7 (headless) as LSP client of <vsix>/dist/server.js --stdio:
#        a pushed header-missing diagnostic, and none on a licensed file
#      - Neovim 0.7 with the README's plugin-free snippet as init.lua (cut from
#        README.md) and ospo-language-server on PATH via `npm install -g .`
#      - the extension-host mocha suite (real `vscode` API) in code-server,
#        with the unpacked .vsix as extensionDevelopmentPath
#      - a UI check in code-server: squiggle + Problems row + screenshot
#   5. the last line is exactly "N passed, N failed"; exit status 1 on any failure
#
# A check whose prerequisite failed (setup, build, code-server start...) counts
# as failed, never as skipped.
#
# Environment (all optional):
#   OSPO_E2E_CACHE         install cache (default ~/.cache/ospo-compliance/e2e)
#   OSPO_E2E_TMP           where the run folder ospo-e2e.XXXXXX is made (default
#                          /tmp; keep it short, code-server puts unix sockets in it)
#   OSPO_E2E_VSIX_FRESH=1  do not run `npm run package`; use the existing .vsix
#   OSPO_E2E_VSIX          the .vsix to test (default dist/ospo-compliance.vsix)
#   OSPO_E2E_UI_FILE       header-less file for the UI check, relative to the workspace
#   OSPO_E2E_SCREENSHOT    also copy the UI screenshot here (e.g. docs/images/vscode-problems.png)
#   OSPO_E2E_KEEP=1        keep the whole run folder even when everything passed
#   OSPO_E2E_PORT          code-server port (default: a free one)
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
E2E=$ROOT/test/e2e
CACHE=${OSPO_E2E_CACHE:-$HOME/.cache/ospo-compliance/e2e}
CS_BIN=$CACHE/code-server/node_modules/.bin/code-server
VSIX=${OSPO_E2E_VSIX:-$ROOT/dist/ospo-compliance.vsix}
SUITE_JS=$ROOT/out/test/e2e/suite/index.js
export OSPO_E2E_CHROMIUM=${OSPO_E2E_CHROMIUM:-/usr/bin/chromium}
export FORCE_COLOR=0 NO_COLOR=1   # plain logs
# resolved now, relative to the caller's directory
SCREENSHOT=${OSPO_E2E_SCREENSHOT:+$(realpath -m "$OSPO_E2E_SCREENSHOT")}

# Per-step time limits in seconds.
T_SETUP=900 T_PACKAGE=300 T_TSC=300 T_INSTALL_VSIX=120 T_CS_START=60
T_NVIM=60 T_SUITE=240 T_UI=180

RUN=$(mktemp -d "${OSPO_E2E_TMP:-/tmp}/ospo-e2e.XXXXXX") && ART=$RUN/artifacts && mkdir -p "$ART" \
  || { echo "cannot create a run folder in ${OSPO_E2E_TMP:-/tmp}"; echo "0 passed, 1 failed"; exit 1; }

START=$SECONDS
say() { printf 'e2e [%3ds] %s\n' $((SECONDS - START)) "$*"; }

# ------------------------------------------------------------- bookkeeping
PASSED=0 FAILED=0
SUMMARY=()
record() { # record <ok|fail> <name> [detail]
  if [[ $1 == ok ]]; then PASSED=$((PASSED + 1)); SUMMARY+=("PASS  $2${3:+ ($3)}")
  else FAILED=$((FAILED + 1)); SUMMARY+=("FAIL  $2${3:+ ($3)}"); fi
}

CHILD=      # process group of the running step (timeout makes itself a group leader)
CS_PGID=    # process group of code-server and its extension hosts

# run_step <name> <seconds> <cmd...>: runs under `timeout` with output in
# $ART/<name>.log; returns the command's status (124 = timed out).
run_step() {
  local name=$1 limit=$2; shift 2
  local log=$ART/$name.log
  timeout --kill-after=10 "$limit" "$@" >"$log" 2>&1 </dev/null &
  CHILD=$!
  wait "$CHILD"; local rc=$?
  CHILD=
  [[ $rc -eq 124 ]] && echo "TIMED OUT after ${limit}s" >>"$log"
  return "$rc"
}

# check <name> <seconds> <cmd...>: a counted check; prints its output indented.
check() {
  local name=$1 limit=$2; shift 2
  local slug t0=$SECONDS rc
  slug=$(tr -c 'a-zA-Z0-9\n' '-' <<<"$name" | tr -s '-' | tr 'A-Z' 'a-z')
  say "check: $name"
  run_step "check-$slug" "$limit" "$@"; rc=$?
  sed 's/^/    /' "$ART/check-$slug.log"
  if [[ $rc -eq 0 ]]; then record ok "$name" "$((SECONDS - t0))s"
  else record fail "$name" "exit $rc, $((SECONDS - t0))s, log: $ART/check-$slug.log"; fi
}

# not_run <name> <why>: a check that could not run counts as failed.
not_run() { say "check: $1: NOT RUN ($2)"; record fail "$1" "not run: $2"; }

# prep <name> <seconds> <cmd...>: an uncounted prerequisite; on failure shows the log tail.
prep() {
  local name=$1 limit=$2; shift 2
  local t0=$SECONDS
  say "$name ..."
  if run_step "$name" "$limit" "$@"; then say "$name: ok ($((SECONDS - t0))s)"; return 0; fi
  say "$name: FAILED; last lines of $ART/$name.log:"
  tail -n 30 "$ART/$name.log" | sed 's/^/    /'
  return 1
}

stop_code_server() {
  [[ -n $CS_PGID ]] || return 0
  kill -TERM -- "-$CS_PGID" 2>/dev/null
  local deadline=$((SECONDS + 10))
  while kill -0 -- "-$CS_PGID" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
  kill -KILL -- "-$CS_PGID" 2>/dev/null
  CS_PGID=
}

cleanup() {
  [[ -n $CHILD ]] && kill -TERM -- "-$CHILD" 2>/dev/null
  stop_code_server
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

finish() {
  cleanup
  echo
  printf '  %s\n' "${SUMMARY[@]}"
  if [[ $FAILED -eq 0 && ${OSPO_E2E_KEEP:-} != 1 ]]; then
    # keep only the artefacts (logs, screenshots, results) of a passing run
    find "$RUN" -mindepth 1 -maxdepth 1 ! -name artifacts -exec rm -rf {} +
  fi
  say "artefacts: $ART ($((SECONDS - START))s in all)"
  echo "$PASSED passed, $FAILED failed"
  [[ $FAILED -eq 0 ]]
  exit
}

# ------------------------------------------------------------- prerequisites
say "run folder: $RUN"
ok_setup=1 ok_vsix=1 ok_suite=1 ok_cs=1 ok_installed=1
say "setup ..."
run_step setup "$T_SETUP" env CI="${CI:-true}" bash "$E2E/setup.sh" || ok_setup=0
sed 's/^/    /' "$ART/setup.log"
((ok_setup)) || say "setup: FAILED (log: $ART/setup.log)"

cd "$ROOT" || exit 1
if [[ ${OSPO_E2E_VSIX_FRESH:-} == 1 || -n ${OSPO_E2E_VSIX:-} ]]; then
  say "using the existing $VSIX (not repackaged)"
else
  prep package "$T_PACKAGE" npm run package || ok_vsix=0
  # Packaging leaves production bundles in dist/; the other layers test the development ones (test hooks).
  prep build "$T_PACKAGE" npm run build || true
fi
[[ -f $VSIX ]] || { say "no .vsix at $VSIX"; ok_vsix=0; }
prep tsc "$T_TSC" npx --no-install tsc -b || ok_suite=0
[[ -f $SUITE_JS ]] || { say "no compiled suite at $SUITE_JS"; ok_suite=0; }

# The packaged artefact, unpacked: <RUN>/vsix/extension/{package.json,dist,snippets}
EXT=$RUN/vsix/extension
if ((ok_vsix)); then
  if unzip -q -o "$VSIX" 'extension/*' -d "$RUN/vsix" && [[ -f $EXT/package.json && -f $EXT/dist/server.js && -f $EXT/dist/client.js ]]; then
    say "unpacked $(basename "$VSIX") to $EXT"
  else
    say "the .vsix does not unpack to extension/{package.json,dist/client.js,dist/server.js}"; ok_vsix=0
  fi
fi

# Workspaces: throw-away copies, never examples/demo itself.
make_workspace() { # make_workspace <dest>
  mkdir -p "$1"
  if [[ -d $ROOT/examples/demo && -n $(ls -A "$ROOT/examples/demo" 2>/dev/null) ]]; then
    cp -a "$ROOT/examples/demo/." "$1/"
  else
    printf 'export function greet(name: string): string {\n  return `Hello, ${name}`;\n}\n' >"$1/no-header.ts"
    printf '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: Apache-2.0\n\nexport const ok = true;\n' >"$1/licensed.ts"
  fi
}
# Separate copies for the suite (it writes a scratch file) and the UI check, so
# no editor state leaks between the two windows. Named demo/ for the screenshot.
WS_SUITE=$RUN/suite/demo WS_UI=$RUN/ui/demo
make_workspace "$WS_SUITE"
make_workspace "$WS_UI"
# Neovim fixtures: fixed content, independent of the demo's policy.
mkdir -p "$RUN/ws-nvim"
printf 'export const answer = 42;\n' >"$RUN/ws-nvim/missing-header.ts"
printf '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: Apache-2.0\n\nexport const answer = 42;\n' >"$RUN/ws-nvim/licensed.ts"
printf '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: Apache-2.0\n\n// As an AI language model, I cannot test this.\nexport const answer = 42;\n' >"$RUN/ws-nvim/chatbot.ts"

# The header-less file the UI check opens: OSPO_E2E_UI_FILE, else the shallowest
# source file (TypeScript first) of the workspace without an SPDX identifier in
# its first lines, else a generated one.
pick_ui_file() {
  local ext f
  if [[ -n ${OSPO_E2E_UI_FILE:-} ]]; then echo "$OSPO_E2E_UI_FILE"; return; fi
  for ext in ts py sh js; do
    while IFS= read -r f; do
      head -n 10 "$WS_UI/$f" | grep -q 'SPDX-License-Identifier' || { echo "$f"; return; }
    done < <(cd "$WS_UI" && find . \( -name node_modules -o -name '.*' ! -name . \) -prune \
               -o -type f -name "*.$ext" -printf '%d %P\n' | sort -k1,1n -k2 | cut -d' ' -f2-)
  done
  printf 'export const answer = 42;\n' >"$WS_UI/no-header.ts"; echo no-header.ts
}
UI_FILE=$(pick_ui_file)

# Everything the editors write goes into the run folder, not $HOME.
mkdir -p "$RUN"/{xdg-config,xdg-data,xdg-cache,xdg-state,tmp,home,user-data/User,extensions}
export XDG_CONFIG_HOME=$RUN/xdg-config XDG_DATA_HOME=$RUN/xdg-data XDG_CACHE_HOME=$RUN/xdg-cache \
       XDG_STATE_HOME=$RUN/xdg-state TMPDIR=$RUN/tmp
export EXTENSIONS_GALLERY='{}'    # offline: no marketplace look-ups

# ------------------------------------------------------------- Neovim (LSP over stdio)
nvim_check() { # nvim_check <name> <file> <expect>
  if ((!ok_setup)); then not_run "$1" "setup failed"; return; fi
  if ((!ok_vsix)); then not_run "$1" "no packaged extension"; return; fi
  check "$1" "$T_NVIM" env HOME="$RUN/home" OSPO_SERVER_JS="$EXT/dist/server.js" OSPO_TARGET="$2" OSPO_EXPECT="$3" \
    nvim --headless --clean -i NONE -c "luafile $E2E/nvim-lsp.lua"
}
nvim_check "Neovim 0.7: pushed header-missing diagnostic" "$RUN/ws-nvim/missing-header.ts" header-missing
nvim_check "Neovim 0.7: no diagnostics on a licensed file" "$RUN/ws-nvim/licensed.ts" none
OSPO_EXPECT_MESSAGE="Leftover chatbot text 'As an AI language model': delete it" OSPO_EXPECT_SEVERITY=2 OSPO_EXPECT_LINE=3 \
  nvim_check "Neovim 0.7: pushed ai-chatbot-artifact diagnostic" "$RUN/ws-nvim/chatbot.ts" ai-chatbot-artifact
if ((ok_setup && ok_vsix)); then check "Neovim 0.7: SPDX id completion" "$T_NVIM" env HOME="$RUN/home" bash "$E2E/nvim-completion.sh" "$EXT/dist/server.js"; else not_run "Neovim 0.7: SPDX id completion" "setup or packaging failed"; fi

# The README's plugin-free snippet as written: cut from README.md, run as init.lua, with
# ospo-language-server put on PATH the way the README says (`npm install -g .` in the checkout,
# here into a prefix in the run folder). One file has no filetype: it must attach too.
NAME_SNIPPET="Neovim 0.7: README snippet attaches to a .ts file and a file without filetype"
mkdir -p "$RUN/ws-nvim-readme/.ospo" "$RUN/ws-nvim-readme/src" "$RUN/nvim-readme"
printf 'export const answer = 42;\n' >"$RUN/ws-nvim-readme/src/missing-header.ts"
printf 'The answer is 42.\n' >"$RUN/ws-nvim-readme/src/notes.ospo-unknown"
# the lines between the marker comments, without the code fence
sed -n '/^<!-- nvim-snippet/,/^<!-- \/nvim-snippet -->/p' "$ROOT/README.md" | sed '1d;$d' | sed '/^```/d' >"$RUN/nvim-readme/init.lua"
if ((!ok_setup)); then not_run "$NAME_SNIPPET" "setup failed"
elif [[ ! -s $RUN/nvim-readme/init.lua ]]; then not_run "$NAME_SNIPPET" "no <!-- nvim-snippet --> block in README.md"
elif [[ ! -f $ROOT/dist/server.js ]]; then not_run "$NAME_SNIPPET" "no $ROOT/dist/server.js (npm run build)"
elif ! prep npm-install-global 120 npm install -g --prefix "$RUN/npm-global" --ignore-scripts --no-audit --no-fund "$ROOT"; then
  not_run "$NAME_SNIPPET" "npm install -g . failed"
else
  check "$NAME_SNIPPET" "$T_NVIM" env HOME="$RUN/home" PATH="$RUN/npm-global/bin:$PATH" \
    OSPO_TARGET="$RUN/ws-nvim-readme/src/notes.ospo-unknown:$RUN/ws-nvim-readme/src/missing-header.ts" OSPO_EXPECT=header-missing \
    nvim --headless -u "$RUN/nvim-readme/init.lua" -i NONE -c "luafile $E2E/nvim-lsp.lua"
fi

# ------------------------------------------------------------- code-server
cat >"$RUN/user-data/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "explorer.compactFolders": false,
  "git.enabled": false,
  "window.restoreWindows": "none"
}
JSON
# OSPO_E2E_TRACE=1: the LSP traffic in the extension's log (user-data/logs/…/OSPO Compliance.log; keep it with OSPO_E2E_KEEP=1).
if [[ ${OSPO_E2E_TRACE:-} == 1 ]]; then
  node -e 'const f=process.argv[1],s=JSON.parse(require("fs").readFileSync(f,"utf8"));s["ospo.trace.server"]="verbose";require("fs").writeFileSync(f,JSON.stringify(s,null,2))' "$RUN/user-data/User/settings.json"
fi

if ((ok_setup && ok_vsix)); then
  # The UI check uses the extension as a user gets it: installed from the .vsix.
  prep install-vsix "$T_INSTALL_VSIX" "$CS_BIN" --user-data-dir "$RUN/user-data" \
    --extensions-dir "$RUN/extensions" --install-extension "$VSIX" || ok_installed=0

  PORT=${OSPO_E2E_PORT:-$(node -e 's=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}
  URL=http://127.0.0.1:$PORT
  # Variables set here reach the extension host: the suite writes its results there.
  export OSPO_E2E_RESULTS=$ART/ext-host-results.json OSPO_E2E_EXPECT_EXTENSION_PATH=$EXT
  say "starting code-server on $URL"
  # setsid: own session and process group, so `kill -- -PGID` also stops the
  # extension hosts, which outlive the browser.
  setsid "$CS_BIN" --auth none --bind-addr "127.0.0.1:$PORT" \
    --disable-telemetry --disable-update-check --disable-workspace-trust \
    --disable-getting-started-override --ignore-last-opened \
    --user-data-dir "$RUN/user-data" --extensions-dir "$RUN/extensions" \
    ${OSPO_E2E_TRACE:+--log trace} \
    >"$ART/code-server.log" 2>&1 </dev/null &
  CS_PGID=$!
  deadline=$((SECONDS + T_CS_START))
  until node -e 'fetch(process.argv[1]).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$URL/healthz"; do
    if ! kill -0 "$CS_PGID" 2>/dev/null || ((SECONDS >= deadline)); then
      say "code-server did not answer on $URL/healthz; last lines of its log:"
      tail -n 30 "$ART/code-server.log" | sed 's/^/    /'
      ok_cs=0; stop_code_server; break
    fi
    sleep 0.2
  done
  ((ok_cs)) && say "code-server is up (pgid $CS_PGID)"
else
  ok_cs=0
fi

# ------------------------------------------------------------- extension-host suite
NAME_SUITE="VS Code extension-host suite (code-server, packaged .vsix)"
if ((!ok_setup)); then not_run "$NAME_SUITE" "setup failed"
elif ((!ok_vsix)); then not_run "$NAME_SUITE" "no packaged extension"
elif ((!ok_suite)); then not_run "$NAME_SUITE" "the suite did not compile"
elif ((!ok_cs)); then not_run "$NAME_SUITE" "code-server did not start"
else
  check "$NAME_SUITE" "$T_SUITE" env HOME="$RUN/home" OSPO_E2E_URL="$URL" OSPO_E2E_WORKSPACE="$WS_SUITE" \
    OSPO_E2E_EXTENSION="$EXT" OSPO_E2E_SUITE="$SUITE_JS" OSPO_E2E_ARTIFACTS="$ART" \
    OSPO_E2E_SUITE_TIMEOUT_MS=$(((T_SUITE - 20) * 1000)) node "$E2E/ext-host-tests.js"
fi

# ------------------------------------------------------------- UI
# ui_check <name> <script> [VAR=value...]: a browser check on the UI workspace, with the installed .vsix.
ui_check() {
  local name=$1 script=$2
  shift 2
  if ((!ok_setup)); then not_run "$name" "setup failed"
  elif ((!ok_vsix)); then not_run "$name" "no packaged extension"
  elif ((!ok_installed)); then not_run "$name" "code-server could not install the .vsix"
  elif ((!ok_cs)); then not_run "$name" "code-server did not start"
  else
    check "$name" "$T_UI" env HOME="$RUN/home" OSPO_E2E_URL="$URL" OSPO_E2E_WORKSPACE="$WS_UI" \
      OSPO_E2E_UI_FILE="$UI_FILE" OSPO_E2E_ARTIFACTS="$ART" ${SCREENSHOT:+OSPO_E2E_SCREENSHOT="$SCREENSHOT"} "$@" \
      node "$E2E/$script"
  fi
}
ui_check "VS Code UI: squiggle, quick-fix menu and Problems row for $UI_FILE, report link" ui-problems.js
ui_check "VS Code UI: completion while typing, the baseline as a hint, Japanese status bar, CodeLens and hover" \
  ui-baseline-japanese.js OSPO_E2E_LICENSED_FILE=src/backoff.ts

finish
