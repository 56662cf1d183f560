import { Modal } from '@mantine/core';
import { CsvImport } from './CsvImport';

/**
 * CSV import in two steps: the core reads the file and shows what it would
 * do, row by row; nothing is written until the person confirms.
 */
export function CsvImportModal({ opened, onClose, onImported }: { opened: boolean; onClose: () => void; onImported: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Importar dependencias desde CSV" size="xl" centered>
      {opened && <CsvImport onClose={onClose} onImported={onImported} />}
    </Modal>
  );
}
