import { describe, expect, it } from 'vitest';
import { issuableReference } from '../../db/queries/callbacks.ts';
import { recognise } from '../../flows/report/parse.ts';

// The letters references are made of (no I or O).
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

describe('callback references a resident can send back bare', () => {
  it('never hands out one that reads as a staff command ("bc9238" is a report of 9238)', () => {
    expect(recognise('bc9238')).toBe('report');
    expect(issuableReference('BC9238')).toBe(false);
    // Every two-letter prefix: issuable exactly when the bare reference is no command.
    for (const a of LETTERS) {
      for (const b of LETTERS) {
        const ref = `${a}${b}1234`;
        expect(issuableReference(ref), ref).toBe(recognise(ref.toLowerCase()) === null);
      }
    }
  });
});
