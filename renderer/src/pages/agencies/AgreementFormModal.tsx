import { Modal } from '@mantine/core';
import type { Agreement } from '../../../../shared/domain/agencies';
import { AgreementForm } from './AgreementForm';

export function AgreementFormModal(props: { opened: boolean; agencyId: string; agreement?: Agreement; onClose: () => void; onSaved: () => void }) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.agreement ? `Convenio ${props.agreement.number}` : 'Registrar convenio'} size="lg" centered>
      {props.opened && <AgreementForm {...props} />}
    </Modal>
  );
}
