// What fixes fill into the policy template besides the policy itself. The CLI and the server
// compute it once per workspace folder (git user, detected project license); the engine stays pure.

export interface FixContext {
  year: number;
  /** Used when the policy names no literal holder. */
  holder: string;
  /** Used when the policy names no project license. */
  license: string;
  /** `Name <email>` of the git user, for AI-Reviewed-By tags that fixes insert. */
  reviewer?: string;
}

export function defaultFixContext(now = new Date()): FixContext {
  return { year: now.getFullYear(), holder: 'The authors', license: 'NOASSERTION' };
}
