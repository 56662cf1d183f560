import { NumberSetting } from './NumberSetting';

export function IdleSettings() {
  return (
    <NumberSetting
      setting="idleMinutes"
      title="Bloqueo automático"
      label="Minutos sin actividad antes de bloquear la sesión"
      max={120}
      saved={(n) => `Bloqueo automático: ${n} minutos sin actividad.`}
    />
  );
}
