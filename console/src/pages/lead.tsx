import { useContext, useState } from 'preact/hooks';
import type { LeadDetail, ReplayResult } from '../../../client/index.js';
import { Page } from '../components/page.js';
import { ErrorNotice, Loaded, NoAccess, StatusBadge } from '../components/status.js';
import { TableHead } from '../components/table.js';
import { SessionContext, setting } from '../context.js';
import { formatDateTime, formatMoney, formatValue } from '../format.js';
import { useResource } from '../resource.js';
import { can } from '../session.js';

type LeadEvent = LeadDetail['events'][number];
const DELIVERY_TYPES = new Set(['delivered', 'delivery_failed', 'skipped']);
const REPLAYABLE = new Set(['delivery_failed', 'failed']);

/** The Temporal UI's list of the lead's runs: its own and any redelivery run after it closed. */
export function temporalRunsUrl(leadId: string): string | null {
  const base = setting('temporal-ui-url').replace(/\/+$/, '');
  if (!base) return null;
  const namespace = encodeURIComponent(setting('temporal-namespace') || 'default');
  const query = encodeURIComponent(`WorkflowId="${leadId}" OR LeadId="${leadId}"`);
  return `${base}/namespaces/${namespace}/workflows?query=${query}`;
}

export function LeadPage(props: { params: { leadId: string } }) {
  const { session } = useContext(SessionContext);
  const { leadId } = props.params;
  if (!can(session.key, 'leads:read')) {
    return (
      <Page title={`Lead ${leadId}`}>
        <NoAccess scope="leads:read" what="leads" />
      </Page>
    );
  }
  return <LeadView leadId={leadId} />;
}

function LeadView(props: { leadId: string }) {
  const { session } = useContext(SessionContext);
  const lead = useResource(() => session.client.getLead(props.leadId), [props.leadId]);
  const replay = useReplay(props.leadId, lead.reload);
  const runs = temporalRunsUrl(props.leadId);
  return (
    <Page
      title={`Lead ${props.leadId}`}
      heading={
        <>
          Lead <code>{props.leadId}</code>
        </>
      }
    >
      <p class="breadcrumbs">
        <a href="/console/leads">← All leads</a>
      </p>
      <Loaded resource={lead} label="the lead">
        {(data) => (
          <>
            <section aria-labelledby="summary-heading" class="summary">
              <h2 id="summary-heading" class="visually-hidden">
                Summary
              </h2>
              <p class="status-line">
                <StatusBadge status={data.status} />
                {data.reason ? <span class="reason">{data.reason}</span> : null}
              </p>
              <div class="lead-actions">
                {runs ? (
                  <a href={runs} target="_blank" rel="noopener noreferrer">
                    Runs in the Temporal UI<span class="visually-hidden"> (opens in a new tab)</span>
                  </a>
                ) : (
                  <span class="muted">No Temporal UI configured (TEMPORAL_UI_URL)</span>
                )}
                {REPLAYABLE.has(data.status) && can(session.key, 'leads:write') ? (
                  <button
                    type="button"
                    class="primary"
                    onClick={replay.replay}
                    disabled={replay.state.kind === 'busy'}
                  >
                    {replay.state.kind === 'busy' ? 'Replaying…' : 'Replay failed deliveries'}
                  </button>
                ) : null}
              </div>
              <ReplayOutcome state={replay.state} />
              <dl class="facts">
                <dt>Flow</dt>
                <dd>
                  <a href={`/console/flows/${data.flow_id}`}>
                    <code>{data.flow_id}</code>
                  </a>{' '}
                  version {data.flow_version}
                </dd>
                <dt>Received</dt>
                <dd>{formatDateTime(data.created_at)}</dd>
                <dt>Updated</dt>
                <dd>{formatDateTime(data.updated_at)}</dd>
                <dt>Source</dt>
                <dd>{data.source ?? '—'}</dd>
                <dt>Campaign</dt>
                <dd>{data.campaign ?? '—'}</dd>
                <dt>External id</dt>
                <dd>{data.external_id ?? '—'}</dd>
                <dt>Mode</dt>
                <dd>{data.test_mode ? 'Test (sent nowhere)' : 'Live'}</dd>
                <dt>Quality score</dt>
                <dd>{data.quality_score ?? '—'}</dd>
                <dt>Cost / revenue</dt>
                <dd>
                  {formatMoney(data.pricing.cost)} / {formatMoney(data.pricing.revenue)}
                </dd>
              </dl>
            </section>
            <Auction events={data.events} />
            <Deliveries events={data.events} />
            <Fields fields={data.fields} />
            <Timeline events={data.events} />
          </>
        )}
      </Loaded>
    </Page>
  );
}

