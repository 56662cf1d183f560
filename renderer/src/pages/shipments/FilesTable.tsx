import { ActionIcon, Code, Table, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { MediaFile } from '../../../../shared/domain/shipments';
import { formatBytes } from '../../../../shared/format/bytes';

/** The files of a magnetic-media shipment: name, size and SHA-256 (whole on hover); removable in the form. */
export function FilesTable({ files, onRemove }: { files: readonly Pick<MediaFile, 'name' | 'size' | 'sha256'>[]; onRemove?: (index: number) => void }) {
  return (
    <Table verticalSpacing={4} data-testid="media-files">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Archivo</Table.Th>
          <Table.Th>Tamaño</Table.Th>
          <Table.Th>SHA-256</Table.Th>
          {onRemove && <Table.Th />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {files.map((f, index) => (
          <Table.Tr key={f.name}>
            <Table.Td>{f.name}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatBytes(f.size)}</Table.Td>
            <Table.Td>
              <Tooltip label={f.sha256}>
                <Code>{f.sha256.slice(0, 16)}…</Code>
              </Tooltip>
            </Table.Td>
            {onRemove && (
              <Table.Td>
                <ActionIcon variant="subtle" color="red" aria-label={`Quitar ${f.name}`} onClick={() => onRemove(index)}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
