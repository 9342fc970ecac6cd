import type { SessionPolicy } from '../domain/accounts/session-policy.js';
import type { RoundDraft } from '../domain/assessment/round-rules.js';
import type { AnswerDraft } from '../domain/assessment/answers.js';
import { openResponse, personalLinkForMember, saveAnswer, submitResponse } from './assessments/answering.js';
import {
  answerableRounds,
  memberAnswering,
  startAnswering,
  type AnsweringMember,
} from './assessments/member-answering.js';
import { partnershipGetStarted } from './partnerships/get-started.js';
import type { FrameworkLibrary } from './assessments/framework-library.js';
import type { GuidanceLibrary } from './guidance/guidance-library.js';
import {
  createShareLink,
  describeShareLink,
  inviteRespondents,
  requestPersonalLink,
} from './assessments/respondent-links.js';
import { roundResults } from './assessments/results.js';
import { createResultsCache } from './assessments/results-cache.js';
import {
  closeRound,
  createRound,
  describeRound,
  findRound,
  listRounds,
  openRoundsFor,
  roundProgress,
  type RoundView,
} from './assessments/rounds.js';
import { saveWorkshopRecord } from './assessments/workshop.js';
import {
  actionsByIndicator,
  addProgressNote,
  createAction,
  findAction,
  listActions,
  openActionsCarriedInto,
  updateAction,
  type ActionDeps,
  type ActionOrigin,
} from './actions/actions.js';
import { suggestionsFor } from './actions/suggestions.js';
import { addGuidanceAction, type GuidanceArticleFacts } from './actions/guidance-actions.js';
import type { RoundResultsView } from './assessments/results.js';
import { authenticateApiToken, createApiToken } from './accounts/api-tokens.js';
import {
  checkPasswordLink,
  createPasswordLink,
  requestPasswordReset,
  setPasswordFromLink,
} from './accounts/passwords.js';
import { resumeSession, signIn, signOut, startSession, type LiveSession } from './accounts/sessions.js';
import { signInWithinLimits } from './accounts/sign-in-limits.js';
import type { SignInLimits } from '../domain/accounts/sign-in-limits.js';
import { createUser, type NewUser } from './accounts/users.js';
import { directoryUseCases } from './directory/directory.js';
import { organisationThemeUseCases } from './directory/organisation-themes.js';
import { needUseCases } from './needs/needs.js';
import { grantUseCases } from './funding/grants.js';
import { fundingAgainstNeed, partnershipFundingShares } from './funding/funding-against-need.js';
import { fundingUseCases } from './funding/funding-use-cases.js';
import { commissioningUseCases } from './funding/commissioning.js';
import { orukFeedUseCases, type PostcodeLocator } from './directory/oruk-feed.js';
import { loadDemo, loadDemoIfEmpty, type DemoDeps, type DemoSeedOptions } from './demo/load-demo.js';
import type { DemoSamplePack } from './demo/seed-sample-packs.js';
import { areaProfile, partnershipAreas } from './areas/area-profile.js';
import { lookupPostcode } from './areas/postcode-lookup.js';
import { partnershipOverview } from './areas/ward-summaries.js';
import { addOrganisation } from './partnerships/organisations.js';
import {
  acceptInvitation,
  changeMember,
  checkInvitation,
  inviteMember,
  removeMember,
  revokeInvitation,
} from './partnerships/members.js';
import { accessPartnership, createPartnership, type NewPartnership } from './partnerships/partnerships.js';
import type { Actor } from './shared/audit.js';
import { deliverQueuedEmail } from './shared/outbox.js';
import { repeatWithoutOverlap } from './shared/repeat-without-overlap.js';
import { emailDelivery } from '../domain/shared/email-delivery.js';
import type {
  Clock,
  MailSender,
  MembershipRecord,
  PartnershipRecord,
  PasswordHasher,
  RoundRecord,
  Store,
  UserRecord,
} from './ports.js';
import type { ActionDraft } from '../domain/actions/actions.js';
import type { ImportKindInfo, ImportRunner } from './imports/import-runs.js';
import {
  cancelImport,
  confirmImport,
  findImport,
  findImportStatus,
  kindsFor,
  listImports,
  startImport,
  type ImportJobDeps,
  type StartImportInput,
} from './imports/import-jobs.js';
import { defaultImportLimits, type ImportLimits } from './imports/import-limits.js';
import { cleanUpUploads } from './imports/upload-cleanup.js';
import { failInterruptedImports, jobInstance, type JobInstance } from './imports/job-instance.js';
import {
  defaultUploadSettings,
  noUploadFiles,
  type UploadFiles,
  type UploadSettings,
} from './imports/upload-files.js';
import type { ThemeVocabulary } from '../domain/directory/themes.js';
import type { ThemeLexicon } from '../domain/directory/theme-classifier.js';
import type { IndicatorThemes } from '../domain/needs/indicator-themes.js';
import { areaGaps, gapExplanation, gapReport, type GapDeps } from './gaps/gap-analysis.js';
import type { GapLevel } from './gaps/gap-areas.js';
import type { AreaRecord } from './areas/area-records.js';
import { readGapSettings, resetGapSettings, saveGapSettings } from './gaps/gap-settings.js';
import { matchingUseCases } from './matching/matching-use-cases.js';
import { reminderUseCases } from './reminders/reminder-use-cases.js';
import { partnershipDashboard, type DashboardGaps } from './dashboard/dashboard.js';
import { createGapSummaryCache } from './dashboard/gap-summary-cache.js';
import { nationalUseCases } from './national/national-use-cases.js';
import { privacyUseCases } from './privacy/privacy-use-cases.js';
import { feedSubscriptionUseCases } from './feeds/feed-subscriptions.js';
import { FeedFetchError } from './feeds/feed-fetcher.js';
import type { FeedReader } from './feeds/feed-reader.js';
import { feedHealthUseCases } from './feeds/feed-health.js';
import type { FeedPageWalker, OrukSchemaChecker } from './feeds/feed-health-ports.js';
import { inProcessBackgroundTasks, type BackgroundTasks } from './shared/background-tasks.js';

