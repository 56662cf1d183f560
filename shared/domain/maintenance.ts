/**
 * Work on the vault's records that a person may wait for after signing in:
 * the one-time upgrade of an older format, or an index rebuilt from the
 * records (rare: after an upgrade, a key rotation or damage). The screens
 * show it as progress instead of a silent wait.
 */
export type MaintenanceTask = 'upgrade' | 'shipments-index' | 'custody-index';

export const MAINTENANCE_LABELS: Record<MaintenanceTask, string> = {
  upgrade: 'Actualizando los registros de la bóveda al formato actual',
  'shipments-index': 'Reconstruyendo el índice de envíos desde los registros',
  'custody-index': 'Reconstruyendo el índice de la cadena de custodia desde los registros',
};

export interface MaintenanceStatus {
  task: MaintenanceTask;
  /** Months of records done, of `total`. */
  done: number;
  total: number;
}
