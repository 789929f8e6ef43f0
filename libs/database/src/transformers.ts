import { ValueTransformer } from 'typeorm';

/** bigint columns as JS bigint: money and counters never pass through a float. */
export const bigintTransformer: ValueTransformer = {
  to: (value: bigint | null | undefined) => (value === null || value === undefined ? value : value.toString()),
  from: (value: string | null) => (value === null ? null : BigInt(value)),
};

/** timestamptz → unix seconds, the unit of every OpenAI `created_at`. */
export function unixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}