export interface ServiceDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly hasher: PasswordHasher;
  readonly sessionPolicy: SessionPolicy;
  /** Failed sign-ins allowed per email address and network address (default 10 and 100 in 15 minutes). */
  readonly signInLimits?: SignInLimits;
  readonly baseUrl: string;
  readonly frameworks: FrameworkLibrary;
  readonly guidance: GuidanceLibrary;
  /** How uploaded imports run, and which kinds there are. Without it, the service offers no imports. */
  readonly imports?: {
    readonly runner: ImportRunner;
    readonly kinds: readonly ImportKindInfo[];
    /** Where uploads wait, and how much of them is kept for how long; defaults when not given. */
    readonly uploads?: UploadFiles;
    readonly uploadSettings?: UploadSettings;
    readonly limits?: ImportLimits;
    /** This instance and its heartbeat; by default a new id, alone on its database. */
    readonly instance?: Partial<JobInstance>;
  };
  /** The themes vocabulary (content/themes/themes.yaml). */
  readonly themes: ThemeVocabulary;
  /** Which statistics count towards which theme (content/needs/indicator-themes.yaml). */
  readonly indicatorThemes: IndicatorThemes;
  /** Words that suggest organisations' themes (content/themes/lexicon.yaml); the themes' keywords when not given. */
  readonly themeLexicon?: ThemeLexicon;
  /** A postcode's point, for postcode searches of the Open Referral UK feed; without it they are refused. */
  readonly locatePostcode?: PostcodeLocator;
  /** Partnerships of real public data the demo loads after the fictional ones (the Trafford pack). */
  readonly demoSamplePacks?: readonly DemoSamplePack[];
  /** How subscribed feeds are read and how often; without it, feeds can be subscribed but not read. */
  readonly feeds?: {
    readonly reader: FeedReader;
    readonly refreshHours: number;
    /** Plain http feed addresses may be subscribed: only in tests. */
    readonly allowPlainHttp: boolean;
    /** How a subscribed feed's pages are read for a health check. */
    readonly walker?: FeedPageWalker;
    /** The Open Referral UK schemas feeds are checked against; none when they are not installed. */
    readonly schemas?: OrukSchemaChecker;
  };
  /** Where work a request starts without waiting for runs; on this process's event loop by default. */
  readonly background?: BackgroundTasks;
}

const noFeedReader: FeedReader = {
  read: async () => {
    throw new FeedFetchError('This service was started without a way to read feeds');
  },
};

const noFeedPages: FeedPageWalker = {
  walk: async () => {
    throw new FeedFetchError('This service was started without a way to read feeds');
  },
};

const noImports: ImportRunner = {
  start: (_request, events) => events.failed('This service was started without imports.'),
};

