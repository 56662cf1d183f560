import { Alert, Button, Stack, Tabs, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconDatabaseImport, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { call, errorMessage } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { PageHeader } from '../../components/PageHeader';
import { useIsAdmin } from '../../stores/session-store';
import { PeriodsTable } from './PeriodsTable';
import { ObligationsTab } from './ObligationsTab';
import { CatalogueTab } from './CatalogueTab';

export function ReportsPage() {
  const isAdmin = useIsAdmin();
  const { data, error, reload } = useLoad(() => call('reports.overview', {}), []);
  const [busy, setBusy] = useState(false);

  const loadExample = async () => {
    setBusy(true);
    try {
      const counts = await call('reports.loadExample', {});
      notifications.show({ color: 'green', title: 'Catálogo de ejemplo cargado', message: `${counts.reports} reportes, ${counts.obligations} obligaciones y ${counts.agencies} dependencias de la directiva 1.2.8 del C4 Oaxaca.` });
      reload();
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const removeExample = () =>
    modals.openConfirmModal({
      title: '¿Retirar los datos de ejemplo?',
      children: <Text size="sm">Se quitan los reportes, obligaciones, dependencias y convenios marcados como ejemplo. Lo que usted registró no se toca.</Text>,
      labels: { confirm: 'Retirar ejemplo', cancel: 'Cancelar' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          const counts = await call('reports.removeExample', {});
          notifications.show({ color: 'green', message: `Se retiraron ${counts.reports} reportes, ${counts.obligations} obligaciones y ${counts.agencies} dependencias de ejemplo.` });
          reload();
        } catch (e) {
          notifications.show({ color: 'red', message: errorMessage(e) });
        }
      },
    });

  return (
    <Stack gap="lg">
      <PageHeader
        title="Reportes periódicos"
        description="Reportes analíticos que la oficina entrega cada mes, trimestre, semestre o año, y su calendario de entregas."
        actions={
          isAdmin &&
          data &&
          (data.hasExampleData ? (
            <Button variant="default" color="red" leftSection={<IconTrash size={18} />} onClick={removeExample}>
              Retirar datos de ejemplo
            </Button>
          ) : (
            <Button variant="default" leftSection={<IconDatabaseImport size={18} />} loading={busy} onClick={() => void loadExample()}>
              Cargar catálogo de ejemplo
            </Button>
          ))
        }
      />
      {error && <Alert color="red">{error}</Alert>}
      {data && (
        <Tabs defaultValue="calendario" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="calendario">Calendario</Tabs.Tab>
            <Tabs.Tab value="obligaciones">Obligaciones ({data.obligations.length})</Tabs.Tab>
            <Tabs.Tab value="catalogo">Catálogo ({data.reports.length})</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="calendario" pt="md">
            <PeriodsTable overview={data} />
          </Tabs.Panel>
          <Tabs.Panel value="obligaciones" pt="md">
            <ObligationsTab overview={data} isAdmin={isAdmin} onSaved={reload} />
          </Tabs.Panel>
          <Tabs.Panel value="catalogo" pt="md">
            <CatalogueTab overview={data} isAdmin={isAdmin} onSaved={reload} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
