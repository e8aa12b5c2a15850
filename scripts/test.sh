#!/usr/bin/env bash
# psip's whole test suite, on a fresh Debian machine with Java 17.
#
# The tests throw SIP torture messages at the gateway whose Vias name hosts such as
# 192.0.2.x and example.com. psip answers every request at its real source, but the
# suite does not rely on that alone: it runs in a network namespace that has nothing
# but loopback, so no packet can leave the machine whatever a SIP stack does. Where
# user namespaces are not available it runs as it is, and says so.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-test-tools.sh

if unshare -rn true 2>/dev/null; then
  # everything the build and the test runner need, fetched while the network is there
  ./mvnw -B -ntp -q -DskipTests verify
  ./mvnw -B -ntp -q -pl api test
  exec unshare -rn sh -c 'ip link set lo up && exec ./mvnw -o -B -ntp verify "$@"' sh "$@"
fi

echo "psip: no network namespace available (unshare -rn); running the tests with the network up" >&2
exec ./mvnw -B -ntp verify "$@"
