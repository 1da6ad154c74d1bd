#!/usr/bin/env bash
# Installs the real editors the tests use into the git-ignored cache (.cache/, or
# $FACTDESK_CACHE_DIR): Node 24 + code-server (npm), chromium + neovim (apt, as root).
# Reuses what is already there. Usage: scripts/setup-editors.sh [code-server] [chromium] [neovim]
set -euo pipefail
cd "$(dirname "$0")/.."
exec node scripts/run-ts.mjs test/vscode/harness/setupCli.ts "$@"
