import { ActionIcon, Group, NumberInput, Select } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { MONTH_OPTIONS } from './programme-ui';

/** The year (and, when `month` is not undefined, the month) a programme page shows, with «anterior» and «siguiente». */
export function YearMonthPicker(props: { year: number; month?: number | null; allowWholeYear?: boolean; onChange: (year: number, month: number | null) => void }) {
  const { year, month, onChange } = props;
  const withMonth = month !== undefined;
  const step = (delta: number) => {
    if (!withMonth || month === null) return onChange(year + delta, month ?? null);
    const m = month + delta;
    if (m < 1) return onChange(year - 1, 12);
    if (m > 12) return onChange(year + 1, 1);
    return onChange(year, m);
  };
  const options = props.allowWholeYear ? [{ value: '0', label: 'Todo el año' }, ...MONTH_OPTIONS] : MONTH_OPTIONS;
  return (
    <Group gap="xs" align="flex-end">
      <ActionIcon variant="default" size="lg" aria-label="Anterior" onClick={() => step(-1)}>
        <IconChevronLeft size={18} />
      </ActionIcon>
      {withMonth && (
        <Select label="Mes" data={options} value={String(month ?? 0)} allowDeselect={false} w={150} onChange={(v) => onChange(year, v && v !== '0' ? Number(v) : null)} />
      )}
      <NumberInput
        label="Año"
        value={year}
        min={2000}
        max={2100}
        w={100}
        allowDecimal={false}
        onChange={(v) => {
          const n = Number(v);
          if (Number.isInteger(n) && n >= 2000 && n <= 2100) onChange(n, month ?? null);
        }}
      />
      <ActionIcon variant="default" size="lg" aria-label="Siguiente" onClick={() => step(1)}>
        <IconChevronRight size={18} />
      </ActionIcon>
    </Group>
  );
}
