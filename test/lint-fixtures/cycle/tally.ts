// Fixture for test/lint/no-cycle.test.ts: closes the cycle with ledger.ts.
import { ledger } from './ledger';

export const tally = (): number => 1;
export const both = (): number => ledger() + tally();
