/**
 * One RFC 4180 CSV record. A field that a spreadsheet would run as a formula (starting with
 * =, +, -, @, tab or carriage return) is prefixed with an apostrophe: dispatch sheets are opened
 * in spreadsheets on the shop floor, and a reason text is typed by a person.
 */
export function csvRecord(fields: readonly (string | number | null | undefined)[]): string {
  return fields.map((f) => {
    if (f === null || f === undefined) return '';
    if (typeof f === 'number') return String(f);
    const safe = /^[=+\-@\t\r]/.test(f) ? `'${f}` : f;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  }).join(',');
}

/** Records joined with CRLF, as RFC 4180 asks, with a final line break. */
export function csvText(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return `${rows.map(csvRecord).join('\r\n')}\r\n`;
}
