import { useContext } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { IntentQueryRequest, IntentQueryResponse } from '../../../client/index.js';
import { Page } from '../components/page.js';
import { Loaded, NoAccess } from '../components/status.js';
import { SessionContext } from '../context.js';
import { formatPercent } from '../format.js';
import { useResource } from '../resource.js';
import { can } from '../session.js';

// Intent: a query and its filters are the URL (?q&industries&location&company_size&technologies&
// job_titles&limit), so a search can be shared; the query runs when the URL has one (each run is a
// POST /query, counted against the key's intent limits).

const MIN_QUERY = 10;
const SIZES = ['1-10', '11-50', '51-200', '201-1000', '1000+'];
const LIST_FILTERS = [
  { name: 'industries', label: 'Industries', hint: 'comma-separated, e.g. healthcare, fintech' },
  { name: 'location', label: 'Locations', hint: 'comma-separated, e.g. Texas, Austin' },
  { name: 'technologies', label: 'Technologies', hint: 'comma-separated, e.g. salesforce, hubspot' },
  { name: 'job_titles', label: 'Contact job titles', hint: 'comma-separated, e.g. CTO, VP Engineering' },
] as const;
const LIMITS = [10, 25, 50, 100];
// A query costs fractions of a cent: two significant digits rather than $0.00.
const queryCost = new Intl.NumberFormat(undefined, {
  style: 'currency',
  currency: 'USD',
  maximumSignificantDigits: 2,
});

type IntentLead = IntentQueryResponse['leads'][number];

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((term) => term.trim())
    .filter(Boolean);
}

function requestFrom(query: Record<string, string>): IntentQueryRequest | null {
  const text = (query.q ?? '').trim();
  if (text.length < MIN_QUERY) return null;
  const filters: NonNullable<IntentQueryRequest['filters']> = {};
  for (const { name } of LIST_FILTERS) {
    const terms = list(query[name]);
    if (terms.length) filters[name] = terms;
  }
  const sizes = list(query.company_size).filter((size) => SIZES.includes(size));
  if (sizes.length) filters.company_size = sizes;
  const limit = Number(query.limit);
  return {
    query: text,
    limit: LIMITS.includes(limit) ? limit : 25,
    ...(Object.keys(filters).length ? { filters } : {}),
  };
}

export function IntentPage() {
  const { session } = useContext(SessionContext);
  return (
    <Page title="Intent">
      {can(session.key, 'intent:query') ? (
        <IntentSearch />
      ) : (
        <NoAccess scope="intent:query" what="intent rankings" />
      )}
    </Page>
  );
}

