/**
 * A user's net position is the sum of their ledger: balance − debt. It is kept as two columns that
 * are never negative and never both non-zero, so a charge larger than the balance empties the
 * balance and leaves the rest as debt, and a credit repays debt before it adds to the balance.
 *
 * The SET clause of an UPDATE of billing.users that moves the net position by `delta` (an SQL
 * expression of nano-dollars, negative for a charge). `table` is the alias the UPDATE gives
 * billing.users, if any. Both right-hand sides read the row as it was, as UPDATE does.
 */
export function moveNetPosition(delta: string, table?: string): string {
  const column = (name: string) => (table ? `${table}.${name}` : name);
  return (
    `balance_nano = GREATEST(${column('balance_nano')} - ${column('debt_nano')} + (${delta}), 0), ` +
    `debt_nano = GREATEST(${column('debt_nano')} - ${column('balance_nano')} - (${delta}), 0)`
  );
}

/** The most an account may hold: a credit beyond it is refused (400), so balances stay far from bigint's limit. */
export const MAX_BALANCE_NANO = 1_000_000_000n * 1_000_000_000n;
