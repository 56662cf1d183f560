import { Stack, Tabs } from '@mantine/core';
import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { CounterPanel } from './CounterPanel';
import { CouriersPanel } from './CouriersPanel';
import { CustodyLog } from './CustodyLog';

/** Cadena de custodia: the counter, the global log, and the couriers. */
export function CustodyPage() {
  const [version, setVersion] = useState(0);
  return (
    <Stack gap="lg">
      <PageHeader title="Cadena de custodia" description="Quién entregó qué, a quién, cuándo, dónde y en qué estado llegaron los sellos." />
      <Tabs defaultValue="ventanilla" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="ventanilla">Ventanilla y bitácora</Tabs.Tab>
          <Tabs.Tab value="mensajeros">Mensajeros</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="ventanilla">
          <Stack gap="lg">
            <CounterPanel onRecorded={() => setVersion((v) => v + 1)} />
            <CustodyLog version={version} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="mensajeros">
          <CouriersPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
