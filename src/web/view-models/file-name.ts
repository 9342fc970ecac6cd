/** A download file name safe in a Content-Disposition header: lower-case letters, digits and hyphens. */
export function safeFileName(
  prefix: string,
  partnershipSlug: string,
  roundName: string,
  extension: string,
): string {
  const clean = (text: string) =>
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/g, '');
  const parts = [clean(partnershipSlug), clean(roundName)].filter((part) => part !== '');
  return `${[prefix, ...parts].join('-')}.${extension}`;
}