type ReplayState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; result: ReplayResult }
  | { kind: 'failed'; error: unknown };

/** Replays the lead's failed deliveries; the outcome stays shown after the lead reloads as delivered. */
function useReplay(leadId: string, onDone: () => void) {
  const { session } = useContext(SessionContext);
  const [state, setState] = useState<ReplayState>({ kind: 'idle' });
  const replay = async () => {
    // One idempotency key per click: a retried request (a flaky network) cannot replay twice.
    const attempt = crypto.randomUUID();
    setState({ kind: 'busy' });
    try {
      setState({ kind: 'done', result: await session.client.replayLead(leadId, {}, attempt) });
      onDone();
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  };
  return { state, replay };
}

function ReplayOutcome(props: { state: ReplayState }) {
  const { state } = props;
  return (
    <div aria-live="polite">
      {state.kind === 'done' ? (
        <p class="notice notice-ok">
          Replay finished: the lead is now <StatusBadge status={state.result.status} />.{' '}
          {state.result.attempts.length === 0 ? 'Nothing was left to replay.' : null}
          {state.result.attempts.map((a) => (
            <span key={a.recipient_id}>
              <code>{a.recipient_id}</code>: {a.outcome}
              {a.response_code ? ` (HTTP ${a.response_code})` : ''}
              {a.reason ? ` — ${a.reason}` : ''}.{' '}
            </span>
          ))}
        </p>
      ) : null}
      {state.kind === 'failed' ? <ErrorNotice error={state.error} title="Replay failed" /> : null}
    </div>
  );
}

interface AuctionDetails {
  round?: number;
  floor?: number;
  deadline_ms?: number;
  bidders?: number;
  bids?: number;
  winner?: string | null;
  winner_name?: string | null;
  price?: number | null;
}
interface BidDetails {
  status?: 'bid' | 'no_bid' | 'timeout' | 'error';
  price?: number | null;
  rank?: number | null;
  below_floor?: boolean;
  fixed?: boolean;
  round?: number;
}
const BID_ANSWERS: Record<string, string> = {
  bid: 'Bid',
  no_bid: 'No bid',
  timeout: 'No answer in time',
  error: 'Error',
};

/** An auction lead's rounds: who was asked, what each answered, the floor, the ranking, the winner. */
function Auction(props: { events: LeadEvent[] }) {
  const rounds = props.events.filter((e) => e.type === 'auction');
  if (rounds.length === 0) return null;
  const bids = props.events.filter((e) => e.type === 'bid');
  return (
    <section aria-labelledby="auction-heading">
      <h2 id="auction-heading">Auction</h2>
      {rounds.map((a) => {
        const d = (a.details ?? {}) as AuctionDetails;
        const answers = bids.filter((b) => (b.details as BidDetails | undefined)?.round === d.round);
        return (
          <div key={a.id}>
            <p>
              Round {d.round ?? 1}:{' '}
              {d.winner ? (
                <strong>
                  sold to {d.winner_name ?? d.winner} at {formatMoney(d.price)}
                </strong>
              ) : (
                <strong>not sold{a.reason ? ` (${a.reason})` : ''}</strong>
              )}{' '}
              · {d.bids ?? 0} bid(s) from {d.bidders ?? 0} buyer(s) asked · floor {formatMoney(d.floor)} ·
              deadline {d.deadline_ms ?? '—'} ms
            </p>
            <div class="table-scroll">
              <table aria-label={`Auction round ${d.round ?? 1}`}>
                <TableHead columns={['Buyer', 'Answer', 'Price', 'Rank', 'Reason', 'Answered in']} />
                <tbody>
                  {answers.map((b) => {
                    const bd = (b.details ?? {}) as BidDetails;
                    return (
                      <tr key={b.id}>
                        <td>
                          {b.recipient ?? ''} <code>{b.recipient_id}</code>
                        </td>
                        <td>
                          {BID_ANSWERS[bd.status ?? ''] ?? bd.status ?? '—'}
                          {bd.fixed ? ' (fixed price)' : ''}
                          {bd.below_floor ? ' · below the floor' : ''}
                        </td>
                        <td>{bd.price != null ? formatMoney(bd.price) : '—'}</td>
                        <td>{bd.rank ?? '—'}</td>
                        <td>{b.reason ?? '—'}</td>
                        <td>{b.duration_ms !== undefined ? `${b.duration_ms} ms` : '—'}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </div>
        );
      })}
    </section>
  );
}

/** Every delivery to every recipient: the first one and each replay, with its answer. */
function Deliveries(props: { events: LeadEvent[] }) {
  const deliveries = props.events.filter((e) => DELIVERY_TYPES.has(e.type) && e.recipient_id);
  return (
    <section aria-labelledby="deliveries-heading">
      <h2 id="deliveries-heading">Deliveries</h2>
      {deliveries.length === 0 ? (
        <p>No delivery was attempted.</p>
      ) : (
        <div class="table-scroll">
          <table>
            <TableHead
              columns={[
                'When',
                'Recipient',
                'Result',
                'Response code',
                'Reason',
                'Tries',
                'Duration',
                'Kind',
              ]}
            />
            <tbody>
              {deliveries.map((e, index) => {
                const details = (e.details ?? {}) as { attempts?: number; forced?: boolean };
                const earlier = deliveries.slice(0, index).some((d) => d.recipient_id === e.recipient_id);
                return (
                  <tr key={e.id}>
                    <td>{formatDateTime(e.timestamp)}</td>
                    <td>
                      {e.recipient ?? ''} <code>{e.recipient_id}</code>
                    </td>
                    <td>
                      <StatusBadge status={e.type} />
                    </td>
                    <td>{e.response_code ?? '—'}</td>
                    <td>{e.reason ?? '—'}</td>
                    <td>{details.attempts ?? '—'}</td>
                    <td>{e.duration_ms !== undefined ? `${e.duration_ms} ms` : '—'}</td>
                    <td>{details.forced ? 'Forced replay' : earlier ? 'Replay' : 'First delivery'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const FIELD_KEYS = new Set(['normal', 'raw', 'valid']);

/** Every field as parsed: normal value, what the source sent, validity and its type's components. */
function Fields(props: { fields: LeadDetail['fields'] }) {
  const entries = Object.entries(props.fields ?? {});
  return (
    <section aria-labelledby="fields-heading">
      <h2 id="fields-heading">Fields</h2>
      {entries.length === 0 ? (
        <p>
          No parsed fields (the lead was not evaluated yet, or was recorded before parsed values were kept).
        </p>
      ) : (
        <div class="table-scroll">
          <table>
            <TableHead columns={['Field', 'Value', 'As sent', 'Valid', 'Components']} />
            <tbody>
              {entries.map(([name, field]) => {
                const components = Object.entries(field).filter(
                  ([key, value]) => !FIELD_KEYS.has(key) && value !== null && value !== undefined,
                );
                return (
                  <tr key={name}>
                    <th scope="row">
                      <code>{name}</code>
                    </th>
                    <td>{formatValue(field.normal)}</td>
                    <td>{formatValue(field.raw)}</td>
                    <td>{field.valid ? 'Yes' : <strong class="invalid">No</strong>}</td>
                    <td>
                      {components.length === 0 ? (
                        '—'
                      ) : (
                        <dl class="components">
                          {components.map(([key, value]) => (
                            <div key={key}>
                              <dt>{key}</dt>
                              <dd>{formatValue(value)}</dd>
                            </div>
                          ))}
                        </dl>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Timeline(props: { events: LeadEvent[] }) {
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <ol class="timeline">
        {props.events.map((e) => (
          <li key={e.id}>
            <time dateTime={e.timestamp}>{formatDateTime(e.timestamp)}</time>{' '}
            <strong>{e.type.replace(/_/g, ' ')}</strong> <StatusBadge status={e.outcome} />
            {e.recipient || e.recipient_id ? (
              <span>
                {' '}
                — {e.recipient ?? ''} {e.recipient_id ? <code>{e.recipient_id}</code> : null}
              </span>
            ) : null}
            {e.response_code ? <span> · HTTP {e.response_code}</span> : null}
            {e.reason ? <span> · {e.reason}</span> : null}
            {e.type === 'replayed' && e.details?.requested_by ? (
              <span> · asked by {String(e.details.requested_by)}</span>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
