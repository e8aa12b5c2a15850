#!/usr/bin/env bash
# Installs what psip's end-to-end tests drive from outside the JVM: SIPp (Debian package sip-tester).
# Run by the build before the tests; does nothing when the tools are already there.
set -euo pipefail

if command -v sipp >/dev/null 2>&1; then
  exit 0
fi

echo "psip: SIPp is missing; installing the Debian package sip-tester" >&2
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo -n"
else
  echo "psip: cannot install sip-tester without root; run: apt-get install sip-tester" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq sip-tester >/dev/null
command -v sipp >/dev/null
