import type { FormErrors } from '@mantine/form';
import type { z } from 'zod';
import '../../../shared/validation';

/**
 * Validates a form with the same zod schema the core will apply, so the
 * person sees each field's Spanish message next to the field before sending.
 */
export function zodValidate<S extends z.ZodType>(schema: S) {
  return (values: unknown): FormErrors => {
    const result = schema.safeParse(values);
    if (result.success) return {};
    const errors: FormErrors = {};
    for (const issue of result.error.issues) {
      const key = issue.path.map(String).join('.');
      errors[key] ??= issue.message;
    }
    return errors;
  };
}
