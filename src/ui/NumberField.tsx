import { useEffect, useId, useRef, useState } from 'react';
import './forms.css';

export interface NumberRange {
  min: number;
  max: number;
  /** Whole numbers only. */
  integer?: boolean;
}

/**
 * Reads a typed number: undefined and a message unless it is a number within the range. A field
 * being typed in may be empty or half-written ("", "3", "-"): only the finished text is judged.
 */
export function parseNumber(text: string, range: NumberRange): { value: number } | { message: string } {
  const expected = `${range.integer ? 'a whole number' : 'a number'} from ${range.min.toLocaleString('en')} to ${range.max.toLocaleString('en')}`;
  const trimmed = text.trim().replace(/,/g, '');
  if (trimmed === '') return { message: `Enter ${expected}.` };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { message: `"${text.trim()}" is not a number: enter ${expected}.` };
  if (range.integer && !Number.isInteger(value)) return { message: `${trimmed} is not a whole number: enter ${expected}.` };
  if (value < range.min || value > range.max) return { message: `${trimmed} is out of range: enter ${expected}.` };
  return { value };
}

export interface NumberFieldProps extends NumberRange {
  label: string;
  value: number;
  onCommit(value: number): void;
  unit?: string;
  testId?: string;
  disabled?: boolean;
  /** Width of the input in characters. */
  size?: number;
}

/**
 * A number input that is judged when the user is done — on Enter or when focus leaves — not on
 * every keystroke, so deleting "10" to type "30" gives 30 (not 130 or 230). A bad or out-of-range
 * entry keeps the text, shows why next to it and commits nothing; Escape restores the value.
 */
export function NumberField({ label, value, onCommit, unit, testId, disabled, size = 6, ...range }: NumberFieldProps) {
  const [text, setText] = useState(String(value));
  const [message, setMessage] = useState<string | undefined>(undefined);
  const editing = useRef(false);
  const id = useId();
  // The value changed elsewhere (a store, another view): show it unless the user is typing.
  useEffect(() => {
    if (!editing.current) {
      setText(String(value));
      setMessage(undefined);
    }
  }, [value]);
  const commit = () => {
    editing.current = false;
    const parsed = parseNumber(text, range);
    if ('message' in parsed) {
      setMessage(parsed.message);
      return;
    }
    setMessage(undefined);
    setText(String(parsed.value));
    if (parsed.value !== value) onCommit(parsed.value);
  };
  return (
    <span className="number-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode={range.integer ? 'numeric' : 'decimal'}
        size={size}
        value={text}
        disabled={disabled}
        aria-invalid={message !== undefined}
        aria-describedby={message ? `${id}-message` : undefined}
        data-testid={testId}
        onChange={(e) => { editing.current = true; setText(e.target.value); }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') { editing.current = false; setText(String(value)); setMessage(undefined); }
        }}
      />
      {unit && <span className="number-unit">{unit}</span>}
      {message && <span id={`${id}-message`} className="field-error" role="alert" data-testid={testId ? `${testId}-message` : undefined}>{message}</span>}
    </span>
  );
}
