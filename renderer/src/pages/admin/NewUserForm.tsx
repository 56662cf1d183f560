import { Button, Checkbox, Group, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { z } from 'zod';
import { passwordProblems, PASSWORD_RULES_TEXT } from '../../../../shared/domain/password-policy';
import { ROLE_LABELS, ROLES, type Role } from '../../../../shared/domain/roles';
import { personSchema, rolesSchema, userNameSchema, type User } from '../../../../shared/domain/users';
import { call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { areaOptions } from '../../components/area-options';
import { FormError } from '../../forms/FormError';
import { useSubmit } from '../../forms/use-submit';
import { zodValidate } from '../../forms/zod-form';

const newUserSchema = personSchema
  .extend({ userName: userNameSchema, roles: rolesSchema, temporaryPassword: z.string() })
  .superRefine((v, ctx) => {
    const first = passwordProblems(v.temporaryPassword, v.userName)[0];
    if (first) ctx.addIssue({ code: 'custom', path: ['temporaryPassword'], message: first });
  });

export function NewUserForm({ onCreated, onChange }: { onCreated: (user: User) => Promise<void>; onChange: () => void }) {
  const { busy, error, run } = useSubmit();
  const { data: areas = [] } = useLoad(() => call('areas.list', {}), []);
  const form = useForm({
    initialValues: { fullName: '', position: '', userName: '', roles: ['capturista'] as Role[], temporaryPassword: '', areaId: null as string | null },
    onValuesChange: onChange,
    validate: zodValidate(newUserSchema),
  });
  const submit = form.onSubmit(async (values) => {
    await run(async () => {
      await onCreated(await call('users.create', values));
    });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <TextInput label="Nombre completo" withAsterisk {...form.getInputProps('fullName')} />
          <TextInput label="Cargo" withAsterisk {...form.getInputProps('position')} />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <TextInput label="Usuario" withAsterisk {...form.getInputProps('userName')} />
          <Select label="Área" placeholder="Sin área" data={areaOptions(areas, null)} clearable searchable nothingFoundMessage="Ningún área con ese nombre" {...form.getInputProps('areaId')} />
        </SimpleGrid>
        <Checkbox.Group label="Roles" withAsterisk {...form.getInputProps('roles')}>
          <SimpleGrid cols={2} mt="xs" spacing="xs">
            {ROLES.map((role) => (
              <Checkbox key={role} value={role} label={ROLE_LABELS[role]} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <PasswordInput
          label="Contraseña temporal"
          description={`Deberá cambiarla al iniciar sesión por primera vez. ${PASSWORD_RULES_TEXT}`}
          withAsterisk
          autoComplete="new-password"
          {...form.getInputProps('temporaryPassword')}
        />
        <FormError error={error} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            Dar de alta
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
