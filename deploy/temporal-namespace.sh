#!/bin/sh
# Registers Leadrail's namespace and its custom search attributes on a Temporal cluster, as an operator
# does once per cluster (workflows/shared.ts SEARCH_ATTRIBUTES; test/unit/compose-drift.test.ts keeps
# the list equal). Idempotent. Run by docker-compose.yml (temporalio/admin-tools) and by
# `npm run start:prod` and the chaos tests (dev/temporal-cluster.ts).
#   TEMPORAL_ADDRESS: the frontend (read by the CLI); TEMPORAL_NAMESPACE (default "default");
#   TEMPORAL_RETENTION: how long closed runs are kept (default 30d); TEMPORAL_CLI (default temporal)
set -eu
cli=${TEMPORAL_CLI:-temporal}
ns=${TEMPORAL_NAMESPACE:-default}
# A namespace just created reaches the frontends' namespace cache within seconds: retry until then.
retry() {
  tries=0
  until "$@" </dev/null; do
    tries=$((tries + 1))
    [ "$tries" -lt 30 ] || return 1
    sleep 1
  done
}
if ! "$cli" operator namespace describe -n "$ns" >/dev/null 2>&1; then
  "$cli" operator namespace create -n "$ns" --retention "${TEMPORAL_RETENTION:-30d}"
fi
# One attribute per call (some CLI versions add only the first of several --name flags).
known=$(retry "$cli" operator search-attribute list -n "$ns")
added=0
while read -r name type; do
  if printf '%s\n' "$known" | grep -qw "$name"; then continue; fi
  retry "$cli" operator search-attribute create -n "$ns" --name "$name" --type "$type"
  added=1
done <<'ATTRIBUTES'
LeadStatus Keyword
FlowId Keyword
Source Keyword
AccountId Keyword
ExternalId Keyword
LeadId Keyword
StalledStep Keyword
RecipientOutcomes KeywordList
IntentQueryIds KeywordList
ATTRIBUTES
# The services learn of new attributes with their namespace cache, refreshed every 2 s by default
# (system.namespaceCacheRefreshInterval): wait that out, so the first lead's attributes are known
# everywhere (deploy/temporal-dynamicconfig.yaml says why the cache is kept).
if [ "$added" = 1 ]; then sleep 5; fi
