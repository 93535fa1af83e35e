// Comment styles by file extension and file name. Fixes and snippets wrap the policy header in
// the style found here; the line form is preferred where a language has one (docs/design/header.md).

export interface CommentStyle {
  /** Line comment prefix, e.g. `//` or `#`. */
  line?: string;
  /** Block comment, e.g. `/*` … `*\/`, with the prefix used on the lines in between. */
  start?: string;
  middle?: string;
  end?: string;
  /** Other line prefixes of the language: read before a tag, never written. */
  alsoLine?: string[];
}

// The languages and their syntax follow reuse-tool's comment.py (EXTENSION_COMMENT_STYLE_MAP,
// FILENAME_COMMENT_STYLE_MAP), so a header `reuse annotate` wrote is read here and ours reads
// the same way; bench/comment-coverage.mjs measures the two tables against each other.
// Where we write differently on purpose, the entry says why.
const C: CommentStyle = { line: '//', start: '/*', middle: ' *', end: ' */' };
// C without line comments: CSS, linker scripts and assemblers' C preprocessor know only `/* */`.
const C_BLOCK: CommentStyle = { start: '/*', middle: ' *', end: ' */' };
const HASH: CommentStyle = { line: '#' };
const DASHES: CommentStyle = { line: '--' };
const HASKELL: CommentStyle = { line: '--', start: '{-', middle: '', end: '-}' };
// reuse writes `;;;` (any run of `;` reads as a comment); `;;` is the Lisp and Emacs convention for a comment line.
const SEMI: CommentStyle = { line: ';;' };
const SEMICOLON: CommentStyle = { line: ';' };
const PERCENT: CommentStyle = { line: '%' };
const HTML: CommentStyle = { start: '<!--', middle: '', end: '-->' };
const ML: CommentStyle = { start: '(*', middle: ' *', end: ' *)' };
const ASPX: CommentStyle = { start: '<%--', middle: '', end: '--%>' };
// Fixed form: a `c`, `C` or `*` in column 1, or a `!` anywhere, starts a comment.
const FORTRAN_FIXED: CommentStyle = { line: 'c', alsoLine: ['*', '!'] };
const FORTRAN: CommentStyle = { line: '!' };
const PASCAL: CommentStyle = { line: '//', start: '{', middle: '', end: '}' };
const PLANTUML: CommentStyle = { line: "'", start: "/'", middle: " '", end: " '/" };
const XQUERY: CommentStyle = { start: '(:', middle: ' :', end: ' :)' };
const VIM: CommentStyle = { line: '"' };
// m4 has its own comments (`#`) besides `dnl`, which discards the rest of the line.
const M4: CommentStyle = { line: 'dnl', alsoLine: ['#'] };

// No prototype: any string after a dot is looked up, `constructor` included.
const byExtension: Record<string, CommentStyle> = Object.create(null);
function add(style: CommentStyle, ...exts: string[]) {
  for (const e of exts) byExtension[e] = style;
}

