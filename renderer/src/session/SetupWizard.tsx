import { Alert, Button, Code, Loader, FileInput, Group, List, Modal, Paper, PasswordInput, SimpleGrid, Stack, Stepper, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconRestore } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { officeProfileSchema } from '../../../shared/domain/office';
import { passwordProblems, PASSWORD_RULES_TEXT } from '../../../shared/domain/password-policy';
import type { SessionState } from '../../../shared/domain/session';
import { passwordSchema, personSchema, userNameSchema } from '../../../shared/domain/users';
import { call, errorMessage } from '../api/client';
import { useSubmit } from '../forms/use-submit';
import { zodValidate } from '../forms/zod-form';
import { useSessionStore } from '../stores/session-store';
import { AuthFrame } from './AuthFrame';
import { PrintablePdf } from '../components/PrintablePdf';
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

/** After a reload at the wizard's last step: the core still holds the code until it is confirmed as kept. */
export function ResumeRecoveryStep() {
  const [resume, setResume] = useState<{ recoveryCode: string; pdfBase64: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    call('setup.recoveryCode', {}).then(
      (r) => setResume({ recoveryCode: r.recoveryCode, pdfBase64: r.recoverySheetPdfBase64 }),
      (e: unknown) => setProblem(errorMessage(e)),
    );
  }, []);
  if (problem) return <AuthFrame title="Configuración inicial"><Alert color="red">{problem}</Alert></AuthFrame>;
  if (!resume) return <AuthFrame title="Configuración inicial"><Loader aria-label="Cargando" /></AuthFrame>;
  return <SetupWizard resume={resume} />;
}

/** First run: the office, its first administrator, and the recovery sheet. */
export function SetupWizard({ resume }: { resume?: { recoveryCode: string; pdfBase64: string } } = {}) {
  const setSession = useSessionStore((s) => s.set);
  const refreshSession = useSessionStore((s) => s.refresh);
  const [step, setStep] = useState(resume ? 2 : 0);
  const { busy, error, run } = useSubmit();
  const [restoreOpen, setRestoreOpen] = useState(false);
  const [created, setCreated] = useState<{ recoveryCode: string; pdfBase64: string } | null>(resume ?? null);

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
      setCreated({ recoveryCode: result.recoveryCode, pdfBase64: result.recoverySheetPdfBase64 });
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
          {created && <RecoveryStep recoveryCode={created.recoveryCode} pdfBase64={created.pdfBase64} onFinish={setSession} />}
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

/**
 * The wizard's last step: the code shown once, its sheet
 * printed or saved through the same path as every other form, and the
 * office starts only when the administrator types the code's last group
 * back, which the core checks. A reload comes back here (the core keeps the
 * code in memory until then).
 */
function RecoveryStep({ recoveryCode, pdfBase64, onFinish }: { recoveryCode: string; pdfBase64: string; onFinish: (state: SessionState) => void }) {
  const [lastGroup, setLastGroup] = useState('');
  const { busy, error, run } = useSubmit();
  const confirm = () => run(async () => onFinish(await call('setup.confirmRecovery', { lastGroup })));

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
      <PrintablePdf base64={pdfBase64} fileName="hoja-de-recuperacion.pdf" label="Hoja de recuperación" />
      <List size="sm" spacing={2}>
        <List.Item>Quien tenga este código puede abrir la bóveda: no lo fotografíe ni lo envíe por correo.</List.Item>
        <List.Item>Para usarlo: en la pantalla de inicio de sesión, elija «Usar código de recuperación».</List.Item>
      </List>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void confirm();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label="Para confirmar que guardó el código, escriba su último grupo"
            description="Los cuatro caracteres del final, tal como aparecen en la hoja impresa o guardada."
            value={lastGroup}
            onChange={(e) => setLastGroup(e.currentTarget.value)}
            maxLength={9}
            w={360}
            autoComplete="off"
          />
          <FormError error={error} />
          <Group justify="flex-end">
            <Button type="submit" loading={busy} disabled={lastGroup.trim().length < 4}>
              Comenzar a usar Valija
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