function IntentSearch() {
  const { query, route } = useLocation();
  const request = requestFrom(query);
  const tooShort = query.q !== undefined && !request;
  const selectedSizes = new Set(list(query.company_size));

  const submit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const params = new URLSearchParams();
    params.set('q', String(form.get('q') ?? '').trim());
    for (const { name } of LIST_FILTERS) {
      const terms = list(String(form.get(name) ?? ''));
      if (terms.length) params.set(name, terms.join(', '));
    }
    const sizes = form.getAll('company_size').map(String);
    if (sizes.length) params.set('company_size', sizes.join(','));
    params.set('limit', String(form.get('limit') ?? '25'));
    route(`/console/intent?${params}`);
  };

  return (
    <>
      <form
        class="filters intent-form"
        key={JSON.stringify(query)}
        onSubmit={submit}
        aria-label="Intent query"
      >
        <div class="field field-wide">
          <label for="i-query">What are you looking for?</label>
          <textarea
            id="i-query"
            name="q"
            rows={2}
            required
            minLength={MIN_QUERY}
            maxLength={2000}
            defaultValue={query.q ?? ''}
            aria-describedby="i-query-hint"
            placeholder="companies evaluating a new CRM after a funding round"
          />
          <span id="i-query-hint" class="hint">
            A sentence in plain words, at least {MIN_QUERY} characters.
          </span>
        </div>
        {LIST_FILTERS.map((filter) => (
          <div class="field" key={filter.name}>
            <label for={`i-${filter.name}`}>{filter.label}</label>
            <input
              id={`i-${filter.name}`}
              name={filter.name}
              defaultValue={query[filter.name] ?? ''}
              aria-describedby={`i-${filter.name}-hint`}
            />
            <span id={`i-${filter.name}-hint`} class="hint">
              {filter.hint}
            </span>
          </div>
        ))}
        <fieldset class="field statuses">
          <legend>Company size (employees)</legend>
          {SIZES.map((size) => (
            <label key={size} class="check">
              <input
                type="checkbox"
                name="company_size"
                value={size}
                defaultChecked={selectedSizes.has(size)}
              />{' '}
              {size}
            </label>
          ))}
        </fieldset>
        <div class="field">
          <label for="i-limit">Results</label>
          <select id="i-limit" name="limit">
            {LIMITS.map((n) => (
              <option key={n} value={String(n)} selected={n === (request?.limit ?? 25)}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <div class="actions">
          <button type="submit" class="primary">
            Rank companies
          </button>
        </div>
      </form>
      {tooShort ? (
        <p class="notice notice-error" role="alert">
          The query needs at least {MIN_QUERY} characters.
        </p>
      ) : null}
      {request ? <IntentResults request={request} /> : null}
    </>
  );
}

function IntentResults(props: { request: IntentQueryRequest }) {
  const { session } = useContext(SessionContext);
  const key = JSON.stringify(props.request);
  const results = useResource(() => session.client.queryIntent(props.request), [key]);
  return (
    <Loaded resource={results} label="the ranking">
      {(data) => (
        <section aria-labelledby="intent-results-heading">
          <h2 id="intent-results-heading" aria-live="polite">
            {data.leads.length === 0
              ? 'No company matches'
              : `Top ${data.leads.length} of ${data.metadata.total_leads.toLocaleString()} companies`}
          </h2>
          <p class="muted">
            Understood as “{data.metadata.query_processed}” · {Math.round(data.metadata.processing_time_ms)}{' '}
            ms · cost {queryCost.format(data.metadata.cost_usd)}
            {data.metadata.llm_calls ? ` · ${data.metadata.llm_calls} model calls` : ''}
          </p>
          {data.leads.length ? (
            <ol class="intent-results">
              {data.leads.map((lead, index) => (
                <IntentResult key={lead.lead_id} lead={lead} rank={index + 1} />
              ))}
            </ol>
          ) : null}
        </section>
      )}
    </Loaded>
  );
}

function IntentResult(props: { lead: IntentLead; rank: number }) {
  const { lead } = props;
  const contact = lead.contact_info;
  const headingId = `intent-${lead.lead_id}`;
  return (
    <li class="intent-result">
      <article aria-labelledby={headingId}>
        <h3 id={headingId}>
          <span class="rank">{props.rank}.</span> {lead.company_name} <span class="muted">{lead.domain}</span>
        </h3>
        <dl class="inline-facts">
          <div>
            <dt>Score</dt>
            <dd>
              <meter min={0} max={1} value={lead.score} aria-label={`Score of ${lead.company_name}`} />{' '}
              {lead.score.toFixed(2)}
            </dd>
          </div>
          <div>
            <dt>Confidence</dt>
            <dd>{formatPercent(lead.confidence)}</dd>
          </div>
          <div>
            <dt>Industry</dt>
            <dd>{lead.industry}</dd>
          </div>
          <div>
            <dt>Size</dt>
            <dd>{lead.company_size}</dd>
          </div>
          <div>
            <dt>Location</dt>
            <dd>{lead.location}</dd>
          </div>
          {contact.name || contact.email ? (
            <div>
              <dt>Contact</dt>
              <dd>
                {[contact.name, contact.title].filter(Boolean).join(', ')}
                {contact.email ? (
                  <>
                    {' '}
                    <a href={`mailto:${contact.email}`}>{contact.email}</a>
                  </>
                ) : null}
                {contact.phone ? ` ${contact.phone}` : ''}
              </dd>
            </div>
          ) : null}
        </dl>
        <ul class="signals" aria-label={`Signals for ${lead.company_name}`}>
          {lead.intent_signals.map((signal) => (
            <li key={signal}>{signal}</li>
          ))}
        </ul>
      </article>
    </li>
  );
}
