import fs from 'node:fs';
import { createGunzip, gunzipSync } from 'node:zlib';
import { ImportSourceError } from '../app/interchange.js';
import { decodeBytes, decodePieces } from './text-encoding.js';

/** The message for a file with nothing in it, or only spaces and blank lines. */
export const emptyFileMessage =
  'The file is empty. Check you chose the right file and that it was saved with its rows, then upload it again.';

/** Large ONS files are often shipped gzipped (`*.geojson.gz`): they are read as they are. */
const isGzipFile = (source: string) => !/^https?:\/\//i.test(source) && /\.gz$/i.test(source);

/**
 * Reads an import source (a local file, gzipped or not, or an http(s) address) as text: UTF-8, with or without a
 * byte-order mark, or UTF-16 (as Excel's "Unicode text" saves it). An empty file is refused.
 */
export async function readSource(source: string): Promise<string> {
  const bytes = await readSourceBytes(source);
  let text: string;
  try {
    text = decodeBytes(isGzipFile(source) ? gunzipSync(bytes) : bytes);
  } catch (error) {
    if (error instanceof ImportSourceError) throw error;
    throw new ImportSourceError(`Could not read ${source}: ${(error as Error).message}`);
  }
  if (text.trim() === '') throw new ImportSourceError(emptyFileMessage);
  return text;
}

function unreadable(source: string, error: unknown): ImportSourceError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT'
      ? 'there is no such file'
      : code === 'EISDIR'
        ? 'it is a folder'
        : String(code ?? error);
  return new ImportSourceError(`Could not read ${source}: ${reason}`);
}

/** Pieces of `text` of about 64 KB, never splitting a character written as two UTF-16 code units. */
export function* piecesOfText(text: string): Generator<string> {
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + 65_536);
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff && end < text.length) end += 1;
    yield text.slice(start, end);
    start = end;
  }
}

/** An import source's text in pieces, which can be gone through more than once. */
export interface TextSource {
  pieces(): AsyncIterable<string>;
}

/**
 * Opens an import source to read a piece at a time: a local file (gzipped or not) is streamed from the disk
 * each time it is gone through, so a large file is never all in memory; an address is fetched once. The text
 * is decoded as `readSource` decodes it, from the byte-order mark (or its absence) in the first bytes.
 */
export async function openSource(source: string): Promise<TextSource> {
  if (/^https?:\/\//i.test(source)) {
    const text = await readSource(source);
    return {
      async *pieces() {
        yield* piecesOfText(text);
      },
    };
  }
  try {
    const stat = await fs.promises.stat(source);
    if (stat.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
  } catch (error) {
    throw unreadable(source, error);
  }
  return {
    async *pieces() {
      const file = fs.createReadStream(source, { highWaterMark: 64 * 1024 });
      const bytes: AsyncIterable<Buffer> = isGzipFile(source) ? file.pipe(createGunzip()) : file;
      try {
        yield* decodePieces(bytes);
      } catch (error) {
        if (error instanceof ImportSourceError) throw error;
        throw unreadable(source, error);
      } finally {
        file.destroy();
      }
    },
  };
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
    return await fs.promises.readFile(source);
  } catch (error) {
    throw unreadable(source, error);
  }
}
