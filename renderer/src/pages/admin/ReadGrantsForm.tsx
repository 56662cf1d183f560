import { Alert, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { GRANTABLE_LEVELS, type GrantableLevel } from '../../../../shared/domain/read-access';
import type { User } from '../../../../shared/domain/users';
import { call } from '../../api/client';
import { FormError } from '../../forms/FormError';
import { useSubmit } from '../../forms/use-submit';

const LEVEL_TEXT: Record<GrantableLevel, { label: string; description: string }> = {
  reservada: { label: 'Reservada', description: 'Podrá ver, abrir e imprimir los envíos de información reservada, aunque no los haya preparado.' },
  confidencial: { label: 'Confidencial', description: 'Podrá ver, abrir e imprimir los envíos de información confidencial, aunque no los haya preparado.' },
};

/** The administrator grants or revokes, by name, reading reservada and confidencial shipments (users.setReadGrants). */
export function ReadGrantsForm({ user, onSaved, onCancel }: { user: User; onSaved: (saved: User) => void; onCancel: () => void }) {
  const [grants, setGrants] = useState<GrantableLevel[]>(user.readGrants ?? []);
  const { busy, error, run } = useSubmit();
  const save = () =>
    run(async () => {
      onSaved(await call('users.setReadGrants', { userId: user.id, grants: GRANTABLE_LEVELS.filter((g) => grants.includes(g)) }));
    });
  const unchanged = [...grants].sort().join() === [...(user.readGrants ?? [])].sort().join();
  return (
    <Stack gap="md">
      <Text size="sm">
        {user.fullName} ({user.userName}) siempre lee los envíos públicos y los que prepara. Marque qué más necesita leer por su función.
      </Text>
      <Checkbox.Group label="Puede leer envíos de información" value={grants} onChange={(v) => setGrants(v as GrantableLevel[])}>
        <Stack gap="sm" mt="xs">
          {GRANTABLE_LEVELS.map((level) => (
            <Checkbox key={level} value={level} label={LEVEL_TEXT[level].label} description={LEVEL_TEXT[level].description} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Alert color="gray" variant="light" icon={<IconInfoCircle />}>
        El cambio queda registrado en la bitácora. Conceda el acceso sólo a quien su función lo requiera.
      </Alert>
      <FormError error={error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancelar
        </Button>
        <Button onClick={() => void save()} loading={busy} disabled={unchanged}>
          Guardar acceso
        </Button>
      </Group>
    </Stack>
  );
}
