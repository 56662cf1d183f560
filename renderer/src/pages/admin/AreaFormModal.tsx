import { Modal } from '@mantine/core';
import type { Area } from '../../../../shared/domain/areas';
import type { User } from '../../../../shared/domain/users';
import { AreaForm } from './AreaForm';

/** Create or edit an area. Mounted only while open, so it starts from the record. */
export function AreaFormModal(props: { opened: boolean; area?: Area; users: User[]; onClose: () => void; onSaved: (area: Area) => void }) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.area ? 'Modificar área' : 'Nueva área'} size="lg" centered>
      {props.opened && <AreaForm {...(props.area ? { area: props.area } : {})} users={props.users} onSaved={props.onSaved} />}
    </Modal>
  );
}
