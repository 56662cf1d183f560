export * from './civil-date';
export * from './agreement-rule';
