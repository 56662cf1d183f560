import { Alert, Button, Checkbox, Code, FileInput, Group, List, Modal, Paper, PasswordInput, SimpleGrid, Stack, Stepper, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconDownload, IconPrinter, IconRestore } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { officeProfileSchema } from '../../../shared/domain/office';
import { passwordProblems, PASSWORD_RULES_TEXT } from '../../../shared/domain/password-policy';
import type { SessionState } from '../../../shared/domain/session';
import { passwordSchema, personSchema, userNameSchema } from '../../../shared/domain/users';
import { call } from '../api/client';
import { useSubmit } from '../forms/use-submit';
import { zodValidate } from '../forms/zod-form';
import { useSessionStore } from '../stores/session-store';
import { AuthFrame } from './AuthFrame';
import { pdfUrlFromBase64 } from './pdf-blob';
import { FormError } from '../forms/FormError';
import { RestorePanel } from '../pages/media/RestorePanel';

const adminSchema = personSchema
  .extend({ userName: userNameSchema, password: passwordSchema, confirm: z.string() })
  .superRefine((v, ctx) => {
    for (const message of passwordProblems(v.password, v.userName)) ctx.addIssue({ code: 'custom', path: ['password'], message });
    if (v.confirm !== v.password) ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'Las contraseñas no coinciden.' });
  });

async function pngDataUrl(file: File): Promise<string> {
  if (file.type !== 'image/png') throw new Error('El logotipo debe ser una imagen PNG.');
  if (file.size > 500_000) throw new Error('El logotipo es demasiado grande (máximo 500 KB).');
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error('No se pudo leer la imagen.'));
    reader.readAsDataURL(file);
  });
}

/** First run: the office, its first administrator, and the recovery sheet. */
export function SetupWizard() {
  const setSession = useSessionStore((s) => s.set);
  const refreshSession = useSessionStore((s) => s.refresh);
  const [step, setStep] = useState(0);
  const { busy, error, run } = useSubmit();
  const [restoreOpen, setRestoreOpen] = useState(false);
  const [created, setCreated] = useState<{ state: SessionState; recoveryCode: string; pdfUrl: string } | null>(null);

  const office = useForm({
    initialValues: { institution: '', unit: '', acronym: '', folioPrefix: '', address: '', logoPngDataUrl: undefined as string | undefined },
    validate: zodValidate(officeProfileSchema),
  });
  const admin = useForm({
    initialValues: { fullName: '', position: '', userName: '', password: '', confirm: '' },
    validate: zodValidate(adminSchema),
  });

  const [logoError, setLogoError] = useState<string | null>(null);
  const onLogo = async (file: File | null) => {
    setLogoError(null);
    if (!file) return office.setFieldValue('logoPngDataUrl', undefined);
    try {
      office.setFieldValue('logoPngDataUrl', await pngDataUrl(file));
    } catch (e) {
      setLogoError(e instanceof Error ? e.message : 'No se pudo leer la imagen.');
    }
  };

  const create = admin.onSubmit(({ fullName, position, userName, password }) =>
    run(async () => {
      const result = await call('setup.create', { office: office.values, admin: { fullName, position, userName, password } });
      setCreated({ state: result.state, recoveryCode: result.recoveryCode, pdfUrl: pdfUrlFromBase64(result.recoverySheetPdfBase64) });
      setStep(2);
    }),
  );

  return (
    <AuthFrame title="Configuración inicial" subtitle="Valija guardará la información de esta oficina en una bóveda cifrada en este equipo." width={760}>
      <Stepper active={step} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label="Oficina" description="Datos del encabezado">
          <form
            noValidate
            onSubmit={office.onSubmit(() => setStep(1))}
          >
            <Stack gap="sm" mt="md">
              <TextInput label="Institución" placeholder="Centro de Control, Comando, Comunicación y Cómputo del Estado" withAsterisk {...office.getInputProps('institution')} />
              <TextInput label="Unidad administrativa" placeholder="Dirección General" withAsterisk {...office.getInputProps('unit')} />
              <SimpleGrid cols={2}>
                <TextInput label="Siglas" placeholder="C4" withAsterisk {...office.getInputProps('acronym')} />
                <TextInput label="Prefijo de folio" placeholder="C4/DG" description="Los folios serán C4/DG/0001/2026, C4/DG/0002/2026…" withAsterisk {...office.getInputProps('folioPrefix')} />
              </SimpleGrid>
              <Textarea label="Domicilio" autosize minRows={2} {...office.getInputProps('address')} />
              <FileInput label="Logotipo (opcional, PNG)" placeholder="Elegir imagen…" accept="image/png" clearable onChange={(f) => void onLogo(f)} error={logoError ?? office.errors.logoPngDataUrl} />
              <Group justify="space-between" mt="sm">
                <Button variant="default" leftSection={<IconRestore size={18} />} onClick={() => setRestoreOpen(true)}>
                  Restaurar un respaldo
                </Button>
                <Button type="submit">Siguiente</Button>
              </Group>
            </Stack>
          </form>
        </Stepper.Step>

        <Stepper.Step label="Administrador" description="Primer usuario">
          <form noValidate onSubmit={create}>
            <Stack gap="sm" mt="md">
              <SimpleGrid cols={2}>
                <TextInput label="Nombre completo" withAsterisk {...admin.getInputProps('fullName')} />
                <TextInput label="Cargo" withAsterisk {...admin.getInputProps('position')} />
              </SimpleGrid>
              <TextInput label="Usuario" description="Con este nombre iniciará sesión, por ejemplo «mlopez»." withAsterisk autoComplete="username" {...admin.getInputProps('userName')} />
              <SimpleGrid cols={2}>
                <PasswordInput label="Contraseña" description={PASSWORD_RULES_TEXT} withAsterisk autoComplete="new-password" {...admin.getInputProps('password')} />
                <PasswordInput label="Confirme la contraseña" withAsterisk autoComplete="new-password" {...admin.getInputProps('confirm')} />
              </SimpleGrid>
              <FormError error={error} />
              <Group justify="space-between" mt="sm">
                <Button variant="default" onClick={() => setStep(0)}>
                  Atrás
                </Button>
                <Button type="submit" loading={busy}>
                  Crear la bóveda
                </Button>
              </Group>
            </Stack>
          </form>
        </Stepper.Step>

        <Stepper.Step label="Recuperación" description="Hoja para la caja fuerte">
          {created && <RecoveryStep recoveryCode={created.recoveryCode} pdfUrl={created.pdfUrl} onFinish={() => setSession(created.state)} />}
        </Stepper.Step>
      </Stepper>

      <Modal opened={restoreOpen} onClose={() => setRestoreOpen(false)} title="Restaurar un respaldo" size="lg" centered>
        <Stack gap="sm">
          <Text size="sm">
            Para instalar Valija en un equipo nuevo con la información de otro, se restaura el respaldo cifrado que se hizo desde
            Administración en el equipo anterior. Necesitará el medio del respaldo y la contraseña de un usuario o el código de
            recuperación.
          </Text>
          <RestorePanel replacing={false} onRestored={() => void refreshSession()} />
        </Stack>
      </Modal>
    </AuthFrame>
  );
}

