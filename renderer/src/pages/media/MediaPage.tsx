import { Card, Stack, Tabs, Title } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { useSessionStore, useIsAdmin } from '../../stores/session-store';
import { BackupPanel } from './BackupPanel';
import { ExportPanel } from './ExportPanel';
import { LoadPanel } from './LoadPanel';
import { RestorePanel } from './RestorePanel';
import { VerifyPanel } from './VerifyPanel';

/** Medios extraíbles: loading shipments, verifying bags, exporting records, backup and restore. */
export function MediaPage() {
  const isAdmin = useIsAdmin();
  const refresh = useSessionStore((s) => s.refresh);
  return (
    <Stack gap="lg">
      <PageHeader title="Medios extraíbles" description="Nada se da por grabado antes de leerlo de nuevo y verificarlo." />
      <Tabs defaultValue="cargar" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="cargar">Cargar envío</Tabs.Tab>
          <Tabs.Tab value="verificar">Verificar paquete</Tabs.Tab>
          <Tabs.Tab value="exportar">Exportar expedientes</Tabs.Tab>
          {isAdmin && <Tabs.Tab value="respaldo">Respaldo y restauración</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="cargar">
          <LoadPanel />
        </Tabs.Panel>
        <Tabs.Panel value="verificar">
          <VerifyPanel />
        </Tabs.Panel>
        <Tabs.Panel value="exportar">
          <ExportPanel />
        </Tabs.Panel>
        {isAdmin && (
          <Tabs.Panel value="respaldo">
            <Stack gap="lg">
              <BackupPanel />
              <Card withBorder radius="md" padding="lg">
                <Title order={2} size="h5" mb="sm">
                  Restaurar un respaldo
                </Title>
                <RestorePanel replacing onRestored={() => void refresh()} />
              </Card>
            </Stack>
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
