/**
 * statsHistory's rows shared wherever they are equal (StatsRows): what a reader gets is what reading
 * each row alone gives, an equal row is the same frozen value (no account's reader can change
 * another's), and texts that never repeat are read one by one, with the same result.
 */
import { describe, expect, it } from 'vitest';
import { readStatsEvent } from '../../src/store/rows.js';
import { StatsRows } from '../../src/store/shape.js';

const classChanged = (because: string) => JSON.stringify({ from: 'B', to: 'A', status: 'classified', movement: 'upgraded', because: [because], labels: { en: 'A' }, fromLabels: { en: 'B' } });

describe('statsHistory rows read once and shared', () => {
  it('gives the event each row holds, one frozen value for equal rows, a separate one for another day', () => {
    const rows = new StatsRows();
    const data = classChanged('you met the first KP');
    const first = rows.event('class-changed', '2026-11-02', data, 'Acme');
    const again = rows.event('class-changed', '2026-11-02', data, 'Globex');
    const otherDay = rows.event('class-changed', '2026-11-03', data, 'Acme');
    expect(first).toEqual(readStatsEvent('class-changed', '2026-11-02', data, 'Acme'));
    expect(again).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen((first as { because: string[] }).because)).toBe(true);
    expect(otherDay).not.toBe(first);
    expect(otherDay.date).toBe('2026-11-03');
    expect(() => {
      (first as { to?: string }).to = 'D';
    }).toThrow(TypeError);
  });

  it('reads texts that never repeat one by one, with the same events', () => {
    const rows = new StatsRows();
    for (let i = 0; i < 10_000; i++) {
      const data = classChanged(`reason number ${i}`);
      const e = rows.event('class-changed', '2026-11-02', data, `Account ${i}`);
      expect(e).toEqual(readStatsEvent('class-changed', '2026-11-02', data, `Account ${i}`));
    }
    // and a repeated text after that is still read right
    expect(rows.event('signed', '2026-11-05', '{"class":"A"}', 'Acme')).toEqual({ kind: 'signed', date: '2026-11-05', class: 'A' });
  });

  it('names the account whose stored event cannot be read', () => {
    const rows = new StatsRows();
    expect(() => rows.event('class-changed', '2026-11-02', '{"to": 1}', 'Acme Ltd')).toThrow(/history of "Acme Ltd"/);
    expect(() => rows.event('signed', '2026-11-02', 'not json', 'Globex')).toThrow(/history of "Globex"/);
  });

  it('shares visits and answers alike, frozen', () => {
    const rows = new StatsRows();
    const a1 = rows.answers(['asked_to_sign', 'contact_role'], ['yes', null]);
    const a2 = rows.answers(['asked_to_sign', 'contact_role'], ['yes', undefined]);
    expect(a1).toEqual({ asked_to_sign: 'yes' });
    expect(a2).toBe(a1);
    const v1 = rows.visit('2026-11-02', 'debrief', 'abcd', a1);
    expect(rows.visit('2026-11-02', 'debrief', 'abcd', a2)).toBe(v1);
    expect(rows.visit('2026-11-02', 'prep', 'abcd', a1)).not.toBe(v1);
    expect(v1).toEqual({ date: '2026-11-02', mode: 'debrief', playbookId: 'abcd', answers: { asked_to_sign: 'yes' } });
    expect(Object.isFrozen(v1) && Object.isFrozen(a1)).toBe(true);
  });
});
