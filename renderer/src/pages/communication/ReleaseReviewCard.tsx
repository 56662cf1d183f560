import { Badge, Card, Divider, Stack, Table, Text, Title } from '@mantine/core';
import { LEGAL_CHECKS, LEGAL_CHECK_LABELS, type Release } from '../../../../shared/domain/releases';
import { formatCivilDate, formatDateTime } from '../../../../shared/format/date';
import { BADGE_FULL_WIDTH } from '../../components/status-badges';
import { DetailField } from '../../components/DetailField';

/** The filters the release went through: the area's validation, Jurídico's review and observations, the signature, the urgent authorisation. */
export function ReleaseReviewCard({ release }: { release: Release }) {
  const { validation, review, signature, urgent, observations } = release;
  const nothing = !validation && !review && !signature && !urgent && observations.length === 0 && !release.cancelReason;
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={2} size="h5" mb="sm">
        Validación, revisión y autorización
      </Title>
      <Stack gap="sm">
        {nothing && (
          <Text size="sm" c="dimmed">
            Sin validación del área, revisión jurídica ni autorización vigentes.
          </Text>
        )}
        {urgent && (
          <DetailField label="Autorización verbal urgente">
            {`${urgent.authorizedBy}, ${formatDateTime(urgent.at)} (${urgent.category === 'proteccion_civil' ? 'protección civil' : 'emergencia'}). ${urgent.reason} Ratificar antes del ${formatDateTime(urgent.dueBy)}${urgent.reviewedAt ? `; revisión jurídica ratificada el ${formatDateTime(urgent.reviewedAt)}` : ''}${urgent.ratifiedAt ? `; hoja firmada registrada el ${formatDateTime(urgent.ratifiedAt)}` : ''}.`}
          </DetailField>
        )}
        {validation && <DetailField label="Validó el área">{`${validation.by.fullName}, ${formatDateTime(validation.at)}${validation.observations ? ` — ${validation.observations}` : ''}`}</DetailField>}
        {review && (
          <>
            <DetailField label="Revisión jurídica">{`${review.by.fullName}, ${formatDateTime(review.at)}${review.observations ? ` — ${review.observations}` : ''}`}</DetailField>
            <Table verticalSpacing={4} data-testid="release-checklist">
              <Table.Tbody>
                {LEGAL_CHECKS.map((c) => (
                  <Table.Tr key={c}>
                    <Table.Td>
                      <Text size="sm">{LEGAL_CHECK_LABELS[c]}</Text>
                      {review.checklist[c].note && (
                        <Text size="xs" c="dimmed">
                          {review.checklist[c].note}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td w={60}>
                      <Badge color={review.checklist[c].answer === 'si' ? 'orange' : 'gray'} variant="light" tt="none" styles={BADGE_FULL_WIDTH}>
                        {review.checklist[c].answer === 'si' ? 'Sí' : 'No'}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
        {signature && <DetailField label="Autorizó">{`${signature.signerName}, ${signature.signerPosition} — firmó el ${formatCivilDate(signature.signedOn)} (hoja ${signature.sheetVersion}); registró ${signature.registeredBy.fullName}`}</DetailField>}
        {release.cancelReason && <DetailField label="Motivo de la cancelación">{release.cancelReason}</DetailField>}
        {observations.length > 0 && (
          <>
            <Divider label="Observaciones recibidas" labelPosition="left" />
            {observations.map((o, i) => (
              <div key={i} data-testid="release-observation">
                <Text size="xs" c="dimmed">
                  {o.from === 'area' ? 'Del área' : 'De Jurídico'} · {o.by.fullName} · {formatDateTime(o.at)}
                </Text>
                <Text size="sm">{o.text}</Text>
              </div>
            ))}
          </>
        )}
      </Stack>
    </Card>
  );
}
