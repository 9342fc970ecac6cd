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
  };
}
