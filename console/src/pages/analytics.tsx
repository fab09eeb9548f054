import { useContext, useEffect, useMemo } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { AnalyticsQuery, AnalyticsRow } from '../../../client/index.js';
import { Chart, type ChartOption, describeChart } from '../charts.js';
import { Page } from '../components/page.js';
import { Loaded, NoAccess } from '../components/status.js';
import { numeric, TableHead } from '../components/table.js';
import { SessionContext } from '../context.js';
import { formatMoney, formatPercent, utcDay } from '../format.js';
import { useResource } from '../resource.js';
import { can } from '../session.js';

// Analytics: the period, flow and mode are the URL (?start_date&end_date&flow_id&include_test_leads),
// so a view can be bookmarked and shared. Days are UTC days, as the API counts them.

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PRESETS = [7, 30, 90];

interface View {
  start: string;
  end: string;
  flowId: string | undefined;
  includeTest: boolean;
}

function viewFrom(query: Record<string, string>, today = new Date()): View {
  const end = DATE.test(query.end_date ?? '') ? query.end_date! : utcDay(today);
  const start = DATE.test(query.start_date ?? '')
    ? query.start_date!
    : utcDay(new Date(Date.parse(`${end}T00:00:00Z`) - 29 * DAY_MS));
  return { start, end, flowId: query.flow_id || undefined, includeTest: query.include_test_leads === 'true' };
}

function urlFor(view: View): string {
  const params = new URLSearchParams({ start_date: view.start, end_date: view.end });
  if (view.flowId) params.set('flow_id', view.flowId);
  if (view.includeTest) params.set('include_test_leads', 'true');
  return `/console/analytics?${params}`;
}

/** Every UTC day of the period, so days without leads show as zero rather than being skipped. */
function daysOf(start: string, end: string): string[] {
  const days: string[] = [];
  const last = Date.parse(`${end}T00:00:00Z`);
  for (let t = Date.parse(`${start}T00:00:00Z`); t <= last && days.length < 3660; t += DAY_MS) {
    days.push(utcDay(new Date(t)));
  }
  return days;
}

export function AnalyticsPage() {
  const { session } = useContext(SessionContext);
  return (
    <Page title="Analytics">
      {can(session.key, 'analytics:read') ? (
        <Analytics />
      ) : (
        <NoAccess scope="analytics:read" what="analytics" />
      )}
    </Page>
  );
}

