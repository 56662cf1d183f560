import { Alert, Button, Checkbox, Group, PasswordInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconRestore, IconTool } from '@tabler/icons-react';
import { useState } from 'react';
import type { BackupReport, DriveInfo, RepairSummary } from '../../../../shared/domain/media';
import { formatDateTime } from '../../../../shared/format/date';
import { call } from '../../api/client';
import { FormError } from '../../forms/FormError';
import { useSubmit } from '../../forms/use-submit';
import { BagPicker } from './BagPicker';
import { DrivePicker } from './DrivePicker';

/**
 * Restoring a backup: from the first-run screen of a new workstation, or by
 * an administrator. The backup is checked before anything is replaced; an
 * existing vault is only replaced after an explicit confirmation, and kept.
 * The backup must open with a password of one of its users or its recovery
 * code before it replaces anything, and a backup of another vault is said
 * plainly and confirmed on its own. An administrator may instead repair only
 * the damaged records from it.
 */
export function RestorePanel({ replacing, onRestored }: { replacing: boolean; onRestored: () => void }) {
  const [drive, setDrive] = useState<DriveInfo | null>(null);
  const [bag, setBag] = useState<string | null>(null);
  const [report, setReport] = useState<BackupReport | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [otherConfirmed, setOtherConfirmed] = useState(false);
  const [how, setHow] = useState<'password' | 'recovery'>('password');
  const [userName, setUserName] = useState('');
  const [password, setPassword] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const [repair, setRepair] = useState<RepairSummary | null>(null);
  const { busy, error, run } = useSubmit();

  const inspect = () =>
    run(async () => {
      if (!drive || !bag) return;
      setReport(await call('backup.inspect', { drivePath: drive.mountPath, bagName: bag }));
    });
  // Signed in (replacing): damaged records can be repaired from the backup without replacing anything else.
  const repairFromIt = () =>
    run(async () => {
      if (!drive || !bag) return;
      setRepair(await call('backup.repair', { drivePath: drive.mountPath, bagName: bag }));
    });
  const restore = () =>
    run(async () => {
      if (!drive || !bag) return;
      await call('backup.restore', {
        drivePath: drive.mountPath,
        bagName: bag,
        confirmReplace: replacing && confirmed,
        confirmOtherVault: otherConfirmed,
        unlock: how === 'password' ? { userName, password } : { recoveryCode },
      });
      onRestored();
    });

  return (
    <Stack gap="sm">
      <DrivePicker value={drive} onChange={(d) => { setDrive(d); setBag(null); setReport(null); }} label="Unidad con el respaldo" />
      <BagPicker drive={drive} kind="respaldo" value={bag} onChange={(b) => { setBag(b); setReport(null); }} label="Respaldo" />
      {report && !report.valid && <Alert color="red" title="Este respaldo no se puede restaurar">{report.problem}</Alert>}
      {report?.valid && (
        <Alert color="green" title="Respaldo íntegro" data-testid="backup-report">
          <Text size="sm">{report.officeName}</Text>
          <Text size="sm">
            Hecho el {report.createdAt ? formatDateTime(report.createdAt) : '—'} · {report.files} archivos · bóveda {report.vaultId}
          </Text>
        </Alert>
      )}
      {report?.valid && report.sameVault === false && (
        <Alert color="orange" title="Este respaldo es de OTRA bóveda" data-testid="other-vault-warning">
          <Text size="sm">
            Su identificador no es el de la bóveda de este equipo. Si lo restaura, la bóveda de este equipo se reemplaza por una
            distinta (de otra oficina o de otra instalación). Hágalo sólo si sabe de dónde viene este respaldo.
          </Text>
          <Checkbox
            mt="xs"
            color="orange"
            label="Sé que es otra bóveda y quiero restaurarla de todos modos."
            checked={otherConfirmed}
            onChange={(e) => setOtherConfirmed(e.currentTarget.checked)}
          />
        </Alert>
      )}
      {report?.valid && (
        <Stack gap="xs" data-testid="backup-unlock">
          <Text size="sm">
            Para restaurarlo, abra el respaldo con la contraseña de uno de sus usuarios (la que tenía cuando se hizo) o con su código de
            recuperación. Nada se reemplaza si no abre.
          </Text>
          <SegmentedControl
            value={how}
            onChange={(v) => setHow(v as 'password' | 'recovery')}
            data={[
              { value: 'password', label: 'Usuario y contraseña' },
              { value: 'recovery', label: 'Código de recuperación' },
            ]}
          />
          {how === 'password' ? (
            <Group grow>
              <TextInput label="Usuario del respaldo" value={userName} onChange={(e) => setUserName(e.currentTarget.value)} autoComplete="off" />
              <PasswordInput label="Contraseña del respaldo" value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="off" />
            </Group>
          ) : (
            <TextInput label="Código de recuperación del respaldo" value={recoveryCode} onChange={(e) => setRecoveryCode(e.currentTarget.value)} autoComplete="off" />
          )}
        </Stack>
      )}
      {repair && (
        <Alert color={repair.remaining.length ? 'yellow' : 'green'} title={repair.repaired.length ? 'Registros reparados' : 'No había registros dañados que este respaldo pudiera reparar'} data-testid="repair-result">
          {repair.repaired.map((line) => (
            <Text size="sm" key={line}>
              Reparado: {line}
            </Text>
          ))}
          {repair.remaining.map((line) => (
            <Text size="sm" key={line}>
              Sigue dañado: {line}
            </Text>
          ))}
        </Alert>
      )}
      {report?.valid && replacing && (
        <Checkbox
          color="red"
          label="Entiendo que la bóveda de este equipo se reemplaza por la del respaldo. La actual se conserva aparte, sin borrarse, y la sesión se cierra."
          checked={confirmed}
          onChange={(e) => setConfirmed(e.currentTarget.checked)}
        />
      )}
      <FormError error={error} />
      <Group justify="flex-end">
        {!report?.valid ? (
          <Button variant="default" onClick={() => void inspect()} loading={busy} disabled={!bag}>
            Revisar el respaldo
          </Button>
        ) : (
          <>
            {replacing && (
              <Button variant="light" leftSection={<IconTool size={16} />} onClick={() => void repairFromIt()} loading={busy}>
                Reparar con este respaldo
              </Button>
            )}
            <Button color={replacing ? 'red' : undefined} leftSection={<IconRestore size={16} />} onClick={() => void restore()} loading={busy} disabled={(replacing && !confirmed) || (report.sameVault === false && !otherConfirmed) || (how === 'password' ? !userName || !password : !recoveryCode)}>
              Restaurar
            </Button>
          </>
        )}
      </Group>
    </Stack>
  );
}
