import type { ESLint, Rule } from 'eslint';

export const noImportCycle: Rule.RuleModule;
/** Every cycle among the files under `dirs`, one per strongly connected component, each as its files (absolute paths, sorted). */
export function findCycles(dirs: string[]): string[][];
export function resolveImport(from: string, specifier: string): string | undefined;
export function importsOfText(file: string, text: string): { target: string; pos: number; end: number }[];
declare const plugin: ESLint.Plugin;
export default plugin;
