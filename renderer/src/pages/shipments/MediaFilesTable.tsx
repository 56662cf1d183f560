import { Title } from '@mantine/core';
import type { MediaFile } from '../../../../shared/domain/shipments';
import { formatBytes } from '../../../../shared/format/bytes';
import { FilesTable } from './FilesTable';

export function MediaFilesTable({ files }: { files: MediaFile[] }) {
  return (
    <>
      <Title order={3} size="h6" mt="md" mb="xs">
        Archivos del medio ({files.length}, {formatBytes(files.reduce((sum, f) => sum + f.size, 0))})
      </Title>
      <FilesTable files={files} />
    </>
  );
}
