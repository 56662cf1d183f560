import { Badge, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEye, IconFileCheck, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import type { AccountView } from '../../../../shared/domain/social-accounts';
import { call } from '../../api/client';
import { useShownDocument } from './account-documents';
import { ScanUploadModal } from './ScanUploadModal';
import { ShownDocumentModal } from './ShownDocumentModal';

/** Quinta: a personal account joins only at its holder's express request; its scan is kept with the account. */
export function RequestScanSection({ view, onChanged }: { view: AccountView; onChanged: () => void }) {
  const { account } = view;
  const [registering, setRegistering] = useState(false);
  const documents = useShownDocument();
  const removed = view.status === 'dada_de_baja';
  const holder = account.holder?.fullName ?? 'el servidor público';
  return (
    <Group gap="sm" mt="md" data-testid="request-scan">
      <Text size="sm" fw={600}>
        Solicitud del servidor público:
      </Text>
      {account.requestScan ? (
        <Badge color="green" variant="light" tt="none" leftSection={<IconFileCheck size={12} />}>
          Registrada ({account.requestScan.fileName})
        </Badge>
      ) : (
        <Badge color="orange" variant="light" tt="none">
          Falta la solicitud firmada
        </Badge>
      )}
      {account.requestScan && (
        <Button size="compact-sm" variant="default" leftSection={<IconEye size={14} />} loading={documents.loading === 'request'} onClick={() => void documents.show('request', `Solicitud de ${holder}`, 'scan', () => call('socialAccounts.scan', { accountId: account.id }))}>
          Ver solicitud
        </Button>
      )}
      {!removed && (
        <Button size="compact-sm" variant={account.requestScan ? 'subtle' : 'light'} leftSection={<IconUpload size={14} />} onClick={() => setRegistering(true)}>
          {account.requestScan ? 'Reemplazar solicitud' : 'Registrar solicitud del servidor público'}
        </Button>
      )}
      {registering && (
        <ScanUploadModal
          title="Registrar solicitud del servidor público"
          explanation={`El escaneo del escrito en que ${holder} pide expresamente registrar su cuenta personal (PDF, PNG o JPG). Se guarda cifrado con la cuenta.`}
          fileLabel="Solicitud firmada escaneada"
          submitLabel="Registrar solicitud"
          onClose={() => setRegistering(false)}
          onUpload={async (scan) => {
            await call('socialAccounts.registerRequestScan', { accountId: account.id, scan });
            setRegistering(false);
            notifications.show({ color: 'green', message: 'Solicitud del servidor público registrada.' });
            onChanged();
          }}
        />
      )}
      <ShownDocumentModal shown={documents.shown} onClose={documents.close} />
    </Group>
  );
}
