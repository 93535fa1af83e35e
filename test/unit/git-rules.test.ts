import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GitRules, ruleListTestWorks } from '../../server/src/io/git-rules';
import { listFiles } from '../../server/src/scan/walk';
import { toPolicy } from '../../server/src/engine/policy/model';

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ospo-git-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('git rules', () => {
  const dir = tree({
    '.gitignore': 'build/\n*.log\n!keep.log\n',
    '.git/info/exclude': 'local-notes.md\n',
    'src/.gitignore': 'gen/*\n!gen/hand-written.ts\n',
    'src/a.ts': '',
    'src/gen/x.ts': '',
    'src/gen/hand-written.ts': '',
    'build/out.js': '',
    'build/.gitignore': '!out.js\n',
    'debug.log': '',
    'keep.log': '',
    'local-notes.md': '',
    '.gitattributes': 'proto/*.pb.go linguist-generated\nproto/keep.pb.go -linguist-generated\n',
    'proto/a.pb.go': '',
    'proto/keep.pb.go': '',
  });
  const git = new GitRules(dir);

  it('follows nested .gitignore files, negation and .git/info/exclude', async () => {
    const expect: Record<string, boolean> = {
      'src/a.ts': false,
      'src/gen/x.ts': true,
      'src/gen/hand-written.ts': false,
      'build/out.js': true, // an ignored folder is never read, so its negation does not count
      'debug.log': true,
      'keep.log': false,
      'local-notes.md': true,
    };
    for (const [file, ignored] of Object.entries(expect)) assert.equal(await git.isIgnored(file), ignored, file);
  });

  it('lets a deeper .gitignore un-ignore a folder a shallower one ignores, as git does', async () => {
    // `git check-ignore -v a/build` answers `a/.gitignore:1:!build/`, and `git status` lists a/build/x.c.
    const root = tree({ '.gitignore': 'build/\n', 'a/.gitignore': '!build/\n', 'a/build/x.c': '', 'build/y.c': '' });
    const rules = new GitRules(root);
    assert.equal(rules.isIgnored('a/build/x.c'), false);
    assert.equal(rules.isIgnored('build/y.c'), true);
    const listing = await listFiles(root, toPolicy({}, 'p'), rules);
    assert.deepEqual(listing.files, ['.gitignore', 'a/.gitignore', 'a/build/x.c']);
  });

  it("tests each path against the `ignore` package's rule list alone, not through its per-path table", () => {
    // An upgrade of `ignore` that changes its internals fails here, not silently in a slower walk.
    assert.equal(ruleListTestWorks(), true);
  });

  it('matches case as git does: by core.ignorecase, else case-sensitively on Linux', () => {
    const rules = (config?: string) => {
      const files: Record<string, string> = { '.gitignore': '*.s\n', '.gitattributes': '*.pb.go linguist-generated\n' };
      if (config !== undefined) files['.git/config'] = config;
      return new GitRules(tree(files));
    };
    const plain = rules();
    if (process.platform === 'linux') {
      assert.equal(plain.isIgnored('arch/entry.S'), false);
      assert.equal(plain.isGenerated('api/A.PB.GO'), false);
    }
    assert.equal(plain.isIgnored('arch/entry.s'), true);
    const insensitive = rules('[core]\n\tignorecase = true\n');
    assert.equal(insensitive.isIgnored('arch/entry.S'), true);
    assert.equal(insensitive.isGenerated('api/A.PB.GO'), true);
    assert.equal(rules('[core]\n\tbare = false\n\tignorecase = false\n').isIgnored('arch/entry.S'), false);
  });

  it('reads linguist-generated from .gitattributes', async () => {
    assert.equal(await git.isGenerated('proto/a.pb.go'), true);
    assert.equal(await git.isGenerated('proto/keep.pb.go'), false);
    assert.equal(await git.isGenerated('src/a.ts'), false);
  });

  it('answers the same after a walk has dropped the paths it remembered', async () => {
    const paths = ['src/a.ts', 'src/gen/x.ts', 'src/gen/hand-written.ts', 'debug.log', 'keep.log', 'local-notes.md', 'build/out.js', 'build/'];
    const fresh = new GitRules(dir);
    const before = paths.map((p) => fresh.matches(p));
    await listFiles(dir, toPolicy({}, 'p'), fresh);
    assert.deepEqual(
      paths.map((p) => fresh.matches(p)),
      before,
    );
    assert.deepEqual(before, [false, true, false, true, false, true, false, true]);
    assert.equal(fresh.isGenerated('proto/a.pb.go'), true);
  });

  it('the walk leaves out ignored files unless the policy says otherwise', async () => {
    const { files } = await listFiles(dir, toPolicy({}, 'p'), git);
    assert.ok(files.includes('src/a.ts') && files.includes('keep.log'));
    assert.ok(!files.includes('debug.log') && !files.includes('build/out.js') && !files.includes('src/gen/x.ts'));
    assert.ok(!files.some((f) => f.startsWith('.git/')));
    const { files: all } = await listFiles(dir, toPolicy({ files: { respectGitignore: false } }, 'p'), new GitRules(dir));
    assert.ok(all.includes('debug.log'));
  });
});
