import fs from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { ImportSourceError } from '../app/interchange.js';

/** Reads an import source: a local file, or an http(s) address. */
export async function readSource(source: string): Promise<string> {
  if (/^https?:\/\//i.test(source)) {
    let response: Response;
    try {
      response = await fetch(source, { signal: AbortSignal.timeout(30_000) });
    } catch (error) {
      throw new ImportSourceError(`Could not fetch ${source}: ${(error as Error).message}`);
    }
    if (!response.ok)
      throw new ImportSourceError(`Could not fetch ${source}: the server answered ${response.status}`);
    return response.text();
  }
  try {
    // Large ONS files are often shipped gzipped (`*.geojson.gz`): read them as they are.
    if (/\.gz$/i.test(source)) return gunzipSync(await fs.readFile(source)).toString('utf8');
    return await fs.readFile(source, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'there is no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : String(code ?? error);
    throw new ImportSourceError(`Could not read ${source}: ${reason}`);
  }
}

/** Reads an import source as bytes (for spreadsheets, and text files that may not be UTF-8). */
export async function readSourceBytes(source: string): Promise<Buffer> {
  if (/^https?:\/\//i.test(source)) {
    let response: Response;
    try {
      response = await fetch(source, { signal: AbortSignal.timeout(30_000) });
    } catch (error) {
      throw new ImportSourceError(`Could not fetch ${source}: ${(error as Error).message}`);
    }
    if (!response.ok)
      throw new ImportSourceError(`Could not fetch ${source}: the server answered ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  }
  try {
    return await fs.readFile(source);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'there is no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : String(code ?? error);
    throw new ImportSourceError(`Could not read ${source}: ${reason}`);
  }
}
