/**
 * Text that a spreadsheet would run as a formula (OWASP "CSV injection") is prefixed with an
 * apostrophe. Titles and street names come from people; a control room opens these files in
 * Excel. Applied to free text only — numbers such as a negative longitude are left alone.
 */
export function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
