import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Area } from '../../../../shared/domain/areas';
import type { User } from '../../../../shared/domain/users';
import { call } from '../../api/client';
import { FormError } from '../../forms/FormError';
import { useSubmit } from '../../forms/use-submit';
import { areaOptions } from '../../components/area-options';

/** Puts a person in one of the office's active areas, or takes them out of any (users.update keeps everything else). */
export function UserAreaForm({ user, areas, onCancel, onSaved }: { user: User; areas: Area[]; onCancel: () => void; onSaved: (user: User) => void }) {
  const { busy, error, run } = useSubmit();
  const [areaId, setAreaId] = useState<string | null>(user.areaId ?? null);
  const save = () =>
    run(async () => {
      onSaved(await call('users.update', { userId: user.id, fullName: user.fullName, position: user.position, roles: user.roles, areaId }));
    });
  return (
    <Stack gap="sm">
      <Text size="sm">
        {user.fullName} · {user.position}
      </Text>
      <Select label="Área" placeholder="Sin área" data={areaOptions(areas, user.areaId ?? null)} value={areaId} onChange={setAreaId} clearable searchable nothingFoundMessage="Ningún área con ese nombre" />
      <FormError error={error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancelar
        </Button>
        <Button loading={busy} onClick={() => void save()}>
          Guardar área
        </Button>
      </Group>
    </Stack>
  );
}
