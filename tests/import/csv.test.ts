import { describe, expect, it } from 'vitest';
import { CsvParser, type CsvRecord, type Delimiter, MAX_CELL, MAX_FIELDS, sniffDelimiter } from '../../src/import/csv.js';

/** The whole text through the incremental parser, cut into chunks of `size` characters. */
function parse(text: string, delimiter: Delimiter = ',', size = text.length || 1) {
  const p = new CsvParser(delimiter);
  const records: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += size) records.push(...p.push(text.slice(i, i + size)));
  records.push(...p.end());
  return { records, values: records.map((r) => r.cells.map((c) => c.value)), problems: p.problems };
}

describe('sniffDelimiter', () => {
  it.each([
    { name: 'comma', line: 'First Name,Last Name,Title', want: ',' },
    { name: 'semicolon (Excel in much of Europe)', line: 'Company;Name;Title;"Phone, work"', want: ';' },
    { name: 'tab', line: 'Name\tCompany\tTitle', want: '\t' },
    { name: 'delimiters inside quotes do not count', line: '"a;b;c;d",x,y', want: ',' },
    { name: 'one column: comma', line: 'Company', want: ',' },
    { name: 'Excel sep= line', line: 'sep=;', want: ';' },
    { name: 'a byte-order mark is not a character of the header', line: '\uFEFF公司;姓名', want: ';' },
  ])('$name', ({ line, want }) => {
    expect(sniffDelimiter(line).delimiter).toBe(want);
  });
  it('says when the first line is a sep= line, to be skipped', () => {
    expect(sniffDelimiter('sep=,')).toEqual({ delimiter: ',', sepLine: true });
    expect(sniffDelimiter('a,b')).toEqual({ delimiter: ',', sepLine: false });
  });
});

describe('CsvParser', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks, and CRLF or LF', () => {
    const text = '\uFEFFa,b,c\r\n"Acme, Inc.","say ""hi""","two\r\nlines"\r\nx,,z\n';
    expect(parse(text).values).toEqual([
      ['a', 'b', 'c'],
      ['Acme, Inc.', 'say "hi"', 'two\nlines'],
      ['x', '', 'z'],
    ]);
  });

  it('gives the same records however the text is cut into chunks', () => {
    const text = 'a;b\r\n"x;\r\ny";"q""q"\r\n\r\nlast;row';
    const whole = parse(text, ';');
    for (const size of [1, 2, 3, 7]) expect(parse(text, ';', size)).toEqual(whole);
    expect(whole.values).toEqual([['a', 'b'], ['x;\ny', 'q"q'], ['last', 'row']]);
  });

  it('knows the line and column each cell starts on, after a multi-line cell too', () => {
    const { records } = parse('h1,h2\n"a\nb",c\nd,"e"\n');
    expect(records[1].line).toBe(2);
    expect(records[1].cells.map((c) => [c.line, c.col])).toEqual([[2, 1], [3, 4]]);
    expect(records[2].line).toBe(4);
    expect(records[2].cells.map((c) => [c.line, c.col])).toEqual([[4, 1], [4, 3]]);
  });

  it('skips blank lines and keeps a last line without a line break', () => {
    expect(parse('a\n\n\nb').values).toEqual([['a'], ['b']]);
  });

  it('keeps a bare quote inside an unquoted value (5" screen), as spreadsheets do', () => {
    expect(parse('5" screen,x\n').values).toEqual([['5" screen', 'x']]);
  });

  it('reports text after a closing quote at its line and column, drops that record, and reads on', () => {
    const r = parse('a,b\n"x"y,z\nok,1\n');
    expect(r.problems).toEqual([{ line: 2, col: 4, code: 'text-after-quote', message: 'expected "," or the end of the line after a closing quote, found "y"' }]);
    expect(r.values).toEqual([['a', 'b'], ['ok', '1']]);
  });

  it('reports a quote never closed where it opens', () => {
    const r = parse('a,b\nx,"never\nclosed\n');
    expect(r.problems).toEqual([{ line: 2, col: 3, code: 'unclosed-quote', message: 'a quoted field is never closed (expected a closing ")' }]);
  });

  it('stops a field growing past MAX_CELL (a quote never closed in a large file), says so where it starts, and reads on', () => {
    const text = `a,b\nx,"${'y'.repeat(MAX_CELL)}\n${'z,'.repeat(MAX_CELL / 2)}"\nok,1\n`;
    const r = parse(text, ',', 4096);
    expect(r.problems).toEqual([{ line: 2, col: 3, code: 'field-too-long', message: 'expected a field of at most 64K characters; this one goes on (a quote never closed?)' }]);
    expect(r.values).toEqual([['a', 'b'], ['ok', '1']]);
  });

  it('refuses a row of more than MAX_FIELDS fields without holding them', () => {
    const r = parse(`a,b\n${'x,'.repeat(MAX_FIELDS + 10)}\nok,1\n`);
    expect(r.problems).toEqual([{ line: 2, col: 2 * MAX_FIELDS + 1, code: 'too-many-fields', message: `expected at most ${MAX_FIELDS} fields in a row` }]);
    expect(r.values).toEqual([['a', 'b'], ['ok', '1']]);
  });
});
