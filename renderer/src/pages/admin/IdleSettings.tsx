import { NumberSetting } from './NumberSetting';

export function IdleSettings() {
  return (
    <>
      <NumberSetting
        setting="idleMinutes"
        title="Bloqueo automático"
        label="Minutos sin actividad antes de bloquear la sesión"
        max={120}
        saved={(n) => `Bloqueo automático: ${n} minutos sin actividad.`}
      />
      <NumberSetting
        setting="agreementWarnDays"
        title="Convenios por vencer"
        label="Días de anticipación para avisar que un convenio vence"
        max={365}
        saved={(n) => `Se avisará ${n} días antes de que venza un convenio.`}
      />
    </>
  );
}
