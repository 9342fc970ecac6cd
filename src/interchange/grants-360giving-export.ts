import type { Exporter } from '../app/interchange.js';
import { grantPackage } from '../domain/funding/grant-export.js';

/** `export grants --partnership S`: the partnership's own grants as a 360Giving JSON package on stdout. */
export const grantsExporter: Exporter = {
  kind: 'grants',
  description: 'The partnership’s grants as a 360Giving JSON package',
  async run(partnershipId, services, write) {
    const partnership = await services.store.partnerships.findById(partnershipId);
    const { grants } = await services.grants.list(partnershipId);
    write(`${JSON.stringify(grantPackage(grants, partnership?.slug ?? 'partnership'), null, 2)}\n`);
  },
};
