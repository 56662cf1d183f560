import { Alert, Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconCalendarDue, IconCalendarX, IconClockHour4, IconHandFinger } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { FINAL_STATES, SHIPMENT_STATE_LABELS, SHIPMENT_STATES, type ShipmentState } from '../../../shared/domain/shipment-states';
import { formatCivilDate } from '../../../shared/format/date';
import { countOf } from '../../../shared/format/plural';
import { call } from '../api/client';
import { MaintenanceProgress } from '../components/MaintenanceProgress';
import { useLoad } from '../api/use-load';
import { visibleSections } from '../layout/sections';
import { COMMUNICATION } from '../../../shared/ipc/access';
import { useSignedIn } from '../stores/session-store';
import { AccountsAttentionPanel } from './communication/AccountsAttentionPanel';
import { DamageNotice, hasDamage } from '../components/DamageNotice';

function Panel({ title, icon, color, count, empty, children, testId }: { title: string; icon: ReactNode; color: string; count: number; empty: string; children: ReactNode; testId: string }) {
  return (
    <Card withBorder radius="md" padding="lg" data-testid={testId}>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" color={color} size={34} radius="md">
            {icon}
          </ThemeIcon>
          <Text fw={600}>{title}</Text>
        </Group>
        <Badge color={count > 0 ? color : 'gray'} variant={count > 0 ? 'filled' : 'light'} size="lg" circle>
          {count}
        </Badge>
      </Group>
      {count === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack gap={6}>{children}</Stack>
      )}
    </Card>
  );
}

/** Shipments in each open state, each a link to the list filtered by it. */
function ShipmentCounts({ counts }: { counts: Partial<Record<ShipmentState, number>> }) {
  const open = SHIPMENT_STATES.filter((s) => !FINAL_STATES.includes(s));
  return (
    <Card withBorder radius="md" padding="md" data-testid="home-shipments">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>Envíos en curso</Text>
        <Anchor component={Link} to="/envios" size="sm">
          Ver todos
        </Anchor>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 8 }} spacing="xs">
        {open.map((state) => (
          <div key={state} data-testid={`home-count-${state}`}>
            <Text size="xl" fw={700} c={counts[state] ? undefined : 'dimmed'}>
              {counts[state] ?? 0}
            </Text>
            <Text size="xs" c="dimmed">
              {SHIPMENT_STATE_LABELS[state]}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="xs">
        Cerrados: {countOf(counts.entregado ?? 0, 'entregado', 'entregados')} · {countOf((counts.rechazado ?? 0) + (counts.devuelto_mensajeria ?? 0), 'rechazado o devuelto', 'rechazados o devueltos')} por mensajería · {countOf(counts.cancelado ?? 0, 'cancelado', 'cancelados')}.
      </Text>
    </Card>
  );
}

/** Inicio: what needs attention today, then where each kind of work lives. */
export function HomePage() {
  const { data, error } = useLoad(() => call('home.dashboard', {}), []);
  const roles = useSignedIn()?.user.roles ?? [];
  const others = visibleSections(roles).slice(1);

  return (
    <Stack gap="lg" maw={1200}>
      <div>
        <Title order={1} size="h2">
          Inicio
        </Title>
        <Text c="dimmed" mt={4}>
          {data ? `Pendientes al ${formatCivilDate(data.today)}.` : 'Lo pendiente del día.'}
        </Text>
      </div>
      {error && <Alert color="red">{error}</Alert>}
      {!data && !error && <MaintenanceProgress />}
      {data && hasDamage(data.damage) && <DamageNotice damage={data.damage} />}
      {data && (
        <Panel testId="home-waiting" title="Esperan que usted actúe" icon={<IconHandFinger size={20} />} color="guinda" count={data.waiting.length} empty="Ningún envío espera una acción suya.">
          {data.waiting.map((w) => (
            <Text size="sm" key={w.id}>
              <Anchor component={Link} to={`/envios/${w.id}`} fw={600}>
                {w.folio ?? 'Sin folio'}
              </Anchor>{' '}
              · {w.subject} — <Text span c="dimmed" size="sm">{w.step}</Text>
            </Text>
          ))}
        </Panel>
      )}
      {COMMUNICATION.some((r) => roles.includes(r)) && <AccountsAttentionPanel />}
      {data && <ShipmentCounts counts={data.shipmentsByState} />}
      {data && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Panel testId="home-overdue" title="Reportes vencidos" icon={<IconCalendarX size={20} />} color="red" count={data.overdue.length} empty="No hay reportes periódicos vencidos.">
            {data.overdue.slice(0, 6).map((p) => (
              <Text size="sm" key={`${p.obligationId}:${p.key}`}>
                <b>{p.beneficiaryAcronym}</b> · {p.reportName} — {p.label}, venció el {formatCivilDate(p.due)}
              </Text>
            ))}
            {data.overdue.length > 6 && (
              <Anchor component={Link} to="/reportes" size="sm">
                Ver los {data.overdue.length} en Reportes periódicos
              </Anchor>
            )}
          </Panel>
          <Panel testId="home-due" title="Reportes por entregar este mes" icon={<IconCalendarDue size={20} />} color="blue" count={data.dueThisMonth.length} empty="No hay entregas pendientes este mes.">
            {data.dueThisMonth.slice(0, 6).map((p) => (
              <Text size="sm" key={`${p.obligationId}:${p.key}`}>
                <b>{p.beneficiaryAcronym}</b> · {p.reportName} — {p.label}, entrega el {formatCivilDate(p.due)}
              </Text>
            ))}
          </Panel>
          <Panel testId="home-expiring" title="Convenios por vencer" icon={<IconClockHour4 size={20} />} color="yellow" count={data.agreementsExpiring.length} empty="Ningún convenio vence pronto.">
            {data.agreementsExpiring.map((a) => (
              <Anchor component={Link} to={`/dependencias/${a.agencyId}`} size="sm" key={`${a.agencyId}:${a.number}`}>
                {a.acronym} · convenio {a.number} vence el {formatCivilDate(a.validTo)} ({a.daysLeft === 0 ? 'hoy' : `en ${a.daysLeft} días`})
              </Anchor>
            ))}
          </Panel>
          <Panel testId="home-expired" title="Convenios vencidos" icon={<IconAlertTriangle size={20} />} color="red" count={data.agreementsExpired.length} empty="Ninguna dependencia activa se quedó sin convenio.">
            {data.agreementsExpired.map((a) => (
              <Anchor component={Link} to={`/dependencias/${a.agencyId}`} size="sm" key={`${a.agencyId}:${a.number}`}>
                {a.acronym} · convenio {a.number} venció el {formatCivilDate(a.validTo)}
              </Anchor>
            ))}
          </Panel>
        </SimpleGrid>
      )}
      {data && (
        <Text size="sm" c="dimmed">
          {data.agencies.withValidAgreement} de {data.agencies.total} dependencias activas tienen convenio vigente hoy.
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }} spacing="md">
        {others.map((section) => (
          <UnstyledButton key={section.path} component={Link} to={section.path} aria-label={section.label}>
            <Card withBorder radius="md" padding="md" h="100%">
              <Group gap="sm" mb={4} wrap="nowrap">
                <ThemeIcon size={30} radius="md" variant="light">
                  <section.icon size={18} stroke={1.6} />
                </ThemeIcon>
                <Text fw={600} size="sm">
                  {section.label}
                </Text>
              </Group>
              <Text size="xs" c="dimmed">
                {section.summary}
              </Text>
            </Card>
          </UnstyledButton>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
