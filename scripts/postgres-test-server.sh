#!/usr/bin/env bash
# A throw-away PostgreSQL server for the tests of the PostgreSQL case source (cases_database):
#   scripts/postgres-test-server.sh start FOLDER   # initdb + pg_ctl start in FOLDER (a new empty folder)
#   scripts/postgres-test-server.sh stop FOLDER    # stops the server and deletes FOLDER
# `start` listens on 127.0.0.1 only, on a free port, with trust authentication for the role
# `vigie` (no password: the server holds test data only and lives for one test run), and writes
# the connection string to FOLDER/url (postgresql://vigie@127.0.0.1:PORT/vigie). It installs
# Debian's `postgresql` package when initdb is missing. initdb refuses to run as root, so as root
# the server runs as the `postgres` user (created by the package). scripts/test.sh starts it before
# `swift test` and stops it on exit, failure included.
set -euo pipefail

command=${1:-}
folder=${2:-}
if [ -z "$command" ] || [ -z "$folder" ]; then
    echo "usage: $0 start|stop FOLDER" >&2
    exit 2
fi

find_bin() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
    done
    return 1
}

# Runs a command as the server's owner: the postgres user when we are root, else ourselves.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$command" in
start)
    bin=$(find_bin) || {
        echo "postgres-test-server: installing postgresql"
        sudo_cmd=""
        [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
        export DEBIAN_FRONTEND=noninteractive
        $sudo_cmd apt-get update -qq
        $sudo_cmd apt-get install -y -qq postgresql >/dev/null
        bin=$(find_bin)
    }
    mkdir -p "$folder"
    [ "$(id -u)" -ne 0 ] || chown postgres: "$folder"
    # A free port: bound by the kernel, released at once (a race with another process is unlikely
    # on a test machine, and pg_ctl then fails loudly).
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$bin/initdb" --pgdata="$folder/data" --username=vigie --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
        >"$folder/initdb.log" 2>&1 || { cat "$folder/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" --pgdata="$folder/data" --log="$folder/server.log" --wait --timeout=60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $folder -c fsync=off" start >/dev/null \
        || { cat "$folder/server.log" >&2; exit 1; }
    as_owner "$bin/createdb" --host=127.0.0.1 --port="$port" --username=vigie vigie
    echo "postgresql://vigie@127.0.0.1:$port/vigie" > "$folder/url"
    echo "postgres-test-server: PostgreSQL $("$bin/postgres" --version | grep -oE '[0-9]+(\.[0-9]+)?' | head -n 1) on 127.0.0.1:$port"
    ;;
stop)
    bin=$(find_bin) || exit 0
    if [ -f "$folder/data/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" --pgdata="$folder/data" --mode=immediate --wait stop >/dev/null 2>&1 || true
    fi
    rm -rf "$folder"
    ;;
*)
    echo "usage: $0 start|stop FOLDER" >&2
    exit 2
    ;;
esac
