import { Alert, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconEdit, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import { RELEASE_ACTION_DONE_LABELS, type ReleaseAction } from '../../../../shared/domain/release-states';
import { BLACKOUT_EXCEPTION_LABELS, RELEASE_KIND_LABELS } from '../../../../shared/domain/releases';
import type { DocumentDownload } from '../../../../shared/ipc/contract';
import { formatCivilDate, formatDateTime } from '../../../../shared/format/date';
import { COMMUNICATION } from '../../../../shared/ipc/access';
import { call, errorMessage } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { areaName } from '../../components/area-options';
import { BackLink } from '../../components/DetailField';
import { PageHeader } from '../../components/PageHeader';
import { useSignedIn } from '../../stores/session-store';
import { PrintedPdfModal } from './PrintedPdfModal';
import { actionLabel, actionTone, mayPrintSheet, offeredActions } from './release-actions';
import { ReleaseActionModal } from './ReleaseActionModal';
import { ReleaseBadges } from './ReleaseBadges';
import { ReleaseChannelsCard } from './ReleaseChannelsCard';
import { ReleaseContentCard } from './ReleaseContentCard';
import { ReleaseEditWarningModal } from './ReleaseEditWarningModal';
import { ReleaseFormModal } from './ReleaseFormModal';
import { ReleaseHistory } from './ReleaseHistory';
import { ReleaseReviewCard } from './ReleaseReviewCard';
import { ReleaseDossierButton } from './ReleaseDossierButton';
import { ReleaseSheetsCard } from './ReleaseSheetsCard';

const TONE_PROPS = {
  forward: { variant: 'filled' },
  back: { variant: 'light', color: 'orange' },
  urgent: { variant: 'light', color: 'orange' },
  danger: { variant: 'light', color: 'red' },
} as const;

/** One release: everything it says, its filters and sheets, its history, and the steps the state machine offers the signed-in user. */
export function ReleaseDetailPage() {
  const { releaseId = '' } = useParams();
  const user = useSignedIn()?.user;
  const { data, error, reload } = useLoad(() => call('releases.get', { releaseId }), [releaseId]);
  const areas = useLoad(() => call('areas.list', {}), []).data ?? [];
  const [action, setAction] = useState<ReleaseAction | null>(null);
  const [editing, setEditing] = useState<'warn' | 'form' | null>(null);
  const [printing, setPrinting] = useState(false);
  const [printed, setPrinted] = useState<DocumentDownload | null>(null);

  if (error) {
    return (
      <Stack gap="lg">
        <BackLink to="/comunicacion/difusiones">Difusiones</BackLink>
        <Alert color="red" title="No se puede abrir la difusión" data-testid="release-refused">
          {error}
        </Alert>
      </Stack>
    );
  }
  if (!data || !user) return null;
  const { release } = data;
  const offered = offeredActions(data);
  const currentSheet = release.sheets.at(-1);
  const voidedLast = currentSheet?.voided ? currentSheet : null;
  const signer = user.roles.includes('director') ? { name: user.fullName, position: user.position } : null;

  const print = async () => {
    setPrinting(true);
    try {
      setPrinted(await call('releases.printSheet', { releaseId: release.id }));
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    } finally {
      setPrinting(false);
    }
  };

  return (
    <Stack gap="lg">
      <BackLink to="/comunicacion/difusiones">Difusiones</BackLink>
      <PageHeader
        title={`Difusión ${release.folio}`}
        description={
          <Group gap="xs" component="span">
            <ReleaseBadges view={data} showDue />
            {RELEASE_KIND_LABELS[release.kind]} · {release.title}
          </Group>
        }
        actions={
          <>
            {data.edit && (
              <Button variant="default" leftSection={<IconEdit size={18} />} onClick={() => setEditing(data.edit === 'back_to_review' ? 'warn' : 'form')}>
                Modificar contenido
              </Button>
            )}
            {mayPrintSheet(release, user.roles) && (
              <Button variant="default" leftSection={<IconPrinter size={18} />} loading={printing} onClick={() => void print()}>
                Imprimir formato de autorización
              </Button>
            )}
            {/* The dossier is Comunicación Social's (and the administrator's) to hand over; the core refuses anyone else. */}
            {COMMUNICATION.some((r) => user.roles.includes(r)) && <ReleaseDossierButton releaseId={release.id} />}
          </>
        }
      />

      {data.pendingRatification && release.urgent && (
        <Alert color={data.ratificationOverdue ? 'red' : 'orange'} icon={<IconAlertTriangle />} title={data.ratificationOverdue ? 'Ratificación vencida' : 'Pendiente de ratificar'} data-testid="release-ratification">
          Se autorizó de palabra ({release.urgent.authorizedBy}, {formatDateTime(release.urgent.at)}). Debe tener la revisión jurídica y la hoja firmada antes del {formatDateTime(release.urgent.dueBy)}.
          {release.urgent.reviewedAt ? ' Jurídico ya ratificó la revisión; falta la hoja firmada.' : ' Falta la revisión jurídica.'}
        </Alert>
      )}
      {data.vencida && (
        <Alert color="red" icon={<IconAlertTriangle />} title="Autorización vencida">
          La autorización era válida hasta el {formatCivilDate(data.validThrough)} y la difusión no se publicó. Cambie la fecha planeada: volverá a revisión jurídica y a autorización.
        </Alert>
      )}
      {data.blackout && !['publicada', 'cerrada', 'cancelada'].includes(release.state) && (
        <Alert color="yellow" icon={<IconAlertTriangle />} title={`La fecha planeada cae en el periodo de veda «${data.blackout.name}»`} data-testid="release-blackout-notice">
          {release.blackoutException
            ? `Se difunde con la excepción «${BLACKOUT_EXCEPTION_LABELS[release.blackoutException]}».`
            : data.blackout.allowed.length === 0
              ? 'Esta veda no admite excepciones: cambie la fecha.'
              : `Elija al modificarla una de las excepciones que admite: ${data.blackout.allowed.map((e) => BLACKOUT_EXCEPTION_LABELS[e]).join(', ')}.`}
        </Alert>
      )}
      {voidedLast && (
        <Alert color="orange" title="La hoja de autorización anterior quedó anulada" data-testid="release-sheet-voided">
          La hoja {voidedLast.version} se anuló el {formatDateTime(voidedLast.voidedAt ?? '')}: {voidedLast.voidReason} La difusión volvió a revisión; deberá imprimirse y firmarse una hoja nueva.
        </Alert>
      )}
      {release.state === 'devuelta' && release.observations.length > 0 && (
        <Alert color="orange" title={`Devuelta con observaciones ${release.observations.at(-1)?.from === 'area' ? 'del área' : 'de Jurídico'}`} data-testid="release-returned">
          {release.observations.at(-1)?.text}
        </Alert>
      )}

      <Card withBorder radius="md" padding="md">
        <Text size="sm" fw={500} mb="xs">
          Acciones disponibles para usted
        </Text>
        {offered.length > 0 ? (
          <Group gap="sm" data-testid="release-actions">
            {offered.map((a) => (
              <Button key={a} {...TONE_PROPS[actionTone(a)]} onClick={() => setAction(a)}>
                {actionLabel(a)}
              </Button>
            ))}
          </Group>
        ) : (
          <Text size="sm" c="dimmed" data-testid="release-no-actions">
            Ninguna por ahora: el siguiente paso le corresponde a otra persona o la difusión ya terminó su trámite.
          </Text>
        )}
      </Card>

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <ReleaseContentCard detail={data} areaName={areaName(areas, release.providingAreaId)} />
        <Stack gap="lg">
          <ReleaseChannelsCard detail={data} />
          <ReleaseReviewCard release={release} />
        </Stack>
      </SimpleGrid>
      <ReleaseSheetsCard release={release} />
      <ReleaseHistory history={data.history} />

      {action && (
        <ReleaseActionModal
          detail={data}
          action={action}
          signer={signer}
          onClose={() => setAction(null)}
          onDone={() => {
            notifications.show({ color: 'green', message: `${RELEASE_ACTION_DONE_LABELS[action]}.` });
            setAction(null);
            reload();
          }}
        />
      )}
      {editing === 'warn' && <ReleaseEditWarningModal signed={release.signature !== null} onCancel={() => setEditing(null)} onConfirm={() => setEditing('form')} />}
      {editing === 'form' && (
        <ReleaseFormModal
          release={release}
          backToReview={data.edit === 'back_to_review'}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
      {printed && (
        <PrintedPdfModal
          title="Formato de autorización de difusión"
          pdf={printed}
          onClose={() => {
            setPrinted(null);
            reload();
          }}
        />
      )}
    </Stack>
  );
}
