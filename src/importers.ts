/**
 * Every import and export kind, for the command line, the upload pages and the import worker. Part of the
 * composition root: each kind comes from src/interchange and is given what it reads with.
 */
import type { Exporter, Importer } from './app/interchange.js';
import { boundariesImporter } from './interchange/areas/boundaries.js';
import { imdImporter } from './interchange/areas/imd.js';
import { indicatorImporter } from './interchange/areas/indicator.js';
import { lookupImporter } from './interchange/areas/lookup.js';
import { populationImporter } from './interchange/areas/population.js';
import { postcodesImporter } from './interchange/areas/postcodes.js';
import { ruralUrbanImporter } from './interchange/areas/rural-urban.js';
import { charitiesImporter } from './interchange/charities-import.js';
import { grantsExporter } from './interchange/grants-360giving-export.js';
import { grantsImporter } from './interchange/grants-360giving-import.js';
import { readSourceBytes } from './interchange/read-source.js';
import { organisationsCsvExporter, organisationsCsvImporter } from './interchange/organisations-csv.js';
import { needsCsvImporter } from './interchange/needs-csv.js';
import { orukExporter } from './interchange/oruk-export.js';
import { orukImporter } from './interchange/oruk-import.js';
import { resourcesImporter } from './interchange/resources-import.js';
import { servicesCsvImporter } from './interchange/services-csv-import.js';

export function importersFor(read: (source: string) => Promise<string>): Importer[] {
  return [
    organisationsCsvImporter(read),
    orukImporter(read),
    charitiesImporter(read),
    resourcesImporter(read),
    servicesCsvImporter(read),
    needsCsvImporter(read),
    grantsImporter(readSourceBytes),
    boundariesImporter(read),
    lookupImporter(read),
    populationImporter(read),
    imdImporter(read),
    indicatorImporter(read),
    postcodesImporter(read),
    ruralUrbanImporter(read),
  ];
}

export const exporters: readonly Exporter[] = [organisationsCsvExporter, orukExporter, grantsExporter];
