import { Select } from '@mantine/core';
import type { BagFolder, DriveInfo } from '../../../../shared/domain/media';
import { call } from '../../api/client';
import { useLoad } from '../../api/use-load';

const KIND_LABELS: Record<BagFolder['kind'], string> = { envio: 'envío', expediente: 'expediente', respaldo: 'respaldo', otro: 'paquete' };

/** The BagIt folders at the top of a drive (optionally only of one kind). */
export function BagPicker({ drive, kind, value, onChange, label }: { drive: DriveInfo | null; kind?: BagFolder['kind']; value: string | null; onChange: (name: string | null) => void; label: string }) {
  const { data } = useLoad(() => (drive ? call('media.bags', { drivePath: drive.mountPath }) : Promise.resolve([])), [drive?.mountPath]);
  const bags = (data ?? []).filter((b) => !kind || b.kind === kind);
  return (
    <Select
      label={label}
      placeholder={!drive ? 'Elija primero la unidad' : bags.length === 0 ? 'No hay paquetes en esta unidad' : 'Elija la carpeta'}
      data={bags.map((b) => ({ value: b.name, label: kind ? b.name : `${b.name} (${KIND_LABELS[b.kind]})` }))}
      value={value}
      onChange={onChange}
      disabled={!drive || bags.length === 0}
      searchable
    />
  );
}
