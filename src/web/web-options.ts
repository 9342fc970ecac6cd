import type { MailSender } from '../app/ports.js';

/** How the composition root sets up the web application (main.ts reads them from the configuration). */
export interface WebOptions {
  readonly cookieSecret: string;
  readonly secureCookies: boolean;
  readonly demoMode: boolean;
  /**
   * Which proxies' X-Forwarded-For to believe, from TRUST_PROXY: none (false), a number of hops, or their
   * addresses. Sign-in limits count against the address this gives.
   */
  readonly trustProxy: false | number | readonly string[];
  readonly logLevel: string;
  /** Where uploaded import files wait between their preview and their import. */
  readonly uploadDir: string;
  /** The needs map's basemap tiles ({z}/{x}/{y}); without it the map has a plain background. */
  readonly mapTileUrl?: string | undefined;
  /** Whether email goes through GOV.UK Notify, which the privacy notice then names as a processor. */
  readonly notifyConfigured?: boolean;
  /** When set, the outbox is delivered through it every few seconds while the server runs. */
  readonly mailSender?: MailSender;
}
