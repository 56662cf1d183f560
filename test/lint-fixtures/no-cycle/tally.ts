// Fixture for test/lint/no-cycle.test.ts: imported by ledger.ts, imports nothing.
export const tally = (): number => 1;
