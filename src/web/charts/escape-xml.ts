const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** XML 1.0 allows tab, line feed and carriage return below U+0020, and no other control character. */
function allowedInXml(character: string): boolean {
  const code = character.charCodeAt(0);
  return code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/**
 * Escapes text for XML/SVG element content and for double- or single-quoted attribute values. Also drops
 * the control characters XML 1.0 forbids, which would otherwise make the document ill-formed.
 */
export function escapeXml(text: string): string {
  return [...text]
    .filter(allowedInXml)
    .map((character) => ENTITIES[character] ?? character)
    .join('');
}
