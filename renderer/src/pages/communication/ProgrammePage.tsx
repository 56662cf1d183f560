import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconDatabaseImport, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { call, errorMessage } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { PageHeader } from '../../components/PageHeader';
import { useSignedIn } from '../../stores/session-store';
import { ActivitiesCard } from './ActivitiesCard';
import { ProgrammeDatesCard } from './ProgrammeDatesCard';
import { GoalsCard } from './GoalsCard';
import { YearMonthPicker } from './YearMonthPicker';
import { mayChangeProgramme, officeYearMonth } from './programme-ui';

/** Comunicación Social → «Programa anual»: the year's activities, recurring dates and goals. */
export function ProgrammePage() {
  const canChange = mayChangeProgramme(useSignedIn()?.user.roles ?? []);
  const [year, setYear] = useState(officeYearMonth().year);
  const { data, error, reload } = useLoad(() => call('programme.get', { year }), [year]);
  const [busy, setBusy] = useState(false);

  const loadExample = async () => {
    setBusy(true);
    try {
      const counts = await call('programme.loadExample', {});
      notifications.show({ color: 'green', title: 'Programa de ejemplo cargado', message: `${counts.activities} actividades, ${counts.dates} fechas y ${counts.goals} metas del Programa Anual de Comunicación Social ${counts.year} de San Luis Potosí.` });
      setYear(counts.year);
      reload();
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const removeExample = () =>
    modals.openConfirmModal({
      title: '¿Retirar el programa de ejemplo?',
      children: <Text size="sm">Se quitan las actividades, fechas y metas marcadas como ejemplo en el programa de 2021. Lo que usted registró no se toca.</Text>,
      labels: { confirm: 'Retirar ejemplo', cancel: 'Cancelar' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          const counts = await call('programme.removeExample', {});
          notifications.show({ color: 'green', message: `Se retiraron ${counts.activities} actividades, ${counts.dates} fechas y ${counts.goals} metas de ejemplo.` });
          reload();
        } catch (e) {
          notifications.show({ color: 'red', message: errorMessage(e) });
        }
      },
    });

  return (
    <Stack gap="lg">
      <PageHeader
        title="Programa anual de comunicación"
        description="Actividades, fechas conmemorativas y metas de difusión del año; el calendario y el cumplimiento se calculan a partir de ellos."
        actions={
          canChange &&
          data &&
          (data.exampleLoaded ? (
            <Button variant="default" color="red" leftSection={<IconTrash size={18} />} onClick={removeExample}>
              Retirar programa de ejemplo
            </Button>
          ) : (
            <Button variant="default" leftSection={<IconDatabaseImport size={18} />} loading={busy} onClick={() => void loadExample()}>
              Cargar programa de ejemplo SLP 2021
            </Button>
          ))
        }
      />
      <Group justify="space-between" align="flex-end">
        <YearMonthPicker year={year} onChange={(y) => setYear(y)} />
        {data && (
          <Group gap="xs">
            <Text fw={600}>{data.programme.title}</Text>
            {!data.exists && (
              <Badge color="gray" variant="light" tt="none">
                Sin programa registrado
              </Badge>
            )}
            {data.years.length > 0 && (
              <Text size="sm" c="dimmed">
                Años con programa: {data.years.join(', ')}
              </Text>
            )}
          </Group>
        )}
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {data && (
        <>
          <ProgrammeDatesCard view={data} canChange={canChange} onChanged={reload} />
          <GoalsCard view={data} canChange={canChange} onChanged={reload} />
          <ActivitiesCard view={data} canChange={canChange} onChanged={reload} />
        </>
      )}
    </Stack>
  );
}
