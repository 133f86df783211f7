import { useEffect, useId, useRef, useState } from 'react';

/**
 * A number field that keeps what is typed (so "1." or an empty field can be on the way to a
 * value), hands on only values `check` accepts, and says why it refuses one beside the field.
 * `problem` is a message from outside (the scenario loader's) about the value now in the draft.
 */
export function CheckedNumber({ label, value, onCommit, check, problem, width = 64, placeholder, testId }: {
  label: string;
  value: number | undefined;
  onCommit(value: number | undefined): void;
  /** Why a typed value cannot be used, or undefined when it can. Empty text arrives as undefined. */
  check(value: number | undefined): string | undefined;
  problem?: string;
  width?: number;
  placeholder?: string;
  testId?: string;
}) {
  const shown = value === undefined ? '' : String(Number(value.toPrecision(12)));
  const [text, setText] = useState(shown);
  const [refused, setRefused] = useState<string>();
  const editing = useRef(false);
  const id = useId();
  // Undo, redo and restore change the value from outside: show it unless the user is typing.
  useEffect(() => {
    if (!editing.current) {
      setText(shown);
      setRefused(undefined);
    }
  }, [shown]);
  const message = refused ?? problem;
  return (
    <span className="checked-number">
      <input
        type="text" inputMode="decimal" value={text} placeholder={placeholder} aria-label={label} style={{ width }}
        aria-invalid={message ? true : undefined} aria-describedby={message ? id : undefined} data-testid={testId}
        onFocus={() => { editing.current = true; }}
        onBlur={() => { editing.current = false; if (refused) { setText(shown); setRefused(undefined); } }}
        onChange={(e) => {
          const t = e.target.value;
          setText(t);
          const n = t.trim() === '' ? undefined : Number(t.replace(',', '.'));
          const why = n !== undefined && !Number.isFinite(n) ? 'a number' : check(n);
          setRefused(why);
          if (!why && n !== value) onCommit(n);
        }}
      />
      {message && <span id={id} className="field-error" role="alert">{message}</span>}
    </span>
  );
}