function Analytics() {
  const { session } = useContext(SessionContext);
  const { query, route } = useLocation();
  const view = viewFrom(query);
  const key = JSON.stringify(view);
  // The default period goes into the URL too, so what is on screen can be shared as it is.
  const explicit = DATE.test(query.start_date ?? '') && DATE.test(query.end_date ?? '');
  useEffect(() => {
    if (!explicit) route(urlFor(view), true);
  }, [explicit]);
  const load = useResource(async () => {
    const base: AnalyticsQuery = {
      start_date: view.start,
      end_date: view.end,
      flow_id: view.flowId,
      include_test_leads: view.includeTest,
    };
    const [total, byDay, bySource, byRecipient] = await Promise.all([
      session.client.getAnalytics(base),
      session.client.getAnalytics({ ...base, group_by: 'day' }),
      session.client.getAnalytics({ ...base, group_by: 'source', metric: 'total_leads' }),
      session.client.getAnalytics({ ...base, group_by: 'recipient', metric: 'delivered_leads' }),
    ]);
    return {
      total: total.metrics[0],
      byDay: byDay.metrics,
      bySource: bySource.metrics,
      byRecipient: byRecipient.metrics,
    };
  }, [key]);
  const flows = useResource(
    () => (can(session.key, 'flows:read') ? session.client.listFlows() : Promise.resolve(null)),
    [],
  );

  const submit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    route(
      urlFor({
        start: String(form.get('start_date') || view.start),
        end: String(form.get('end_date') || view.end),
        flowId: String(form.get('flow_id') ?? '') || undefined,
        includeTest: form.get('include_test_leads') === 'true',
      }),
    );
  };
  const today = utcDay(new Date());

  return (
    <>
      <form class="filters" key={key} onSubmit={submit} aria-label="Analytics period">
        <div class="field">
          <label for="a-start">From (UTC day)</label>
          <input id="a-start" type="date" name="start_date" required defaultValue={view.start} />
        </div>
        <div class="field">
          <label for="a-end">To (UTC day, inclusive)</label>
          <input id="a-end" type="date" name="end_date" required defaultValue={view.end} />
        </div>
        <div class="field">
          <label for="a-flow">Flow</label>
          {flows.data ? (
            <select id="a-flow" name="flow_id">
              <option value="">All flows</option>
              {flows.data.map((f) => (
                <option key={f.id} value={f.id} selected={f.id === view.flowId}>
                  {f.name} ({f.id})
                </option>
              ))}
            </select>
          ) : (
            <input id="a-flow" name="flow_id" defaultValue={view.flowId ?? ''} placeholder="flow_…" />
          )}
        </div>
        <div class="field">
          <span class="check">
            <input
              id="a-test"
              type="checkbox"
              name="include_test_leads"
              value="true"
              defaultChecked={view.includeTest}
            />{' '}
            <label for="a-test">Count test leads too</label>
          </span>
        </div>
        <div class="actions">
          <button type="submit" class="primary">
            Show
          </button>
        </div>
        <nav aria-label="Quick periods" class="presets">
          {PRESETS.map((days) => {
            const start = utcDay(new Date(Date.parse(`${today}T00:00:00Z`) - (days - 1) * DAY_MS));
            const current = view.start === start && view.end === today;
            return (
              <a
                key={days}
                href={urlFor({ ...view, start, end: today })}
                aria-current={current ? 'true' : undefined}
              >
                Last {days} days
              </a>
            );
          })}
        </nav>
      </form>
      <Loaded resource={load} label="analytics">
        {(data) => <Report view={view} {...data} />}
      </Loaded>
    </>
  );
}

const COLORS = {
  total: '#5470c6',
  accepted: '#91cc75',
  delivered: '#3ba272',
  revenue: '#0b5cad',
  cost: '#ee6666',
  profit: '#fac858',
};

