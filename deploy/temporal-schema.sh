#!/bin/sh
# Creates and migrates Temporal's two PostgreSQL databases (history and visibility) with the server's
# own SQL tool and the schema embedded in it (same version as the server). Idempotent: a second run
# changes nothing. Run by docker-compose.yml (temporalio/admin-tools) and by `npm run start:prod` and
# the chaos tests (dev/temporal-cluster.ts, with the tool built from the Go module proxy).
#   POSTGRES_SEEDS, DB_PORT, POSTGRES_USER, SQL_PASSWORD: where and as whom (the server's variable names)
#   TEMPORAL_SQL_TOOL: the tool's path (default temporal-sql-tool, as in the image)
set -eu
tool() {
  "${TEMPORAL_SQL_TOOL:-temporal-sql-tool}" --plugin postgres12 --ep "$POSTGRES_SEEDS" -p "$DB_PORT" \
    -u "$POSTGRES_USER" "$@"
}
for db in temporal:temporal temporal_visibility:visibility; do
  name=${db%%:*}
  schema=postgresql/v12/${db#*:}
  tool --db "$name" create-database
  # Version tables only; a no-op when they exist.
  tool --db "$name" setup-schema -v 0.0
  tool --db "$name" update-schema --schema-name "$schema"
done
