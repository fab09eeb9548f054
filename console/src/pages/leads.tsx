import { useContext } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { LeadSearchQuery, LeadStatus } from '../../../client/index.js';
import { Page } from '../components/page.js';
import { Loaded, NoAccess, StatusBadge } from '../components/status.js';
import { TableHead } from '../components/table.js';
import { SessionContext } from '../context.js';
import { formatDateTime } from '../format.js';
import { useResource } from '../resource.js';
import { can } from '../session.js';

const STATUSES: LeadStatus[] = ['received', 'accepted', 'rejected', 'delivered', 'delivery_failed', 'failed'];
const TEXT_FILTERS = [
  'flow_id',
  'source',
  'campaign',
  'external_id',
  'created_after',
  'created_before',
] as const;

/** The search as the URL holds it (so a search can be bookmarked and shared) → the API's query. */
function searchFrom(query: Record<string, string>): LeadSearchQuery {
  const search: LeadSearchQuery = { limit: Number(query.limit) || 25, offset: Number(query.offset) || 0 };
  for (const name of TEXT_FILTERS) if (query[name]) search[name] = query[name];
  if (query.status) search.status = query.status.split(',') as LeadStatus[];
  if (query.test_mode === 'true' || query.test_mode === 'false')
    search.test_mode = query.test_mode === 'true';
  return search;
}

function urlFor(search: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(search)) {
    if (value !== undefined && value !== '' && !(name === 'offset' && Number(value) === 0)) {
      params.set(name, String(value));
    }
  }
  const text = params.toString();
  return `/console/leads${text ? `?${text}` : ''}`;
}

export function LeadsPage() {
  const { session } = useContext(SessionContext);
  const allowed = can(session.key, 'leads:read');
  return <Page title="Leads">{allowed ? <LeadSearch /> : <NoAccess scope="leads:read" what="leads" />}</Page>;
}

function LeadSearch() {
  const { session } = useContext(SessionContext);
  const { query, route } = useLocation();
  const search = searchFrom(query);
  const key = JSON.stringify(search);
  const results = useResource(() => session.client.searchLeads(search), [key]);
  const flows = useResource(
    () => (can(session.key, 'flows:read') ? session.client.listFlows() : Promise.resolve(null)),
    [],
  );
  const selectedStatuses = new Set(query.status ? query.status.split(',') : []);

  const submit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const next: Record<string, string> = {};
    for (const name of [...TEXT_FILTERS, 'test_mode', 'limit']) {
      const value = String(form.get(name) ?? '').trim();
      if (value) next[name] = value;
    }
    const statuses = form.getAll('status').map(String);
    if (statuses.length) next.status = statuses.join(',');
    route(urlFor(next));
  };

  return (
    <>
      <form class="filters" key={JSON.stringify(query)} onSubmit={submit} aria-label="Search leads">
        <div class="field">
          <label for="f-flow">Flow</label>
          {flows.data ? (
            <select id="f-flow" name="flow_id">
              <option value="">All flows</option>
              {flows.data.map((f) => (
                <option key={f.id} value={f.id} selected={f.id === query.flow_id}>
                  {f.name} ({f.id})
                </option>
              ))}
            </select>
          ) : (
            <input id="f-flow" name="flow_id" defaultValue={query.flow_id ?? ''} placeholder="flow_…" />
          )}
        </div>
        <fieldset class="field statuses">
          <legend>Status</legend>
          {STATUSES.map((status) => (
            <label key={status} class="check">
              <input
                type="checkbox"
                name="status"
                value={status}
                defaultChecked={selectedStatuses.has(status)}
              />{' '}
              <StatusBadge status={status} />
            </label>
          ))}
        </fieldset>
        <div class="field">
          <label for="f-source">Source</label>
          <input id="f-source" name="source" defaultValue={query.source ?? ''} />
        </div>
        <div class="field">
          <label for="f-campaign">Campaign</label>
          <input id="f-campaign" name="campaign" defaultValue={query.campaign ?? ''} />
        </div>
        <div class="field">
          <label for="f-external">External id</label>
          <input id="f-external" name="external_id" defaultValue={query.external_id ?? ''} />
        </div>
        <div class="field">
          <label for="f-mode">Mode</label>
          <select id="f-mode" name="test_mode">
            <option value="">Live and test</option>
            <option value="false" selected={query.test_mode === 'false'}>
              Live only
            </option>
            <option value="true" selected={query.test_mode === 'true'}>
              Test only
            </option>
          </select>
        </div>
        <div class="field">
          <label for="f-after">Created on or after</label>
          <input id="f-after" type="date" name="created_after" defaultValue={query.created_after ?? ''} />
        </div>
        <div class="field">
          <label for="f-before">Created before</label>
          <input id="f-before" type="date" name="created_before" defaultValue={query.created_before ?? ''} />
        </div>
        <div class="field">
          <label for="f-limit">Per page</label>
          <select id="f-limit" name="limit">
            {[25, 50, 100].map((n) => (
              <option key={n} value={String(n)} selected={n === search.limit}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <div class="actions">
          <button type="submit" class="primary">
            Search
          </button>
          <a href="/console/leads">Clear filters</a>
        </div>
      </form>

      <Loaded resource={results} label="leads">
        {(page) => (
          <section aria-labelledby="results-heading">
            <h2 id="results-heading" aria-live="polite">
              {page.total_count === 1 ? '1 lead' : `${page.total_count.toLocaleString()} leads`}
            </h2>
            {page.leads.length === 0 ? (
              <p>No lead matches these filters.</p>
            ) : (
              <div class="table-scroll">
                <table>
                  <TableHead
                    columns={['Lead', 'Created', 'Status', 'Flow', 'Source', 'Campaign', 'Quality', 'Mode']}
                  />
                  <tbody>
                    {page.leads.map((lead) => (
                      <tr key={lead.id}>
                        <td>
                          <a href={`/console/leads/${lead.id}`}>
                            <code>{lead.id}</code>
                          </a>
                        </td>
                        <td>{formatDateTime(lead.created_at)}</td>
                        <td>
                          <StatusBadge status={lead.status} />
                        </td>
                        <td>
                          <code>{lead.flow_id}</code>
                        </td>
                        <td>{lead.source ?? '—'}</td>
                        <td>{lead.campaign ?? '—'}</td>
                        <td>{lead.quality_score ?? '—'}</td>
                        <td>{lead.test_mode ? 'Test' : 'Live'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {page.page_count > 1 ? (
              <nav class="pager" aria-label="Pages of results">
                {page.current_page > 1 ? (
                  <a href={urlFor({ ...query, offset: (search.offset ?? 0) - page.per_page })} rel="prev">
                    Previous page
                  </a>
                ) : null}
                <span>
                  Page {page.current_page} of {page.page_count}
                </span>
                {page.current_page < page.page_count ? (
                  <a href={urlFor({ ...query, offset: (search.offset ?? 0) + page.per_page })} rel="next">
                    Next page
                  </a>
                ) : null}
              </nav>
            ) : null}
          </section>
        )}
      </Loaded>
    </>
  );
}
