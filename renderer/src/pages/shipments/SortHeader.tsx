import { Group, Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { ShipmentSortField } from '../../../../shared/domain/shipments';

export function SortHeader(props: { field: ShipmentSortField; sort: ShipmentSortField; direction: 'asc' | 'desc'; onSort: (field: ShipmentSortField) => void; w?: number; children: ReactNode }) {
  const active = props.sort === props.field;
  const Icon = !active ? IconSelector : props.direction === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th w={props.w} aria-sort={active ? (props.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => props.onSort(props.field)} fw={600} fz="sm">
        <Group gap={4} wrap="nowrap">
          {props.children}
          <Icon size={14} stroke={1.5} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