// `.c` and `.h` take `//` as well (C99): every current compiler reads it, and the Linux kernel writes its
// SPDX line that way in `.c` files. `.m` is Objective-C here (reuse: MATLAB, `%`); both are read.
add(
  C,
  'c',
  'h',
  'cc',
  'cpp',
  'cxx',
  'c++',
  'hh',
  'hpp',
  'hxx',
  'h++',
  'ipp',
  'tpp',
  'inl',
  'ino',
  'cu',
  'cuh',
  'm',
  'mm',
  'cs',
  'java',
  'js',
  'mjs',
  'cjs',
  'jsx',
  'ts',
  'mts',
  'cts',
  'tsx',
  'go',
  'rs',
  'swift',
  'kt',
  'kts',
  'scala',
  'sc',
  'sbt',
  'dart',
  'groovy',
  'gradle',
  'php',
  'php3',
  'php4',
  'php5',
  'proto',
  'sol',
  'jsonc',
  'json5',
  'fs',
  'fsi',
  'fsx',
  'hx',
  'hxsl',
  'as',
  'glsl',
  'vert',
  'frag',
  'hlsl',
  'wgsl',
  'qml',
  'qbs',
  'thrift',
  'v',
  'vsh',
  'sv',
  'svh',
  'd',
  'di',
  'pp',
  'jenkinsfile',
  'pde',
  'gml',
  'typ',
  'carbon',
  'cginc',
  'shader',
  'adoc',
  'asciidoc',
  'asc',
  'aidl',
  'code-workspace',
  'dts',
  'dtsi',
  'gperf',
  'hjson',
  'scad',
  'soy',
  'vala',
);
add(PASCAL, 'pas', 'dpr', 'dpk');
add({ line: '//' }, 'zig', 'zon', 'gleam', 'ha');
add(C_BLOCK, 'css', 'pcss', 'less', 'scss', 'sass', 'qss', 'ld', 's', 'odin');
add(
  HASH,
  'py',
  'pyi',
  'pyw',
  'pyx',
  'pxd',
  'sh',
  'bash',
  'zsh',
  'fish',
  'ksh',
  'csh',
  'tcsh',
  'bats',
  'rb',
  'rbw',
  'rbx',
  'rake',
  'gemspec',
  'podspec',
  'pl',
  'pm',
  'pod',
  't',
  'r',
  'yaml',
  'yml',
  'toml',
  'cfg',
  'conf',
  'mk',
  'make',
  'cmake',
  'tf',
  'tfvars',
  'hcl',
  'nix',
  'ps1',
  'psm1',
  'psd1',
  'ex',
  'exs',
  'cr',
  'nim',
  'nims',
  'nimble',
  'nimrod',
  'nim.cfg',
  'tcl',
  'awk',
  'sed',
  'properties',
  'coffee',
  'cson',
  'gd',
  'bzl',
  'bxl',
  'star',
  'sky',
  'bazel',
  'po',
  'pot',
  'graphql',
  'graphqls',
  'gqls',
  'gql',
  'dockerfile',
  'containerfile',
  'service',
  'desktop',
  'env',
  'gitignore',
  'gitattributes',
  'gitmodules',
  'dockerignore',
  'editorconfig',
  'flake8',
  'pylintrc',
  'spec',
  'mojo',
  'rpy',
  'nf',
  'smk',
  'jq',
  'just',
  'kv',
  'ebuild',
  'eclass',
  'tmux',
  'bb',
  'bbappend',
  'bbclass',
  'jy',
  'org',
  'pri',
  'pro',
  'ttl',
  'xsh',
  // Salt states; reuse: Scheme (R6RS) library source, read the same, as `;` is comment punctuation.
  'sls',
);
add({ line: '#', start: '#=', middle: '', end: '=#' }, 'jl');
add(DASHES, 'sql', 'lua', 'ada', 'adb', 'ads', 'vhd', 'vhdl', 'cabal');
add(HASKELL, 'hs', 'elm', 'purs', 'agda', 'idr');
add({ line: '--', start: '/-', middle: ' -', end: ' -/' }, 'lean');
add({ line: '--', start: '(*', middle: '', end: '*)' }, 'applescript', 'scpt', 'scptd');
add(SEMI, 'lisp', 'lsp', 'el', 'cl', 'l', 'clj', 'cljs', 'cljc', 'edn', 'scm', 'ss', 'sld', 'sps', 'rkt', 'fnl', 'asd');
// reuse writes `;;;` in `.asm`; one `;` is the assemblers' own convention.
add(SEMICOLON, 'asm', 'nasm', 'iss', 'reg', 'ini', 'ahk', 'ahkl');
add(PERCENT, 'tex', 'latex', 'sty', 'cls', 'dtx', 'ins', 'aux', 'toc', 'erl', 'hrl', 'xrl', 'yrl', 'escript', 'es', 'mat', 'ltx');
add({ start: '@Comment{', middle: '', end: '}' }, 'bib');
add(FORTRAN_FIXED, 'f', 'for', 'ftn', 'fpp', 'f77');
add(FORTRAN, 'f90', 'f95', 'f03', 'f08');
add(VIM, 'vim');
// reuse writes `REM`; `@REM` keeps the comment out of the echoed output.
add({ line: '@REM', alsoLine: ['REM', '::'] }, 'bat', 'cmd');
// OpenVMS DCL command procedures (not in reuse's table).
add({ line: '$!' }, 'com', 'dcl');
add({ line: "'" }, 'vb', 'vbs', 'bas');
add({ line: '..' }, 'rst');
add({ line: '.\\"' }, 'man');
add(M4, 'm4');
add({ line: '{#', end: ' #}' }, 'j2', 'jinja', 'jinja2');
add(ML, 'ml', 'mli', 'mll', 'mly', 'sml', 'sig', 'fun', 'wl', 'nb', 'thy');
add(PLANTUML, 'plantuml', 'pu', 'puml', 'iuml');
add(XQUERY, 'xq', 'xql', 'xqm', 'xqy', 'xquery');
add(ASPX, 'aspx', 'asax', 'ashx', 'asmx', 'axd', 'jsp');
add({ start: '<#--', middle: '', end: '-->' }, 'ftl');
add({ start: '{{!--', middle: '', end: '--}}' }, 'hbs', 'handlebars');
add({ start: '{{--', middle: '', end: '--}}' }, 'blade.php');
add({ start: '#*', middle: '', end: '*#' }, 'vm', 'vtl');
// `.svg` keeps a comment (reuse: uncommentable, so `reuse annotate` writes a `.license` file instead).
add(
  HTML,
  'html',
  'htm',
  'xhtml',
  'xml',
  'xsd',
  'xsl',
  'xslt',
  'svg',
  'md',
  'markdown',
  'mdown',
  'rmd',
  'vue',
  'svelte',
  'csproj',
  'vbproj',
  'fsproj',
  'props',
  'targets',
  'plist',
  'xaml',
  'rss',
  'atom',
  'wsdl',
  'fxml',
  'resx',
  'xul',
  'kml',
  'gpx',
  'storyboard',
  'xib',
  'astro',
  'ejs',
  'erb',
  'cshtml',
  'razor',
  'qrc',
  'ui',
  'csl',
  'dtd',
  'textile',
  'slnx',
);

