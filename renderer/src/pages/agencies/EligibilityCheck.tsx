import { Alert, Button, Card, Group, Text, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useState } from 'react';
import type { Eligibility } from '../../../../shared/domain/directory-views';
import { call, errorMessage } from '../../api/client';
import { DATE_INPUT_PROPS } from '../../forms/date-input';

/** Asks the core the same question every shipment will: may this agency receive information on that day? */
export function EligibilityCheck({ agencyId }: { agencyId: string }) {
  const [date, setDate] = useState<string | null>(null);
  const [result, setResult] = useState<Eligibility | null>(null);
  const [error, setError] = useState<string | null>(null);
  const check = async () => {
    setError(null);
    setResult(null);
    if (!date) return setError('Elija la fecha de despacho.');
    try {
      setResult(await call('agencies.eligibility', { agencyId, date }));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={2} size="h5" mb={4}>
        ¿Puede recibir información?
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Compruebe si la dependencia tiene un convenio vigente en una fecha de despacho.
      </Text>
      <Group align="flex-end">
        <DateInput label="Fecha de despacho" {...DATE_INPUT_PROPS} value={date} onChange={setDate} error={error} w={200} />
        <Button variant="light" onClick={() => void check()}>
          Comprobar
        </Button>
      </Group>
      {result && (
        <Alert mt="md" color={result.ok ? 'green' : 'red'} icon={result.ok ? <IconCircleCheck /> : <IconCircleX />} data-testid="eligibility-result">
          {result.message}
        </Alert>
      )}
    </Card>
  );
}
