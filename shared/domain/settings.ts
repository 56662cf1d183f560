import { z } from 'zod';

export const settingsSchema = z.object({
  idleMinutes: z
    .number({ error: 'Escriba los minutos de inactividad como número.' })
    .int('Use minutos enteros.')
    .min(1, 'El bloqueo automático debe ser de al menos 1 minuto.')
    .max(120, 'El bloqueo automático no puede pasar de 120 minutos.'),
  agreementWarnDays: z
    .number({ error: 'Escriba los días de aviso como número.' })
    .int('Use días enteros.')
    .min(1, 'El aviso de convenios por vencer debe ser de al menos 1 día.')
    .max(365, 'El aviso de convenios por vencer no puede pasar de 365 días.'),
});

export type Settings = z.output<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { idleMinutes: 10, agreementWarnDays: 30 };
