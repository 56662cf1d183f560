import { Badge, Paper, Stack, Text } from '@mantine/core';
import { PROGRAMME_RELEASE_KIND_LABELS, type CalendarDay } from '../../../../shared/domain/programme';

const RULE_COLORS = { anual: 'grape', mensual: 'orange', movil: 'teal', rotativa: 'indigo' } as const;

/** One day of the month grid: its programme dates, then the releases planned and published on it. */
export function CalendarDayCell({ day, today }: { day: CalendarDay; today: boolean }) {
  const n = Number(day.day.slice(8));
  return (
    <Paper withBorder p={6} radius="sm" mih={104} data-testid={`calendar-day-${day.day}`} style={today ? { borderColor: 'var(--mantine-color-blue-6)', borderWidth: 2 } : undefined}>
      <Stack gap={4}>
        <Text size="sm" fw={700} c={today ? 'blue' : undefined}>
          {n}
        </Text>
        {day.dates.map((d) => (
          <Badge key={`${d.dateId}-${d.occurrence.start}`} color={RULE_COLORS[d.ruleKind]} variant="light" tt="none" radius="sm" size="sm" fullWidth styles={{ root: { height: 'auto', padding: '2px 6px' }, label: { whiteSpace: 'normal', textAlign: 'left' } }} title={d.note || d.title}>
            {d.title}
          </Badge>
        ))}
        {day.activities.map((a) => (
          <Text key={`a-${a.activityId}`} size="xs" fw={600} c="dark">
            Actividad: {a.activity}
          </Text>
        ))}
        {day.planned.map((r) => (
          <Text key={`p-${r.id}`} size="xs" c="blue" title={PROGRAMME_RELEASE_KIND_LABELS[r.kind]}>
            Planeada: {r.folio ?? r.title}
          </Text>
        ))}
        {day.published.map((r) => (
          <Text key={`x-${r.id}`} size="xs" c="green" fw={600} title={PROGRAMME_RELEASE_KIND_LABELS[r.kind]}>
            Publicada: {r.folio ?? r.title}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}
