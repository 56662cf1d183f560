import { z } from 'zod';

const text = (label: string, max: number) =>
  z.string().trim().min(1, `Escriba ${label}.`).max(max, `${label[0]?.toUpperCase()}${label.slice(1)} admite como máximo ${max} caracteres.`);

/** The office the vault belongs to: printed on every form. */
export const officeProfileSchema = z.object({
  institution: text('la institución', 160),
  unit: text('la unidad administrativa', 160),
  acronym: text('las siglas', 24),
  folioPrefix: z
    .string()
    .trim()
    .regex(/^[A-Z0-9ÑÁÉÍÓÚ]{1,12}(\/[A-Z0-9ÑÁÉÍÓÚ]{1,12}){0,3}$/, 'El prefijo de folio usa mayúsculas y números separados por «/», por ejemplo C4/DG.'),
  address: z.string().trim().max(300, 'La dirección admite como máximo 300 caracteres.').default(''),
  logoPngDataUrl: z
    .string()
    .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, 'El logotipo debe ser una imagen PNG.')
    .max(700_000, 'El logotipo es demasiado grande (máximo 500 KB).')
    .optional(),
});

export type OfficeProfile = z.output<typeof officeProfileSchema>;
export type OfficeProfileInput = z.input<typeof officeProfileSchema>;

/** What the sign-in screen may show before anyone has unlocked the vault. */
export interface PublicOffice {
  institution: string;
  unit: string;
  acronym: string;
}
