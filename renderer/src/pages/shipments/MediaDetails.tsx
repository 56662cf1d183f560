import { SimpleGrid } from '@mantine/core';
import { MEDIA_KIND_LABELS, SANITISATION_METHOD_LABELS, type MediaDetails as Media } from '../../../../shared/domain/shipments';
import { formatCivilDate } from '../../../../shared/format/date';
import { DetailField } from '../../components/DetailField';

/** The media and its sanitisation record, on the shipment page. */
export function MediaDetails({ media }: { media: Media }) {
  const s = media.sanitisation;
  return (
    <SimpleGrid cols={2}>
      <DetailField label="Medio">{[MEDIA_KIND_LABELS[media.kind], media.brand, media.model, media.capacity].filter(Boolean).join(' · ')}</DetailField>
      <DetailField label="Número de serie">{media.serial}</DetailField>
      <DetailField label="Borrado seguro">{`${SANITISATION_METHOD_LABELS[s.method]} con ${s.tool}, ${formatCivilDate(s.date)}`}</DetailField>
      <DetailField label="Realizó / verificó">{`${s.performedBy} / ${s.verifiedBy}`}</DetailField>
    </SimpleGrid>
  );
}
