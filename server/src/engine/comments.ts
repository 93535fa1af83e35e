// Comment styles by file extension and file name. Fixes and snippets wrap the policy header in
// the style found here; the line form is preferred where a language has one (markers.md).

export interface CommentStyle {
  /** Line comment prefix, e.g. `//` or `#`. */
  line?: string;
  /** Block comment, e.g. `/*` … `*\/`, with the prefix used on the lines in between. */
  start?: string;
  middle?: string;
  end?: string;
}

const C: CommentStyle = { line: '//', start: '/*', middle: ' *', end: ' */' };
const HASH: CommentStyle = { line: '#' };
const DASHES: CommentStyle = { line: '--' };
const SEMI: CommentStyle = { line: ';;' };
const PERCENT: CommentStyle = { line: '%' };
const HTML: CommentStyle = { start: '<!--', middle: '', end: '-->' };
const CSS: CommentStyle = { start: '/*', middle: ' *', end: ' */' };
const ML: CommentStyle = { start: '(*', middle: ' *', end: ' *)' };

const byExtension: Record<string, CommentStyle> = {};
function add(style: CommentStyle, ...exts: string[]) { for (const e of exts) byExtension[e] = style; }

add(C, 'c', 'h', 'cc', 'cpp', 'cxx', 'c++', 'hh', 'hpp', 'hxx', 'h++', 'ipp', 'tpp', 'inl', 'ino', 'cu', 'cuh',
  'm', 'mm', 'cs', 'java', 'js', 'mjs', 'cjs', 'jsx', 'ts', 'mts', 'cts', 'tsx', 'go', 'rs', 'swift', 'kt', 'kts',
  'scala', 'sc', 'sbt', 'dart', 'groovy', 'gradle', 'php', 'proto', 'zig', 'sol', 'scss', 'less', 'jsonc', 'json5',
  'fs', 'fsi', 'hx', 'as', 'glsl', 'vert', 'frag', 'hlsl', 'wgsl', 'qml', 'thrift', 'v', 'sv', 'svh', 'd', 'pas',
  'pp', 'jenkinsfile', 'pde', 'gml', 'typ', 'odin', 'carbon', 'cginc', 'shader', 'ld');
add(HASH, 'py', 'pyi', 'pyw', 'pyx', 'pxd', 'sh', 'bash', 'zsh', 'fish', 'ksh', 'csh', 'tcsh', 'rb', 'rake', 'gemspec',
  'podspec', 'pl', 'pm', 'r', 'yaml', 'yml', 'toml', 'cfg', 'conf', 'ini', 'mk', 'make', 'cmake', 'tf', 'tfvars', 'hcl',
  'nix', 'ps1', 'psm1', 'psd1', 'jl', 'ex', 'exs', 'cr', 'nim', 'nims', 'tcl', 'awk', 'sed', 'properties', 'coffee',
  'gd', 'bzl', 'star', 'bazel', 'po', 'pot', 'graphql', 'gql', 'dockerfile', 'containerfile', 'service', 'desktop',
  'env', 'gitignore', 'gitattributes', 'gitmodules', 'dockerignore', 'editorconfig', 'npmrc', 'flake8', 'pylintrc',
  'spec', 'mojo', 'sls', 'rpy', 'nf', 'smk', 'jq', 'just', 'kv', 'ebuild', 'eclass', 'tmux');
add(DASHES, 'sql', 'lua', 'hs', 'elm', 'ada', 'adb', 'ads', 'vhd', 'vhdl', 'purs', 'agda', 'idr', 'cabal', 'applescript');
add(SEMI, 'lisp', 'lsp', 'el', 'clj', 'cljs', 'cljc', 'edn', 'scm', 'ss', 'rkt', 'fnl', 'asd');
add({ line: ';' }, 'asm', 'nasm', 's', 'iss', 'reg');
add(PERCENT, 'tex', 'sty', 'cls', 'dtx', 'ins', 'bib', 'erl', 'hrl', 'pro', 'mat', 'ltx');
add({ line: '!' }, 'f', 'for', 'f77', 'f90', 'f95', 'f03', 'f08', 'fpp');
add({ line: '"' }, 'vim');
add({ line: '@REM' }, 'bat', 'cmd');
add({ line: "'" }, 'vb', 'vbs', 'bas');
add({ line: '..' }, 'rst');
add({ line: '{#', end: ' #}' }, 'j2', 'jinja', 'jinja2');
add(ML, 'ml', 'mli', 'mll', 'mly', 'sml', 'sig', 'fun', 'wl', 'nb');
add(HTML, 'html', 'htm', 'xhtml', 'xml', 'xsd', 'xsl', 'xslt', 'svg', 'md', 'markdown', 'mdown', 'vue', 'svelte',
  'csproj', 'vbproj', 'fsproj', 'props', 'targets', 'plist', 'xaml', 'rss', 'atom', 'wsdl', 'fxml', 'resx', 'jsp',
  'xul', 'kml', 'gpx', 'storyboard', 'xib', 'astro', 'handlebars', 'hbs', 'ejs', 'erb', 'cshtml', 'razor', 'qrc', 'ui');
