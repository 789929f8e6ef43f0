import { RANGES, type RangeName } from '../format/time';
import { Field } from './page';

/** The "Range" select of the chart and usage filters: one of the console's fixed ranges ending now. */
export function RangeField({ id, value, onChange }: { id: string; value: RangeName; onChange: (range: RangeName) => void }) {
  return (
    <Field label="Range" id={id}>
      {(props) => (
        <select {...props} value={value} onChange={(e) => onChange(e.target.value as RangeName)}>
          {RANGES.map((r) => (
            <option key={r.name} value={r.name}>
              {r.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
