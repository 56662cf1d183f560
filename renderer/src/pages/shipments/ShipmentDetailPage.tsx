import { Alert, Button, Card, Code, Group, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { CHANNEL_LABELS } from '../../../../shared/domain/agencies';
import { SHIPMENT_ACTION_DONE_LABELS, SHIPMENT_ACTION_LABELS, SHIPMENT_STATE_LABELS, type ShipmentAction } from '../../../../shared/domain/shipment-states';
import { CLASSIFICATION_LABELS } from '../../../../shared/domain/shipments';
import { formatCivilDate, formatDateTime } from '../../../../shared/format/date';
import { call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { BackLink, DetailField } from '../../components/DetailField';
import { PageHeader } from '../../components/PageHeader';
import { ActionModal } from './ActionModal';
import { PrintModal } from './PrintModal';
import { printableForms } from './printable-forms';
import { PrintedSheetsCard } from './PrintedSheetsCard';
import { AttachmentList } from './AttachmentList';
import { MediaDetails } from './MediaDetails';
import { MediaFilesTable } from './MediaFilesTable';
import { CustodyCard } from '../custody/CustodyCard';
import { HandoffModal } from '../custody/ShipmentCustody';
import { isHandoffAction } from '../../../../shared/domain/custody';
import { ShipmentStateBadge } from './ShipmentStateBadge';

const HISTORY_LABELS: Record<string, string> = { ...SHIPMENT_ACTION_DONE_LABELS, crear: 'Borrador creado', editar: 'Contenido modificado' };

/** Set by the list when the page was reached by scanning a printed sheet. */
export interface ScanNotice {
  scannedFolio: string;
  digestMatches: boolean;
  sheetVoided: boolean;
}

export function ShipmentDetailPage() {
  const { shipmentId = '' } = useParams();
  const scan = (useLocation().state ?? null) as ScanNotice | null;
  const { data, error, reload } = useLoad(() => call('shipments.get', { shipmentId }), [shipmentId]);
  const [action, setAction] = useState<ShipmentAction | null>(null);
  const [printing, setPrinting] = useState(false);
  const [prints, setPrints] = useState(0);

  if (error) {
    return (
      <Stack gap="lg">
        <BackLink to="/envios">Envíos</BackLink>
        <Alert color="red" title="No se puede abrir el envío" data-testid="shipment-refused">
          {error}
        </Alert>
      </Stack>
    );
  }
  if (!data) return null;
  const { shipment, agency, recipient, allowedActions, currentSheet } = data;
  const content = shipment.content;
  const voided = shipment.sheets.filter((s) => s.voidedAt);

  const actionDone = () => {
    if (action) notifications.show({ color: 'green', message: `${SHIPMENT_ACTION_DONE_LABELS[action]}.` });
    setAction(null);
    reload();
  };

  return (
    <Stack gap="lg">
      <BackLink to="/envios">Envíos</BackLink>
      <PageHeader
        title={shipment.folio ? `Envío ${shipment.folio}` : shipment.state === 'borrador' ? 'Envío sin folio (borrador)' : 'Envío sin folio'}
        description={
          <Group gap="xs" component="span">
            <ShipmentStateBadge state={shipment.state} />
            {CHANNEL_LABELS[content.channel]} · {CLASSIFICATION_LABELS[content.classification]}
          </Group>
        }
        actions={
          <>
            {data.edit && (
              <Button variant="default" leftSection={<IconEdit size={18} />} component={Link} to="editar">
                Modificar contenido
              </Button>
            )}
            {printableForms(shipment).length > 0 && (
              <Button variant="default" leftSection={<IconPrinter size={18} />} onClick={() => setPrinting(true)}>
                Imprimir formatos
              </Button>
            )}
          </>
        }
      />

      {data.brokenSeal && (
        <Alert color="red" title="Envío señalado: sello dañado" data-testid="broken-seal-alert">
          En la cadena de custodia consta al menos un sello que no llegó íntegro. Revise los movimientos abajo.
        </Alert>
      )}
      {scan && !scan.digestMatches && (
        <Alert color="red" title="La hoja leída no corresponde al contenido actual" data-testid="scan-mismatch">
          El código de la hoja con folio {scan.scannedFolio} no coincide con la huella actual del envío: el contenido cambió después de imprimirla
          {scan.sheetVoided ? ' y esa hoja quedó anulada' : ''}. No la use para entregar ni para registrar firmas.
        </Alert>
      )}
      {scan && scan.digestMatches && (
        <Alert color="green" title="Hoja leída" data-testid="scan-match">
          La hoja con folio {scan.scannedFolio} corresponde al contenido actual del envío.
        </Alert>
      )}

      {voided.length > 0 && !currentSheet && (
        <Alert color="orange" title="La hoja de autorización anterior quedó anulada">
          El contenido cambió el {formatDateTime(voided.at(-1)?.voidedAt ?? '')}, después de generar la hoja. El envío volvió a revisión jurídica;
          deberá imprimirse y firmarse una hoja nueva, con el mismo folio.
        </Alert>
      )}

      {data.pending && (
        <Alert color={data.pending.you ? 'blue' : 'gray'} title={`Pendiente: ${data.pending.text}`} data-testid="pending-step">
          <Text size="sm">
            Puede hacerlo: {data.pending.roles.join(', ')}
            {data.pending.notByPreparer ? ', salvo quien preparó el envío' : ''}.
          </Text>
          <Text size="sm">
            {data.pending.people.length > 0 ? `Personas: ${data.pending.people.join(', ')}.` : 'Ningún usuario activo puede hacerlo ahora: pida al administrador que dé de alta a alguien con ese rol.'}
          </Text>
          <Text size="sm" fw={500} mt={4}>
            {data.pending.you ? 'Usted puede hacerlo con los botones de abajo.' : 'Usted no puede hacerlo; espere a que lo haga alguna de esas personas.'}
          </Text>
        </Alert>
      )}

      {allowedActions.length > 0 && (
        <Card withBorder radius="md" padding="md">
          <Text size="sm" fw={500} mb="xs">
            Acciones disponibles para usted
          </Text>
          <Group gap="sm" data-testid="shipment-actions">
            {allowedActions.map((a) => (
              <Button key={a} variant={a === 'cancelar' || a === 'rechazar' || a === 'devolver' ? 'light' : 'filled'} color={a === 'cancelar' || a === 'rechazar' ? 'red' : undefined} onClick={() => setAction(a)}>
                {SHIPMENT_ACTION_LABELS[a]}
              </Button>
            ))}
          </Group>
        </Card>
      )}

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Card withBorder radius="md" padding="lg">
          <Title order={2} size="h5" mb="sm">
            Datos del envío
          </Title>
          <Stack gap="sm">
            <DetailField label="Asunto">{content.subject}</DetailField>
            <SimpleGrid cols={2}>
              <DetailField label="Dependencia">{agency ? `${agency.acronym} · ${agency.name}` : ''}</DetailField>
              <DetailField label="Destinatario">{recipient ? `${recipient.fullName}, ${recipient.position}` : ''}</DetailField>
              <DetailField label="Convenio">{shipment.agreementNumber}</DetailField>
              <DetailField label="Oficio de remisión">{content.coveringOficio}</DetailField>
              {content.classification !== 'publica' && <DetailField label="Fundamento legal">{content.legalBasis}</DetailField>}
              <DetailField label="Preparó">{shipment.preparedBy.fullName}</DetailField>
              {data.providingArea && <DetailField label="Área que proporciona la información">{data.providingArea.active ? data.providingArea.name : `${data.providingArea.name} (dada de baja)`}</DetailField>}
            </SimpleGrid>
            {content.envelope && (
              <SimpleGrid cols={2}>
                <DetailField label="Sobre">{`${content.envelope.envelopeSize}, ${content.envelope.sheets} ${content.envelope.sheets === 1 ? 'hoja' : 'hojas'}`}</DetailField>
                <DetailField label="Sellos">{content.envelope.seals.join(', ')}</DetailField>
              </SimpleGrid>
            )}
            {content.media && <MediaDetails media={content.media} />}
            {data.reportPeriod && <DetailField label="Reporte que entrega">{`${data.reportPeriod.reportName} — ${data.reportPeriod.periodLabel}`}</DetailField>}
            {content.notes && <DetailField label="Notas">{content.notes}</DetailField>}
            <DetailField label="Huella del contenido (SHA-256)">
              <Code>{shipment.digest.slice(0, 32)}…</Code>
            </DetailField>
            {shipment.signature && <DetailField label="Autorizó">{`${shipment.signature.signerName}, ${shipment.signature.signerPosition} — ${formatCivilDate(shipment.signature.signedOn)}`}</DetailField>}
            {shipment.closingReason && <DetailField label="Motivo">{shipment.closingReason}</DetailField>}
          </Stack>
          <Title order={3} size="h6" mt="md" mb="xs">
            Inventario
          </Title>
          <Table verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Descripción</Table.Th>
                <Table.Th>Tipo</Table.Th>
                <Table.Th>Cantidad</Table.Th>
                <Table.Th>Fojas</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {content.inventory.map((item, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{item.description}</Table.Td>
                  <Table.Td>{item.type}</Table.Td>
                  <Table.Td>{item.quantity}</Table.Td>
                  <Table.Td>{item.sheets ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {content.media && <MediaFilesTable files={content.media.files} />}
          {content.attachments.length > 0 && <AttachmentList shipmentId={shipment.id} attachments={content.attachments} />}
        </Card>

        <Card withBorder radius="md" padding="lg">
          <Title order={2} size="h5" mb="md">
            Historial
          </Title>
          <Timeline active={shipment.history.length - 1} bulletSize={14} lineWidth={2} data-testid="shipment-history">
            {shipment.history.map((h, i) => (
              <Timeline.Item key={i} title={HISTORY_LABELS[h.action] ?? h.action}>
                <Text size="xs" c="dimmed">
                  {formatDateTime(h.at)} · {h.actor.fullName} · {SHIPMENT_STATE_LABELS[h.to]}
                </Text>
                {h.observations && <Text size="sm">{h.observations}</Text>}
              </Timeline.Item>
            ))}
          </Timeline>
        </Card>
      </SimpleGrid>

      <CustodyCard detail={data} onChange={reload} />
      <PrintedSheetsCard shipmentId={shipment.id} refresh={prints} />
      <PrintModal
        shipment={shipment}
        opened={printing}
        onClose={() => {
          setPrinting(false);
          setPrints((n) => n + 1);
        }}
      />

      <HandoffModal detail={data} action={action !== null && isHandoffAction(action) ? action : null} onClose={() => setAction(null)} onDone={actionDone} />
      <ActionModal shipment={shipment} signer={data.signer} action={action !== null && !isHandoffAction(action) ? action : null} onClose={() => setAction(null)} onDone={actionDone} />
    </Stack>
  );
}
