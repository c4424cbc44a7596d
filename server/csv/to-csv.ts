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

/**
 * The same CSV built a slice at a time: rows are fetched `chunk` at a time by the caller's `page`
 * (given the last row it returned, undefined at first) and the event loop gets a turn between slices, so
 * a large export never holds the engine's thread for long. One BOM, one header.
 */
export async function toCsvPaged<T>(
  header: readonly string[],
  page: (after: T | undefined) => Promise<T[]>,
  toRow: (item: T) => ReadonlyArray<string | number>,
): Promise<{ csv: string; rows: number }> {
  const parts = [toCsv(header, [])];
  let rows = 0;
  let last: T | undefined;
  for (;;) {
    const items = await page(last);
    if (items.length === 0) break;
    parts.push(
      stringify(
        items.map((item) => [...toRow(item)]),
        { escape_formulas: true, record_delimiter: "\n" },
      ),
    );
    rows += items.length;
    last = items[items.length - 1];
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return { csv: parts.join(""), rows };
}
