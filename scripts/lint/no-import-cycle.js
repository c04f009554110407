/**
 * An ESLint rule of our own (issue 16): no module may import itself back through other modules, type
 * imports included. A cycle makes the load order matter at run time (one side sees the other's
 * exports undefined), and one by types alone still says that two files hold one idea between them.
 *
 * The graph is built from the files on disk with TypeScript's import scanner (ts.preProcessFile:
 * static imports, `import type`, `export … from`, `import()` and `import('…').T`), following only
 * relative specifiers (the code base has no path aliases); packages are leaves. Each file's imports
 * are cached by modification time, so one lint run scans each file once. The file being linted is
 * read from ESLint's text, so an editor sees a cycle before the file is saved.
 *
 * `folders` (an option): globs of the form `dir/*` whose children are features; a cycle between two
 * such folders (features/a imports features/b, which imports features/a, through any files) is
 * reported too, at the import that leaves the linted file's folder towards the other.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.js', '.jsx', '.mjs'];

/** How long a file's cached imports are trusted without a look at its modification time: one lint run visits each file many times. */
const FRESH_MS = 1000;

/** @type {Map<string, { mtimeMs: number, checked: number, imports: { target: string, pos: number, end: number }[] }>} */
const cache = new Map();

/** The file a relative specifier names, or undefined for a package or a file that does not exist. */
export function resolveImport(from, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier.replace(/[?#].*$/, ''));
  const stem = base.replace(/\.(js|jsx|mjs)$/, '');
  const candidates = [
    base,
    ...EXTENSIONS.map((ext) => stem + ext),
    ...EXTENSIONS.map((ext) => path.join(base, `index${ext}`)),
  ];
  return candidates.find((file) => isFile(file));
}

function isFile(file) {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** A file's relative imports, resolved, with where each specifier sits in the text. */
export function importsOfText(file, text) {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles.flatMap(({ fileName, pos, end }) => {
    const target = resolveImport(file, fileName);
    return target ? [{ target, pos, end }] : [];
  });
}

function importsOf(file) {
  const now = Date.now();
  const cached = cache.get(file);
  if (cached && now - cached.checked < FRESH_MS) return cached.imports;
  let mtimeMs;
  try {
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch {
    return [];
  }
  if (cached && cached.mtimeMs === mtimeMs) {
    cached.checked = now;
    return cached.imports;
  }
  const imports = importsOfText(file, fs.readFileSync(file, 'utf8'));
  cache.set(file, { mtimeMs, checked: now, imports });
  return imports;
}

/** The linted file's imports: scanned once with the rest of the graph when the text is the file on disk, else from the text. */
function ownImports(file, text) {
  try {
    if (fs.readFileSync(file, 'utf8') === text) return importsOf(file);
  } catch {
    // A text with no file behind it (lintText with a made-up name).
  }
  return importsOfText(file, text);
}

/**
 * The shortest chain of imports from `start` to any file for which `isGoal` holds, as the list of
 * files after `start`, or undefined where there is none. `edges(file)` lists a file's targets.
 * `dead`: files known not to lead to a goal; a search that fails adds every file it saw, so the
 * searches from one file's imports together visit each file once.
 */
function shortestPath(start, isGoal, edges, dead) {
  const parent = new Map([[start, undefined]]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i];
    if (i > 0 && isGoal(file)) {
      const chain = [];
      for (let at = file; at !== start; at = parent.get(at)) chain.unshift(at);
      return chain;
    }
    for (const next of edges(file)) {
      if (!parent.has(next) && !dead.has(next)) {
        parent.set(next, file);
        queue.push(next);
      }
    }
  }
  for (const file of queue) dead.add(file);
  return undefined;
}

/** The feature folder a file sits in under one of `folders` (each `dir/*`), or undefined. */
function featureOf(file, folders, cwd) {
  for (const glob of folders) {
    const parent = path.resolve(cwd, glob.replace(/\/\*$/, ''));
    const relative = path.relative(parent, file);
    if (relative && !relative.startsWith('..') && !path.isAbsolute(relative) && relative.includes(path.sep)) {
      return path.join(parent, relative.split(path.sep)[0]);
    }
  }
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
export const noImportCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbids import cycles between files (type imports included) and between feature folders.' },
    schema: [
      {
        type: 'object',
        properties: { folders: { type: 'array', items: { type: 'string' } } },
        additionalProperties: false,
      },
    ],
    messages: {
      cycle: 'Import cycle: {{chain}}. Move what both sides need to where a reader expects it (issue 16).',
      folderCycle:
        'Folder cycle: {{chain}} imports back into {{folder}}. Move what both need to one of them or below both (issue 16).',
    },
  },
  create(context) {
    const file = path.resolve(context.filename);
    const cwd = context.cwd;
    const folders = context.options[0]?.folders ?? [];
    const name = (at) => path.relative(cwd, at).split(path.sep).join('/');
    return {
      Program() {
        const text = context.sourceCode.text;
        const own = ownImports(file, text);
        const edges = (at) => (at === file ? own : importsOf(at)).map(({ target }) => target);
        const report = (pos, end, messageId, data) =>
          context.report({
            loc: { start: context.sourceCode.getLocFromIndex(pos), end: context.sourceCode.getLocFromIndex(end) },
            messageId,
            data,
          });
        const seen = new Set();
        const dead = new Set();
        for (const { target, pos, end } of own) {
          if (seen.has(target)) continue;
          seen.add(target);
          const back = target === file ? [] : shortestPath(target, (at) => at === file, edges, dead);
          if (back) report(pos, end, 'cycle', { chain: [file, target, ...back].map(name).join(' → ') });
        }
        const features = new Map();
        const featureAt = (at) => {
          if (!features.has(at)) features.set(at, featureOf(at, folders, cwd));
          return features.get(at);
        };
        const feature = featureAt(file);
        if (!feature) return;
        const reported = new Set();
        const deadEnds = new Set();
        for (const { target, pos, end } of own) {
          const other = featureAt(target);
          if (!other || other === feature || reported.has(other)) continue;
          const back = shortestPath(target, (at) => featureAt(at) === feature, edges, deadEnds);
          if (!back) continue;
          reported.add(other);
          report(pos, end, 'folderCycle', {
            chain: [file, target, ...back].map(name).join(' → '),
            folder: name(feature),
          });
        }
      },
    };
  },
};

/** Every file under `dirs` with one of EXTENSIONS. */
function filesUnder(dirs) {
  return dirs.flatMap((dir) =>
    fs
      .readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && EXTENSIONS.includes(path.extname(entry.name)))
      .map((entry) => path.join(entry.parentPath, entry.name)),
  );
}

/**
 * Every cycle among the files under `dirs`, one per strongly connected component (Tarjan), each
 * as its files; for the test that the real tree has none, and for a reader hunting them.
 */
export function findCycles(dirs) {
  const files = filesUnder(dirs.map((dir) => path.resolve(dir)));
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  let counter = 0;
  const visit = (file) => {
    index.set(file, counter);
    low.set(file, counter);
    counter++;
    stack.push(file);
    onStack.add(file);
    for (const { target } of importsOf(file)) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file), low.get(target)));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file), index.get(target)));
      }
    }
    if (low.get(file) === index.get(file)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      const selfImport = importsOf(file).some(({ target }) => target === file);
      if (component.length > 1 || selfImport) components.push(component.sort());
    }
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return components;
}

export default { meta: { name: 'nash' }, rules: { 'no-import-cycle': noImportCycle } };
