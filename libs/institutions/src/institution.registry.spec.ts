import { InstitutionRegistry } from './institution.registry';
import { REGISTERED_INSTITUTIONS } from './registered-institutions';

describe('the institution registry', () => {
  it('accepts the registered institutions and finds them by code', () => {
    const registry = new InstitutionRegistry(REGISTERED_INSTITUTIONS);
    expect(
      registry
        .all()
        .map((d) => d.sector)
        .sort(),
    ).toEqual(['hbo', 'hbo', 'mbo', 'wo', 'wo', 'wo']);
    expect(registry.get('mbo-energie').creditUnit).toBe('hours');
    expect(() => registry.get('elsewhere')).toThrow(/No institution/);
  });

  it('refuses at start what would go wrong later: a term beyond eight weeks, a dangling board', () => {
    const [first, ...rest] = REGISTERED_INSTITUTIONS;
    const broken = {
      ...first,
      examBoards: first.examBoards.map((b, i) => (i === 0 ? { ...b, decisionTermDays: 60 } : b)),
      programmes: [...first.programmes, { code: 'ghost', name: 'Ghost', examBoard: 'eb-none' }],
    };
    expect(() => new InstitutionRegistry([broken, ...rest])).toThrow(
      /decision term of 60 days is not 1 to 56.*ghost: no exam board eb-none/,
    );
    expect(() => new InstitutionRegistry([first, first])).toThrow(/share a code.*share a queue/);
  });

  it('refuses an issuer that is not https, and two institutions a federation could not tell apart', () => {
    const [first, second, ...rest] = REGISTERED_INSTITUTIONS;
    const plain = { ...first, signIn: { ...first.signIn, issuer: 'http://idp.example' } };
    expect(() => new InstitutionRegistry([plain, second, ...rest])).toThrow(
      /its issuer http:\/\/idp.example is not an https URL/,
    );
    const twin = { ...second, signIn: first.signIn };
    expect(() => new InstitutionRegistry([first, twin, ...rest])).toThrow(
      /share an issuer and an organisation claim/,
    );
  });
});
