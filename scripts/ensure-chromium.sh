#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the headless browser tests.
# Idempotent: does nothing when it is already there. Installs it only as root (CI runs as root on
# Debian with access to Debian's mirrors only, so no Playwright browser download is possible).
set -euo pipefail

readonly CHROMIUM=/usr/bin/chromium

log() { echo "ensure-chromium: $*"; }
fail() { echo "ensure-chromium: ERROR: $*" >&2; exit 1; }

if [[ -x "$CHROMIUM" ]]; then
  log "already installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
  exit 0
fi

log "$CHROMIUM not found"
command -v apt-get >/dev/null 2>&1 \
  || fail "apt-get not available (not Debian?): install Chromium so that $CHROMIUM exists, then retry."
[[ "$(id -u)" -eq 0 ]] \
  || fail "installing needs root: run 'sudo apt-get update && sudo apt-get install -y chromium', then retry."

# Non-interactive: CI has no terminal to answer debconf questions.
export DEBIAN_FRONTEND=noninteractive
log "running apt-get update"
apt-get update -qq || fail "apt-get update failed (no access to the Debian mirrors?)."
log "running apt-get install -y chromium"
apt-get install -y -qq chromium \
  || fail "apt-get install chromium failed."

[[ -x "$CHROMIUM" ]] || fail "chromium was installed but $CHROMIUM is still missing."
log "installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
