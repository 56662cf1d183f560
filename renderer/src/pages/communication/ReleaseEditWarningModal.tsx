import { Button, Group, Modal, Stack, Text } from '@mantine/core';

/** Before an edit after legal approval: what it will do to the sheet and the state. */
export function ReleaseEditWarningModal({ signed, onCancel, onConfirm }: { signed: boolean; onCancel: () => void; onConfirm: () => void }) {
  return (
    <Modal opened onClose={onCancel} title="¿Modificar una difusión ya aprobada?" centered>
      <Stack gap="sm">
        <Text size="sm" fw={500}>
          {signed ? 'La hoja firmada quedará anulada y la difusión volverá a revisión.' : 'La hoja de autorización impresa quedará anulada y la difusión volverá a revisión.'}
        </Text>
        <Text size="sm">Si cambia el texto o el material de una publicación en redes sociales, primero la validará otra vez el titular del área. Después se imprime y firma una hoja nueva.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Volver
          </Button>
          <Button color="orange" onClick={onConfirm}>
            Modificar de todos modos
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
