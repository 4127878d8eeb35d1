import { toWinAnsi } from '../../bot/src/documents/win-ansi-text';
import { formatEuros } from '../../bot/src/domain/catalogue/money';

describe('toWinAnsi', () => {
  it('keeps French letters, guillemets, the euro sign and typographic dashes and quotes', () => {
    const french = 'é è ê à ç ô ï ù û œ Œ « » € — – ’ … °';
    expect(toWinAnsi(french)).toBe(french);
  });

  it('keeps the no-break space formatEuros groups thousands with', () => {
    expect(toWinAnsi(formatEuros(125_050))).toBe('1\u00a0250,50\u00a0€');
  });

  it('turns the narrow no-break space into a no-break space, so amounts still never break', () => {
    expect(toWinAnsi('1\u202f250,50\u202f€')).toBe('1\u00a0250,50\u00a0€');
  });

  it('writes the minus sign of negative amounts as a hyphen-minus', () => {
    expect(toWinAnsi(formatEuros(-1_000))).toBe('-10,00\u00a0€');
  });

  it('composes decomposed accents, strips accents WinAnsi lacks, and marks what it cannot write', () => {
    expect(toWinAnsi('e\u0301')).toBe('é');
    expect(toWinAnsi('Erdős')).toBe('Erdos');
    expect(toWinAnsi('Łódź')).toBe('?ódz');
    expect(toWinAnsi('ok 👍')).toBe('ok ?');
  });

  it('drops control characters but keeps line breaks', () => {
    expect(toWinAnsi('a\u0007b\r\nc\u200bd')).toBe('ab\ncd');
  });
});
