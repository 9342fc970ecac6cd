import type { ServiceArea, ServiceLocation } from './model.js';
import type { RowProblem } from './oruk-import-records.js';
import { asList, asObject, joined, text, type Json } from './oruk-json-values.js';
import { originLocationId } from './oruk-source-ids.js';
import { cleanPoint, cleanPostcode } from './values.js';

/** Where a feed service is: its places (each kept, without a bad point or postcode) and the areas it covers. */

export function locationsOf(service: Json, row: number, problems: RowProblem[]): ServiceLocation[] {
  return asList(service.service_at_locations).flatMap((at, index) => {
    const location = asObject(at.location) ?? at;
    const address = asList(location.addresses ?? location.physical_addresses)[0];
    const point = cleanPoint(location.latitude, location.longitude);
    if (!point && (location.latitude !== undefined || location.longitude !== undefined)) {
      problems.push({
        row,
        field: `service_at_locations[${index}].location.latitude`,
        reason: `${String(location.latitude)}, ${String(location.longitude)} is not a point in the UK; the location is kept without a point`,
        outcome: 'kept',
      });
    }
    const postcode = cleanPostcode(address?.postal_code);
    if (address?.postal_code && !postcode) {
      problems.push({
        row,
        field: `service_at_locations[${index}].location.addresses.postal_code`,
        reason: `"${String(address.postal_code)}" is not a UK postcode; the location is kept without one`,
        outcome: 'kept',
      });
    }
    return [
      {
        sourceId: originLocationId(location) ?? text(location.id),
        name: text(location.name),
        address: address
          ? joined([text(address.address_1), text(address.address_2), text(address.city)])
          : null,
        postcode,
        latitude: point?.latitude ?? null,
        longitude: point?.longitude ?? null,
        visibility: 'public' as const,
      },
    ];
  });
}

const gssCode = /\b([EWSN]\d{8})\b/;

export function areasOf(service: Json, row: number, problems: RowProblem[]): ServiceArea[] {
  return asList(service.service_areas).flatMap((area, index): ServiceArea[] => {
    const name = text(area.name ?? area.service_area);
    const code = gssCode.exec(`${text(area.uri) ?? ''} ${name ?? ''} ${text(area.extent) ?? ''}`)?.[1];
    if (code) return [{ kind: 'area', areaCode: code, name }];
    if (typeof area.extent === 'string' && /geojson/i.test(text(area.extent_type) ?? 'geojson')) {
      try {
        const geometry = asObject(JSON.parse(area.extent));
        if (geometry && /^(Multi)?Polygon$/.test(String(geometry.type)))
          return [{ kind: 'polygon', geojson: JSON.stringify(geometry), name }];
      } catch {
        // reported below
      }
    }
    if (area.extent !== undefined || area.uri !== undefined) {
      problems.push({
        row,
        field: `service_areas[${index}]`,
        reason: 'is neither an ONS area code nor a GeoJSON polygon; left out',
        outcome: 'kept',
      });
    }
    return [];
  });
}
