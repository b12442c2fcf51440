/**
 * The files the workflow bundle is built from, and a sha256 of each: the record script writes them to
 * workflow-sources.json after recording, and a unit test compares them with today's files, so a
 * change of workflow code cannot land without histories recorded on it.
 *
 * The set is what the bundle's entry (workflows/src/index.ts, the `workflowsPath` of the worker and
 * of the replay test) reaches by its imports of the project's own code: every module under
 * workflows/src and the domain modules they import (a rule such as `nextVisitCountsFrom` decides
 * workflow commands as much as the workflow does). Packages from npm are pinned by package-lock.json.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const MANIFEST = fileURLToPath(new URL('./workflow-sources.json', import.meta.url));
const ENTRY = join(ROOT, 'workflows/src/index.ts');
/** The project's own packages a workflow may import (`@kampung/domain/stages` → domain/src/stages.ts). */
const OWN_PACKAGES: Record<string, string> = { '@kampung/domain': 'domain/src', '@kampung/workflows': 'workflows/src' };

export interface WorkflowSourcesManifest {
  /** The history version recorded with these sources (`npm run record-histories -- v5` → "v5"). */
  version: string;
  /** Repository-relative path → sha256 of its content. */
  files: Record<string, string>;
}

function resolveImport(from: string, specifier: string): string | null {
  let base: string | null = null;
  if (specifier.startsWith('.')) base = resolve(dirname(from), specifier);
  for (const [name, dir] of Object.entries(OWN_PACKAGES)) {
    if (specifier === name) base = join(ROOT, dir, 'index');
    else if (specifier.startsWith(`${name}/`)) base = join(ROOT, dir, specifier.slice(name.length + 1));
  }
  if (!base) return null; // a package from npm
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (candidate.endsWith('.ts') && existsSync(candidate)) return candidate;
  }
  throw new Error(`workflow-sources: cannot resolve ${specifier} imported by ${relative(ROOT, from)}`);
}

/** Every own source file the workflow bundle is built from, repository-relative and sorted. */
export function workflowSourceFiles(): string[] {
  const seen = new Set<string>();
  const queue = [ENTRY];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const target = resolveImport(file, (match[1] ?? match[2])!);
      if (target && !target.endsWith('.unit.test.ts')) queue.push(target);
    }
  }
  return [...seen].map((file) => relative(ROOT, file)).sort();
}

export function hashWorkflowSources(): Record<string, string> {
  return Object.fromEntries(
    workflowSourceFiles().map((file) => [file, createHash('sha256').update(readFileSync(join(ROOT, file))).digest('hex')]),
  );
}
