import { SignedInPerson, eduPersonClaims, entraIdClaims } from './sign-in';

const surf = eduPersonClaims({
  organisation: 'uni-waal.example',
  entitlementNamespace: 'urn:mace:uni-waal.example:leerroutes',
});
const entra = entraIdClaims({
  tenantId: '6f1c2b7e-3d4a-4e5b-9c8d-0a1b2c3d4e5f',
  organisation: 'energiecollege.example',
});

const board: SignedInPerson = {
  id: 'ec-7',
  role: 'exam-board',
  name: 'Secretary',
  email: 'ec@uni-waal.example',
  programmeCodes: ['msc-food', 'msc-plant'],
};
const student: SignedInPerson = {
  id: 's-1',
  role: 'student',
  name: 'Macca',
  email: 'macca@uni-waal.example',
  programmeCodes: ['msc-food'],
};

describe('claim mappings: how an institution’s tokens describe its people', () => {
  it.each([
    ['eduPerson (SURFconext)', surf],
    ['Microsoft Entra ID', entra],
  ])('%s: reads back every role exactly as it was written', (_, mapping) => {
    for (const person of [
      board,
      student,
      { ...board, role: 'registrar' as const, programmeCodes: [] },
    ]) {
      expect(mapping.toPerson(mapping.claimsOf(person))).toEqual(person);
    }
  });

  it('eduPerson: a student by affiliation, staff only by an explicit entitlement', () => {
    const claims = surf.claimsOf(student);
    expect(claims).toMatchObject({
      schac_home_organization: 'uni-waal.example',
      eduperson_affiliation: ['student', 'member'],
      eduperson_entitlement: ['urn:mace:uni-waal.example:leerroutes:programme:msc-food'],
    });
    const employeeWithoutRole = { ...surf.claimsOf(board), eduperson_entitlement: [] };
    expect(surf.toPerson(employeeWithoutRole)).toBeUndefined();
    const twoRoles = {
      ...surf.claimsOf(board),
      eduperson_entitlement: [
        'urn:mace:uni-waal.example:leerroutes:role:exam-board',
        'urn:mace:uni-waal.example:leerroutes:role:admin',
      ],
    };
    expect(surf.toPerson(twoRoles)).toBeUndefined();
    // Another namespace's entitlement grants nothing here.
    const foreign = {
      ...surf.claimsOf(student),
      eduperson_entitlement: 'urn:mace:uni-ijssel.example:leerroutes:role:admin',
    };
    expect(surf.toPerson(foreign)?.role).toBe('student');
  });

  it('eduPerson: the organisation matches without regard to case, as SURFconext defines it', () => {
    const claims = { ...surf.claimsOf(student), schac_home_organization: 'Uni-Waal.example' };
    expect(surf.toPerson(claims)?.id).toBe(student.id);
  });

  it('Entra ID: programmes from the directory extension claim as Entra names it, e-mail from email', () => {
    const claims = entra.claimsOf(board);
    expect(claims).toMatchObject({
      'extn.programmes': ['msc-food', 'msc-plant'],
      email: board.email,
    });
    expect(entra.toPerson({ ...claims, preferred_username: '0612345678' })?.email).toBe(
      board.email,
    );
  });

  it('refuses the people of another organisation or tenant', () => {
    expect(
      surf.toPerson({ ...surf.claimsOf(student), schac_home_organization: 'uni-ijssel.example' }),
    ).toBeUndefined();
    expect(entra.toPerson({ ...entra.claimsOf(board), tid: 'another-tenant' })).toBeUndefined();
    expect(surf.toPerson({ ...surf.claimsOf(student), sub: '' })).toBeUndefined();
  });
});
