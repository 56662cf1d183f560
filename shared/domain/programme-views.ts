import type { Programme } from './programme';

/** The programme's page: one year's programme and what the page offers around it. */
export interface ProgrammeView {
  programme: Programme;
  /** Whether the year's programme has been saved at least once. */
  exists: boolean;
  /** Years with a programme, newest first. */
  years: number[];
  /** Whether the example programme is loaded (in its year). */
  exampleLoaded: boolean;
  /** Each date's rule as the page reads it, by date id. */
  ruleTexts: Record<string, string>;
}

export interface ExampleCounts {
  year: number;
  activities: number;
  dates: number;
  goals: number;
}
