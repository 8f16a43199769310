/**
 * A bar chart that is a table: screen readers read the numbers, sighted readers also see the bars.
 * No chart library; the bars are CSS widths.
 */
export interface BarRow {
  key: string;
  label: string;
  value: number;
  /** A part of value drawn darker inside the bar (e.g. adopted comments within all comments). */
  part?: number;
}

export function BarChart({
  caption,
  rows,
  labelHeader,
  valueHeader,
  partHeader,
  note,
  unit,
}: {
  caption: string;
  rows: BarRow[];
  labelHeader: string;
  valueHeader: string;
  partHeader?: string;
  /** How to read the bars (shown under the caption). */
  note?: string;
  unit: string;
}) {
  const max = Math.max(1, ...rows.map((row) => row.value));
  return (
    <table className="bar-chart">
      <caption>
        {caption}
        {note ? <span className="chart-note">{note}</span> : null}
      </caption>
      <thead>
        <tr>
          <th scope="col">{labelHeader}</th>
          <th scope="col" className="num">
            {valueHeader}
          </th>
          {partHeader ? (
            <th scope="col" className="num">
              {partHeader}
            </th>
          ) : null}
          <td aria-hidden="true" className="bar-cell" />
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td className="num">
              {row.value}
              {unit}
            </td>
            {partHeader ? (
              <td className="num">
                {row.part ?? 0}
                {unit}
              </td>
            ) : null}
            <td aria-hidden="true" className="bar-cell">
              <span className="bar" style={{ width: `${(row.value / max) * 100}%` }}>
                {partHeader && row.value > 0 ? (
                  <span className="bar-part" style={{ width: `${((row.part ?? 0) / row.value) * 100}%` }} />
                ) : null}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