function Report(props: {
  view: View;
  total: AnalyticsRow | undefined;
  byDay: AnalyticsRow[];
  bySource: AnalyticsRow[];
  byRecipient: AnalyticsRow[];
}) {
  const { view, total } = props;
  const days = useMemo(() => daysOf(view.start, view.end), [view.start, view.end]);
  const charts = useMemo(() => {
    const byDay = new Map(props.byDay.map((row) => [row.day, row]));
    const daily = (metric: keyof AnalyticsRow, empty: number | null = 0) =>
      days.map((day) => {
        const row = byDay.get(day);
        const value = row?.[metric];
        return typeof value === 'number' && (row?.total_leads ?? 0) > 0 ? value : empty;
      });
    const recipients = props.byRecipient.filter((row) => row.recipient);
    const sourceNames = props.bySource.map((row) => row.source ?? '(no source)');
    const recipientNames = recipients.map((row) => row.recipient_name ?? row.recipient ?? '');
    const of = (rows: AnalyticsRow[], metric: keyof AnalyticsRow) =>
      rows.map((row) => (typeof row[metric] === 'number' ? (row[metric] as number) : 0));
    return {
      volume: overTime('Leads per day', days, [
        { name: 'Received', type: 'bar', values: daily('total_leads'), color: COLORS.total },
        { name: 'Accepted', type: 'line', values: daily('accepted_leads'), color: COLORS.accepted },
        { name: 'Delivered', type: 'line', values: daily('delivered_leads'), color: COLORS.delivered },
      ]),
      rates: overTime(
        'Acceptance and delivery rate per day',
        days,
        [
          {
            name: 'Acceptance rate',
            type: 'line',
            values: daily('acceptance_rate', null),
            color: COLORS.accepted,
          },
          {
            name: 'Delivery rate',
            type: 'line',
            values: daily('delivery_rate', null),
            color: COLORS.delivered,
          },
        ],
        (v) => formatPercent(v),
        { min: 0, max: 1 },
      ),
      revenue: overTime(
        'Revenue, cost and profit per day',
        days,
        [
          { name: 'Revenue', type: 'bar', values: daily('revenue'), color: COLORS.revenue },
          { name: 'Cost', type: 'bar', values: daily('cost'), color: COLORS.cost },
          { name: 'Profit', type: 'line', values: daily('profit'), color: COLORS.profit },
        ],
        (v) => formatMoney(v),
      ),
      sourceLeads: byCategory('Leads by source', sourceNames, [
        { name: 'Received', values: of(props.bySource, 'total_leads'), color: COLORS.total },
        { name: 'Accepted', values: of(props.bySource, 'accepted_leads'), color: COLORS.accepted },
        { name: 'Delivered', values: of(props.bySource, 'delivered_leads'), color: COLORS.delivered },
      ]),
      sourceRevenue: byCategory(
        'Revenue and profit by source',
        sourceNames,
        [
          { name: 'Revenue', values: of(props.bySource, 'revenue'), color: COLORS.revenue },
          { name: 'Profit', values: of(props.bySource, 'profit'), color: COLORS.profit },
        ],
        (v) => formatMoney(v),
      ),
      recipientLeads: byCategory('Leads delivered by recipient', recipientNames, [
        { name: 'Delivered', values: of(recipients, 'delivered_leads'), color: COLORS.delivered },
      ]),
      recipientRevenue: byCategory(
        'Revenue by recipient',
        recipientNames,
        [{ name: 'Revenue', values: of(recipients, 'revenue'), color: COLORS.revenue }],
        (v) => formatMoney(v),
      ),
      recipients,
    };
  }, [days, props.byDay, props.bySource, props.byRecipient]);
  const barHeight = (n: number) => Math.max(160, 60 + n * 36);

  return (
    <>
      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading" aria-live="polite">
          {view.start} to {view.end}
        </h2>
        <dl class="tiles">
          <div>
            <dt>Leads</dt>
            <dd>{(total?.total_leads ?? 0).toLocaleString()}</dd>
          </div>
          <div>
            <dt>Acceptance rate</dt>
            <dd>{formatPercent(total?.acceptance_rate)}</dd>
          </div>
          <div>
            <dt>Delivery rate</dt>
            <dd>{formatPercent(total?.delivery_rate)}</dd>
          </div>
          <div>
            <dt>Revenue</dt>
            <dd>{formatMoney(total?.revenue ?? 0)}</dd>
          </div>
          <div>
            <dt>Profit</dt>
            <dd>{formatMoney(total?.profit ?? 0)}</dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="time-heading">
        <h2 id="time-heading">Over time</h2>
        <div class="chart-grid">
          <Chart id="volume" {...charts.volume} />
          <Chart id="rates" {...charts.rates} />
          <Chart id="revenue" {...charts.revenue} />
        </div>
        <MetricsTable caption="By day" rows={props.byDay} label={(row) => row.day ?? ''} header="Day" />
      </section>
      <section aria-labelledby="source-heading">
        <h2 id="source-heading">By source</h2>
        {props.bySource.length === 0 ? (
          <p>No leads in this period.</p>
        ) : (
          <>
            <div class="chart-grid">
              <Chart id="source-leads" {...charts.sourceLeads} height={barHeight(props.bySource.length)} />
              <Chart
                id="source-revenue"
                {...charts.sourceRevenue}
                height={barHeight(props.bySource.length)}
              />
            </div>
            <MetricsTable
              caption="By source"
              rows={props.bySource}
              label={(row) => row.source ?? '(no source)'}
              header="Source"
            />
          </>
        )}
      </section>
      <section aria-labelledby="recipient-heading">
        <h2 id="recipient-heading">By recipient</h2>
        {charts.recipients.length === 0 ? (
          <p>No lead was delivered in this period.</p>
        ) : (
          <>
            <div class="chart-grid">
              <Chart
                id="recipient-leads"
                {...charts.recipientLeads}
                height={barHeight(charts.recipients.length)}
              />
              <Chart
                id="recipient-revenue"
                {...charts.recipientRevenue}
                height={barHeight(charts.recipients.length)}
              />
            </div>
            <MetricsTable
              caption="By recipient"
              rows={props.byRecipient}
              label={(row) => (row.recipient ? (row.recipient_name ?? row.recipient) : '(delivered to none)')}
              header="Recipient"
            />
          </>
        )}
      </section>
    </>
  );
}

