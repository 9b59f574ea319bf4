/** The CSV formula guard: spreadsheets never run a cell, and export -> import gives back every value exactly. */
import { describe, expect, it } from 'vitest';
import { mapImport, parseCsv } from '../../src/cli/transfer.js';
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

  it('export then import round-trips hostile and phone-like values exactly', () => {
    const values = { account: '=Acme', name: '@Li', title: '+SUM(1;2)', phone: '+86 138 0013 8000', email: '-x@y.z' };
    const text = csvLine(['account', 'contact', 'title', 'phone', 'email']) + csvLine([values.account, values.name, values.title, values.phone, values.email]);
    expect(parseCsv(text).rows[1].cells[3]).toBe('+86 138 0013 8000');
    const { rows } = mapImport(text, 'x.csv');
    expect(rows[0]).toMatchObject({ account: values.account, contact: { name: values.name, title: values.title, phone: values.phone, email: values.email } });
  });

  it('quotes what needs quoting', () => {
    expect(csvCell('a,"b"\nc')).toBe('"a,""b""\nc"');
  });
});
