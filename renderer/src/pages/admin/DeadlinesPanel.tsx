import { Stack } from '@mantine/core';
import { NumberSetting } from './NumberSetting';

/** The office's periods: when agreements warn, when accounts need revalidation, how long authorisations last. */
export function DeadlinesPanel() {
  return (
    <Stack gap="lg" maw={820}>
      <NumberSetting
        setting="agreementWarnDays"
        title="Convenios por vencer"
        label="Días de anticipación para avisar que un convenio vence"
        max={365}
        saved={(n) => `Se avisará ${n} días antes de que venza un convenio.`}
      />
      <NumberSetting
        setting="accountRevalidationMonths"
        title="Revalidación de cuentas de redes sociales"
        label="Meses tras la última validación para que una cuenta pase a «En revisión»"
        max={24}
        saved={(n) => `Las cuentas se revalidarán cada ${n} ${n === 1 ? 'mes' : 'meses'}.`}
      />
      <NumberSetting
        setting="releaseLapseDays"
        title="Vigencia de una autorización de difusión"
        label="Días tras la fecha planeada en que vence una difusión autorizada y no publicada"
        min={0}
        max={90}
        saved={(n) => `Una autorización vencerá ${n} ${n === 1 ? 'día' : 'días'} después de su fecha planeada si no se publica.`}
      />
      <NumberSetting
        setting="urgentRatificationHours"
        title="Ratificación de difusiones urgentes"
        label="Horas para la revisión jurídica y la hoja firmada de una difusión publicada con autorización verbal"
        max={168}
        saved={(n) => `Una difusión urgente deberá ratificarse en ${n} ${n === 1 ? 'hora' : 'horas'}.`}
      />
    </Stack>
  );
}
