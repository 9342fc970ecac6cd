import type { Exporter } from '../app/interchange.js';

/**
 * `export oruk --partnership S`: every service of the partnership in full, as an Open Referral UK 3.0 JSON list
 * (the same objects as `/oruk/{slug}/services/{id}`), written a page of services at a time. Hidden places are
 * left out, as in the feed.
 */
export const orukExporter: Exporter = {
  kind: 'oruk',
  description: 'The partnership’s directory as Open Referral UK 3.0 JSON: a list of full services',
  async run(partnershipId, services, write) {
    let first = true;
    write('[');
    await services.oruk.eachService(partnershipId, (service) => {
      write(`${first ? '\n' : ',\n'}${JSON.stringify(service)}`);
      first = false;
    });
    write(first ? ']\n' : '\n]\n');
  },
};
