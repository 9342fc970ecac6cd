import { ImportSourceError } from '../app/interchange.js';

/** The text encodings an import file is read in. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

const saveAsUtf8 =
  'The file is in UTF-32, which cannot be read. Save it as UTF-8 (in Excel, "CSV UTF-8") and import it again.';

/**
 * The encoding of a file from its first bytes. A byte-order mark says which; without one, a zero byte beside
 * the first character is UTF-16 (as Excel's "Unicode text" is without its mark); anything else is UTF-8.
 */
export function sniffEncoding(head: Uint8Array): TextEncoding {
  const [first, second, third, fourth] = head;
  if (first === 0xff && second === 0xfe && third === 0 && fourth === 0)
    throw new ImportSourceError(saveAsUtf8);
  if (first === 0 && second === 0 && third === 0xfe && fourth === 0xff)
    throw new ImportSourceError(saveAsUtf8);
  if (first === 0xff && second === 0xfe) return 'utf-16le';
  if (first === 0xfe && second === 0xff) return 'utf-16be';
  if (head.length >= 2 && first !== 0 && second === 0) return 'utf-16le';
  if (head.length >= 2 && first === 0 && second !== 0) return 'utf-16be';
  return 'utf-8';
}

/** A file's text, in the encoding its first bytes show, without its byte-order mark. */
export function decodeBytes(bytes: Uint8Array): string {
  return new TextDecoder(sniffEncoding(bytes)).decode(bytes);
}

/**
 * A file's text from its bytes as they arrive, in the encoding its first bytes show: characters split between
 * two pieces are put together, and the byte-order mark is dropped.
 */
export async function* decodePieces(pieces: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let head = Buffer.alloc(0);
  for await (const piece of pieces) {
    const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece;
    if (!decoder) {
      head = Buffer.concat([head, bytes]);
      if (head.length < 4) continue;
      decoder = new TextDecoder(sniffEncoding(head));
      yield decoder.decode(head, { stream: true });
      continue;
    }
    const text = decoder.decode(bytes, { stream: true });
    if (text) yield text;
  }
  if (!decoder) {
    if (head.length > 0) yield decodeBytes(head);
    return;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}
