// What a check needs to know of the project's REUSE metadata: the REUSE.toml and dep5 licensing
// (a file they license needs no header of its own) and the license texts in LICENSES/.

import type { ReuseContext } from './licensing';

export interface ReuseInput {
  /** REUSE.toml files and .reuse/dep5; absent when the project has neither. */
  context?: ReuseContext;
  /**
   * File names in LICENSES/ (`MIT.txt`); present only when the project follows REUSE (it has
   * LICENSES/, REUSE.toml or .reuse/dep5, or the check runs in --reuse mode), so that a project
   * that never chose REUSE is not told to add license texts.
   */
  licenseFiles?: readonly string[];
}