function RecoveryStep({ recoveryCode, pdfUrl, onFinish }: { recoveryCode: string; pdfUrl: string; onFinish: () => void }) {
  const [kept, setKept] = useState(false);
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => () => URL.revokeObjectURL(pdfUrl), [pdfUrl]);

  return (
    <Stack gap="md" mt="md">
      <Alert color="yellow" icon={<IconAlertCircle />} title="Guarde este código: se muestra una sola vez">
        Con él se recupera el acceso si se pierden las contraseñas de todos los administradores. Valija no guarda una copia.
        Imprima la hoja, fírmela y guárdela en un sobre cerrado en la caja fuerte.
      </Alert>
      <Paper withBorder p="md" ta="center" bg="gray.0">
        <Text size="xs" c="dimmed" mb={4}>
          Código de recuperación
        </Text>
        <Code fz="xl" fw={700} data-testid="recovery-code" style={{ letterSpacing: 1 }}>
          {recoveryCode}
        </Code>
      </Paper>
      <iframe ref={frame} src={pdfUrl} title="Hoja de recuperación" style={{ width: '100%', height: 360, border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4 }} />
      <Group>
        <Button component="a" href={pdfUrl} download="hoja-de-recuperacion.pdf" variant="light" leftSection={<IconDownload size={18} />}>
          Guardar hoja de recuperación (PDF)
        </Button>
        <Button variant="light" leftSection={<IconPrinter size={18} />} onClick={() => frame.current?.contentWindow?.print()}>
          Imprimir
        </Button>
      </Group>
      <List size="sm" spacing={2}>
        <List.Item>Quien tenga este código puede abrir la bóveda: no lo fotografíe ni lo envíe por correo.</List.Item>
        <List.Item>Para usarlo: en la pantalla de inicio de sesión, elija «Usar código de recuperación».</List.Item>
      </List>
      <Checkbox label="Imprimí la hoja de recuperación y la guardaré en un lugar seguro" checked={kept} onChange={(e) => setKept(e.currentTarget.checked)} />
      <Group justify="flex-end">
        <Button disabled={!kept} onClick={onFinish}>
          Comenzar a usar Valija
        </Button>
      </Group>
    </Stack>
  );
}
