import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEye, IconFileCheck, IconPrinter, IconUpload, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { CUSTODY_END_REASON_LABELS, type AccountView, type PasswordCustody } from '../../../../shared/domain/social-accounts';
import { formatCivilDate } from '../../../../shared/format/date';
import { call } from '../../api/client';
import { EmptyRow } from '../../components/EmptyRow';
import { BADGE_FULL_WIDTH } from '../../components/status-badges';
import { useShownDocument } from './account-documents';
import { EndCustodyModal } from './EndCustodyModal';
import { ScanUploadModal } from './ScanUploadModal';
import { ShownDocumentModal } from './ShownDocumentModal';
import { StartCustodyModal } from './StartCustodyModal';

/** Who holds (and held) the account's password, where it is kept, and the steps to hand it over. */
export function CustodiansCard({ view, onChanged }: { view: AccountView; onChanged: () => void }) {
  const [assigning, setAssigning] = useState(false);
  const [ending, setEnding] = useState<PasswordCustody | null>(null);
  const [registering, setRegistering] = useState<PasswordCustody | null>(null);
  const documents = useShownDocument();
  const accountId = view.account.id;
  const removed = view.status === 'dada_de_baja';
  // Current custodians first, then the past ones, the latest end first.
  const custodies = [...view.account.custodies].sort((a, b) => (a.endedOn === null ? 0 : 1) - (b.endedOn === null ? 0 : 1) || (b.endedOn ?? b.startedOn).localeCompare(a.endedOn ?? a.startedOn));

  return (
    <Card withBorder radius="md" padding={0} data-testid="custodians">
      <Group justify="space-between" p="md">
        <div>
          <Title order={2} size="h5">
            Custodios de la contraseña
          </Title>
          <Text size="sm" c="dimmed">
            Quién conoce la contraseña y dónde se resguarda. Cuando un custodio deja de serlo, la contraseña debe cambiarse.
          </Text>
        </div>
        {!removed && (
          <Button size="sm" leftSection={<IconUserPlus size={16} />} onClick={() => setAssigning(true)} style={{ flexShrink: 0 }}>
            Asignar custodio
          </Button>
        )}
      </Group>
      <Table verticalSpacing="sm" horizontalSpacing="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={210}>Custodio</Table.Th>
            <Table.Th>Dónde se resguarda</Table.Th>
            <Table.Th w={210}>Segundo factor · recuperación</Table.Th>
            <Table.Th w={160}>Periodo</Table.Th>
            <Table.Th w={220}>Resguardo</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {custodies.map((c) => (
            <Table.Tr key={c.id} data-testid={`custody-row-${c.custodian.fullName}`} c={c.endedOn ? 'dimmed' : undefined}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {c.custodian.fullName}
                </Text>
                <Text size="xs" c="dimmed">
                  {c.custodian.position} · {c.custodian.area}
                </Text>
                {c.custodian.userId && (
                  <Badge size="xs" variant="outline" color="gray" tt="none" mt={2} styles={BADGE_FULL_WIDTH}>
                    Usuario de Valija
                  </Badge>
                )}
              </Table.Td>
              <Table.Td miw={180}>
                <Text size="sm">{c.keptIn}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{c.secondFactorHeldBy}</Text>
                <Text size="xs" c="dimmed">
                  {c.recoveryContact}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  Desde el {formatCivilDate(c.startedOn)}
                  {c.endedOn && ` hasta el ${formatCivilDate(c.endedOn)}`}
                </Text>
                {c.endReason && (
                  <Text size="xs" c="dimmed">
                    {CUSTODY_END_REASON_LABELS[c.endReason]}
                  </Text>
                )}
                {c.endedOn === null ? (
                  !removed && (
                    <Button size="compact-sm" variant="default" mt={6} onClick={() => setEnding(c)}>
                      Terminar custodia
                    </Button>
                  )
                ) : (
                  <Badge color="gray" variant="light" tt="none" mt={4}>
                    Terminada
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={6} align="flex-start">
                  {c.acknowledgementScan ? (
                    <Badge color="green" variant="light" tt="none" styles={BADGE_FULL_WIDTH} leftSection={<IconFileCheck size={12} />} data-testid="acknowledgement-status">
                      Resguardo firmado
                    </Badge>
                  ) : c.endedOn === null ? (
                    <Badge color="orange" variant="light" tt="none" styles={BADGE_FULL_WIDTH} data-testid="acknowledgement-status">
                      Falta resguardo firmado
                    </Badge>
                  ) : (
                    <Badge color="gray" variant="light" tt="none" styles={BADGE_FULL_WIDTH} data-testid="acknowledgement-status">
                      Sin resguardo firmado
                    </Badge>
                  )}
                  {/* A resguardo is printed and signed while the custody lasts; a past one only shows what was registered. */}
                  {c.endedOn === null && (
                    <Button size="compact-sm" variant="default" leftSection={<IconPrinter size={14} />} loading={documents.loading === `print-${c.id}`} onClick={() => void documents.show(`print-${c.id}`, `Resguardo de ${c.custodian.fullName}`, 'print', () => call('socialAccounts.printAcknowledgement', { accountId, custodyId: c.id }))}>
                      Imprimir resguardo
                    </Button>
                  )}
                  {c.acknowledgementScan ? (
                    <Button size="compact-sm" variant="default" leftSection={<IconEye size={14} />} loading={documents.loading === `scan-${c.id}`} onClick={() => void documents.show(`scan-${c.id}`, `Resguardo firmado de ${c.custodian.fullName}`, 'scan', () => call('socialAccounts.scan', { accountId, custodyId: c.id }))}>
                      Ver resguardo firmado
                    </Button>
                  ) : (
                    c.endedOn === null && (
                      <Button size="compact-sm" variant="light" leftSection={<IconUpload size={14} />} onClick={() => setRegistering(c)}>
                        Registrar resguardo firmado
                      </Button>
                    )
                  )}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
          {custodies.length === 0 && <EmptyRow colSpan={5}>Nadie tiene asignada la custodia de esta contraseña.</EmptyRow>}
        </Table.Tbody>
      </Table>
      {assigning && (
        <StartCustodyModal
          view={view}
          onClose={() => setAssigning(false)}
          onDone={() => {
            setAssigning(false);
            onChanged();
          }}
        />
      )}
      {registering && (
        <ScanUploadModal
          title="Registrar resguardo firmado"
          explanation={`El escaneo del resguardo que firmó ${registering.custodian.fullName} a mano (PDF, PNG o JPG). Se guarda cifrado con la custodia.`}
          fileLabel="Resguardo firmado escaneado"
          submitLabel="Registrar resguardo"
          onClose={() => setRegistering(null)}
          onUpload={async (scan) => {
            await call('socialAccounts.registerAcknowledgementScan', { accountId, custodyId: registering.id, scan });
            setRegistering(null);
            notifications.show({ color: 'green', message: 'Resguardo firmado registrado.' });
            onChanged();
          }}
        />
      )}
      <ShownDocumentModal
        shown={documents.shown}
        onClose={() => {
          const printed = documents.shown?.kind === 'print';
          documents.close();
          // The core kept the print: reload so «Impresiones guardadas» lists it.
          if (printed) onChanged();
        }}
      />
      {ending && (
        <EndCustodyModal
          accountId={view.account.id}
          custody={ending}
          onClose={() => setEnding(null)}
          onDone={() => {
            setEnding(null);
            onChanged();
          }}
        />
      )}
    </Card>
  );
}
