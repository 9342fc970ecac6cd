import type { Browser, Response } from './browser.js';

/** Posts a multipart form with one file, as a browser does, with the browser's cookies and CSRF token. */
export async function uploadForm(
  browser: Browser,
  url: string,
  fields: Record<string, string>,
  file: { name: string; content: string | Buffer; type?: string } | undefined,
): Promise<Response> {
  const boundary = `----cgtest${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  const all = { _csrf: browser.csrfToken ?? '', ...fields };
  for (const [name, value] of Object.entries(all)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file?.name ?? ''}"\r\n` +
        `Content-Type: ${file?.type ?? 'application/octet-stream'}\r\n\r\n`,
    ),
    Buffer.isBuffer(file?.content) ? file.content : Buffer.from(file?.content ?? ''),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return browser.raw({
    method: 'POST',
    url,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat(parts),
  });
}