add(CSS, 'css', 'pcss');

const byName: Record<string, CommentStyle> = {
  makefile: HASH, gnumakefile: HASH, dockerfile: HASH, containerfile: HASH, vagrantfile: HASH, gemfile: HASH,
  rakefile: HASH, podfile: HASH, brewfile: HASH, pipfile: HASH, procfile: HASH, kconfig: HASH, 'meson.build': HASH,
  'meson_options.txt': HASH, 'cmakelists.txt': HASH, build: HASH, 'build.bazel': HASH, workspace: HASH,
  'workspace.bazel': HASH, 'requirements.txt': HASH, 'constraints.txt': HASH, 'go.mod': C, 'go.work': C,
  jenkinsfile: C, '.bashrc': HASH, '.bash_profile': HASH, '.profile': HASH, '.zshrc': HASH, '.envrc': HASH,
  'codeowners': HASH, '.mailmap': HASH, '.pre-commit-config.yaml': HASH, 'justfile': HASH, 'tiltfile': HASH,
  '.vimrc': { line: '"' }, 'gvimrc': { line: '"' }, '.clang-format': HASH, '.clang-tidy': HASH, 'cargo.lock': HASH,
};

/** Extensions whose format has no comments at all; such files need a `.license` sidecar (REUSE). */
const uncommentable = new Set(['json', 'txt', 'csv', 'tsv', 'ipynb', 'lock', 'map', 'webmanifest', 'har', 'geojson']);

function baseName(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(slash + 1);
}

/**
 * The comment style for a path, or undefined when the format has none we know.
 * `extra` holds the policy's `headers.languages` entries, keyed by ".ext" or by file name.
 */
export function commentStyleFor(path: string, extra: Record<string, CommentStyle> = {}): CommentStyle | undefined {
  const name = baseName(path);
  const lower = name.toLowerCase();
  const dot = lower.lastIndexOf('.');
  if (dot > 0 && !hasKeys(extra)) return builtInStyle(lower, dot);
  const ext = dot > 0 ? lower.slice(dot + 1) : '';
  const fromPolicy = extra[name] ?? extra[lower] ?? (ext ? extra['.' + ext] : undefined);
  if (fromPolicy) return fromPolicy;
  if (byName[lower]) return byName[lower];
  // Dockerfile.dev, Makefile.am, Containerfile.prod: the name before the dot decides.
  const stem = dot > 0 ? lower.slice(0, dot) : lower;
  if (byName[stem] && stemNames.has(stem)) return byName[stem];
  if (ext && byExtension[ext]) return byExtension[ext];
  // Dotfiles such as `.gitignore` have the whole name as "extension".
  if (dot === 0 && byExtension[lower.slice(1)]) return byExtension[lower.slice(1)];
  return undefined;
}

const stemNames = new Set(['dockerfile', 'containerfile', 'makefile', 'gnumakefile', 'jenkinsfile']);

function hasKeys(o: object): boolean {
  for (const _ in o) return true;
  return false;
}

// The same lookups as commentStyleFor for a lower-case name with an extension and no policy entries,
// which is nearly every file. Maps look up a fresh string about four times faster than the tables'
// objects do (bench/engine.mjs), and a name with a dot is never an Object.prototype key, so no answer differs.
const dottedNames = new Map(Object.entries(byName).filter(([n]) => n.lastIndexOf('.') > 0));
const byExtensionMemo = new Map<string, CommentStyle | undefined>();

function builtInStyle(lower: string, dot: number): CommentStyle | undefined {
  const named = dottedNames.get(lower);
  if (named) return named;
  const stem = lower.slice(0, dot);
  if (stemNames.has(stem)) return byName[stem];
  const ext = lower.slice(dot + 1);
  let style = byExtensionMemo.get(ext);
  if (style === undefined && !byExtensionMemo.has(ext)) {
    style = ext ? byExtension[ext] || undefined : undefined;
    // Any string after a dot is an extension: keep the memo from growing without bound.
    if (byExtensionMemo.size >= 1000) byExtensionMemo.clear();
    byExtensionMemo.set(ext, style);
  }
  return style;
}

export function isUncommentable(path: string): boolean {
  const lower = baseName(path).toLowerCase();
  const dot = lower.lastIndexOf('.');
  return dot > 0 && uncommentable.has(lower.slice(dot + 1));
}

/** How many extensions and names the table knows (for documentation and tests). */
export const knownStyles = { extensions: Object.keys(byExtension), names: Object.keys(byName) };

/** Closers that end a tag's value when a header sits inside a block comment on one line. */
export const blockClosers = ['*/', '-->', '*)', '-}', '#}', '--}}'];
