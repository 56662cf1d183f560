import { z } from 'zod';
import { countOf } from './format/plural';

// Every zod message the user can see is Spanish, in both processes.
z.config(z.locales.es());

/**
 * Turns zod issues into one Spanish sentence a clerk can act on, naming the
 * field that failed (e.g. «asunto: Entrada inválida: se esperaba texto»).
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const parts = issues.slice(0, 5).map((issue) => {
    const field = issue.path.map(String).join('.');
    return field ? `campo «${field}»: ${issue.message}` : issue.message;
  });
  const more = issues.length > 5 ? ` (y ${countOf(issues.length - 5, 'problema', 'problemas')} más)` : '';
  return `Los datos enviados no son válidos: ${parts.join('; ')}${more}.`;
}
