import type { FastifyInstance } from 'fastify';
import type { Services } from '../../app/services.js';
import type { WebOptions } from '../server.js';
import { registerAccount } from './account.js';
import { registerActionPlanSummary } from './action-plan-summary.js';
import { registerActions } from './actions.js';
import { registerAreas } from './areas.js';
import { registerAuditAndEmails } from './audit-and-emails.js';
import { registerDemoMail } from './demo-mail.js';
import { registerDirectory } from './directory.js';
import { registerDirectoryCsv } from './directory-csv.js';
import { registerGapExplanation } from './gap-explanation.js';
import { registerGaps } from './gaps.js';
import { registerGapSettings } from './gap-settings.js';
import { registerGuidance } from './guidance.js';
import { registerImports } from './imports.js';
import { registerInvitations } from './invitations.js';
import { registerMatching } from './matching.js';
import { registerMatchingWhatIf } from './matching-what-if.js';
import { registerWhoCanHelp } from './who-can-help.js';
import { registerMembers } from './members.js';
import { registerNeedsMap } from './needs-map.js';
import { registerNational } from './national.js';
import { registerNeeds } from './needs.js';
import { registerOrganisations } from './organisations.js';
import { registerPartnershipHome } from './partnership-home.js';
import { registerPasswords } from './passwords.js';
import { registerPublicPages } from './public-pages.js';
import { registerSignIn } from './sign-in.js';
import { registerReports } from './reports.js';
import { registerRespond } from './respond.js';
import { registerResults } from './results.js';
import { registerRounds } from './rounds.js';
import { registerWorkshop } from './workshop.js';

export async function registerFeatureRoutes(
  app: FastifyInstance,
  services: Services,
  options: WebOptions,
): Promise<void> {
  registerPublicPages(app, services);
  registerSignIn(app, services, options);
  registerPasswords(app, services);
  registerInvitations(app, services, options);
  registerAccount(app, services);
  registerPartnershipHome(app, services);
  registerMembers(app, services);
  registerOrganisations(app, services);
  registerGuidance(app, services);
  registerAuditAndEmails(app, services);
  registerNational(app, services);
  registerRounds(app, services);
  registerWorkshop(app, services);
  registerActionPlanSummary(app, services);
  registerActions(app, services);
  registerDirectory(app, services);
  registerNeeds(app, services);
  registerAreas(app, services);
  registerNeedsMap(app, services, options.mapTileUrl);
  registerGaps(app, services);
  registerGapExplanation(app, services);
  registerGapSettings(app, services);
  registerMatching(app, services);
  registerMatchingWhatIf(app, services);
  registerWhoCanHelp(app, services);
  registerDirectoryCsv(app, services);
  registerResults(app, services);
  registerReports(app, services);
  registerRespond(app, services);
  registerImports(app, services, options.uploadDir);
  if (options.demoMode) registerDemoMail(app, services);
}
