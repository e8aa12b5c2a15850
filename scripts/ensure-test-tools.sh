#!/usr/bin/env bash
# Installs what psip's tests use from outside the JVM: SIPp (Debian package sip-tester) and
# ip (iproute2, to bring up loopback in the tests' network namespace).
# Run before the tests; does nothing when the tools are already there.
set -euo pipefail

missing=()
command -v sipp >/dev/null 2>&1 || missing+=(sip-tester)
command -v ip >/dev/null 2>&1 || missing+=(iproute2)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "psip: installing the Debian packages ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo -n"
else
  echo "psip: cannot install ${missing[*]} without root; run: apt-get install ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
command -v sipp >/dev/null && command -v ip >/dev/null