const byName: Record<string, CommentStyle> = {
  makefile: HASH,
  gnumakefile: HASH,
  dockerfile: HASH,
  containerfile: HASH,
  vagrantfile: HASH,
  gemfile: HASH,
  rakefile: HASH,
  podfile: HASH,
  brewfile: HASH,
  pipfile: HASH,
  procfile: HASH,
  kconfig: HASH,
  'meson.build': HASH,
  'meson_options.txt': HASH,
  'cmakelists.txt': HASH,
  build: HASH,
  'build.bazel': HASH,
  workspace: HASH,
  'workspace.bazel': HASH,
  'requirements.txt': HASH,
  'constraints.txt': HASH,
  'go.mod': C,
  'go.work': C,
  jenkinsfile: C,
  '.bashrc': HASH,
  '.bash_profile': HASH,
  '.profile': HASH,
  '.zshrc': HASH,
  '.envrc': HASH,
  codeowners: HASH,
  '.mailmap': HASH,
  '.pre-commit-config.yaml': HASH,
  justfile: HASH,
  tiltfile: HASH,
  '.vimrc': VIM,
  gvimrc: VIM,
  '.clang-format': HASH,
  '.clang-tidy': HASH,
  '.bazelignore': HASH,
  '.bazelrc': HASH,
  '.browserslist': HASH,
  '.coveragerc': HASH,
  '.earthlyignore': HASH,
  '.eslintignore': HASH,
  '.htaccess': HASH,
  '.mdlrc': HASH,
  '.npmignore': HASH,
  '.npmrc': SEMICOLON,
  '.nvmrc': HASH,
  '.prettierignore': HASH,
  '.pylintrc': HASH,
  '.renviron': HASH,
  '.rprofile': HASH,
  '.shellcheckrc': HASH,
  '.taprc': HASH,
  '.yamllint': HASH,
  '.yarnrc': HASH,
  'ansible.cfg': HASH,
  buck: HASH,
  'cabal.project': DASHES,
  'configure.ac': M4,
  doxyfile: HASH,
  dune: SEMICOLON,
  'dune-project': SEMICOLON,
  'dune-workspace': SEMICOLON,
  earthfile: HASH,
  gradlew: HASH,
  'makefile.am': HASH,
  'manifest.in': HASH,
  manifest: HASH,
  matplotlibrc: HASH,
  package: HASH,
  pylintrc: HASH,
  'py.typed': HASH,
  root: ML,
  'setup.cfg': HASH,
  snakefile: HASH,
};

