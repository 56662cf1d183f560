// Fixture for test/lint/no-cycle.test.ts: the same pair without the import back.
import { tally } from './tally';

export const ledger = (): number => tally() + 1;
