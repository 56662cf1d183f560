import { Stack, Text } from '@mantine/core';
import type { OutletContact } from '../../../../shared/domain/areas';

/** Each contact on two lines: name and position, then e-mail and phone. */
export function OutletContactsCell({ contacts }: { contacts: OutletContact[] }) {
  if (contacts.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Sin contactos
      </Text>
    );
  }
  return (
    <Stack gap={6}>
      {contacts.map((c, index) => (
        <div key={index}>
          <Text size="sm">
            {c.name}
            {c.position ? ` · ${c.position}` : ''}
          </Text>
          <Text size="xs" c="dimmed">
            {[c.email, c.phone].filter((v) => v !== '').join(' · ')}
          </Text>
        </div>
      ))}
    </Stack>
  );
}
