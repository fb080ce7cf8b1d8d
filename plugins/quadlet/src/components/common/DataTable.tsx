import type { ReactElement, ReactNode } from 'react';
import { Cell, Table, type ColumnConfig } from '@backstage/ui';

export interface DataColumn<T> {
  id: string;
  label: string;
  render: (row: T) => ReactNode;
  /** The column that names the row (read first by screen readers). */
  rowHeader?: boolean;
}

/**
 * A compact table over plain rows, using the same table as the catalog's own cards. Rows need no
 * id: their position is their key (the lists come from files and are never re-sorted here).
 */
export function DataTable<T>(props: {
  columns: DataColumn<T>[];
  rows: T[];
  emptyState?: ReactNode;
}) {
  const data = props.rows.map((row, index) => ({ id: index, row }));
  const columnConfig: ColumnConfig<{ id: number; row: T }>[] =
    props.columns.map(column => ({
      id: column.id,
      label: column.label,
      isRowHeader: column.rowHeader,
      cell: (item): ReactElement => <Cell>{column.render(item.row)}</Cell>,
    }));
  return (
    <Table
      columnConfig={columnConfig}
      data={data}
      pagination={{ type: 'none' }}
      emptyState={props.emptyState}
    />
  );
}
