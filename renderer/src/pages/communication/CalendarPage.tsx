import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { useState } from 'react';
import { monthTitle, weekday } from '../../../../shared/domain/programme';
import { call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { PageHeader } from '../../components/PageHeader';
import { officeTodayIso } from './account-form-values';
import { CalendarDayCell } from './CalendarDayCell';
import { YearMonthPicker } from './YearMonthPicker';
import { officeYearMonth, saveDownload } from './programme-ui';

const WEEKDAYS = ['Lunes', 'Martes', 'Miércoles', 'Jueves', 'Viernes', 'Sábado', 'Domingo'];

/** Comunicación Social → «Calendario»: the month's programme dates and the releases planned or published on each day. */
export function CalendarPage() {
  const [{ year, month }, setShown] = useState(officeYearMonth());
  const { data, error } = useLoad(() => call('programme.calendar', { year, month }), [year, month]);
  const [exporting, setExporting] = useState(false);
  const today = officeTodayIso();

  const exportYear = async () => {
    setExporting(true);
    await saveDownload(() => call('programme.exportIcs', { from: `${year}-01-01`, to: `${year}-12-31` }));
    setExporting(false);
  };

  // Monday first, as the office's wall calendars; blanks before the 1st.
  const lead = data ? (weekday(data.days[0]!.day) + 6) % 7 : 0;
  return (
    <Stack gap="lg">
      <PageHeader
        title="Calendario de comunicación"
        description="Fechas del programa anual y difusiones planeadas o publicadas en cada día."
        actions={
          <Button variant="default" leftSection={<IconCalendarEvent size={18} />} loading={exporting} onClick={() => void exportYear()}>
            Exportar {year} (.ics)
          </Button>
        }
      />
      <Group justify="space-between" align="flex-end">
        <YearMonthPicker year={year} month={month} onChange={(y, m) => setShown({ year: y, month: m ?? 1 })} />
        <Title order={2} size="h3" data-testid="calendar-title">
          {monthTitle(year, month)}
        </Title>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {data && !data.hasProgramme && <Alert color="gray">No hay programa registrado para {year}. Regístrelo en «Programa anual» o cargue el programa de ejemplo.</Alert>}
      {data && data.monthItems.length > 0 && (
        <Card withBorder radius="md" p="sm" data-testid="calendar-month-items">
          <Group gap="xs">
            <Text size="sm" fw={600}>
              Durante el mes:
            </Text>
            {data.monthItems.map((i) => (
              <Badge key={i.dateId} color="indigo" variant="light" tt="none" title={i.note}>
                {i.title} - {i.occurrence.label}
              </Badge>
            ))}
          </Group>
        </Card>
      )}
      {data && (
        <SimpleGrid cols={7} spacing={6} verticalSpacing={6} data-testid="calendar-grid">
          {WEEKDAYS.map((w) => (
            <Text key={w} size="xs" fw={700} c="dimmed" ta="center">
              {w}
            </Text>
          ))}
          {Array.from({ length: lead }, (_, i) => (
            <div key={`blank-${i}`} />
          ))}
          {data.days.map((d) => (
            <CalendarDayCell key={d.day} day={d} today={d.day === today} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
