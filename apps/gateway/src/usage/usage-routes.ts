import type { FastifyReply } from 'fastify';
import { createValidated, DomainError, Subjects, UsageFilter, UsageListRequest, UsageSummaryRequest } from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { usageCsv } from './usage-csv';
import { queryParam } from './usage-query';

type Query = Record<string, string | string[] | undefined>;

/**
 * `GET …/usage`: a page of records as JSON, or (`format=csv`) every record of the filter as a CSV
 * download, streamed page by page. Shared by `/v1/usage` and `/admin/usage`.
 */
export async function usageListOrCsv(rpc: RpcClient, filter: UsageFilter, query: Query, reply: FastifyReply) {
  const format = queryParam(query, 'format') ?? 'json';
  if (format === 'json') {
    const request = createValidated(UsageListRequest, { ...filter, limit: query.limit ?? 20, after: query.after });
    return rpc.send(Subjects.billingUsageList, request);
  }
  if (format !== 'csv') throw new DomainError('invalid_value', 'format must be json or csv', 'format');
  const csv = await usageCsv(createValidated(UsageFilter, filter), (page) => rpc.send(Subjects.billingUsageExport, page));
  reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="usage-${new Date().toISOString().slice(0, 10)}.csv"`)
    .header('x-switchyard-export-truncated', String(csv.truncated));
  return csv.body;
}

export function usageSummary(rpc: RpcClient, request: UsageSummaryRequest) {
  return rpc.send(Subjects.billingUsageSummary, createValidated(UsageSummaryRequest, request));
}
