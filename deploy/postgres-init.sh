#!/bin/sh
# First start of the Postgres container: a separate role and database for Leadrail's own data.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" <<SQL
CREATE ROLE leadrail LOGIN PASSWORD '${LEADRAIL_DB_PASSWORD}';
CREATE DATABASE leadrail OWNER leadrail;
SQL
