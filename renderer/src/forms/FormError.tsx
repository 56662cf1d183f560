import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';

/** The core's refusal, in its own Spanish words, under the form that caused it. */
export function FormError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <Alert color="red" icon={<IconAlertCircle />} role="alert">
      {error}
    </Alert>
  );
}
