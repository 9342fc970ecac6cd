import type { SessionPolicy } from '../domain/accounts/session-policy.js';
import type { SignInLimits } from '../domain/accounts/sign-in-limits.js';
import type { ThemeVocabulary } from '../domain/directory/themes.js';
import type { ThemeLexicon } from '../domain/directory/theme-classifier.js';
import type { IndicatorThemes } from '../domain/needs/indicator-themes.js';
import type { FrameworkLibrary } from './assessments/framework-library.js';
import type { GuidanceLibrary } from './guidance/guidance-library.js';
import type { PostcodeLocator } from './directory/oruk-feed.js';
import type { DemoSamplePack } from './demo/seed-sample-packs.js';
import type { FeedReader } from './feeds/feed-reader.js';
import type { FeedPageWalker, OrukSchemaChecker } from './feeds/feed-health-ports.js';
import type { ImportKindInfo, ImportRunner } from './imports/import-runs.js';
import type { ImportLimits } from './imports/import-limits.js';
import type { JobInstance } from './imports/job-instance.js';
import type { UploadFiles, UploadSettings } from './imports/upload-files.js';
import type { BackgroundTasks } from './shared/background-tasks.js';
import type { Clock, PasswordHasher } from './shared/system-ports.js';
import type { Store } from './ports.js';

/** What `createServices` is given: the store, the outside world and the service's settings. */
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
