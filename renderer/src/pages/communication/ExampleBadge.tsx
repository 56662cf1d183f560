import { Badge } from '@mantine/core';

/** Marks a record added by «Cargar programa de ejemplo». */
export function ExampleBadge({ example }: { example: boolean }) {
  if (!example) return null;
  return (
    <Badge color="grape" variant="light" tt="none" size="sm">
      Ejemplo
    </Badge>
  );
}
