#!/usr/bin/env bash
# Starts and stops the services the tests talk to. Sourced by build.sh.
# PostgreSQL: a throwaway cluster on loopback, on a random port, owned by an unprivileged user.
# Tests read INVOICING_TEST_POSTGRES (a connection string) and fail when it is missing.

start_test_services() {
  :
}

stop_test_services() {
  :
}
