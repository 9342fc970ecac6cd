import type { MultiPolygon, Polygon, Position } from 'geojson';
import { escapeXml } from './escape-xml.js';
import { attrs, checkIdPrefix, num } from './svg.js';

export interface MapPart {
  readonly name: string;
  readonly boundary: Polygon | MultiPolygon;
  /** Fill colour; a light grey when not given. */
  readonly fill?: string;
}

export interface BoundaryMapOptions {
  readonly id: string;
  readonly title: string;
  /** What the map shows, in words (the page's table gives the same information). */
  readonly description: string;
  readonly outline: Polygon | MultiPolygon | null;
  readonly parts: readonly MapPart[];
  readonly width?: number;
  /** Points drawn as small circles over the parts (such as services), each with a name. */
  readonly markers?: readonly { readonly lat: number; readonly lng: number; readonly name: string }[];
}

const rings = (boundary: Polygon | MultiPolygon): Position[][] =>
  boundary.type === 'Polygon' ? boundary.coordinates : boundary.coordinates.flat();

/**
 * A boundary map as SVG: the area's outline over its parts (wards or LSOAs), in an equirectangular projection
 * scaled by the cosine of the middle latitude so shapes look right at English latitudes. It is an image with a
 * title and description; the page puts the same information in a table.
 */
export function boundaryMap(options: BoundaryMapOptions): string {
  const id = checkIdPrefix(options.id);
  const width = options.width ?? 640;
  const shapes = [...options.parts.map((p) => p.boundary), ...(options.outline ? [options.outline] : [])];
  const points = shapes.flatMap((s) => rings(s).flat());
  if (points.length === 0) return '';
  const lngs = points.map((p) => p[0] ?? 0);
  const lats = points.map((p) => p[1] ?? 0);
  const [west, east, south, north] = [
    Math.min(...lngs),
    Math.max(...lngs),
    Math.min(...lats),
    Math.max(...lats),
  ];
  const squash = Math.cos((((north + south) / 2) * Math.PI) / 180);
  const spanX = Math.max((east - west) * squash, 1e-9);
  const spanY = Math.max(north - south, 1e-9);
  const margin = 8;
  const scale = (width - 2 * margin) / spanX;
  const height = Math.round(spanY * scale + 2 * margin);
  const path = (boundary: Polygon | MultiPolygon) =>
    rings(boundary)
      .map(
        (ring) =>
          ring
            .map((p, i) => {
              const x = margin + ((p[0] ?? 0) - west) * squash * scale;
              const y = margin + (north - (p[1] ?? 0)) * scale;
              return `${i === 0 ? 'M' : 'L'}${num(x)} ${num(y)}`;
            })
            .join('') + 'Z',
      )
      .join('');
  const parts = options.parts
    .map(
      (part) =>
        `<path${attrs({ d: path(part.boundary), fill: part.fill ?? '#f3f2f1', stroke: '#505a5f', 'stroke-width': 1, 'fill-rule': 'evenodd' })}><title>${escapeXml(part.name)}</title></path>`,
    )
    .join('');
  const outline = options.outline
    ? `<path${attrs({ d: path(options.outline), fill: options.parts.length ? 'none' : '#f3f2f1', stroke: '#0b0c0c', 'stroke-width': 2.5, 'fill-rule': 'evenodd' })}/>`
    : '';
  const markers = (options.markers ?? [])
    .filter((m) => m.lng >= west && m.lng <= east && m.lat >= south && m.lat <= north)
    .map(
      (m) =>
        `<circle${attrs({ cx: margin + (m.lng - west) * squash * scale, cy: margin + (north - m.lat) * scale, r: 4, fill: '#0b0c0c', stroke: '#ffffff', 'stroke-width': 1.5 })}><title>${escapeXml(m.name)}</title></circle>`,
    )
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg"${attrs({ viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-labelledby': `${id}-title ${id}-desc`, class: 'cg-boundary-map' })}>` +
    `<title id="${id}-title">${escapeXml(options.title)}</title><desc id="${id}-desc">${escapeXml(options.description)}</desc>` +
    `${parts}${outline}${markers}</svg>`
  );
}

/** Decile colours, 1 (most deprived) darkest; each is named in the legend and the table. */
export const DECILE_FILLS = [
  '#0b3d91',
  '#1d5aa8',
  '#3a78bd',
  '#5b95cf',
  '#7fb0dd',
  '#a3c8e8',
  '#c3dbef',
  '#dbe9f5',
  '#ecf3fa',
  '#ffffff',
] as const;
