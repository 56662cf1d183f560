import { Alert, Code, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * An age passphrase the core returned once and never stores: shown large,
 * with what to do with it (`advice`) and, below, anything else to print.
 */
export function PassphraseOnce(props: { passphrase: string; testId: string; advice: string; children?: ReactNode }) {
  return (
    <Alert color="yellow" title="Clave de apertura: se muestra una sola vez">
      <Stack gap="xs">
        <Code block fz="xl" data-testid={props.testId} style={{ letterSpacing: 2 }}>
          {props.passphrase}
        </Code>
        <Text size="sm">{props.advice}</Text>
        {props.children}
      </Stack>
    </Alert>
  );
}
