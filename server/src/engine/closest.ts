// The "did you mean" guess for a misspelt name: a policy key or rule id (policy/parse.ts), a CLI
// command or option (cli/main.ts). One rule for how far a guess may be, so every surface guesses alike.

import { distance } from 'fastest-levenshtein';

/** The option nearest to `word` (case ignored), when it is at most two edits away or a third of its length. */
export function closest(word: string, options: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const o of options) {
    const score = distance(word.toLowerCase(), o.toLowerCase());
    if (score < bestScore) {
      best = o;
      bestScore = score;
    }
  }
  return best && bestScore <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}
