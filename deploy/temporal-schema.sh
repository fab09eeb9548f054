#!/bin/sh
# Creates and migrates Temporal's two databases (history and visibility) in Postgres. Idempotent.
set -eu
tool() { temporal-sql-tool --plugin postgres12 --ep postgres -u "$POSTGRES_USER" -p 5432 "$@"; }
schema=/etc/temporal/schema/postgresql/v12
for db in temporal temporal_visibility; do
  tool --db "$db" create || true
done
tool --db temporal setup-schema -v 0.0 || true
tool --db temporal update-schema -d "$schema/temporal/versioned"
tool --db temporal_visibility setup-schema -v 0.0 || true
tool --db temporal_visibility update-schema -d "$schema/visibility/versioned"
