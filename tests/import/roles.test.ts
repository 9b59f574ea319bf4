import { describe, expect, it } from 'vitest';
import { parseRoleWord, type RoleOption, roleMatcher, wordKey } from '../../src/import/roles.js';
import { builtin } from '../helpers/playbook.js';

const options = (builtin().questions.find((q) => q.id === 'contact_role')?.options ?? []) as RoleOption[];

describe('roleMatcher', () => {
  const { matcher } = roleMatcher(options, [], true);
  it.each([
    ['first_kp', 'first_kp'],
    ['FIRST KP', 'first_kp'],
    ['ｆｉｒｓｔ－ｋｐ', 'first_kp'],
    ['First KP', 'first_kp'],
    ['第一KP', 'first_kp'],
    ['第一ｋｐ', 'first_kp'],
    ['Second KP: must take it to the first KP', 'second_kp'],
    ['you met a third KP', 'third_kp'],
    ['见的是第三KP', 'third_kp'],
    ['  third   kp ', 'third_kp'],
    ['unknown', 'unknown'],
    ['不确定', 'unknown'],
  ])('"%s" -> %s', (word, want) => {
    expect(matcher.match(word)).toBe(want);
  });

  it('matches no role for a word it does not know, and lists the values for the error', () => {
    expect(matcher.match('Decision Maker')).toBeUndefined();
    expect(matcher.values).toEqual(['first_kp', 'second_kp', 'third_kp']);
  });

  it('"unknown" is a role only when the question allows it', () => {
    expect(roleMatcher(options, [], false).matcher.match('unknown')).toBeUndefined();
  });

  it("takes the user's words, to a value or to a label, case- and width-insensitively, before the built-in ones", () => {
    const { matcher: m, problems } = roleMatcher(options, [
      { word: 'Decision Maker', target: 'first_kp', source: '--map-role' },
      { word: '影响者', target: '第三KP', source: 'config.yaml:3:3' },
      { word: 'first kp', target: 'second_kp', source: '--map-role' },
    ]);
    expect(problems).toEqual([]);
    expect(m.match('DECISION  MAKER')).toBe('first_kp');
    expect(m.match('ｄｅｃｉｓｉｏｎ maker')).toBe('first_kp');
    expect(m.match('影响者')).toBe('third_kp');
    expect(m.match('First_KP')).toBe('second_kp');
  });

  it('names a mapping to no role of the playbook, with where it was written', () => {
    const { problems } = roleMatcher(options, [{ word: 'boss', target: 'ceo', source: 'config.yaml:4:3' }]);
    expect(problems).toEqual([{ source: 'config.yaml:4:3', message: '"ceo" in "boss=ceo" is not a role of this playbook', hint: 'map to one of first_kp, second_kp, third_kp' }]);
  });

  it('works for any playbook: the options are data', () => {
    const { matcher: m } = roleMatcher([{ value: 'econ_buyer', label: { en: 'Economic buyer', 'zh-CN': '经济决策者' } }], [{ word: 'EB', target: 'Economic Buyer', source: '--map-role' }]);
    expect(m.match('economic buyer')).toBe('econ_buyer');
    expect(m.match('经济决策者')).toBe('econ_buyer');
    expect(m.match('eb')).toBe('econ_buyer');
    expect(m.match('first_kp')).toBeUndefined();
  });
});

describe('parseRoleWord and wordKey', () => {
  it('splits at the first =', () => {
    expect(parseRoleWord(' decision maker = first_kp ', 'x')).toEqual({ word: 'decision maker', target: 'first_kp', source: 'x' });
    expect(parseRoleWord('a=b=c', 'x')).toEqual({ word: 'a', target: 'b=c', source: 'x' });
    expect(parseRoleWord('no equals', 'x')).toBeUndefined();
  });
  it('folds case, width, _ and - and spaces', () => {
    expect(wordKey(' Ｆｉｒｓｔ__KP ')).toBe('first kp');
  });
});
