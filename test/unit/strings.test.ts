import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ownCopy } from '../../server/src/core/strings';

describe('ownCopy', () => {
  it('gives the same characters, slices of long texts included', () => {
    const draft = 'Київ “quoted” 😀 75%\r\n'.repeat(50);
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), fc.nat(draft.length), fc.nat(draft.length), (s, a, b) => {
      expect(ownCopy(s)).toBe(s);
      const slice = draft.slice(Math.min(a, b), Math.max(a, b));
      expect(ownCopy(slice)).toBe(slice);
    }), { numRuns: 500 });
  });
});
