import { searchWords } from './catalogue.query';

describe('catalogue search words', () => {
  it('requires every word as a prefix, lower-cased', () => {
    expect(searchWords('Mach Learn')).toBe('mach:* & learn:*');
  });

  it('splits unit codes and punctuation into words, and keeps letters with accents', () => {
    expect(searchWords('DS-ML, pédagogie')).toBe('ds:* & ml:* & pédagogie:*');
  });

  it('lets nothing through that to_tsquery would read as an operator', () => {
    expect(searchWords("a & b | !c <-> 'd':*")).toBe('a:* & b:* & c:* & d:*');
    expect(searchWords(" ' & | ! ")).toBe('');
  });
});
