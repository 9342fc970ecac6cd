import type { ThemeLexicon } from '../../domain/directory/theme-classifier.js';
import type { ThemeVocabulary } from '../../domain/directory/themes.js';
import type { Clock } from '../shared/system-ports.js';
import type { Store } from '../ports.js';

/* What the directory's use-cases need (main wires them), apart from the modules that use them. */

export interface DirectoryDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly themes: ThemeVocabulary;
  /** The theme lexicon that suggests organisations' themes after an import (the keywords when not given). */
  readonly lexicon?: ThemeLexicon;
}

/** The organisation themes' use-cases need the same as the rest of the directory. */
export type OrganisationThemeDeps = DirectoryDeps;
