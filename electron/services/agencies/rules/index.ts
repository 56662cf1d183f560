export * from './civil-date';
export * from './agreement-rule';
export * from './report-periods';
export * from './agency-csv';
export * from './example-catalogue';
