// `node --import tsx bench/services-csv-file.ts FILE ROWS`: writes the import benchmark's services CSV.
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';

const themes = ['food', 'money-debt-and-benefits', 'housing-and-homelessness', 'mental-health', 'loneliness'];

/** A services CSV in our template: 100,000 services from 2,000 organisations, with places and opening times. */
export async function writeServicesCsv(file: string, rows: number): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const header = [
    'id',
    'name',
    'organisation',
    'description',
    'themes',
    'email',
    'minimum_age',
    'capacity_people',
    'capacity_period',
    'location_name',
    'address',
    'postcode',
    'latitude',
    'longitude',
    'opening_times',
    'last_checked',
  ];
  const out = fs.createWriteStream(file);
  // Waits while the file catches up, so the rows are never all in memory.
  const write = async (text: string) => {
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  await write(stringify([header]));
  const chunk: string[][] = [];
  for (let i = 0; i < rows; i += 1) {
    chunk.push([
      `BENCH-${i}`,
      `Community service ${i}`,
      `Bench organisation ${i % 2000}`,
      `Help with everyday needs, number ${i}. Drop in or ask for a call back.`,
      `${themes[i % themes.length]};${themes[(i * 7) % themes.length]}`,
      `service${i}@example.org`,
      String(i % 3 === 0 ? 16 : ''),
      String(10 + (i % 90)),
      'week',
      `Hall ${i % 500}`,
      `${1 + (i % 200)} High Street`,
      'SR1 1AA',
      (53.0 + (i % 1000) / 1000).toFixed(5),
      (-2.0 - (i % 700) / 1000).toFixed(5),
      'Mon 09:00-12:00; Thu 13:00-16:00',
      '2026-10-01',
    ]);
    if (chunk.length === 1000) {
      await write(stringify(chunk));
      chunk.length = 0;
    }
  }
  await write(stringify(chunk));
  await new Promise<void>((resolve, reject) => out.end(() => resolve()).on('error', reject));
}

const [file, rows] = process.argv.slice(2);
if (!file || !rows) {
  process.stderr.write('Usage: node --import tsx bench/services-csv-file.ts FILE ROWS\n');
  process.exitCode = 2;
} else {
  await writeServicesCsv(file, Number(rows));
}
