import * as assert from 'node:assert/strict';
import type { AiHistory } from '../../server/src/engine/ai-trailers';
import type { AiMode } from '../../server/src/engine/policy/model';
import { parseSourceFile } from '../../server/src/engine/source-file';
import { aiMarkerMissing } from '../../server/src/engine/rules/ai-marker-missing';
import { policyWith } from './helpers';

const claude = { key: 'Assisted-by', value: 'Claude Code:claude-opus-4-5', tool: 'Claude Code' };
const copilot = { key: 'Co-authored-by', value: 'Copilot <175728472+Copilot@users.noreply.github.com>', tool: 'GitHub Copilot' };
const evidence: AiHistory = { commits: [{ hash: 'abc1234def5678abc1234def5678abc1234def56', subject: 'Add the parser', trailers: [claude] }] };
const text = '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: Apache-2.0\n\nexport const x = 1;\n';

function run(mode: AiMode, aiHistory: AiHistory | undefined, hasAiMarker: boolean, options: { path?: string; text?: string; thirdParty?: boolean; keys?: string[] } = {}) {
  const policy = policyWith((p) => { p.ai.mode = mode; p.ai.commitTrailers = options.keys ?? []; });
  const file = parseSourceFile(options.path ?? 'src/x.ts', options.text ?? text, policy, undefined, options.thirdParty ?? false);
  return aiMarkerMissing(file, policy, { aiHistory, hasAiMarker });
}

describe('ai-marker-missing', () => {
  const modes: AiMode[] = ['allow', 'disclose', 'review', 'forbid'];
  const histories: [string, AiHistory | undefined, boolean][] = [
    ['AI commits', evidence, true],
    ['no AI commits', { commits: [] }, false],
    ['no history', undefined, false],
  ];
  for (const mode of modes) {
    for (const [what, history, hasEvidence] of histories) {
      for (const marker of [true, false]) {
        const expected = (mode === 'disclose' || mode === 'review') && hasEvidence && !marker;
        it(`mode ${mode}, ${what}, ${marker ? 'with' : 'without'} a marker: ${expected ? 'one finding' : 'nothing'}`, () => {
          assert.equal(run(mode, history, marker).length, expected ? 1 : 0);
        });
      }
    }
  }

  it('names the newest commit and its trailer, on line 0, as a warning without a fix', () => {
    const [f] = run('disclose', evidence, false);
    assert.deepEqual(f, {
      rule: 'ai-marker-missing',
      severity: 'warning',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: '// SPDX-FileCopyrightText: 2026 Example Corp'.length } },
      message: 'Git history shows AI help (abc1234, Assisted-by: Claude Code:claude-opus-4-5) but the file has no AI marker: add AI header tags',
    });
  });

  it('counts the commits when there are several, and leaves a co-author email out', () => {
    const two: AiHistory = { commits: [{ hash: '1111111aaaa', subject: 'b', trailers: [copilot] }, evidence.commits[0]] };
    assert.equal(run('review', two, false)[0].message,
      'Git history shows AI help in 2 commits (newest 1111111, Co-authored-by: Copilot) but the file has no AI marker: add AI header tags');
  });

  it("counts a custom trailer only where the path's policy lists its key", () => {
    const custom: AiHistory = { commits: [{ hash: '2222222bbbb', subject: 'c', trailers: [{ key: 'AI-Tool', value: 'Windsurf 1.2', tool: 'Windsurf' }] }] };
    assert.equal(run('disclose', custom, false).length, 0);
    assert.equal(run('disclose', custom, false, { keys: ['ai-tool'] }).length, 1);
  });

  it('range skips a BOM; an empty first line gives an empty range', () => {
    assert.deepEqual(run('disclose', evidence, false, { text: '\uFEFF// hi\nx\n' })[0].range.end, { line: 0, character: 5 });
    assert.deepEqual(run('disclose', evidence, false, { text: '\nx\n' })[0].range.end, { line: 0, character: 0 });
  });

  it('leaves out third-party files and formats without comments', () => {
    assert.equal(run('disclose', evidence, false, { thirdParty: true }).length, 0);
    assert.equal(run('disclose', evidence, false, { path: 'data/x.json', text: '{"a": 1}\n' }).length, 0);
  });
});
