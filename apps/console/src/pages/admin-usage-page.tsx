import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { components } from '@switchyard/api-client';
import { api, dataOf } from '../api/client';
import { Loaded, useApi } from '../api/use-api';
import { pivotSeries } from '../admin/pivot';
import { formatCount, formatMoney } from '../format/money';
import { formatBucket, RANGES, rangeEndingNow, viewerTimeZone, type RangeName } from '../format/time';
import { Field, Page, Section } from '../layout/page';
import { RangeField } from '../layout/range-field';

type AdminGroupBy = Exclude<components['schemas']['UsageSummary']['group_by'], 'none'>;
const GROUPS: { value: AdminGroupBy; label: string }[] = [
  { value: 'user', label: 'User' },
  { value: 'model', label: 'Model' },
  { value: 'channel', label: 'Channel' },
  { value: 'channel_type', label: 'Channel type' },
];
const COLOURS = ['#0b5cad', '#176b2c', '#a3561b', '#6b2ca3', '#1b8a8a', '#6b7480'];

/** Operator: every user's usage from billing's roll-ups, by user, model or channel, and the top spenders. */
export function AdminUsagePage() {
  const [range, setRange] = useState<RangeName>('7d');
  const [groupBy, setGroupBy] = useState<AdminGroupBy>('user');
  const granularity = RANGES.find((r) => r.name === range)!.granularity;
  const summary = useApi(async () => {
    const { from, to } = rangeEndingNow(range);
    const query = { from: String(from), to: String(to), granularity, group_by: groupBy };
    return dataOf(await api().GET('/admin/usage/summary', { params: { query } }));
  }, [range, groupBy]);
  const top = useApi(async () => {
    const { from, to } = rangeEndingNow(range);
    return dataOf(await api().GET('/admin/usage/top-spenders', { params: { query: { from: String(from), to: String(to), limit: 10 } } }));
  }, [range]);

  return (
    <Page title="Usage across users" intro={`From the hourly and daily roll-ups. Times in ${viewerTimeZone()}; day buckets are UTC days.`}>
      <form className="filters" aria-label="Usage filters" onSubmit={(e) => e.preventDefault()}>
        <RangeField id="admin-usage-range" value={range} onChange={setRange} />
        <Field label="Group by" id="admin-usage-group">
          {(props) => (
            <select {...props} value={groupBy} onChange={(e) => setGroupBy(e.target.value as AdminGroupBy)}>
              {GROUPS.map((g) => (
                <option key={g.value} value={g.value}>
                  {g.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </form>
      <Loaded api={summary} what="the usage summary">
        {(data) => {
          const chart = pivotSeries(data.series, data.groups, 'requests');
          return (
            <>
              <div className="cards">
                <div className="card stat">
                  <div>Requests</div>
                  <div className="stat-value">{formatCount(data.totals.requests)}</div>
                </div>
                <div className="card stat">
                  <div>Spend</div>
                  <div className="stat-value">{formatMoney(data.totals.cost)}</div>
                </div>
                <div className="card stat">
                  <div>Tokens in / out</div>
                  <div className="stat-value">
                    {formatCount(data.totals.prompt_tokens)} / {formatCount(data.totals.completion_tokens)}
                  </div>
                </div>
              </div>
              <Section title={`Requests by ${GROUPS.find((g) => g.value === groupBy)?.label.toLowerCase()}`} id="admin-usage-chart-title">
                <div
                  className="chart"
                  role="img"
                  aria-label={`Requests per ${granularity}, by ${groupBy}; the table below has the figures`}
                >
                  <ResponsiveContainer width="100%" height="100%">
                    <BarChart data={chart.rows}>
                      <CartesianGrid strokeDasharray="3 3" />
                      <XAxis dataKey="start" tickFormatter={(s: number) => formatBucket(s, granularity)} />
                      <YAxis allowDecimals={false} />
                      <Tooltip labelFormatter={(s) => formatBucket(Number(s), granularity)} />
                      <Legend />
                      {chart.keys.map((key, i) => (
                        <Bar key={key} dataKey={key} stackId="a" fill={COLOURS[i % COLOURS.length]} isAnimationActive={false} />
                      ))}
                    </BarChart>
                  </ResponsiveContainer>
                </div>
                <table>
                  <caption className="visually-hidden">Totals per group, by spend</caption>
                  <thead>
                    <tr>
                      <th scope="col">{GROUPS.find((g) => g.value === groupBy)?.label}</th>
                      <th scope="col" className="num">
                        Requests
                      </th>
                      <th scope="col" className="num">
                        Spend
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.groups.map((g) => (
                      <tr key={g.group ?? '(none)'}>
                        <td>{g.group ?? '(none)'}</td>
                        <td className="num">{formatCount(g.requests)}</td>
                        <td className="num">{formatMoney(g.cost)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </Section>
            </>
          );
        }}
      </Loaded>
      <Section title="Top spenders" id="top-spenders-title">
        <Loaded api={top} what="the top spenders" isEmpty={(d) => d.data.length === 0} empty={<p>No spend in this range.</p>}>
          {(data) => (
            <table>
              <thead>
                <tr>
                  <th scope="col">User</th>
                  <th scope="col" className="num">
                    Requests
                  </th>
                  <th scope="col" className="num">
                    Spend
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.data.map((s) => (
                  <tr key={s.user_id}>
                    <td>
                      {s.name} <code>{s.user_id}</code>
                    </td>
                    <td className="num">{formatCount(s.requests)}</td>
                    <td className="num">{formatMoney(s.cost)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Loaded>
      </Section>
    </Page>
  );
}
