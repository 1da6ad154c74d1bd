import type { Entity, Fact, FactBase, FactValue, Source } from '../types';
import type { ExternalRefs } from './parse';

/** One loaded fact base and where it came from (a file URI, or "bundled"). */
export interface FactLayer {
  origin: string;
  base: FactBase;
}

/** A problem found only when layers meet (duplicate ids, a dangling `supersedes`), located by id. */
export interface MergeProblem {
  origin: string;
  what: 'fact' | 'source' | 'entity';
  id: string;
  message: string;
}

export interface MergedFactBase {
  base: FactBase;
  problems: MergeProblem[];
  /**
   * Facts that disagree with another fact of another layer about the same subject, unit and
   * context words, neither superseding the other: fact id -> the facts it conflicts with. Hovers
   * show both.
   */
  conflicts: Map<string, Fact[]>;
  /** Origin of every fact kept, so a hover or a tree can say which file it comes from. */
  originOf: Map<string, string>;
}

/** Stable text form of a value, for deciding whether two facts say the same thing. */
export function valueKey(v: FactValue): string {
  return JSON.stringify(v, Object.keys(v).sort());
}

/**
 * Every declared source and entity across layers, so each file can be parsed against the others
 * (a workspace fact may cite a source from another file). The first declaration of an id wins.
 */
export function collectRefs(layers: ReadonlyArray<Pick<FactBase, 'sources' | 'entities'>>): ExternalRefs {
  const sources = new Map<string, Source>();
  const entities = new Map<string, Entity>();
  for (const l of layers) {
    for (const [id, s] of l.sources) if (!sources.has(id)) sources.set(id, s);
    for (const [id, e] of l.entities) if (!entities.has(id)) entities.set(id, e);
  }
  return { sources, entities };
}

/**
 * Merges layers in order (bundled first, then workspace files in a stable order). A later
 * duplicate id is reported in its own layer and dropped, never silently replacing the first;
 * a fact named by another's `supersedes` is removed from matching.
 */
export function mergeFactBases(layers: readonly FactLayer[]): MergedFactBase {
  // One layer that supersedes nothing is its own merge. Handing back the same base keeps what was
  // compiled for it (its lexicon) and the checks made against it: a workspace without fact files
  // reloads to the bundled base itself.
  const only = layers.length === 1 ? layers[0]! : null;
  if (only && !only.base.facts.some((f) => f.supersedes)) {
    return { base: only.base, problems: [], conflicts: new Map(), originOf: new Map(only.base.facts.map((f) => [f.id, only.origin])) };
  }
  const base: FactBase = { sources: new Map(), entities: new Map(), facts: [] };
  const problems: MergeProblem[] = [];
  const originOf = new Map<string, string>();
  const sourceOrigin = new Map<string, string>();
  const entityOrigin = new Map<string, string>();
  // Only facts about a subject that two origins speak of can conflict (below). Found as the facts
  // are taken, where each one's origin is at hand: a 100,000-fact file beside a small one is
  // merged on every keystroke in the small one. A superseded fact may leave a subject marked
  // for nothing; that only lets its other facts be compared.
  const originOfSubject = new Map<string, string | null>(); // null: several origins
  for (const { origin, base: b } of layers) {
    for (const [id, s] of b.sources) {
      const first = sourceOrigin.get(id);
      if (first !== undefined) { problems.push({ origin, what: 'source', id, message: `duplicate source id "${id}" (also in ${first})` }); continue; }
      sourceOrigin.set(id, origin);
      base.sources.set(id, s);
    }
    for (const [id, e] of b.entities) {
      const first = entityOrigin.get(id);
      if (first !== undefined) {
        // Entities are shared vocabulary: a file may restate one; only a different definition is a problem.
        if (JSON.stringify(base.entities.get(id)) !== JSON.stringify(e)) {
          problems.push({ origin, what: 'entity', id, message: `entity "${id}" is already defined differently (in ${first})` });
        }
        continue;
      }
      entityOrigin.set(id, origin);
      base.entities.set(id, e);
    }
    for (const f of b.facts) {
      const first = originOf.get(f.id);
      if (first !== undefined) {
        // Said in both files: either may be the one to rename. The first loaded stays in use.
        problems.push({ origin, what: 'fact', id: f.id, message: `duplicate fact id "${f.id}" (also in ${first}, whose fact is used)` });
        if (first !== 'bundled') problems.push({ origin: first, what: 'fact', id: f.id, message: `duplicate fact id "${f.id}" (also in ${origin}; this one is used)` });
        continue;
      }
      originOf.set(f.id, origin);
      base.facts.push(f);
      const seen = originOfSubject.get(f.subject);
      if (seen === undefined) originOfSubject.set(f.subject, origin);
      else if (seen !== null && seen !== origin) originOfSubject.set(f.subject, null);
    }
  }

  const superseded = new Set<string>();
  for (const f of base.facts) {
    if (!f.supersedes) continue;
    if (!originOf.has(f.supersedes)) {
      problems.push({ origin: originOf.get(f.id)!, what: 'fact', id: f.id, message: `fact "${f.id}" supersedes unknown fact "${f.supersedes}"` });
    } else superseded.add(f.supersedes);
  }
  if (superseded.size) base.facts = base.facts.filter((f) => !superseded.has(f.id));

  const conflicts = new Map<string, Fact[]>();
  // The grouping key is built fresh, so hashed anew on every merge: kept off subjects one origin has.
  const groups = new Map<string, Fact[]>();
  for (const f of base.facts) {
    if (originOfSubject.get(f.subject) !== null) continue;
    // Context words narrow the matter ("still in Ukrainian hands" is not what Moscow holds).
    const key = `${f.subject}\u0000${f.unit ?? ''}\u0000${f.value.kind}\u0000${f.party ?? ''}\u0000${f.occasion ?? ''}\u0000${f.context.length ? JSON.stringify(f.context) : ''}`;
    const group = groups.get(key);
    if (group) group.push(f); else groups.set(key, [f]);
  }
  for (const group of groups.values()) {
    const values = new Map(group.map((f) => [f, valueKey(f.value)]));
    for (const a of group) {
      const others = group.filter((b) => b !== a && originOf.get(b.id) !== originOf.get(a.id) && values.get(b) !== values.get(a));
      if (others.length) conflicts.set(a.id, others);
    }
  }
  for (const id of superseded) originOf.delete(id);
  return { base, problems, conflicts, originOf };
}
