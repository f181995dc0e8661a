import { arrayLiteral } from './pg-array-literal.util';

describe('PostgreSQL array text', () => {
  it('leaves plain text, dates and numbers bare, and says NULL for a missing element', () => {
    expect(arrayLiteral(['2024-02-29', '天平', '😀\uFFEE', 'plain', 1.5, -3, 1e21, null, undefined])).toBe(
      '{2024-02-29,天平,😀\uFFEE,plain,1.5,-3,1e+21,NULL,NULL}',
    );
  });

  it('quotes what array_in would otherwise split, trim or take for NULL, escaping quotes and backslashes', () => {
    const tricky = [
      '',
      'NULL',
      'null',
      'NuLl',
      'a,b',
      '{x}',
      ' lead',
      'trail ',
      'a b',
      'line\nbreak',
      'tab\t',
      'wide\u3000space',
      'say "hi"',
      'back\\slash',
      '\\"',
    ];
    expect(arrayLiteral(tricky)).toBe(
      '{"","NULL","null","NuLl","a,b","{x}"," lead","trail ","a b","line\nbreak","tab\t","wide\u3000space","say \\"hi\\"","back\\\\slash","\\\\\\""}',
    );
  });

  it('keeps an empty array empty', () => {
    expect(arrayLiteral([])).toBe('{}');
  });

  it('refuses a value it has no text for rather than guessing one', () => {
    expect(() => arrayLiteral([new Date() as unknown as string])).toThrow(TypeError);
  });
});
