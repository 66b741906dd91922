import { ROLES, Role } from '@lr/domain';

/** The claims of a token whose signature, issuer, audience and validity period have been checked. */
export type TokenClaims = Record<string, unknown>;

/** The person our records hold: what a development issuer puts into a token, and what a mapping yields. */
export interface SignedInPerson {
  id: string;
  role: Role;
  name: string;
  email: string;
  /** Students: their programme. Exam-board members: the programmes their board decides for. */
  programmeCodes: string[];
}

/**
 * How an institution's identity provider describes its people, in both directions. `toPerson` reads a verified
 * token; it answers undefined when the token is not one of this institution's people (another organisation
 * signed in through the same federation, or someone without a role in Leerroutes). `claimsOf` writes the claims
 * the provider would send for a person; only the bundled development issuer uses it.
 */
export interface ClaimMapping {
  /** How this institution is named in its tokens, for messages and logs (e.g. uni-waal.example). */
  readonly organisation: string;
  /** Whether the token names someone of this institution (its organisation or tenant), role or not. */
  names(claims: TokenClaims): boolean;
  /** What grants a role here, for someone who has none: said to them, so they know whom to ask for what. */
  readonly roleGrant: string;
  toPerson(claims: TokenClaims): SignedInPerson | undefined;
  claimsOf(person: SignedInPerson): TokenClaims;
}

/** Where an institution signs its people in, and how to read what it says about them. */
export interface SignInDefinition {
  /** The OpenID Connect issuer (its discovery document lies under /.well-known/openid-configuration). */
  issuer: string;
  claims: ClaimMapping;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * The eduPerson claims SURFconext and eduID release (the Dutch education federation): schac_home_organization
 * names the institution, eduperson_affiliation says student or employee, and entitlements under the
 * institution's own namespace grant a staff role in Leerroutes and the programmes someone studies or decides
 * for. Many institutions share the federation's one issuer, so the organisation claim is what tells them apart.
 */
export function eduPersonClaims(options: {
  /** The schac_home_organization value, e.g. uni-waal.example. */
  organisation: string;
  /** The entitlement namespace the institution's identity team assigns to Leerroutes. */
  entitlementNamespace: string;
}): ClaimMapping {
  const rolePrefix = `${options.entitlementNamespace}:role:`;
  const programmePrefix = `${options.entitlementNamespace}:programme:`;
  const names = (claims: TokenClaims) => claims.schac_home_organization === options.organisation;
  return {
    organisation: options.organisation,
    names,
    roleGrant: `the affiliation 'student', or an entitlement ${rolePrefix}<role> (${ROLES.filter((r) => r !== 'student').join(', ')})`,
    toPerson(claims) {
      const id = text(claims.sub);
      if (!names(claims) || !id) return undefined;
      const entitlements = strings(claims.eduperson_entitlement);
      const staffRoles = entitlements
        .filter((e) => e.startsWith(rolePrefix))
        .map((e) => e.slice(rolePrefix.length))
        .filter(isRole);
      // A staff role must be granted explicitly; being enrolled is what makes someone a student here.
      const isStudent = strings(claims.eduperson_affiliation).includes('student');
      const role = staffRoles.length === 1 ? staffRoles[0] : undefined;
      const resolved = role ?? (staffRoles.length === 0 && isStudent ? 'student' : undefined);
      if (!resolved) return undefined;
      return {
        id,
        role: resolved,
        name: text(claims.name) ?? id,
        email: text(claims.email) ?? '',
        programmeCodes: entitlements
          .filter((e) => e.startsWith(programmePrefix))
          .map((e) => e.slice(programmePrefix.length)),
      };
    },
    claimsOf(person) {
      return {
        sub: person.id,
        schac_home_organization: options.organisation,
        eduperson_affiliation:
          person.role === 'student' ? ['student', 'member'] : ['employee', 'member'],
        eduperson_entitlement: [
          ...(person.role === 'student' ? [] : [`${rolePrefix}${person.role}`]),
          ...person.programmeCodes.map((code) => `${programmePrefix}${code}`),
        ],
        name: person.name,
        email: person.email,
      };
    },
  };
}

/**
 * The claims of a Microsoft Entra ID tenant, which some mbo colleges use instead of the federation: tid names
 * the tenant, app roles defined on the Leerroutes registration carry the role (Leerroutes.ExamBoard, …), and a
 * directory extension lists programme codes.
 */
export function entraIdClaims(options: { tenantId: string; organisation: string }): ClaimMapping {
  const appRole = (role: Role) =>
    `Leerroutes.${role
      .split('-')
      .map((w) => w[0].toUpperCase() + w.slice(1))
      .join('')}`;
  const byAppRole = new Map(ROLES.map((role) => [appRole(role), role]));
  const names = (claims: TokenClaims) => claims.tid === options.tenantId;
  return {
    organisation: options.organisation,
    names,
    roleGrant: `one app role of ${ROLES.map(appRole).join(', ')}`,
    toPerson(claims) {
      const id = text(claims.oid) ?? text(claims.sub);
      if (!names(claims) || !id) return undefined;
      const roles = strings(claims.roles).flatMap((r) => byAppRole.get(r) ?? []);
      if (roles.length !== 1) return undefined;
      return {
        id,
        role: roles[0],
        name: text(claims.name) ?? id,
        email: text(claims.preferred_username) ?? '',
        programmeCodes: strings(claims.extn_programmes),
      };
    },
    claimsOf(person) {
      return {
        sub: person.id,
        oid: person.id,
        tid: options.tenantId,
        roles: [appRole(person.role)],
        name: person.name,
        preferred_username: person.email,
        extn_programmes: person.programmeCodes,
      };
    },
  };
}
