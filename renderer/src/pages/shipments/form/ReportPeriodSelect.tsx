import { Select } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { call } from '../../../api/client';
import { useLoad } from '../../../api/use-load';
import type { FormValues } from './form-values';

const STATUS = { pendiente: 'pendiente', vencido: 'vencido', entregado: 'entregado' } as const;

/**
 * The report period this shipment delivers (optional): only periods owed to
 * the chosen agency and not yet delivered by another shipment.
 */
export function ReportPeriodSelect({ form, shipmentId }: { form: UseFormReturnType<FormValues>; shipmentId: string | undefined }) {
  const { data } = useLoad(() => call('reports.overview', {}), []);
  const agencyId = form.values.agencyId;
  const obligations = new Set((data?.obligations ?? []).filter((o) => o.beneficiary?.id === agencyId).map((o) => o.id));
  const options = (data?.periods ?? [])
    .filter((p) => obligations.has(p.obligationId) && (p.fulfilledBy === null || p.fulfilledBy.shipmentId === shipmentId))
    .map((p) => ({ value: `${p.obligationId}|${p.key}`, label: `${p.reportName} — ${p.label} (${STATUS[p.status]})` }));
  const current = form.values.reportPeriod;
  if (current && !options.some((o) => o.value === current)) options.unshift({ value: current, label: 'Periodo elegido antes (ya no está pendiente)' });
  return (
    <Select
      label="Reporte que se entrega con este envío"
      description="Opcional. Al registrar el acuse, el periodo queda como entregado."
      placeholder={!agencyId ? 'Elija primero la dependencia' : options.length === 0 ? 'La dependencia no tiene reportes pendientes' : 'Ninguno'}
      data={options}
      clearable
      searchable
      disabled={!agencyId || options.length === 0}
      nothingFoundMessage="Sin coincidencias"
      {...form.getInputProps('reportPeriod')}
    />
  );
}
