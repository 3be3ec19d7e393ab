#!/usr/bin/env bash
# Starts and stops the services the tests talk to. Sourced by build.sh (or run: eng/test-services.sh start|stop).
# PostgreSQL: a throwaway cluster on loopback, on a random port, owned by an unprivileged user.
# Tests read INVOICING_TEST_POSTGRES (a connection string) and fail when it is missing.

INVOICING_TEST_PG_USER=${INVOICING_TEST_PG_USER:-invoicing-test}

_invoicing_pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ] || [ ! -x "$dir/pg_ctl" ]; then
    echo "test-services: PostgreSQL binaries not found under /usr/lib/postgresql/*/bin (run eng/install-test-deps.sh)" >&2
    return 1
  fi
  echo "$dir"
}

# Runs a command as the unprivileged cluster owner (or as ourselves when we are not root).
_invoicing_pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u "$INVOICING_TEST_PG_USER" -- "$@"
  else
    "$@"
  fi
}

_invoicing_free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "test-services: no free TCP port found on 127.0.0.1" >&2
  return 1
}

start_test_services() {
  if [ -n "${INVOICING_TEST_PG_DIR:-}" ] && [ -f "${INVOICING_TEST_PG_DIR}/data/postmaster.pid" ]; then
    echo "test-services: PostgreSQL already running ($INVOICING_TEST_POSTGRES)" >&2
    return 0
  fi

  local bin dir port
  bin=$(_invoicing_pg_bin) || return 1
  if [ "$(id -u)" -eq 0 ] && ! id "$INVOICING_TEST_PG_USER" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$INVOICING_TEST_PG_USER" \
      || { echo "test-services: cannot create user $INVOICING_TEST_PG_USER" >&2; return 1; }
  fi

  dir=$(mktemp -d "${TMPDIR:-/tmp}/invoicing-pg.XXXXXX") || return 1
  chmod 755 "$dir"
  [ "$(id -u)" -eq 0 ] && chown "$INVOICING_TEST_PG_USER" "$dir"
  port=$(_invoicing_free_port) || { rm -rf "$dir"; return 1; }

  if ! _invoicing_pg_as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
      >"$dir/initdb.log" 2>&1; then
    echo "test-services: initdb failed:" >&2
    cat "$dir/initdb.log" >&2
    rm -rf "$dir"
    return 1
  fi
  # Loopback only, trust on loopback (throwaway cluster), sockets inside the cluster's own directory.
  cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
  printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' >"$dir/data/pg_hba.conf"

  if ! _invoicing_pg_as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null 2>&1; then
    echo "test-services: PostgreSQL did not start:" >&2
    cat "$dir/server.log" >&2 2>/dev/null
    rm -rf "$dir"
    return 1
  fi
  if ! _invoicing_pg_as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres invoicing_test >/dev/null 2>&1; then
    echo "test-services: cannot create database invoicing_test" >&2
    _invoicing_pg_as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1
    rm -rf "$dir"
    return 1
  fi

  export INVOICING_TEST_PG_DIR="$dir"
  export INVOICING_TEST_PG_BIN="$bin"
  export INVOICING_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=invoicing_test"
  echo "test-services: PostgreSQL on 127.0.0.1:$port ($INVOICING_TEST_POSTGRES)" >&2
}

stop_test_services() {
  local dir=${INVOICING_TEST_PG_DIR:-}
  if [ -z "$dir" ]; then
    return 0
  fi
  local bin=${INVOICING_TEST_PG_BIN:-}
  [ -n "$bin" ] || bin=$(_invoicing_pg_bin 2>/dev/null) || bin=""
  if [ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ]; then
    _invoicing_pg_as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 \
      || _invoicing_pg_as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  unset INVOICING_TEST_PG_DIR INVOICING_TEST_PG_BIN INVOICING_TEST_POSTGRES
}

# Run directly: `eng/test-services.sh start` prints the export line to eval; `eng/test-services.sh stop DIR` stops it.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  case "${1:-}" in
    start)
      start_test_services
      echo "export INVOICING_TEST_POSTGRES='$INVOICING_TEST_POSTGRES' INVOICING_TEST_PG_DIR='$INVOICING_TEST_PG_DIR' INVOICING_TEST_PG_BIN='$INVOICING_TEST_PG_BIN'"
      ;;
    stop)
      INVOICING_TEST_PG_DIR=${2:-${INVOICING_TEST_PG_DIR:-}}
      stop_test_services
      ;;
    *)
      echo "usage: eng/test-services.sh start|stop [dir]" >&2
      exit 2
      ;;
  esac
fi
