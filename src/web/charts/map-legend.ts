import { escapeXml } from './escape-xml.js';
import { attrs } from './svg.js';

/** A map's legend as an HTML list: a swatch (decorative) and the words for each colour. */
export function mapLegend(
  title: string,
  items: readonly { readonly fill: string; readonly label: string }[],
  extra: readonly string[] = [],
): string {
  const rows = items
    .map(
      (item) =>
        `<li class="cg-map-legend__item"><svg${attrs({ width: 18, height: 18, viewBox: '0 0 18 18', 'aria-hidden': 'true', focusable: 'false' })}><rect${attrs({ x: 1, y: 1, width: 16, height: 16, fill: item.fill, stroke: '#505a5f' })}/></svg> ${escapeXml(item.label)}</li>`,
    )
    .join('');
  const more = extra.map((line) => `<li class="cg-map-legend__item">${escapeXml(line)}</li>`).join('');
  return `<div class="cg-map-legend"><h3 class="govuk-heading-s">${escapeXml(title)}</h3><ul class="govuk-list cg-map-legend__list">${rows}${more}</ul></div>`;
}
