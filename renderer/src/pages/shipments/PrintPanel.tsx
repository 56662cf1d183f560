import { Alert, Button, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { LABEL_SIZE_LABELS, LABEL_SIZE_NAMES, PAGE_SIZE_LABELS, PAGE_SIZE_NAMES, PAPER_FORM_LABELS, type PaperForm, type PrintedForm } from '../../../../shared/domain/printing';
import type { Shipment } from '../../../../shared/domain/shipments';
import { formatDateTime } from '../../../../shared/format/date';
import { call } from '../../api/client';
import { FormError } from '../../forms/FormError';
import { useSubmit } from '../../forms/use-submit';
import { printableForms } from './printable-forms';
import { PrintablePdf } from '../../components/PrintablePdf';

export function PrintPanel({ shipment, onIssued }: { shipment: Shipment; onIssued: () => void }) {
  const forms = printableForms(shipment);
  const [form, setForm] = useState<PaperForm>(forms[0] ?? 'approval');
  const [pageSize, setPageSize] = useState<(typeof PAGE_SIZE_NAMES)[number]>('LETTER');
  const [labelSize, setLabelSize] = useState<(typeof LABEL_SIZE_NAMES)[number]>('media_carta');
  const [sheetVersion, setSheetVersion] = useState<string>(String(shipment.sheets.at(-1)?.version ?? 1));
  const [printed, setPrinted] = useState<PrintedForm | null>(null);
  const { busy, error, run } = useSubmit();

  const issue = () =>
    run(async () => {
      const result = await call('documents.print', {
        shipmentId: shipment.id,
        form,
        pageSize,
        ...(form === 'envelopeLabel' ? { labelSize } : {}),
        ...(form === 'approval' ? { sheetVersion: Number(sheetVersion) } : {}),
      });
      setPrinted(result);
      onIssued();
    });

  return (
    <>
      {!printed ? (
        <Stack gap="sm">
          <Select label="Formato" data={forms.map((f) => ({ value: f, label: PAPER_FORM_LABELS[f] }))} value={form} onChange={(v) => v && setForm(v as PaperForm)} allowDeselect={false} />
          {form === 'approval' && shipment.sheets.length > 1 && (
            <Select
              label="Hoja"
              data={[...shipment.sheets].reverse().map((s) => ({ value: String(s.version), label: `Hoja ${s.version} — ${s.voidedAt ? `anulada el ${formatDateTime(s.voidedAt)}` : 'vigente'}` }))}
              value={sheetVersion}
              onChange={(v) => v && setSheetVersion(v)}
              allowDeselect={false}
            />
          )}
          {form === 'envelopeLabel' ? (
            <SegmentedControl data={LABEL_SIZE_NAMES.map((s) => ({ value: s, label: LABEL_SIZE_LABELS[s] }))} value={labelSize} onChange={(v) => setLabelSize(v as typeof labelSize)} />
          ) : (
            <SegmentedControl data={PAGE_SIZE_NAMES.map((s) => ({ value: s, label: `Papel ${PAGE_SIZE_LABELS[s]}` }))} value={pageSize} onChange={(v) => setPageSize(v as typeof pageSize)} />
          )}
          <Text size="xs" c="dimmed">
            Cada impresión queda en la bitácora con la huella del contenido; a partir de la segunda, el formato dice «REIMPRESIÓN».
          </Text>
          <FormError error={error} />
          <Group justify="flex-end">
            <Button onClick={() => void issue()} loading={busy} leftSection={<IconPrinter size={16} />}>
              Generar
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          {printed.reprint > 0 && (
            <Alert color="yellow" data-testid="reprint-notice">
              Este formato ya se había impreso: sale marcado «REIMPRESIÓN {printed.reprint}».
            </Alert>
          )}
          <PrintablePdf base64={printed.base64} mediaType={printed.mediaType} fileName={printed.fileName} label={PAPER_FORM_LABELS[form]} />
        </Stack>
      )}
    </>
  );
}
