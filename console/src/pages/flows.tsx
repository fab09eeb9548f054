import { useContext } from 'preact/hooks';
import type { Flow, FlowCapUsage, Recipient } from '../../../client/index.js';
import { Page } from '../components/page.js';
import { Loaded, NoAccess } from '../components/status.js';
import { numeric, TableHead } from '../components/table.js';
import { SessionContext } from '../context.js';
import { formatDateTime, formatMoney, formatPercent } from '../format.js';
import { useResource } from '../resource.js';
import { can } from '../session.js';

type CapUsage = FlowCapUsage['caps'][number];
type Step = Flow['configuration']['steps'][number];

export function FlowsPage() {
  const { session } = useContext(SessionContext);
  return (
    <Page title="Flows">
      {can(session.key, 'flows:read') ? <FlowList /> : <NoAccess scope="flows:read" what="flows" />}
    </Page>
  );
}

function FlowList() {
  const { session } = useContext(SessionContext);
  const flows = useResource(() => session.client.listFlows(), []);
  return (
    <Loaded resource={flows} label="flows">
      {(list) =>
        list.length === 0 ? (
          <p>This account has no flows yet.</p>
        ) : (
          <div class="table-scroll">
            <table>
              <caption class="visually-hidden">Flows of this account</caption>
              <TableHead
                columns={[
                  'Flow',
                  'Status',
                  numeric('Version'),
                  'Changed',
                  numeric('Leads'),
                  numeric('Acceptance'),
                ]}
              />
              <tbody>
                {list.map((flow) => (
                  <tr key={flow.id}>
                    <th scope="row">
                      <a href={`/console/flows/${flow.id}`}>{flow.name}</a> <code>{flow.id}</code>
                    </th>
                    <td>{flow.status}</td>
                    <td class="number">{flow.version}</td>
                    <td>{formatDateTime(flow.updated_at)}</td>
                    <td class="number">{flow.statistics.total_leads.toLocaleString()}</td>
                    <td class="number">{formatPercent(flow.statistics.acceptance_rate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      }
    </Loaded>
  );
}

export function FlowPage(props: { params: { flowId: string } }) {
  const { session } = useContext(SessionContext);
  const { flowId } = props.params;
  if (!can(session.key, 'flows:read')) {
    return (
      <Page title={`Flow ${flowId}`}>
        <NoAccess scope="flows:read" what="flows" />
      </Page>
    );
  }
  return <FlowView flowId={flowId} />;
}

function FlowView(props: { flowId: string }) {
  const { session } = useContext(SessionContext);
  const { flowId } = props;
  const flow = useResource(() => session.client.getFlow(flowId), [flowId]);
  const caps = useResource(() => session.client.getFlowCaps(flowId), [flowId]);
  const versions = useResource(() => session.client.getFlowVersions(flowId), [flowId]);
  // Recipient names for the delivery steps (the same flows:read scope reads recipients).
  const recipients = useResource(() => session.client.listRecipients(), []);
  const names = new Map((recipients.data ?? []).map((r: Recipient) => [r.id, r.name]));
  const title = flow.data ? `Flow ${flow.data.name}` : `Flow ${flowId}`;
  return (
    <Page
      title={title}
      heading={
        <>
          {flow.data ? flow.data.name : 'Flow'} <code>{flowId}</code>
        </>
      }
    >
      <p class="breadcrumbs">
        <a href="/console/flows">← All flows</a>
      </p>
      <Loaded resource={flow} label="the flow">
        {(data) => (
          <>
            <p class="status-line">
              Version {data.version}, changed {formatDateTime(data.updated_at)} · {data.status}
              {can(session.key, 'leads:read') ? (
                <>
                  {' · '}
                  <a href={`/console/leads?flow_id=${encodeURIComponent(flowId)}`}>Its leads</a>
                </>
              ) : null}
              {can(session.key, 'analytics:read') ? (
                <>
                  {' · '}
                  <a href={`/console/analytics?flow_id=${encodeURIComponent(flowId)}`}>Its analytics</a>
                </>
              ) : null}
            </p>
            <section aria-labelledby="caps-heading">
              <h2 id="caps-heading">Caps</h2>
              <Loaded resource={caps} label="caps">
                {(usage) => <CapsTable usage={usage} />}
              </Loaded>
            </section>
            <section aria-labelledby="steps-heading">
              <h2 id="steps-heading">Steps</h2>
              <p class="muted">
                Distribution: {String(data.configuration.distribution.mode ?? 'all')}
                {data.configuration.distribution.mode === 'waterfall'
                  ? ` (by ${String(data.configuration.distribution.waterfall_order ?? 'steps')})`
                  : ''}
                . Delivery retries: {String(data.configuration.delivery_retry.maximum_attempts ?? '—')}{' '}
                attempts; failed leads wait{' '}
                {formatDuration(Number(data.configuration.delivery_retry.replay_window_seconds ?? 0))} for a
                replay.
              </p>
              <ol class="steps">
                {data.configuration.steps.map((step) => (
                  <li key={String(step.id)}>
                    <StepView step={step} recipientNames={names} />
                  </li>
                ))}
              </ol>
            </section>
            <section aria-labelledby="recipients-heading">
              <h2 id="recipients-heading">Recipients</h2>
              <RecipientsTable steps={data.configuration.steps} recipients={recipients.data ?? []} />
            </section>
          </>
        )}
      </Loaded>
      <section aria-labelledby="versions-heading">
        <h2 id="versions-heading">Versions</h2>
        <p class="muted">
          Every change saves a new version; a lead runs to the end on the version it arrived under.
        </p>
        <Loaded resource={versions} label="versions">
          {(list) => (
            <div class="table-scroll">
              <table>
                <TableHead
                  columns={['Version', 'Saved', numeric('Steps'), numeric('Caps'), numeric('Fields')]}
                />
                <tbody>
                  {list.versions.map((v) => (
                    <tr key={v.version}>
                      <th scope="row">
                        {v.version}
                        {v.version === list.current_version ? ' (current)' : ''}
                      </th>
                      <td>{formatDateTime(v.created_at)}</td>
                      <td class="number">{v.steps}</td>
                      <td class="number">{v.caps}</td>
                      <td class="number">{v.fields}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Loaded>
      </section>
    </Page>
  );
}

const PER: Record<string, string> = {
  minute: 'minute',
  hour: 'hour',
  day: 'day',
  week: 'week',
  month: 'month',
  year: 'year',
};

function CapsTable(props: { usage: FlowCapUsage }) {
  const { usage } = props;
  if (usage.caps.length === 0) return <p>No caps: this flow takes every lead its steps allow.</p>;
  return (
    <>
      <p class="muted">
        Windows are calendar periods in the flow's time zone ({usage.time_zone}). A recipient's caps count
        leads from every flow that delivers to it.
      </p>
      <div class="table-scroll">
        <table>
          <TableHead
            columns={['Cap', 'Applies to', 'Only leads where', 'Used this window', 'Window started']}
          />
          <tbody>
            {usage.caps.map((cap) => (
              <CapRow key={`${cap.scope}:${cap.recipient_id}:${cap.cap_id}`} cap={cap} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function CapRow(props: { cap: CapUsage }) {
  const { cap } = props;
  const label = `${cap.maximum.toLocaleString()} per ${PER[cap.per] ?? cap.per}`;
  const full = cap.used >= cap.maximum;
  const meterLabel = `${cap.scope === 'flow' ? 'Flow' : (cap.recipient_name ?? 'Recipient')} cap ${cap.cap_id}`;
  return (
    <tr class={full ? 'cap-full' : undefined}>
      <th scope="row">
        {label} <code>{cap.cap_id}</code>
      </th>
      <td>
        {cap.scope === 'flow' ? (
          'This flow'
        ) : (
          <>
            Recipient {cap.recipient_name} <code>{cap.recipient_id}</code>
          </>
        )}
      </td>
      <td>{cap.criteria ? <code>{cap.criteria}</code> : 'every lead'}</td>
      <td>
        <div class="usage">
          <meter
            min={0}
            max={cap.maximum}
            value={Math.min(cap.used, cap.maximum)}
            high={Math.max(cap.maximum * 0.8, 0)}
            optimum={0}
            aria-label={meterLabel}
          />
          <span class="usage-text">
            {cap.used.toLocaleString()} of {cap.maximum.toLocaleString()}
            {full ? ' — full' : ''}
          </span>
        </div>
      </td>
      <td>{formatDateTime(cap.window_start)}</td>
    </tr>
  );
}

function StepView(props: { step: Step; recipientNames: Map<string, string> }) {
  const step = props.step as Record<string, unknown> & { type: string };
  const name = typeof step.name === 'string' && step.name ? `${step.name} — ` : '';
  switch (step.type) {
    case 'source': {
      const settings = (step.settings ?? {}) as {
        required_fields?: string[];
        acceptance_criteria?: string | null;
      };
      return (
        <>
          <strong>Source</strong>: required fields{' '}
          {settings.required_fields?.length ? settings.required_fields.join(', ') : 'none'}
          {settings.acceptance_criteria ? (
            <>
              ; accepts leads where <code>{settings.acceptance_criteria}</code>
            </>
          ) : null}
        </>
      );
    }
    case 'enhancement':
      return (
        <>
          <strong>Enhancement</strong>: {name}
          {String(step.service).replaceAll('_', ' ')}
        </>
      );
    case 'list_check': {
      const ids = Array.isArray(step.list_ids) ? (step.list_ids as string[]) : [];
      return (
        <>
          <strong>Suppression lists</strong>: {name}
          {step.action === 'flag' ? 'flags' : 'rejects'} leads on{' '}
          {ids.map((id, i) => (
            <span key={id}>
              {i > 0 ? ', ' : ''}
              <code>{id}</code>
            </span>
          ))}
        </>
      );
    }
    case 'filter':
      return (
        <>
          <strong>Filter</strong>: {name}
          {step.outcome === 'success' ? 'ends with success' : 'rejects'} leads where{' '}
          <code>{String(step.criteria)}</code> ({String(step.reason)})
        </>
      );
    case 'delivery': {
      const id = String(step.recipient_id);
      return (
        <>
          <strong>Delivery</strong>: {name}to {props.recipientNames.get(id) ?? 'recipient'} <code>{id}</code>
          {step.criteria ? (
            <>
              {' '}
              when <code>{String(step.criteria)}</code>
            </>
          ) : null}
          {Number(step.weight) > 1 ? `, weight ${String(step.weight)}` : ''}
        </>
      );
    }
    default:
      return <strong>{step.type}</strong>;
  }
}

function RecipientsTable(props: { steps: Step[]; recipients: Recipient[] }) {
  const ids = [
    ...new Set(props.steps.filter((s) => s.type === 'delivery').map((s) => String(s.recipient_id))),
  ];
  if (ids.length === 0) return <p>This flow delivers to no recipient.</p>;
  const byId = new Map(props.recipients.map((r) => [r.id, r]));
  return (
    <div class="table-scroll">
      <table>
        <TableHead columns={['Recipient', 'Sends to', numeric('Sale price'), numeric('Caps')]} />
        <tbody>
          {ids.map((id) => {
            const recipient = byId.get(id);
            const config = (recipient?.config ?? {}) as {
              url?: string;
              method?: string;
              sale_price?: number | null;
              caps?: unknown[];
            };
            return (
              <tr key={id}>
                <th scope="row">
                  {recipient?.name ?? 'Unknown recipient'} <code>{id}</code>
                </th>
                <td>
                  {config.url ? (
                    <>
                      {config.method ?? 'POST'} <code>{config.url}</code>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td class="number">{formatMoney(config.sale_price ?? null)}</td>
                <td class="number">{config.caps?.length ?? 0}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function formatDuration(seconds: number): string {
  if (seconds >= 86_400 && seconds % 86_400 === 0) return `${seconds / 86_400} days`;
  if (seconds >= 3600 && seconds % 3600 === 0) return `${seconds / 3600} hours`;
  if (seconds >= 60 && seconds % 60 === 0) return `${seconds / 60} minutes`;
  return `${seconds} seconds`;
}
