import { useState } from 'react';

interface Props { value: number | undefined; onChange(value: number | undefined): void; testId: string }

/** A buffer capacity in parts; empty means unlimited. Applied on Enter or leaving the field, only when valid. */
export function BufferCapacityInput({ value, onChange, testId }: Props) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const parsed = text.trim() === '' ? undefined : Number(text);
  const valid = parsed === undefined || (Number.isInteger(parsed) && parsed > 0);
  const apply = () => { if (valid && parsed !== value) onChange(parsed); };
  return (
    <span className="capacity">
      <input
        type="number"
        min={1}
        step={1}
        value={text}
        placeholder="unlimited"
        aria-invalid={!valid}
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => { if (e.key === 'Enter') apply(); }}
        data-testid={testId}
      />
      <span className="unit">parts</span>
      {!valid && <span className="field-error">a whole number above 0, or empty for unlimited</span>}
    </span>
  );
}
