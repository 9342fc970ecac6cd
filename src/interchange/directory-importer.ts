import type { DirectoryBatch, DirectoryStream } from '../app/directory/directory-import.js';
import {
  ImportSourceError,
  type ImportContext,
  type ImportOption,
  type Importer,
} from '../app/interchange.js';

/**
 * Makes an Importer from a reader that turns a source into a directory batch, or a stream of pieces for large
 * sources. Partnership-scoped.
 */
export function directoryImporter(
  kind: string,
  description: string,
  readBatch: (source: string, context: ImportContext) => Promise<DirectoryBatch | DirectoryStream>,
  form: { readonly accept?: string; readonly options?: readonly ImportOption[] } = {},
): Importer {
  const partnershipOf = (context: ImportContext): string => {
    if (!context.partnershipId) {
      throw new ImportSourceError('Say which partnership these records belong to.');
    }
    return context.partnershipId;
  };
  return {
    kind,
    description,
    needsPartnership: true,
    ...form,
    async preview(source, context) {
      const partnershipId = partnershipOf(context);
      const batch = await readBatch(source, context);
      return context.services.directory.previewImport(partnershipId, batch, context.progress);
    },
    async apply(source, context) {
      const partnershipId = partnershipOf(context);
      const batch = await readBatch(source, context);
      return context.services.directory.applyImport(partnershipId, batch, context.actor, context.progress);
    },
  };
}

/** The theme named by the theme option, or an error listing the themes there are. */
export function themeOption(context: ImportContext, required: boolean): string | null {
  const wanted = context.options?.theme?.trim();
  if (!wanted) {
    if (!required) return null;
    throw new ImportSourceError(
      `Choose the theme these records belong to. The themes are: ${context.services.directory.themes.themes
        .map((t) => t.id)
        .join(', ')}.`,
    );
  }
  const vocabulary = context.services.directory.themes;
  const theme = vocabulary.themes.find(
    (t) => t.id === wanted.toLowerCase() || t.name.toLowerCase() === wanted.toLowerCase(),
  );
  if (!theme) {
    throw new ImportSourceError(
      `There is no theme "${wanted}". Use one of: ${vocabulary.themes.map((t) => t.id).join(', ')}.`,
    );
  }
  return theme.id;
}
