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
  /** Políticas Generales (2019): how often an account of the directory must be validated again. */
  accountRevalidationMonths: z
    .number({ error: 'Escriba los meses de revalidación como número.' })
    .int('Use meses enteros.')
    .min(1, 'La revalidación de cuentas debe ser de al menos 1 mes.')
    .max(24, 'La revalidación de cuentas no puede pasar de 24 meses.'),
  /** An authorised release lapses when its planned date passes unpublished by more than this. */
  releaseLapseDays: z
    .number({ error: 'Escriba los días de vigencia como número.' })
    .int('Use días enteros.')
    .min(0, 'La vigencia de una autorización no puede ser negativa.')
    .max(90, 'La vigencia de una autorización no puede pasar de 90 días.'),
  /** An urgent release published on verbal authorisation owes its legal review and signed sheet within this. */
  urgentRatificationHours: z
    .number({ error: 'Escriba las horas para ratificar como número.' })
    .int('Use horas enteras.')
    .min(1, 'El plazo para ratificar debe ser de al menos 1 hora.')
    .max(168, 'El plazo para ratificar no puede pasar de 168 horas.'),
});

export type Settings = z.output<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { idleMinutes: 10, agreementWarnDays: 30, accountRevalidationMonths: 6, releaseLapseDays: 3, urgentRatificationHours: 24 };
