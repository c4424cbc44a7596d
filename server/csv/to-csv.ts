// Every CSV the app hands to a person goes through here: a UTF-8 BOM so Excel opens Chinese
// names correctly, RFC 4180 quoting, and formula escaping (a cell starting with = + - @ tab or CR
// gets a leading ' so a spreadsheet shows it as text instead of running it).
import { stringify } from "csv-stringify/sync";

export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return stringify([[...header], ...rows.map((r) => [...r])], {
    bom: true,
    escape_formulas: true,
    record_delimiter: "\n",
  });
}
