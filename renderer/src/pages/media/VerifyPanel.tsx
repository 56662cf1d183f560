import { Alert, Badge, Button, Card, Group, List, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { BagReport, DriveInfo } from '../../../../shared/domain/media';
import { call } from '../../api/client';
import { BagPicker } from './BagPicker';
import { DrivePicker } from './DrivePicker';
import { JobProgress } from './JobProgress';
import { useJob } from './use-job';

const STATUS: Record<BagReport['files'][number]['status'], { label: string; color: string }> = {
  ok: { label: 'Íntegro', color: 'green' },
  missing: { label: 'Falta', color: 'red' },
  altered: { label: 'Alterado', color: 'red' },
  unexpected: { label: 'No estaba en el manifiesto', color: 'orange' },
};

/** Checks a BagIt bag on a drive file by file (incoming media, or ours after transit). */
export function VerifyPanel() {
  const [drive, setDrive] = useState<DriveInfo | null>(null);
  const [bag, setBag] = useState<string | null>(null);
  const { job, result: report, problem, start, onDone, onEnd, running } = useJob<BagReport>();

  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={2} size="h5" mb="sm">
        Verificar un paquete
      </Title>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Comprueba un paquete BagIt (RFC 8493) archivo por archivo contra su manifiesto: el de un medio que llega, o el nuestro después del traslado.
        </Text>
        <DrivePicker value={drive} onChange={(d) => { setDrive(d); setBag(null); }} />
        <BagPicker drive={drive} value={bag} onChange={setBag} label="Paquete" />
        {problem && <Alert color="red">{problem}</Alert>}
        {job && running && <JobProgress key={job.id} job={job} onDone={onDone} onEnd={onEnd} />}
        <Group justify="flex-end">
          <Button leftSection={<IconShieldCheck size={16} />} disabled={!drive || !bag || running} onClick={() => drive && bag && void start(() => call('media.verify', { drivePath: drive.mountPath, bagName: bag }))}>
            Verificar
          </Button>
        </Group>
        {report && (
          <Stack gap="sm" data-testid="bag-report">
            {report.valid ? (
              <Alert color="green" title="Paquete íntegro">
                {report.files.length} {report.files.length === 1 ? 'archivo coincide' : 'archivos coinciden'} con su huella (BagIt {report.version ?? '—'}
                {report.identifier ? `, folio ${report.identifier}` : ''}).
              </Alert>
            ) : (
              <Alert color="red" title="El paquete no es válido">
                <List size="sm">
                  {report.errors.slice(0, 10).map((e) => (
                    <List.Item key={e}>{e}</List.Item>
                  ))}
                </List>
                {report.errors.length > 10 && <Text size="sm">…y {report.errors.length - 10} problemas más.</Text>}
              </Alert>
            )}
            {report.warnings.length > 0 && (
              <Alert color="yellow" title="Avisos">
                <List size="sm">
                  {report.warnings.map((w) => (
                    <List.Item key={w}>{w}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <ScrollArea.Autosize mah={320}>
              <Table verticalSpacing={4}>
                <Table.Tbody>
                  {report.files.map((f) => (
                    <Table.Tr key={f.path}>
                      <Table.Td>{f.path}</Table.Td>
                      <Table.Td w={220}>
                        <Badge color={STATUS[f.status].color} variant="light">
                          {STATUS[f.status].label}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
