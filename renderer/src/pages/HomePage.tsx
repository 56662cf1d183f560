import { Alert, Anchor, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconCalendarDue, IconCalendarX, IconClockHour4, IconHandFinger } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatCivilDate } from '../../../shared/format/date';
import { call } from '../api/client';
import { MaintenanceProgress } from '../components/MaintenanceProgress';
import { useLoad } from '../api/use-load';
import { visibleSections } from '../layout/sections';
import { COMMUNICATION } from '../../../shared/ipc/access';
import { useSignedIn } from '../stores/session-store';
import { AccountsAttentionPanel } from './communication/AccountsAttentionPanel';
import { PendingRequestsPanel } from './communication/PendingRequestsPanel';
import { ReleasesAttentionPanel } from './communication/ReleasesAttentionPanel';
import { DamageNotice, hasDamage } from '../components/DamageNotice';
import { HomePanel } from './HomePanel';
import { ShipmentCounts } from './ShipmentCounts';

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
        <HomePanel testId="home-waiting" title="Esperan que usted actúe" icon={<IconHandFinger size={20} />} color="guinda" count={data.waiting.length} empty="Ningún envío espera una acción suya.">
          {data.waiting.map((w) => (
            <Text size="sm" key={w.id}>
              <Anchor component={Link} to={`/envios/${w.id}`} fw={600}>
                {w.folio ?? 'Sin folio'}
              </Anchor>{' '}
              · {w.subject} — <Text span c="dimmed" size="sm">{w.step}</Text>
            </Text>
          ))}
        </HomePanel>
      )}
      <ReleasesAttentionPanel />
      {COMMUNICATION.some((r) => roles.includes(r)) && <PendingRequestsPanel />}
      {COMMUNICATION.some((r) => roles.includes(r)) && <AccountsAttentionPanel />}
      {data && <ShipmentCounts counts={data.shipmentsByState} />}
      {data && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <HomePanel testId="home-overdue" title="Reportes vencidos" icon={<IconCalendarX size={20} />} color="red" count={data.overdue.length} empty="No hay reportes periódicos vencidos.">
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
          </HomePanel>
          <HomePanel testId="home-due" title="Reportes por entregar este mes" icon={<IconCalendarDue size={20} />} color="blue" count={data.dueThisMonth.length} empty="No hay entregas pendientes este mes.">
            {data.dueThisMonth.slice(0, 6).map((p) => (
              <Text size="sm" key={`${p.obligationId}:${p.key}`}>
                <b>{p.beneficiaryAcronym}</b> · {p.reportName} — {p.label}, entrega el {formatCivilDate(p.due)}
              </Text>
            ))}
          </HomePanel>
          <HomePanel testId="home-expiring" title="Convenios por vencer" icon={<IconClockHour4 size={20} />} color="yellow" count={data.agreementsExpiring.length} empty="Ningún convenio vence pronto.">
            {data.agreementsExpiring.map((a) => (
              <Anchor component={Link} to={`/dependencias/${a.agencyId}`} size="sm" key={`${a.agencyId}:${a.number}`}>
                {a.acronym} · convenio {a.number} vence el {formatCivilDate(a.validTo)} ({a.daysLeft === 0 ? 'hoy' : `en ${a.daysLeft} días`})
              </Anchor>
            ))}
          </HomePanel>
          <HomePanel testId="home-expired" title="Convenios vencidos" icon={<IconAlertTriangle size={20} />} color="red" count={data.agreementsExpired.length} empty="Ninguna dependencia activa se quedó sin convenio.">
            {data.agreementsExpired.map((a) => (
              <Anchor component={Link} to={`/dependencias/${a.agencyId}`} size="sm" key={`${a.agencyId}:${a.number}`}>
                {a.acronym} · convenio {a.number} venció el {formatCivilDate(a.validTo)}
              </Anchor>
            ))}
          </HomePanel>
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
