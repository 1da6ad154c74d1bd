import { parse } from 'yaml';
import bundledYaml from '../../../facts/bundled.facts.yaml';
import type { FactBase } from '../types';
import { parseFactBase } from './parse';

let cached: FactBase | undefined;

/**
 * The fact base shipped with Fact Desk. The build and the tests reject a bundled base with any
 * problem, so a problem here is a packaging bug worth failing loudly on.
 */
export function loadBundledFactBase(): FactBase {
  if (cached) return cached;
  // The bundles carry the YAML as JSON (scripts/ahead-of-time.mjs), which JSON.parse reads far faster.
  const raw: unknown = bundledYaml.startsWith('{') ? JSON.parse(bundledYaml) : parse(bundledYaml);
  const { base, problems } = parseFactBase(raw);
  if (problems.length) throw new Error(`bundled fact base is invalid: ${problems.map((p) => p.message).join('; ')}`);
  cached = base;
  return base;
}
