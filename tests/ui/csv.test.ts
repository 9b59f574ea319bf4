/** The CSV formula guard: spreadsheets never run a cell, and export -> import gives back every value exactly. */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runBin, sandbox } from '../helpers/spawn.js';
import { csvCell, csvLine, guardFormula, unguardFormula } from '../../src/ui/csv.js';

describe('CSV formula guard', () => {
  it.each(['+86 138 0013 8000', '-12.5', '+1 (555) 010-0100', '-', '2026-11-25', 'Acme Ltd', ''])('%j is written exactly as it is', (v) => {
    expect(guardFormula(v)).toBe(v);
  });

  it.each(['=HYPERLINK("http://x","y")', '+cmd|/C calc!A0', '-2+3+cmd|x', '@SUM(A1)', '\tTab', "=1+1"])('%j gets an apostrophe, which import takes off again', (v) => {
    expect(guardFormula(v)).toBe(`'${v}`);
    expect(unguardFormula(guardFormula(v))).toBe(v);
  });

  it("a value that really starts with an apostrophe stays as it is", () => {
    expect(guardFormula("'quoted")).toBe("'quoted");
    expect(unguardFormula("'quoted")).toBe("'quoted");
    expect(unguardFormula("'+86 138 0013 8000")).toBe("'+86 138 0013 8000");
  });

  it('export then import round-trips hostile and phone-like values exactly', async () => {
    const values = { account: '=Acme', name: '@Li', title: '+SUM(1;2)', phone: '+86 138 0013 8000', email: '-x@y.z' };
    const text = csvLine(['account', 'contact', 'title', 'phone', 'email']) + csvLine([values.account, values.name, values.title, values.phone, values.email]);
    expect(text.split('\r\n')[1].split(',')[3]).toBe('+86 138 0013 8000');
    const { env, home } = sandbox();
    const file = join(home, 'crm.csv');
    writeFileSync(file, text);
    expect((await runBin(['import', '--csv', file], { env })).code).toBe(0);
    const all = JSON.parse((await runBin(['export', '--json'], { env })).stdout);
    expect(all.accounts[0].name).toBe(values.account);
    expect(all.contacts[0]).toMatchObject({ name: values.name, title: values.title, phone: values.phone, email: values.email });
  });

  it('quotes what needs quoting', () => {
    expect(csvCell('a,"b"\nc')).toBe('"a,""b""\nc"');
  });
});
