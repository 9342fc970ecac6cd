import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

/**
 * The parts of a zip file (an .xlsx workbook is one), read from its central directory: what each part says it
 * unpacks to, and where its bytes are, so a workbook can be measured before anything in it is parsed.
 */
export interface ZipPart {
  readonly name: string;
  /** 0 stored, 8 deflated; other methods are not read. */
  readonly method: number;
  readonly compressedSize: number;
  /** What the part says it unpacks to; `unpackedSize` finds what it really does. */
  readonly declaredSize: number;
  /** Where the part's local header starts, and where its bytes (with any data descriptor) end. */
  readonly start: number;
  readonly end: number;
  readonly dataStart: number;
}

export class ZipFormatError extends Error {
  override readonly name = 'ZipFormatError';
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
/** Sizes and offsets of 0xFFFFFFFF (and counts of 0xFFFF) mean a zip64 file: over 4 GB, never a workbook we read. */
const ZIP64_MARK = 0xffffffff;
const MAX_PARTS = 10_000;

function endOfDirectory(bytes: Buffer): number {
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= earliest; at -= 1) {
    if (bytes.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  throw new ZipFormatError('it has no zip directory');
}

function localPart(bytes: Buffer, entry: Omit<ZipPart, 'end' | 'dataStart'>, flags: number): ZipPart {
  const { start } = entry;
  if (start + 30 > bytes.length || bytes.readUInt32LE(start) !== LOCAL_HEADER) {
    throw new ZipFormatError(`the part ${entry.name} is not where the directory says`);
  }
  const dataStart = start + 30 + bytes.readUInt16LE(start + 26) + bytes.readUInt16LE(start + 28);
  let end = dataStart + entry.compressedSize;
  if (flags & 0x08) {
    // A data descriptor follows the bytes: crc and sizes, with or without its own signature.
    const signed = end + 4 <= bytes.length && bytes.readUInt32LE(end) === DATA_DESCRIPTOR;
    end += signed ? 16 : 12;
  }
  if (end > bytes.length) throw new ZipFormatError(`the part ${entry.name} runs past the end of the file`);
  return { ...entry, dataStart, end };
}

/** Every part of a zip file, as its central directory lists them. Throws ZipFormatError when it is not a zip. */
export function zipParts(bytes: Buffer): ZipPart[] {
  if (bytes.length < 22) throw new ZipFormatError('it is too short to be a zip file');
  const eocd = endOfDirectory(bytes);
  const count = bytes.readUInt16LE(eocd + 10);
  const directoryStart = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || directoryStart === ZIP64_MARK) throw new ZipFormatError('it is a zip64 file');
  if (count > MAX_PARTS) throw new ZipFormatError(`it has ${count} parts`);
  const parts: ZipPart[] = [];
  let at = directoryStart;
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > eocd || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) {
      throw new ZipFormatError('its directory is damaged');
    }
    const nameLength = bytes.readUInt16LE(at + 28);
    const entry = {
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      declaredSize: bytes.readUInt32LE(at + 24),
      start: bytes.readUInt32LE(at + 42),
    };
    if ([entry.compressedSize, entry.declaredSize, entry.start].includes(ZIP64_MARK)) {
      throw new ZipFormatError('it is a zip64 file');
    }
    parts.push(localPart(bytes, entry, bytes.readUInt16LE(at + 8)));
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return parts;
}

function* pieces(bytes: Buffer, start: number, end: number): Generator<Buffer> {
  for (let at = start; at < end; at += 65_536) yield bytes.subarray(at, Math.min(end, at + 65_536));
}

/**
 * What a part really unpacks to, found by unpacking it and throwing the result away (after `inspect` has seen
 * each piece): up to `cap` bytes, so a part that says it is small but is not (a zip bomb) costs no more than
 * `cap` to find out.
 */
export async function unpackedSize(
  bytes: Buffer,
  part: ZipPart,
  cap: number,
  inspect: (piece: Buffer) => void = () => undefined,
): Promise<number> {
  if (part.method === 0) {
    for (const piece of pieces(bytes, part.dataStart, part.dataStart + part.compressedSize)) inspect(piece);
    return part.compressedSize;
  }
  if (part.method !== 8) throw new ZipFormatError(`the part ${part.name} is packed in a way we cannot read`);
  const inflate = createInflateRaw();
  Readable.from(pieces(bytes, part.dataStart, part.dataStart + part.compressedSize)).pipe(inflate);
  let size = 0;
  try {
    for await (const chunk of inflate) {
      size += (chunk as Buffer).length;
      if (size > cap) break;
      inspect(chunk as Buffer);
    }
  } catch (error) {
    throw new ZipFormatError(`the part ${part.name} is damaged: ${(error as Error).message}`);
  } finally {
    inflate.destroy();
  }
  return size;
}

/**
 * The given parts as a zip stream, in the order given and with nothing else: what a streaming zip reader
 * needs, with the parts it must see first put first. There is no directory at the end; stream readers do not
 * use it.
 */
export function zipStreamOf(bytes: Buffer, parts: readonly ZipPart[]): Readable {
  return Readable.from(
    (function* () {
      for (const part of parts) yield* pieces(bytes, part.start, part.end);
    })(),
  );
}
