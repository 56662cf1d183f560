import { Stack } from '@mantine/core';
import { IdleSettings } from './IdleSettings';
import { KeyRotation } from './KeyRotation';
import { RecoveryCodeRenewal } from './RecoveryCodeRenewal';

export function SecurityPanel() {
  return (
    <Stack gap="lg" maw={820}>
      <IdleSettings />
      <KeyRotation />
      <RecoveryCodeRenewal />
    </Stack>
  );
}

