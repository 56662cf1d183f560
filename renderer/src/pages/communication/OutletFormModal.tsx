import { Modal } from '@mantine/core';
import type { MediaOutlet } from '../../../../shared/domain/areas';
import { OutletForm } from './OutletForm';

/** Register or edit a media outlet. Mounted only while open, so it starts from the record. */
export function OutletFormModal(props: { opened: boolean; outlet?: MediaOutlet; onClose: () => void; onSaved: (outlet: MediaOutlet) => void }) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.outlet ? 'Modificar medio' : 'Registrar medio'} size="xl" centered>
      {props.opened && <OutletForm {...(props.outlet ? { outlet: props.outlet } : {})} onSaved={props.onSaved} />}
    </Modal>
  );
}
