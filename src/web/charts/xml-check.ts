/**
 * A minimal well-formedness check for the SVG this folder writes (there is no DOMParser in Node): tags
 * balance and nest, attribute values are quoted and free of `<`, `&` starts a known entity, exactly one root
 * element and nothing but white space outside it. Not a general XML parser: no CDATA, doctype or
 * processing instructions, which our output never contains.
 */

const NAME = '[A-Za-z_][\\w:.-]*';
const OPEN_TAG = new RegExp(`<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`, 'y');
const CLOSE_TAG = new RegExp(`</(${NAME})\\s*>`, 'y');
const COMMENT = /<!--[\s\S]*?-->/y;
const ATTRIBUTE = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g');
const AMPERSAND = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i;

/** The problems found, empty when the markup is well-formed. */
export function wellFormednessProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  let position = 0;

  const text = (end: number) => {
    const chunk = xml.slice(position, end);
    if (AMPERSAND.test(chunk)) problems.push(`bare & in text near offset ${position}`);
    if (stack.length === 0 && chunk.trim() !== '')
      problems.push(`text outside the root near offset ${position}`);
  };

  while (position < xml.length) {
    const next = xml.indexOf('<', position);
    if (next === -1) {
      text(xml.length);
      break;
    }
    text(next);
    position = next;
    for (const pattern of [COMMENT, CLOSE_TAG, OPEN_TAG]) pattern.lastIndex = position;

    const comment = COMMENT.exec(xml);
    const close = comment ? null : CLOSE_TAG.exec(xml);
    const open = comment || close ? null : OPEN_TAG.exec(xml);
    if (comment) {
      position = COMMENT.lastIndex;
    } else if (close) {
      const expected = stack.pop();
      if (expected !== close[1])
        problems.push(`</${close[1]}> closes <${expected ?? 'nothing'}> at ${position}`);
      position = CLOSE_TAG.lastIndex;
    } else if (open) {
      const [, name = '', attributes = '', selfClosing] = open;
      if (stack.length === 0 && (roots += 1) > 1)
        problems.push(`a second root element <${name}> at ${position}`);
      const seen = new Set<string>();
      for (const [, attribute = '', double, single] of attributes.matchAll(ATTRIBUTE)) {
        if (seen.has(attribute)) problems.push(`<${name}> repeats the attribute ${attribute}`);
        seen.add(attribute);
        if (AMPERSAND.test(double ?? single ?? '')) problems.push(`bare & in ${name}@${attribute}`);
      }
      if (selfClosing !== '/') stack.push(name);
      position = OPEN_TAG.lastIndex;
    } else {
      problems.push(`a < that starts no tag at offset ${position}`);
      position += 1;
    }
  }
  for (const name of stack.reverse()) problems.push(`<${name}> is never closed`);
  if (roots === 0) problems.push('no root element');
  return problems;
}
