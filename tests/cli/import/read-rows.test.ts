import { elementStartLines, readCsvRows, readJsonRows } from '../../../bot/src/cli/import/read-rows';

describe('reading import rows', () => {
  it('finds the line each element of a top-level array starts on, strings with brackets included', () => {
    const text = '[\n  {"name": "a [x], {y}"},\n\n  {"name": "b \\" ]"}, {"name": "c"}\n]';
    expect(elementStartLines(text)).toEqual([2, 4, 4]);
  });

  it('finds the rows of a { "beneficiaries": [...] } document', () => {
    const text = '{\n  "beneficiaries": [\n    {"siret": "1"},\n    {"siret": "2"}\n  ]\n}';
    expect(readJsonRows(text).map((r) => r.line)).toEqual([3, 4]);
  });

  it('reads comma CSV with English headers and typed cells', () => {
    const rows = readCsvRows('siret,modality,active,tenantIds\n1,2,false,a|b\n');
    expect(rows).toEqual([
      { line: 2, data: { siret: '1', modality: 2, active: false, tenantIds: ['a', 'b'] } },
    ]);
  });

  it('leaves a cell it cannot type for the validator to report', () => {
    expect(readCsvRows('siret;actif;modalite\n1;peut-être;deux\n')[0]!.data).toEqual({
      siret: '1',
      active: 'peut-être',
      modality: 'deux',
    });
  });
});
