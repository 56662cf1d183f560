import { Button } from '@mantine/core';
import { IconArchive } from '@tabler/icons-react';
import { useState } from 'react';
import { ReleaseDossierModal } from './ReleaseDossierModal';

/**
 * «Exportar expediente»: a release's whole record as a BagIt bag on a
 * removable drive, for a transparency request or the archive. The core
 * reads the bag back and verifies it before it answers; a classified
 * release's dossier is encrypted and its passphrase is shown here once.
 * For the release's page (its header actions), given the release's id.
 */
export function ReleaseDossierButton({ releaseId, size = 'sm' }: { releaseId: string; size?: 'xs' | 'sm' }) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size={size} variant="default" leftSection={<IconArchive size={16} />} onClick={() => setOpened(true)}>
        Exportar expediente
      </Button>
      {opened && <ReleaseDossierModal releaseId={releaseId} onClose={() => setOpened(false)} />}
    </>
  );
}
