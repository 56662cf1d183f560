import { Checkbox } from '@mantine/core';

/**
 * The administrator's option to take records out in clear, for a public
 * archive that must open anywhere (a transparency request). The core refuses
 * it to anyone else, unconfirmed, or with any reservada or confidencial
 * shipment in it, and audits every refusal; the panel asks once more before
 * it starts.
 */
export function ClearExportOption({ checked, onChange, disabled }: { checked: boolean; onChange: (checked: boolean) => void; disabled?: boolean }) {
  return (
    <Checkbox
      checked={checked}
      disabled={disabled}
      onChange={(event) => onChange(event.currentTarget.checked)}
      color="red"
      label="Exportar sin cifrar (sólo envíos públicos)"
      description="El expediente quedará legible para cualquiera que tenga la unidad. Si incluye un envío reservado o confidencial, se rechaza y no se escribe nada."
    />
  );
}