/** The numbers behind a chart, as a table (for reading exact values, and for screen readers). */
function MetricsTable(props: {
  caption: string;
  header: string;
  rows: AnalyticsRow[];
  label: (row: AnalyticsRow) => string;
}) {
  if (props.rows.length === 0) return null;
  return (
    <details class="data-table">
      <summary>Table: {props.caption.toLowerCase()}</summary>
      <div class="table-scroll">
        <table>
          <caption class="visually-hidden">{props.caption}</caption>
          <TableHead
            columns={[
              props.header,
              numeric('Leads'),
              numeric('Accepted'),
              numeric('Delivered'),
              numeric('Acceptance'),
              numeric('Delivery'),
              numeric('Revenue'),
              numeric('Cost'),
              numeric('Profit'),
            ]}
          />
          <tbody>
            {props.rows.map((row) => (
              <tr key={props.label(row)}>
                <th scope="row">{props.label(row)}</th>
                <td class="number">{row.total_leads ?? 0}</td>
                <td class="number">{row.accepted_leads ?? 0}</td>
                <td class="number">{row.delivered_leads ?? 0}</td>
                <td class="number">{formatPercent(row.acceptance_rate)}</td>
                <td class="number">{formatPercent(row.delivery_rate)}</td>
                <td class="number">{formatMoney(row.revenue)}</td>
                <td class="number">{formatMoney(row.cost)}</td>
                <td class="number">{formatMoney(row.profit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

interface SeriesSpec {
  name: string;
  type?: 'bar' | 'line';
  values: Array<number | null>;
  color: string;
}

/** A chart over the period's days: its ECharts option and the same numbers in words. */
function overTime(
  title: string,
  days: string[],
  series: SeriesSpec[],
  format?: (value: number) => string,
  range: { min?: number; max?: number } = {},
): { title: string; option: ChartOption; description: string } {
  return {
    title,
    description: describeChart(
      title,
      days,
      series.map((s) => ({ name: s.name, values: s.values, format })),
      true,
    ),
    option: {
      xAxis: { type: 'category', data: days, axisLabel: { hideOverlap: true } },
      yAxis: {
        type: 'value',
        minInterval: format ? undefined : 1,
        ...range,
        ...(format ? { axisLabel: { formatter: format } } : {}),
      },
      ...(format ? { tooltip: { trigger: 'axis', confine: true, valueFormatter: format } } : {}),
      color: series.map((s) => s.color),
      series: series.map((s) => ({
        name: s.name,
        type: s.type ?? 'bar',
        data: s.values,
        ...(s.type === 'line' ? { symbolSize: 6, connectNulls: false } : {}),
      })),
    },
  };
}

/** Horizontal bars, one group per category (source, recipient). */
function byCategory(
  title: string,
  categories: string[],
  series: SeriesSpec[],
  format?: (value: number) => string,
): { title: string; option: ChartOption; description: string } {
  return {
    title,
    description: describeChart(
      title,
      categories,
      series.map((s) => ({ name: s.name, values: s.values, format })),
    ),
    option: {
      yAxis: { type: 'category', data: categories, inverse: true },
      xAxis: {
        type: 'value',
        minInterval: format ? undefined : 1,
        ...(format ? { axisLabel: { formatter: format } } : {}),
      },
      tooltip: {
        trigger: 'axis',
        confine: true,
        axisPointer: { type: 'shadow' },
        ...(format ? { valueFormatter: format } : {}),
      },
      color: series.map((s) => s.color),
      series: series.map((s) => ({ name: s.name, type: 'bar', data: s.values })),
    },
  };
}
