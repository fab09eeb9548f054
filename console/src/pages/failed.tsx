import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { BulkReplay, BulkReplayDryRun, FailedDeliveries } from '../../../client/index.js';
import { Page } from '../components/page.js';
import { ErrorNotice, Loaded, NoAccess, StatusBadge } from '../components/status.js';
import { numeric, TableHead } from '../components/table.js';
import { SessionContext } from '../context.js';
import { formatDateTime } from '../format.js';
import { useResource } from '../resource.js';
import { can } from '../session.js';

type Group = FailedDeliveries['groups'][number];

export function FailedPage() {
  const { session } = useContext(SessionContext);
  return (
    <Page title="Failed deliveries">
      {can(session.key, 'leads:read') ? (
        <ReplayQueue />
      ) : (
        <NoAccess scope="leads:read" what="failed deliveries" />
      )}
    </Page>
  );
}

function ReplayQueue() {
  const { session } = useContext(SessionContext);
  const { query, route } = useLocation();
  const flowId = query.flow_id || undefined;
  const queue = useResource(() => session.client.listFailedDeliveries({ flow_id: flowId }), [flowId]);
  const flows = useResource(
    () => (can(session.key, 'flows:read') ? session.client.listFlows() : Promise.resolve(null)),
    [],
  );
  const mayReplay = can(session.key, 'leads:write');
  // The bulk replay being followed is in the URL, so a reload (or a shared link) keeps following it.
  const following = query.replay;
  const setQuery = (next: Record<string, string | undefined>) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries({ ...query, ...next })) if (value) params.set(name, value);
    const text = params.toString();
    route(`/console/failed${text ? `?${text}` : ''}`);
  };

  const byFlow = new Map<string, Group[]>();
  for (const group of queue.data?.groups ?? []) {
    byFlow.set(group.flow_id, [...(byFlow.get(group.flow_id) ?? []), group]);
  }

  return (
    <>
      <p class="intro">
        Leads whose deliveries failed wait here for a replay (status <StatusBadge status="delivery_failed" />
        ), by flow and by the recipient that does not have them yet, with the reason of its last failure. Fix
        the cause first (a recipient's URL or credentials: edit the recipient), then replay one lead or a
        whole group.
        {mayReplay ? null : ' Replaying needs a key with the leads:write scope.'}
      </p>
      {flows.data ? (
        <form
          class="filters"
          onSubmit={(event) => {
            event.preventDefault();
            const value = new FormData(event.currentTarget).get('flow_id');
            setQuery({ flow_id: value ? String(value) : undefined });
          }}
        >
          <div class="field">
            <label for="q-flow">Flow</label>
            <select id="q-flow" name="flow_id" key={flowId ?? ''}>
              <option value="">All flows</option>
              {flows.data.map((f) => (
                <option key={f.id} value={f.id} selected={f.id === flowId}>
                  {f.name} ({f.id})
                </option>
              ))}
            </select>
          </div>
          <div class="actions">
            <button type="submit">Show</button>
          </div>
        </form>
      ) : null}
      {following ? (
        <BulkReplayProgress
          replayId={following}
          total={Number(query.of) || null}
          onClose={() => setQuery({ replay: undefined })}
          onFinished={queue.reload}
        />
      ) : null}
      <Loaded resource={queue} label="the replay queue">
        {(data) => (
          <>
            <h2 aria-live="polite">
              {data.total_leads === 1 ? '1 lead waits' : `${data.total_leads.toLocaleString()} leads wait`}{' '}
              for a replay
            </h2>
            {data.groups.length === 0 ? <p>Nothing to replay.</p> : null}
            {[...byFlow.entries()].map(([id, groups]) => (
              <section key={id} aria-labelledby={`flow-${id}`} class="flow-group">
                <h3 id={`flow-${id}`}>
                  {groups[0]!.flow_name} <code>{id}</code>
                </h3>
                <div class="table-scroll">
                  <table>
                    <TableHead
                      columns={[
                        'Recipient',
                        'Reason',
                        numeric('Leads'),
                        'Oldest',
                        'Newest',
                        'Leads waiting',
                        mayReplay && 'Replay',
                      ]}
                    />
                    <tbody>
                      {groups.map((group) => (
                        <GroupRow
                          key={`${group.recipient_id}:${group.reason}`}
                          group={group}
                          mayReplay={mayReplay}
                          onReplayed={queue.reload}
                          onStarted={(replayId, total) => setQuery({ replay: replayId, of: String(total) })}
                        />
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            ))}
          </>
        )}
      </Loaded>
    </>
  );
}

function recipientLabel(group: Group): string {
  if (!group.recipient_id) return 'No recipient took it';
  return group.recipient_name ?? group.recipient_id;
}

function GroupRow(props: {
  group: Group;
  mayReplay: boolean;
  onReplayed: () => void;
  onStarted: (replayId: string, total: number) => void;
}) {
  const { group } = props;
  const [bulk, setBulk] = useState(false);
  const label = `${recipientLabel(group)} (${group.flow_name})`;
  return (
    <>
      <tr>
        <th scope="row">
          {recipientLabel(group)} {group.recipient_id ? <code>{group.recipient_id}</code> : null}
        </th>
        <td>{group.reason ?? '—'}</td>
        <td class="number">{group.leads}</td>
        <td>{formatDateTime(group.oldest_at)}</td>
        <td>{formatDateTime(group.newest_at)}</td>
        <td>
          <details>
            <summary>
              {group.lead_ids.length < group.leads
                ? `The newest ${group.lead_ids.length}`
                : `${group.leads} ${group.leads === 1 ? 'lead' : 'leads'}`}
            </summary>
            <ul class="lead-list">
              {group.lead_ids.map((id) => (
                <LeadEntry key={id} leadId={id} mayReplay={props.mayReplay} onReplayed={props.onReplayed} />
              ))}
            </ul>
          </details>
        </td>
        {props.mayReplay ? (
          <td>
            <button
              type="button"
              aria-expanded={bulk}
              aria-controls={`bulk-${group.flow_id}-${group.recipient_id}`}
              onClick={() => setBulk(!bulk)}
              aria-label={`Bulk replay ${label}`}
            >
              Bulk replay…
            </button>
          </td>
        ) : null}
      </tr>
      {bulk ? (
        <tr id={`bulk-${group.flow_id}-${group.recipient_id}`}>
          <td colSpan={7}>
            <BulkReplayForm group={group} onStarted={props.onStarted} onCancel={() => setBulk(false)} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

function LeadEntry(props: { leadId: string; mayReplay: boolean; onReplayed: () => void }) {
  const { session } = useContext(SessionContext);
  const [state, setState] = useState<
    { kind: 'idle' | 'busy' } | { kind: 'done'; status: string } | { kind: 'failed'; error: unknown }
  >({
    kind: 'idle',
  });
  const replay = async () => {
    setState({ kind: 'busy' });
    try {
      const result = await session.client.replayLead(props.leadId, {}, crypto.randomUUID());
      setState({ kind: 'done', status: result.status });
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  };
  return (
    <li>
      <a href={`/console/leads/${props.leadId}`}>
        <code>{props.leadId}</code>
      </a>{' '}
      {props.mayReplay && state.kind !== 'done' ? (
        <button
          type="button"
          class="small"
          onClick={replay}
          disabled={state.kind === 'busy'}
          aria-label={`Replay ${props.leadId}`}
        >
          {state.kind === 'busy' ? 'Replaying…' : 'Replay'}
        </button>
      ) : null}
      <span aria-live="polite">
        {state.kind === 'done' ? (
          <>
            Replayed: now <StatusBadge status={state.status} />{' '}
            <button type="button" class="link-button" onClick={props.onReplayed}>
              Refresh the queue
            </button>
          </>
        ) : null}
        {state.kind === 'failed' ? <ErrorNotice error={state.error} title="Replay failed" /> : null}
      </span>
    </li>
  );
}

/** A bulk replay: a dry run lists what would be replayed; only then can it be started. */
function BulkReplayForm(props: {
  group: Group;
  onStarted: (replayId: string, total: number) => void;
  onCancel: () => void;
}) {
  const { session } = useContext(SessionContext);
  const { group } = props;
  const [rate, setRate] = useState('5');
  const [dryRun, setDryRun] = useState<BulkReplayDryRun | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const result = useRef<HTMLDivElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const filter = {
    flow_id: group.flow_id,
    ...(group.recipient_id ? { recipient_id: group.recipient_id } : {}),
    rate_per_second: Number(rate),
  };

  const runDry = async () => {
    setBusy(true);
    setError(null);
    try {
      setDryRun(await session.client.dryRunBulkReplay(filter));
      result.current?.focus();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const started = await session.client.startBulkReplay(filter);
      props.onStarted(started.id, dryRun?.total ?? 0);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <div class="bulk">
      <h4 tabIndex={-1} ref={heading}>
        Bulk replay: {recipientLabel(group)} in {group.flow_name}
      </h4>
      <p class="hint">
        Replays every lead of this flow whose delivery {group.recipient_id ? 'to this recipient ' : ''}failed,
        waiting or closed, at the rate you choose; recipient caps still apply. Leads a recipient already has
        are not sent again.
      </p>
      <div class="field inline">
        <label for={`rate-${group.flow_id}-${group.recipient_id}`}>Leads per second</label>
        <input
          id={`rate-${group.flow_id}-${group.recipient_id}`}
          type="number"
          min="0.1"
          max="100"
          step="0.1"
          value={rate}
          onInput={(e) => {
            setRate(e.currentTarget.value);
            setDryRun(null);
          }}
        />
      </div>
      <div class="actions">
        <button type="button" onClick={runDry} disabled={busy}>
          Dry run
        </button>
        <button
          type="button"
          class="primary"
          onClick={start}
          disabled={busy || !dryRun || dryRun.total === 0}
        >
          {dryRun
            ? `Replay ${dryRun.total} ${dryRun.total === 1 ? 'lead' : 'leads'}`
            : 'Replay (dry run first)'}
        </button>
        <button type="button" class="link-button" onClick={props.onCancel}>
          Close
        </button>
      </div>
      {error ? <ErrorNotice error={error} title="Bulk replay" /> : null}
      <div tabIndex={-1} ref={result} aria-live="polite">
        {dryRun ? (
          <div class="dry-run">
            <p>
              <strong>
                Dry run: {dryRun.total} {dryRun.total === 1 ? 'lead' : 'leads'} would be replayed
              </strong>
              {dryRun.truncated ? ' (the first 10,000 listed)' : ''}. Nothing was sent.
            </p>
            {dryRun.leads.length > 0 ? (
              <table>
                <caption class="visually-hidden">Leads the bulk replay would replay</caption>
                <TableHead columns={['Lead', 'Status', 'Reason', 'Received']} />
                <tbody>
                  {dryRun.leads.slice(0, 100).map((lead) => (
                    <tr key={lead.id}>
                      <td>
                        <code>{lead.id}</code>
                      </td>
                      <td>
                        <StatusBadge status={lead.status} />
                      </td>
                      <td>{lead.reason ?? '—'}</td>
                      <td>{formatDateTime(lead.created_at)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {dryRun.leads.length > 100 ? <p class="hint">The first 100 are listed.</p> : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** Follows a bulk replay (GET /replays/{id} every second while it runs) and can cancel it. */
function BulkReplayProgress(props: {
  replayId: string;
  /** How many leads the dry run listed (kept in the URL), for the progress bar. */
  total: number | null;
  onClose: () => void;
  onFinished: () => void;
}) {
  const { session } = useContext(SessionContext);
  const [progress, setProgress] = useState<BulkReplay | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [cancelling, setCancelling] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const mayCancel = can(session.key, 'leads:write');
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await session.client.getBulkReplay(props.replayId);
        if (stopped) return;
        setProgress(next);
        setError(null);
        if (next.status === 'running') timer = setTimeout(poll, 1000);
        else props.onFinished();
      } catch (err) {
        if (stopped) return;
        setError(err);
        timer = setTimeout(poll, 3000);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [props.replayId]);

  const cancel = async () => {
    setCancelling(true);
    try {
      setProgress(await session.client.cancelBulkReplay(props.replayId));
    } catch (err) {
      setError(err);
    } finally {
      setCancelling(false);
    }
  };

  const running = progress?.status === 'running';
  return (
    <section class="progress-panel" aria-labelledby="bulk-progress-heading">
      <h2 id="bulk-progress-heading" tabIndex={-1} ref={heading}>
        Bulk replay <code>{props.replayId}</code>
      </h2>
      {progress ? (
        <div role="status">
          {props.total ? (
            <p class="progress-line">
              <label for="bulk-progress-bar">
                {Math.min(progress.processed, props.total)} of {props.total} processed
              </label>{' '}
              <progress
                id="bulk-progress-bar"
                max={props.total}
                value={Math.min(progress.processed, props.total)}
              />
            </p>
          ) : null}
          <p>
            <StatusBadge status={progress.status} /> {progress.processed} processed: {progress.delivered}{' '}
            delivered, {progress.still_failed} still failed, {progress.skipped} skipped, {progress.errors}{' '}
            errors.
          </p>
          <dl class="facts">
            <dt>Started</dt>
            <dd>{formatDateTime(progress.started_at)}</dd>
            <dt>Finished</dt>
            <dd>
              {progress.finished_at ? formatDateTime(progress.finished_at) : running ? 'Still running' : '—'}
            </dd>
          </dl>
        </div>
      ) : (
        <p role="status">Loading progress…</p>
      )}
      {error ? <ErrorNotice error={error} title="Progress" /> : null}
      <div class="actions">
        {running && mayCancel ? (
          <button type="button" class="danger" onClick={cancel} disabled={cancelling}>
            {cancelling ? 'Cancelling…' : 'Cancel bulk replay'}
          </button>
        ) : null}
        {running ? null : (
          <button type="button" onClick={props.onClose}>
            Close
          </button>
        )}
      </div>
    </section>
  );
}
