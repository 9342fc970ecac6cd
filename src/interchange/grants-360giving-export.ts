import type { Exporter } from '../app/interchange.js';

/** `export grants --partnership S`: the partnership's own grants as a 360Giving JSON package on stdout. */
export const grantsExporter: Exporter = {
  kind: 'grants',
  description: 'The partnership’s grants as a 360Giving JSON package',
  async run(partnershipId, services, write) {
    write(`${JSON.stringify(await services.grants.standardPackage(partnershipId), null, 2)}\n`);
  },
};
