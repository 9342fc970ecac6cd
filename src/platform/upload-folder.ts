import crypto from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { UploadFiles, UploadFolder } from '../app/imports/upload-files.js';

async function lastWritten(entry: string): Promise<Date | undefined> {
  try {
    const stat = await fs.stat(entry);
    let latest = stat.mtimeMs;
    if (stat.isDirectory()) {
      for (const name of await fs.readdir(entry)) {
        const inside = await fs.stat(path.join(entry, name)).catch(() => undefined);
        if (inside) latest = Math.max(latest, inside.mtimeMs);
      }
    }
    return new Date(latest);
  } catch {
    return undefined; // removed meanwhile
  }
}

/**
 * The upload folder on this machine's disk (DATA_DIR/uploads): one folder per upload. Nothing outside it is
 * ever listed or removed.
 */
export function uploadFolder(dir: string): UploadFiles {
  const root = path.resolve(dir);
  const folderOf = (source: string) => {
    const relative = path.relative(root, path.resolve(source));
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
    return relative.split(path.sep)[0];
  };
  const remove = async (folderId: string) => {
    if (
      folderId === '' ||
      folderId.includes('/') ||
      folderId.includes(path.sep) ||
      folderId.startsWith('.')
    ) {
      return;
    }
    await fs.rm(path.join(root, folderId), { recursive: true, force: true });
  };
  return {
    async list() {
      let names: string[];
      try {
        names = await fs.readdir(root);
      } catch {
        return []; // no uploads yet
      }
      const folders: UploadFolder[] = [];
      for (const id of names) {
        const lastWrittenAt = await lastWritten(path.join(root, id));
        if (lastWrittenAt) folders.push({ id, lastWrittenAt });
      }
      return folders;
    },
    folderOf,
    remove,
    async discard(source) {
      const folder = folderOf(source);
      if (folder) await remove(folder);
    },
    async exists(source) {
      if (!folderOf(source)) return false;
      return fs.stat(source).then(
        (stat) => stat.isFile(),
        () => false,
      );
    },
    async *read(source, pieceBytes) {
      yield* createReadStream(source, { highWaterMark: pieceBytes }) as AsyncIterable<Buffer>;
    },
    async writeCopy(source, pieces) {
      const folderId = path.basename(path.dirname(source));
      const folder = path.join(root, /^[A-Za-z0-9-]{8,64}$/.test(folderId) ? folderId : crypto.randomUUID());
      const name = path.basename(source).replace(/[^A-Za-z0-9._-]+/g, '_') || 'upload';
      await fs.mkdir(folder, { recursive: true });
      const target = path.join(folder, name);
      // Written aside and then renamed, so a copy cut short by a crash is never taken for the whole file.
      const partial = `${target}.partial`;
      const file = await fs.open(partial, 'w');
      try {
        for await (const piece of pieces) await file.write(piece);
      } catch (error) {
        await file.close();
        await fs.rm(folder, { recursive: true, force: true });
        throw error;
      }
      await file.close();
      await fs.rename(partial, target);
      return target;
    },
  };
}
