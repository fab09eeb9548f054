/** A column heading: a plain label, or one for a column of figures (aligned right, like its cells). */
export type Column = string | { label: string; numeric: true };

export const numeric = (label: string): Column => ({ label, numeric: true });

/** A table's header row, one `<th scope="col">` per column; `false` leaves a column out. */
export function TableHead(props: { columns: Array<Column | false> }) {
  return (
    <thead>
      <tr>
        {props.columns.map((column) =>
          column === false ? null : typeof column === 'string' ? (
            <th key={column} scope="col">
              {column}
            </th>
          ) : (
            <th key={column.label} scope="col" class="number">
              {column.label}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}
