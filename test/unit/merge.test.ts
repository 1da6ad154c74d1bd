import { describe, expect, it } from 'vitest';
import { mergeFactBases } from '../../server/src/core/facts/merge';
import type { Fact, FactBase } from '../../server/src/core/types';

const fact = (id: string, n: number, extra: Partial<Fact> = {}): Fact => ({
  id, value: { kind: 'number', n }, unit: 'berth', qualifier: null, statement: `${n} berths`, subject: 'port', context: [],
  party: null, stance: null, attributionSensitive: false, disputed: false, occasion: null, occasionCues: [], asOf: null,
  quote: { source: 'office', text: `${n} berths` }, alsoIn: [], conflicts: [], erratum: null, note: null, ...extra,
});
const layer = (facts: Fact[]): FactBase => ({ sources: new Map(), entities: new Map(), facts });

describe('mergeFactBases', () => {
  it('hands back a lone layer as it is, so what was compiled for it stays in use', () => {
    const only = layer([fact('x', 1), fact('y', 2)]);
    const m = mergeFactBases([{ origin: 'bundled', base: only }]);
    expect(m.base).toBe(only);
    expect([...m.originOf]).toEqual([['x', 'bundled'], ['y', 'bundled']]);
    expect(m.problems).toEqual([]);
    // A lone layer that supersedes one of its own facts is merged as usual.
    const own = mergeFactBases([{ origin: 'ws', base: layer([fact('old', 40), fact('new', 42, { supersedes: 'old' })]) }]);
    expect(own.base.facts.map((f) => f.id)).toEqual(['new']);
  });
  it('reports a duplicate fact id in both files and keeps the first', () => {
    const m = mergeFactBases([{ origin: 'a', base: layer([fact('x', 1)]) }, { origin: 'b', base: layer([fact('x', 2)]) }]);
    expect(m.base.facts.map((f) => f.value)).toEqual([{ kind: 'number', n: 1 }]);
    expect(m.problems.map((p) => p.origin).sort()).toEqual(['a', 'b']);
  });
  it('marks facts of different files that disagree on the same matter as conflicts', () => {
    const m = mergeFactBases([{ origin: 'bundled', base: layer([fact('old', 40)]) }, { origin: 'ws', base: layer([fact('new', 42)]) }]);
    expect(m.conflicts.get('new')?.map((f) => f.id)).toEqual(['old']);
    expect(m.conflicts.get('old')?.map((f) => f.id)).toEqual(['new']);
  });
  it('finds conflicts only between origins, only on the same matter, among facts about many subjects', () => {
    const a = layer([fact('a-port', 40), fact('a-port-2', 41), fact('a-lake', 7, { subject: 'lake' }), fact('a-dock', 3, { subject: 'dock' })]);
    const b = layer([fact('b-lake-km', 9, { subject: 'lake', unit: 'km' }), fact('b-dock', 4, { subject: 'dock' }), fact('b-dock-same', 3, { subject: 'dock' })]);
    const m = mergeFactBases([{ origin: 'a', base: a }, { origin: 'b', base: b }]);
    // a-port and a-port-2 disagree within one file (not a conflict between sources); the lake facts
    // differ in unit; b-dock-same agrees with a-dock.
    expect(Object.fromEntries([...m.conflicts].map(([id, fs]) => [id, fs.map((f) => f.id)]))).toEqual({
      'a-dock': ['b-dock'], 'b-dock': ['a-dock'],
    });
  });
  it('takes facts with other context words for another matter', () => {
    const held = fact('held', 75, { context: [['Ukrainian hands']] });
    const m = mergeFactBases([{ origin: 'bundled', base: layer([fact('old', 40), held]) }, { origin: 'ws', base: layer([fact('new', 42), fact('held-too', 70, { context: [['Ukrainian hands']] })]) }]);
    expect(Object.fromEntries([...m.conflicts].map(([id, fs]) => [id, fs.map((f) => f.id)]))).toEqual({
      old: ['new'], new: ['old'], held: ['held-too'], 'held-too': ['held'],
    });
  });
  it('drops a superseded fact from matching, with no conflict left', () => {
    const m = mergeFactBases([{ origin: 'bundled', base: layer([fact('old', 40)]) }, { origin: 'ws', base: layer([fact('new', 42, { supersedes: 'old' })]) }]);
    expect(m.base.facts.map((f) => f.id)).toEqual(['new']);
    expect(m.conflicts.size).toBe(0);
  });
  it('reports a supersedes that names no fact', () => {
    const m = mergeFactBases([{ origin: 'ws', base: layer([fact('new', 42, { supersedes: 'nothing' })]) }]);
    expect(m.problems[0]!.message).toContain('supersedes unknown fact "nothing"');
  });
});
