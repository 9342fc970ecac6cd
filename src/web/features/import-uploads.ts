import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sessionCookieName } from '../plugins/security.js';

/** A file saved in a folder of its own under the upload folder. */
export interface UploadedFile {
  readonly uploadedPath: string;
  readonly filename: string;
  readonly bytes: number;
}

/** A file that passed the size limit as it arrived: what had arrived is already removed. */
export interface RefusedFile {
  readonly tooLarge: true;
}

/** Each request's upload folder, until the request is answered. */
const folders = new WeakMap<FastifyRequest, string>();
/** Requests whose upload a job now holds: their folder stays. */
const kept = new WeakSet<FastifyRequest>();

/** Removes the request's upload, unless a job holds it. Safe to call more than once. */
export async function discardUpload(request: FastifyRequest): Promise<void> {
  const folder = folders.get(request);
  if (!folder || kept.has(request)) return;
  folders.delete(request);
  await fs.promises.rm(folder, { recursive: true, force: true });
}

/** The upload now belongs to an import job, which removes it when it no longer needs it. */
export function keepUpload(request: FastifyRequest): void {
  kept.add(request);
}

/**
 * Only someone with a validly signed session cookie gets anything written to the disk; who may import is
 * checked once the form has been read (the form's CSRF token is in it), and anyone else's file is removed then.
 */
function maySave(request: FastifyRequest): boolean {
  const cookie = request.cookies[sessionCookieName];
  return cookie !== undefined && request.unsignCookie(cookie).valid;
}

const safeName = (filename: string) =>
  path
    .basename(filename)
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .slice(-120) || 'upload';

/**
 * Writes a file part to `target` as it arrives. When the part passes the size limit, writing stops, what had
 * arrived is handed to `tooLarge` to remove at once, and the rest of the part is read and thrown away (the
 * browser is still sending it, and waits for the page that says what went wrong).
 */
async function writeUntilLimit(
  file: Readable & { readonly truncated?: boolean },
  target: string,
  tooLarge: () => Promise<void>,
): Promise<'saved' | 'too large'> {
  const out = fs.createWriteStream(target);
  let removal: Promise<void> | undefined;
  let failure: Error | undefined;
  const stopWriting = () => {
    file.unpipe(out);
    out.destroy();
    file.resume();
  };
  const passedLimit = () => {
    if (removal) return;
    stopWriting();
    removal = tooLarge();
  };
  out.on('error', (error) => {
    failure = error;
    stopWriting();
  });
  file.pipe(out);
  // A part that arrived all at once may have passed the limit before this saw it; nothing is written before
  // the next tick, so stopping now writes nothing.
  if (file.truncated) passedLimit();
  else file.once('limit', passedLimit);
  try {
    await finished(file);
  } catch (error) {
    out.destroy();
    throw error;
  }
  if (removal) {
    await removal;
    return 'too large';
  }
  if (!failure) await finished(out).catch((error: Error) => (failure = error));
  if (failure) throw failure;
  return 'saved';
}

/** Saves an uploaded file in a folder of its own under `uploadDir`, stopping at the size limit. */
function saveFile(uploadDir: string) {
  return async function onFile(this: FastifyRequest, part: MultipartFile & { value?: unknown }) {
    if (!part.filename || !maySave(this)) {
      part.file.resume();
      part.value = undefined;
      return;
    }
    const folder = path.join(uploadDir, crypto.randomUUID());
    folders.set(this, folder);
    await fs.promises.mkdir(folder, { recursive: true });
    const target = path.join(folder, safeName(part.filename));
    let saved: 'saved' | 'too large';
    try {
      saved = await writeUntilLimit(part.file, target, () => discardUpload(this));
    } catch (error) {
      await discardUpload(this);
      throw error;
    }
    if (saved === 'too large') {
      part.value = { tooLarge: true } satisfies RefusedFile;
      return;
    }
    part.value = {
      uploadedPath: target,
      filename: path.basename(part.filename),
      bytes: part.file.bytesRead,
    } satisfies UploadedFile;
  };
}

/**
 * Lets `uploads` (an encapsulated plugin context) take multipart forms with one file of at most `maxBytes`,
 * saved under `uploadDir`; an upload no job takes is removed once the request is answered or abandoned.
 */
export async function acceptUploads(
  uploads: FastifyInstance,
  uploadDir: string,
  maxBytes: number,
): Promise<void> {
  await uploads.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    onFile: saveFile(uploadDir),
    // The route says the file is too large, naming the limit, rather than failing the whole request.
    throwFileSizeLimit: false,
    limits: { fileSize: maxBytes, files: 1, fields: 40 },
  });
  uploads.addHook('onResponse', (request) => discardUpload(request));
  uploads.addHook('onRequestAbort', (request) => discardUpload(request));
}
