import { Modal } from '@mantine/core';
import type { Agency } from '../../../../shared/domain/agencies';
import { AgencyForm } from './AgencyForm';

/** Create or edit an agency with its authorised recipients. Mounted only while open, so it starts from the record. */
export function AgencyFormModal(props: { opened: boolean; agency?: Agency; onClose: () => void; onSaved: (agency: Agency) => void }) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.agency ? 'Modificar dependencia' : 'Nueva dependencia'} size="xl" centered>
      {props.opened && <AgencyForm {...props} />}
    </Modal>
  );
}
