/** Leading characters that make a spreadsheet treat a cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell for spreadsheet programs: formula-looking text is defused with a leading `'`,
 * and cells with the separator, quotes or line breaks are quoted (quotes doubled).
 */
export function csvCell(value: string | number | null | undefined, separator = ';'): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  if (text.includes(separator) || /["\r\n]/.test(text)) text = `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** A whole CSV document with a UTF-8 BOM (Excel then reads umlauts right) and CRLF line ends. */
export function toCsv(rows: (string | number | null | undefined)[][], separator = ';'): string {
  const lines = rows.map((row) => row.map((cell) => csvCell(cell, separator)).join(separator));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
