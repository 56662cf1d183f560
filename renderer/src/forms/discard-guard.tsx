import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useCallback, useRef } from 'react';

/**
 * Escape or × on a dialog with typed data asks first:
 * closing loses what was written, and a clerk at the counter presses Escape
 * by reflex. The form calls `markDirty` when anything changes.
 */
export function useDiscardGuard(what: string) {
  const dirty = useRef(false);
  const markDirty = useCallback(() => {
    dirty.current = true;
  }, []);
  const clear = useCallback(() => {
    dirty.current = false;
  }, []);
  const guard = useCallback(
    (close: () => void) => () => {
      if (!dirty.current) return close();
      modals.openConfirmModal({
        title: '¿Descartar lo que escribió?',
        children: <Text size="sm">Se perderán los datos escritos en «{what}».</Text>,
        labels: { confirm: 'Descartar', cancel: 'Seguir escribiendo' },
        confirmProps: { color: 'red' },
        onConfirm: () => {
          dirty.current = false;
          close();
        },
      });
    },
    [what],
  );
  return { markDirty, clear, guard };
}