/** Extensions whose format has no comments at all; such files need a `.license` sidecar (REUSE). */
const uncommentable = new Set([
  'json',
  'txt',
  'csv',
  'tsv',
  'ipynb',
  'lock',
  'map',
  'webmanifest',
  'har',
  'geojson',
  'aes',
  'arb',
  'doc',
  'docx',
  'dotx',
  'fodp',
  'fods',
  'fodt',
  'ilean',
  'jpg',
  'jpeg',
  'odb',
  'odf',
  'odg',
  'odm',
  'odp',
  'ods',
  'odt',
  'olean',
  'otp',
  'ots',
  'ott',
  'pdf',
  'pem',
  'png',
  'ppt',
  'pptx',
  'scsyndef',
  'sln',
  'webp',
  'xls',
  'xlsx',
]);
/** File names of formats without comments (JSON configs, generated lock files). */
const uncommentableNames = new Set([
  '.arcconfig',
  '.arclint',
  '.arcunit',
  '.eslintrc',
  '.metadata',
  '.prettierrc',
  '.python-version',
  'archive.sctxar',
  'cargo.lock',
  'flake.lock',
  'go.sum',
  'poetry.lock',
  'pubspec.lock',
  'uv.lock',
  'yarn.lock',
]);

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
  if (hasKeys(extra)) {
    const ext = dot > 0 ? lower.slice(dot + 1) : '';
    const own = (key: string) => (Object.hasOwn(extra, key) ? extra[key] : undefined);
    const fromPolicy = own(name) ?? own(lower) ?? (ext ? own('.' + ext) : undefined);
    if (fromPolicy) return fromPolicy;
  }
  if (dot > 0) return builtInStyle(lower, dot);
  const named = names.get(lower);
  if (named) return named;
  // Dotfiles such as `.gitignore` have the whole name as "extension".
  return dot === 0 ? byExtension[lower.slice(1)] : undefined;
}

// Dockerfile.dev, Makefile.in, Containerfile.prod: the name before the dot decides.
const stemNames = new Set(['dockerfile', 'containerfile', 'makefile', 'gnumakefile', 'jenkinsfile']);

function hasKeys(o: object): boolean {
  for (const _ in o) return true;
  return false;
}

// Maps look up a fresh string about four times faster than the tables' objects do (bench/engine.mjs),
// and never answer with an Object.prototype member for a file named `constructor`.
const names = new Map(Object.entries(byName));
// Two-part extensions (`.blade.php`) come before the last part, as in reuse.
const compoundExtensions = new Map(Object.entries(byExtension).filter(([e]) => e.includes('.')));
const byExtensionMemo = new Map<string, CommentStyle | undefined>();

function builtInStyle(lower: string, dot: number): CommentStyle | undefined {
  const named = names.get(lower);
  if (named) return named;
  const before = lower.lastIndexOf('.', dot - 1);
  if (before > 0 && compoundExtensions.size) {
    const compound = compoundExtensions.get(lower.slice(before + 1));
    if (compound) return compound;
  }
  const stem = lower.slice(0, dot);
  if (stemNames.has(stem)) return names.get(stem);
  const ext = lower.slice(dot + 1);
  let style = byExtensionMemo.get(ext);
  if (style === undefined && !byExtensionMemo.has(ext)) {
    style = ext ? byExtension[ext] : undefined;
    // Any string after a dot is an extension: keep the memo from growing without bound.
    if (byExtensionMemo.size >= 1000) byExtensionMemo.clear();
    byExtensionMemo.set(ext, style);
  }
  return style;
}

export function isUncommentable(path: string): boolean {
  const lower = baseName(path).toLowerCase();
  if (uncommentableNames.has(lower)) return true;
  const dot = lower.lastIndexOf('.');
  return dot > 0 && uncommentable.has(lower.slice(dot + 1));
}

/** How many extensions and names the table knows (for documentation and tests). */
export const knownStyles = {
  extensions: Object.keys(byExtension),
  names: Object.keys(byName),
  uncommentable: { extensions: [...uncommentable], names: [...uncommentableNames] },
};

/** What may stand before a tag on its line in this style: its line prefixes and block start and middle. */
export function commentPrefixes(style: CommentStyle): string[] {
  return [style.line, ...(style.alsoLine ?? []), style.start, style.middle?.trim()].filter((p): p is string => !!p);
}

const builtInStyles = new Set([...Object.values(byExtension), ...Object.values(byName)]);

/** The prefixes of every built-in style, for text whose format is unknown. */
export const allCommentPrefixes = [...new Set([...builtInStyles].flatMap(commentPrefixes))];

/**
 * Closers that end a tag's value when a header sits inside a block comment on one line. A one-character
 * closer (Pascal's `}`) ends it only in its own style: elsewhere a brace may be part of the value.
 */
export const blockClosers = [...new Set([...builtInStyles].map((s) => s.end?.trim() ?? '').filter((e) => e.length > 1))];