/** Every use-case with its dependencies bound: what the web, API and CLI layers call. */
export function createServices(deps: ServiceDeps) {
  const { store, clock, hasher, baseUrl } = deps;
  const sessionDeps = { store, clock, hasher, policy: deps.sessionPolicy };
  const passwordDeps = { store, clock, hasher, baseUrl };
  const memberDeps = { store, clock, baseUrl };
  const assessmentDeps = {
    store,
    clock,
    baseUrl,
    frameworks: deps.frameworks,
    resultsCache: createResultsCache(),
  };
  const demoDeps: DemoDeps = {
    ...assessmentDeps,
    hasher,
    themes: deps.themes,
    ...(deps.demoSamplePacks ? { samplePacks: deps.demoSamplePacks } : {}),
  };
  const actionDeps: ActionDeps = { store, clock, frameworks: deps.frameworks, guidance: deps.guidance };
  const importDeps: ImportJobDeps = {
    store,
    clock,
    runner: deps.imports?.runner ?? noImports,
    kinds: deps.imports?.kinds ?? [],
    uploads: deps.imports?.uploads ?? noUploadFiles,
    uploadSettings: deps.imports?.uploadSettings ?? defaultUploadSettings,
    limits: deps.imports?.limits ?? defaultImportLimits,
    progress: new Map(),
    instance: jobInstance(deps.imports?.instance),
  };
  const background = deps.background ?? inProcessBackgroundTasks();
  const oruk = orukFeedUseCases({
    store,
    themes: deps.themes,
    locatePostcode:
      deps.locatePostcode ??
      (async (postcode: string) => {
        const found = await lookupPostcode(store, postcode);
        return found.kind === 'found'
          ? { latitude: found.point.lat, longitude: found.point.lng }
          : { message: found.message };
      }),
  });
  const gapDeps: GapDeps = { store, themes: deps.themes, indicatorThemes: deps.indicatorThemes };
  const gapSummaries = createGapSummaryCache<DashboardGaps>();
  const lexicon = deps.themeLexicon ? { lexicon: deps.themeLexicon } : {};
  const describeForLink = async (roundId: string) => {
    const round = await store.rounds.findById(roundId);
    const partnership = round && (await store.partnerships.findById(round.partnershipId));
    return round && partnership
      ? { view: await describeRound(assessmentDeps, round), partnershipName: partnership.name }
      : undefined;
  };

  return {
    store,
    clock,
    hasher,
    baseUrl,
    health: { check: () => store.ping() },
    guidance: deps.guidance,
    sessions: {
      signIn: (email: string, password: string) => signIn(sessionDeps, email, password),
      /** Sign-in through the limits on failures; `networkAddress` is the client's, after proxy trust. */
      signInWithinLimits: (email: string, password: string, networkAddress: string) =>
        signInWithinLimits({ ...sessionDeps, limits: deps.signInLimits }, email, password, networkAddress),
      start: (user: UserRecord) => startSession(sessionDeps, user),
      resume: (token: string) => resumeSession(sessionDeps, token),
      signOut: (live: LiveSession) => signOut(sessionDeps, live),
      switchPartnership: (live: LiveSession, partnershipId: string) =>
        store.sessions.setCurrentPartnership(live.session.id, partnershipId),
    },
    passwords: {
      requestReset: (email: string) => requestPasswordReset(passwordDeps, email),
      checkLink: (token: string) => checkPasswordLink(passwordDeps, token),
      setFromLink: (token: string, password: string, confirmation: string) =>
        setPasswordFromLink(passwordDeps, token, password, confirmation),
      createSetPasswordLink: (user: UserRecord) => createPasswordLink(passwordDeps, user, 'set-password'),
    },
    users: {
      create: (input: NewUser, actor: Actor) => createUser(store, clock, input, actor),
      findByEmail: (email: string) => store.users.findByEmail(email),
    },
    apiTokens: {
      create: (user: UserRecord, name: string) => createApiToken(store, clock, user, name),
      list: (user: UserRecord) => store.apiTokens.listForUser(user.id),
      revoke: (user: UserRecord, id: string) =>
        store.apiTokens.revoke(user.id, id, clock.now().toISOString()),
      authenticate: (token: string) => authenticateApiToken(store, clock, token),
    },
    partnerships: {
      create: (input: NewPartnership, actor: Actor) => createPartnership(store, clock, input, actor),
      list: () => store.partnerships.list(),
      listForUser: (user: UserRecord) => store.partnerships.listForUser(user.id),
      access: (user: UserRecord, slug: string) => accessPartnership(store, user, slug),
      findBySlug: (slug: string) => store.partnerships.findBySlug(slug),
    },
    organisations: {
      list: (partnershipId: string) => store.organisations.listByPartnership(partnershipId),
      add: (partnershipId: string, input: { name: string; kind: string; identifier: string }, actor: Actor) =>
        addOrganisation(store, clock, partnershipId, input, actor),
    },
    members: {
      list: (partnershipId: string) => store.memberships.listByPartnership(partnershipId),
      find: (partnershipId: string, membershipId: string) =>
        store.memberships.findById(partnershipId, membershipId),
      pendingInvitations: (partnershipId: string) =>
        store.invitations.listPending(partnershipId, clock.now().toISOString()),
      invite: (
        partnership: PartnershipRecord,
        input: { email: string; role: string; organisationId: string | null },
        actor: Actor,
      ) => inviteMember(memberDeps, partnership, input, actor),
      checkInvitation: (token: string) => checkInvitation(memberDeps, token),
      acceptInvitation: (token: string, accept: Parameters<typeof acceptInvitation>[2]) =>
        acceptInvitation(memberDeps, token, accept),
      change: (
        partnershipId: string,
        membershipId: string,
        change: { role: string; organisationId: string | null },
        actor: Actor,
      ) => changeMember(memberDeps, partnershipId, membershipId, change, actor),
      remove: (partnershipId: string, membershipId: string, actor: Actor) =>
        removeMember(memberDeps, partnershipId, membershipId, actor),
      withdrawInvitation: (partnershipId: string, invitationId: string, actor: Actor) =>
        revokeInvitation(memberDeps, partnershipId, invitationId, actor),
    },
    audit: {
      listForPartnership: (partnershipId: string) => store.audit.listForPartnership(partnershipId, 200),
    },
    outbox: {
      metadataForPartnership: (partnershipId: string) => store.outbox.listMetadata(partnershipId, 200),
      recentWithBodies: () => store.outbox.listRecent(100),
      findWithBody: (id: string) => store.outbox.findById(id),
      deliver: (sender: MailSender) => deliverQueuedEmail(store, clock, sender),
      /** Delivers every second until stopped, one run at a time (docs/email.md). */
      startDelivering: (sender: MailSender, onError: (error: unknown) => void) =>
        repeatWithoutOverlap(
          () => deliverQueuedEmail(store, clock, sender),
          emailDelivery.pollSeconds * 1_000,
          onError,
        ),
    },
    assessments: {
      frameworks: deps.frameworks,
      create: (partnership: PartnershipRecord, draft: RoundDraft, actor: Actor) =>
        createRound(assessmentDeps, partnership, draft, actor),
      list: (partnershipId: string) => listRounds(assessmentDeps, partnershipId),
      openRoundsFor: (partnershipId: string, email: string) =>
        openRoundsFor(assessmentDeps, partnershipId, email),
      find: (partnershipId: string, roundId: string) => findRound(assessmentDeps, partnershipId, roundId),
      close: (partnershipId: string, roundId: string, actor: Actor) =>
        closeRound(assessmentDeps, partnershipId, roundId, actor),
      progress: (view: RoundView) => roundProgress(assessmentDeps, view),
      invite: (view: RoundView, partnershipName: string, groupId: string, emails: string, actor: Actor) =>
        inviteRespondents(assessmentDeps, view, partnershipName, groupId, emails, actor),
      shareLink: (view: RoundView, groupId: string, actor: Actor) =>
        createShareLink(assessmentDeps, view, groupId, actor),
      describeShareLink: (shareToken: string) => describeShareLink(store, describeForLink, shareToken),
      requestPersonalLink: (shareToken: string, email: string) =>
        requestPersonalLink(assessmentDeps, describeForLink, shareToken, email),
      openResponse: (token: string) => openResponse(assessmentDeps, token),
      saveAnswer: (token: string, indicatorCode: string, draft: AnswerDraft) =>
        saveAnswer(assessmentDeps, token, indicatorCode, draft),
      submit: (token: string) => submitResponse(assessmentDeps, token),
      personalLinkForMember: (roundId: string, email: string) =>
        personalLinkForMember(assessmentDeps, roundId, email),
      /** The open rounds a member can answer, invited or by their organisation's group. */
      answerableRounds: (member: AnsweringMember) => answerableRounds(assessmentDeps, member),
      memberAnswering: (view: RoundView, member: AnsweringMember) =>
        memberAnswering(assessmentDeps, view, member),
      startAnswering: (
        partnershipId: string,
        roundId: string,
        member: AnsweringMember,
        groupId: string | undefined,
      ) => startAnswering(assessmentDeps, partnershipId, roundId, member, groupId),
      results: (view: RoundView) => roundResults(assessmentDeps, view),
      saveWorkshop: (
        view: RoundView,
        input: { principleCode: string; agreedLevel: string; reasons: string; agreedActions: string },
        actor: Actor,
      ) => saveWorkshopRecord(assessmentDeps, view, input, actor),
    },
    actions: {
      list: (partnershipId: string) => listActions(actionDeps, partnershipId),
      find: (partnershipId: string, actionId: string) => findAction(actionDeps, partnershipId, actionId),
      create: (
        partnershipId: string,
        member: MembershipRecord,
        draft: ActionDraft,
        origin: ActionOrigin,
        actor: Actor,
      ) => createAction(actionDeps, partnershipId, member, draft, origin, actor),
      update: (
        partnershipId: string,
        member: MembershipRecord,
        actionId: string,
        draft: ActionDraft,
        actor: Actor,
      ) => updateAction(actionDeps, partnershipId, member, actionId, draft, actor),
      addNote: (
        partnershipId: string,
        member: MembershipRecord,
        actionId: string,
        input: { note: string; status: string },
        actor: Actor,
      ) => addProgressNote(actionDeps, partnershipId, member, actionId, input, actor),
      /** Adds one of a guide's suggested actions to the plan, once. */
      addFromGuidance: (
        partnershipId: string,
        member: MembershipRecord,
        article: GuidanceArticleFacts,
        suggestionTitle: string,
        actor: Actor,
      ) => addGuidanceAction(actionDeps, partnershipId, member, article, suggestionTitle, actor),
      suggestionsFor: (view: RoundView, results: RoundResultsView | undefined, indicatorCode: string) =>
        suggestionsFor(view, results, indicatorCode, deps.guidance),
      openActionsCarriedInto: (round: RoundRecord) => openActionsCarriedInto(actionDeps, round),
      actionsByIndicator: (partnershipId: string) => actionsByIndicator(actionDeps, partnershipId),
    },
    imports: {
      kinds: (scope: 'partnership' | 'national') => kindsFor(importDeps, scope),
      start: (input: StartImportInput) => startImport(importDeps, input),
      confirm: (partnershipId: string | null, jobId: string, actor: Actor) =>
        confirmImport(importDeps, partnershipId, jobId, actor),
      cancel: (partnershipId: string | null, jobId: string) => cancelImport(importDeps, partnershipId, jobId),
      find: (partnershipId: string | null, jobId: string) => findImport(importDeps, partnershipId, jobId),
      status: (partnershipId: string | null, jobId: string) =>
        findImportStatus(importDeps, partnershipId, jobId),
      list: (partnershipId: string | null) => listImports(importDeps, partnershipId),
      /** Fails the jobs whose instance stopped: run at start, and every few minutes where instances share. */
      failInterrupted: () => failInterruptedImports(importDeps),
      /** Whether other instances may share this database and run jobs beside this one. */
      sharedWithInstances: importDeps.instance.shared,
      /** Removes uploads no longer needed: run at start and every few minutes. */
      cleanUpUploads: () => cleanUpUploads(importDeps),
      uploadSettings: importDeps.uploadSettings,
      /** How much of a file an import reads before refusing it. */
      limits: importDeps.limits,
    },
    directory: directoryUseCases({ store, clock, themes: deps.themes, ...lexicon }),
    /** Organisations' themes: suggested from their own words, decided by members; potential provision. */
    organisationThemes: organisationThemeUseCases({ store, clock, themes: deps.themes, ...lexicon }),
    needs: needUseCases({ store, clock, themes: deps.themes }),
    grants: grantUseCases({ store, clock, themes: deps.themes, baseUrl }),
    funding: {
      againstNeed: (partnership: PartnershipRecord, themes: readonly string[]) =>
        fundingAgainstNeed(gapDeps, partnership, themes),
      /** Multi-year, contract, small-group and faith-group shares, for the funding page and the dashboard. */
      shares: (partnershipId: string) => partnershipFundingShares(store, partnershipId),
    },
    fundingPipeline: fundingUseCases({ store, clock, themes: deps.themes, frameworks: deps.frameworks }),
    commissioning: commissioningUseCases({
      store,
      clock,
      themes: deps.themes,
      explain: (partnership: PartnershipRecord, areaCode: string, theme: string) =>
        gapExplanation(gapDeps, partnership, areaCode, theme),
      gapReport: (partnership: PartnershipRecord, themes: readonly string[], level: GapLevel) =>
        gapReport(gapDeps, partnership, themes, level),
      fundingAgainstNeed: (partnership: PartnershipRecord, themes: readonly string[]) =>
        fundingAgainstNeed(gapDeps, partnership, themes),
    }),
    areas: {
      forPartnership: (partnership: PartnershipRecord) => partnershipAreas(store, partnership),
      overview: (partnership: PartnershipRecord) => partnershipOverview(store, partnership),
      profile: (partnership: PartnershipRecord, code: string) => areaProfile(store, partnership, code),
      lookupPostcode: (postcode: string) => lookupPostcode(store, postcode),
      examplePostcode: (partnership: PartnershipRecord) =>
        store.areas.examplePostcode(partnership.localAuthorityCode),
    },
    gaps: {
      indicatorThemes: deps.indicatorThemes,
      report: (partnership: PartnershipRecord, themes: readonly string[], level: GapLevel) =>
        gapReport(gapDeps, partnership, themes, level),
      forArea: (partnership: PartnershipRecord, area: AreaRecord) => areaGaps(gapDeps, partnership, area),
      explain: (partnership: PartnershipRecord, areaCode: string, theme: string) =>
        gapExplanation(gapDeps, partnership, areaCode, theme),
      settings: (partnershipId: string) => readGapSettings(store, partnershipId),
      saveSettings: (
        partnershipId: string,
        value: { settings: unknown; linkWeights: unknown },
        actor: Actor,
      ) => saveGapSettings(store, clock, partnershipId, value, actor),
      resetSettings: (partnershipId: string, actor: Actor) =>
        resetGapSettings(store, clock, partnershipId, actor),
    },
    matching: matchingUseCases({ store, clock, themes: deps.themes }),
    reminders: reminderUseCases({ store, clock, baseUrl }),
    /** Open Referral UK feeds the directory is subscribed to: refreshed on a schedule and on demand. */
    feeds: feedSubscriptionUseCases({
      store,
      clock,
      themes: deps.themes,
      reader: deps.feeds?.reader ?? noFeedReader,
      refreshHours: deps.feeds?.refreshHours ?? 24,
      baseUrl,
      allowPlainHttp: deps.feeds?.allowPlainHttp ?? false,
      background,
    }),
    /** Checks of the partnership's own feed and its subscribed feeds against the standard, in the background. */
    feedHealth: feedHealthUseCases({
      store,
      clock,
      background,
      oruk,
      walker: deps.feeds?.walker ?? noFeedPages,
      checker: deps.feeds?.schemas,
    }),
    /** Work started by requests and not waited for (feed refreshes and checks): tests wait for it to settle. */
    background,
    /** A partnership admin's "Get started" list, ticked off from the partnership's records. */
    getStarted: (partnership: PartnershipRecord) => partnershipGetStarted({ store, clock }, partnership),
    /** The page members land on: highlights from rounds, actions, directory, gaps and funding. */
    dashboard: (partnership: PartnershipRecord, member: MembershipRecord) =>
      partnershipDashboard(
        {
          assessments: assessmentDeps,
          directory: { store, clock, themes: deps.themes },
          gaps: gapDeps,
          funding: { store, clock, themes: deps.themes, frameworks: deps.frameworks },
          gapSummaries,
        },
        partnership,
        member,
      ),
    national: nationalUseCases(assessmentDeps),
    privacy: privacyUseCases(assessmentDeps),
    oruk,
    demo: {
      /** Loads the demo into an empty database; throws DatabaseNotEmptyError otherwise. */
      seed: (options?: DemoSeedOptions) => loadDemo(demoDeps, options),
      /** Loads the demo when the database is empty and no other instance is loading it; undefined if not. */
      seedIfEmpty: (options?: DemoSeedOptions) => loadDemoIfEmpty(demoDeps, options),
    },
  };
}

export type Services = ReturnType<typeof createServices>;
export type { LiveSession };
