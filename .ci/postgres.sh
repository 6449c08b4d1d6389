#!/usr/bin/env bash
# Make sure PostgreSQL server binaries (initdb, pg_ctl) are on this machine, so the test suite
# can start its own throw-away server (tests/pg/server.py starts, uses and stops it; this
# script never starts a server). Installs postgresql-15 (or the distribution's postgresql)
# with apt-get when they are missing and we are root; otherwise says what is missing and
# leaves it to the suite, which fails the PostgreSQL tests clearly (SAGSDAG_SKIP_PG=1 skips).
set -uo pipefail

have_pg() {
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then return 0; fi
    for d in /usr/lib/postgresql/*/bin; do
        if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then return 0; fi
    done
    return 1
}

if [ "${SAGSDAG_SKIP_PG:-}" = "1" ]; then
    echo "postgres.sh: SAGSDAG_SKIP_PG=1, not preparing PostgreSQL"
    exit 0
fi
if have_pg; then
    echo "postgres.sh: PostgreSQL server binaries found"
    exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "postgres.sh: PostgreSQL server binaries missing and cannot install them (need root and apt-get);" \
         "the PostgreSQL tests will fail unless SAGSDAG_SKIP_PG=1" >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
echo "postgres.sh: installing PostgreSQL server binaries with apt-get"
apt-get update -q
apt-get install -y -q --no-install-recommends postgresql-15 || apt-get install -y -q --no-install-recommends postgresql
have_pg || { echo "postgres.sh: apt-get did not provide initdb/pg_ctl" >&2; exit 0; }
