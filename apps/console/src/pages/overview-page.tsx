import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis, ResponsiveContainer } from 'recharts';
import { api, dataOf } from '../api/client';
import type { GroupBy, UsageSummary } from '../api/contract-types';
import { Loaded, useApi } from '../api/use-api';
import { formatCount, formatMoney } from '../format/money';
import { formatBucket, RANGES, rangeEndingNow, viewerTimeZone, type Granularity, type RangeName } from '../format/time';
import { Field, Page, Section } from '../layout/page';
import { RangeField } from '../layout/range-field';

/** Hour buckets are allowed for ranges up to 31 days (the API's limit). */
const HOUR_LIMIT_SECONDS = 31 * 86_400;

async function summary(range: RangeName, granularity: Granularity, groupBy: GroupBy, nowMs: number): Promise<UsageSummary> {
  const { from, to } = rangeEndingNow(range, nowMs);
  return dataOf(
    await api().GET('/v1/usage/summary', { params: { query: { from: String(from), to: String(to), granularity, group_by: groupBy } } }),
  );
}

/** Chart points: the label in the viewer's zone; the numbers as the API sent them (plotted, never added up here). */
export function chartPoints(data: UsageSummary) {
  return [...data.series]
    .sort((a, b) => a.start - b.start)
    .map((point) => ({ label: formatBucket(point.start, data.granularity), cost: point.cost, requests: point.requests }));
}

function OverTime({ data }: { data: UsageSummary }) {
  const points = chartPoints(data);
  if (points.length === 0) return <p className="state state-empty">No requests in this range.</p>;
  return (
    <div className="charts">
      <figure className="chart-figure">
        <figcaption>Spend (USD)</figcaption>
        <div className="chart">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={points} accessibilityLayer>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" minTickGap={16} />
              <YAxis tickFormatter={(v: number) => formatMoney(v)} width={110} />
              <Tooltip formatter={(v) => formatMoney(Number(v))} />
              <Bar dataKey="cost" name="Spend" fill="#0b5cad" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <figure className="chart-figure">
        <figcaption>Requests</figcaption>
        <div className="chart">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={points} accessibilityLayer>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" minTickGap={16} />
              <YAxis allowDecimals={false} width={60} />
              <Tooltip formatter={(v) => formatCount(Number(v))} />
              <Bar dataKey="requests" name="Requests" fill="#176b2c" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
    </div>
  );
}

const GROUP_NAMES: Record<string, string> = { PLATFORM: 'Platform channels', PRIVATE: 'Your channels (BYOK)' };

function Groups({ data, heading }: { data: UsageSummary; heading: string }) {
  if (data.groups.length === 0) return <p className="state state-empty">No requests in this range.</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            <th scope="col" className="num">
              Requests
            </th>
            <th scope="col" className="num">
              Spend
            </th>
          </tr>
        </thead>
        <tbody>
          {data.groups.map((group) => (
            <tr key={group.group ?? '(none)'}>
              <td>{group.group === null ? '(none)' : (GROUP_NAMES[group.group] ?? group.group)}</td>
              <td className="num">{formatCount(group.requests)}</td>
              <td className="num">{formatMoney(group.cost)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Balance, and spend and requests over a chosen range, by time, by model and by channel type (from the roll-ups). */
export function OverviewPage() {
  const [range, setRange] = useState<RangeName>('7d');
  const [granularity, setGranularity] = useState<Granularity>('day');
  const [now] = useState(() => Date.now());
  const rangeSeconds = RANGES.find((r) => r.name === range)!.seconds;
  const effective: Granularity = granularity === 'hour' && rangeSeconds > HOUR_LIMIT_SECONDS ? 'day' : granularity;

  const account = useApi(async () => dataOf(await api().GET('/v1/account')), []);
  const overTime = useApi(() => summary(range, effective, 'none', now), [range, effective]);
  const byModel = useApi(() => summary(range, effective, 'model', now), [range, effective]);
  const byChannel = useApi(() => summary(range, effective, 'channel_type', now), [range, effective]);

  return (
    <Page
      title="Overview"
      intro={`Your balance and what you spent. Hourly times are in your zone (${viewerTimeZone()}); days are UTC days.`}
    >
      <Section title="Balance" id="balance">
        <Loaded api={account} what="your balance">
          {(a) => (
            <div className="cards">
              <div className="card stat">
                <div className="muted">Balance</div>
                <div className="stat-value">{formatMoney(a.balance)}</div>
              </div>
              {a.debt > 0 && (
                <div className="card stat">
                  <div className="muted">Owed</div>
                  <div className="stat-value">{formatMoney(a.debt)}</div>
                </div>
              )}
              <div className="card stat">
                <div className="muted">Rate limit</div>
                <div className="stat-value">{a.rate_limit === null ? 'Unlimited' : `${formatCount(a.rate_limit)} / min`}</div>
              </div>
            </div>
          )}
        </Loaded>
      </Section>
      <form className="filters" aria-label="Chart range" onSubmit={(e) => e.preventDefault()}>
        <RangeField id="overview-range" value={range} onChange={setRange} />
        <Field label="By" id="overview-granularity">
          {(props) => (
            <select {...props} value={effective} onChange={(e) => setGranularity(e.target.value as Granularity)}>
              <option value="hour" disabled={rangeSeconds > HOUR_LIMIT_SECONDS}>
                Hour
              </option>
              <option value="day">Day</option>
            </select>
          )}
        </Field>
      </form>
      <Section title="Over time" id="over-time">
        <Loaded api={overTime} what="usage over time">
          {(data) => (
            <>
              <p className="muted">
                Total: {formatCount(data.totals.requests)} requests, {formatMoney(data.totals.cost)}
              </p>
              <OverTime data={data} />
            </>
          )}
        </Loaded>
      </Section>
      <div className="two-columns">
        <Section title="By model" id="by-model">
          <Loaded api={byModel} what="usage by model">
            {(data) => <Groups data={data} heading="Model" />}
          </Loaded>
        </Section>
        <Section title="By channel type" id="by-channel">
          <Loaded api={byChannel} what="usage by channel type">
            {(data) => <Groups data={data} heading="Channel type" />}
          </Loaded>
        </Section>
      </div>
    </Page>
  );
}
