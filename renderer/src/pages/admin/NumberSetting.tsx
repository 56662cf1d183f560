import { Button, Card, Group, NumberInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { call, errorMessage } from '../../api/client';
import { useSessionStore } from '../../stores/session-store';

export type NumericSetting = 'idleMinutes' | 'agreementWarnDays' | 'accountRevalidationMonths' | 'releaseLapseDays' | 'urgentRatificationHours';

export function NumberSetting({ setting, title, label, min = 1, max, saved }: { setting: NumericSetting; title: string; label: string; min?: number; max: number; saved: (n: number) => string }) {
  const [value, setValue] = useState<number | string>('');
  const [error, setError] = useState<string | null>(null);
  const refresh = useSessionStore((s) => s.refresh);
  useEffect(() => {
    void call('settings.get', {}).then((s) => setValue(s[setting]));
  }, [setting]);
  const save = async () => {
    setError(null);
    try {
      const result = await call('settings.update', { [setting]: Number(value) });
      setValue(result[setting]);
      await refresh();
      notifications.show({ color: 'green', message: saved(result[setting]) });
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      <Group align="flex-end">
        <NumberInput label={label} value={value} onChange={setValue} min={min} max={max} w={560} error={error} allowDecimal={false} />
        <Button onClick={() => void save()}>Guardar</Button>
      </Group>
    </Card>
  );
}
