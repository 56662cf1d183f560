import { Alert, Anchor, List, Text } from '@mantine/core';
import { IconAlertOctagon } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { RecordDamage } from '../../../shared/domain/directory-views';

const RECORDS_LABELS: Record<RecordDamage['months'][number]['records'], string> = { envios: 'Envíos', custodia: 'Cadena de custodia', bitacora: 'Bitácora', impresiones: 'Impresiones guardadas' };

export function hasDamage(damage: RecordDamage | null | undefined): damage is RecordDamage {
  return Boolean(damage && (damage.months.length > 0 || damage.shipments.length > 0));
}

/**
 * Records whose bytes on disk cannot be read: which shipments and months,
 * that everything else works, and how to repair them from a backup.
 */
export function DamageNotice({ damage }: { damage: RecordDamage }) {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return (
    <Alert color="red" variant="light" icon={<IconAlertOctagon size={20} />} title="Hay registros dañados en el disco" data-testid="damage-notice">
      <Text size="sm">Valija sigue funcionando con todo lo demás; sólo lo siguiente no se puede leer:</Text>
      <List size="sm" mt={6} spacing={2}>
        {damage.shipments.map((s) => (
          <List.Item key={s.id}>
            Envío{' '}
            <Anchor component={Link} to={`/envios/${s.id}`} size="sm">
              {s.folio ?? (s.subject ? `«${s.subject}»` : 'sin folio')}
            </Anchor>
          </List.Item>
        ))}
        {damage.months.map((m) => (
          <List.Item key={`${m.records}:${m.month}`}>
            {RECORDS_LABELS[m.records]}, mes {m.month}: {plural(m.frames, 'registro dañado', 'registros dañados')}
          </List.Item>
        ))}
      </List>
      <Text size="sm" mt={6}>
        Para repararlos, un administrador conecta el medio con un respaldo de esta bóveda y, en{' '}
        <Anchor component={Link} to="/medios" size="sm">
          Medios extraíbles
        </Anchor>{' '}
        → Restaurar, elige el respaldo y pulsa «Reparar con este respaldo». Sólo se reemplazan los registros dañados; lo guardado después del respaldo se conserva.
      </Text>
    </Alert>
  );
}
