import { describe, expect, it } from 'vitest';
import { wellFormednessProblems } from './xml-check.js';

describe('wellFormednessProblems (the test helper itself)', () => {
  it.each([
    ['one empty element', '<svg/>'],
    [
      'nested elements, text and attributes',
      '<svg a="1" b=\'2\'><g><text x="1">A &amp; B &lt;x&gt;</text></g></svg>',
    ],
    ['entities in attributes', '<svg aria-label="&quot;quoted&quot; &#39;s &#x2013;"></svg>'],
    ['a comment and surrounding white space', '\n<svg><!-- a <note> & more --></svg>\n'],
  ])('accepts %s', (_name, xml) => {
    expect(wellFormednessProblems(xml)).toEqual([]);
  });

  it.each([
    ['an unclosed element', '<svg><g></svg>', '</svg> closes <g>'],
    ['a never-closed root', '<svg><g></g>', '<svg> is never closed'],
    ['crossed tags', '<svg><g><text></g></text></svg>', '</g> closes <text>'],
    ['a raw < in text', '<svg><text>1 < 2</text></svg>', 'a < that starts no tag'],
    ['a raw script tag in text', '<svg><title><script>x</title></svg>', '</title> closes <script>'],
    ['a bare & in text', '<svg><text>A & B</text></svg>', 'bare & in text'],
    ['a bare & in an attribute', '<svg><g data-x="A & B"/></svg>', 'bare & in g@data-x'],
    ['an unquoted attribute', '<svg><g x=1/></svg>', 'a < that starts no tag'],
    ['a quote breaking out of an attribute', '<svg><g a="x"onload="y"z"/></svg>', 'a < that starts no tag'],
    ['a repeated attribute', '<svg><g x="1" x="2"/></svg>', 'repeats the attribute x'],
    ['two roots', '<svg/><svg/>', 'a second root element'],
    ['text outside the root', 'hello<svg/>', 'text outside the root'],
    ['nothing at all', '', 'no root element'],
  ])('rejects %s', (_name, xml, problem) => {
    expect(wellFormednessProblems(xml).join('\n')).toContain(problem);
  });
});
