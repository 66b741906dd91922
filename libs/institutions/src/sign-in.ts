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
  /**
   * Claims the portal asks to find in the ID token itself, with OpenID Connect's claims request parameter: a
   * provider such as SURFconext releases them at its userinfo endpoint otherwise, and the API reads only the
   * token. Absent for providers that put them there anyway.
   */
  readonly idTokenClaims?: string[];
}

/** Where an institution signs its people in, and how to read what it says about them. */
export interface SignInDefinition {
  /** The OpenID Connect issuer (its discovery document lies under /.well-known/openid-configuration). */
  issuer: string;
  /** The portal's client id at that issuer, when it is not the deployment's OIDC_AUDIENCE. */
  clientId?: string;
  /** What the portal asks for at sign-in; 'openid profile email' unless the provider needs others. */
  scopes?: string[];
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
 * The eduPerson claims SURFconext releases (the Dutch education federation): schac_home_organization names the
 * institution, eduperson_affiliation says student or employee, and entitlements under the institution's own
 * namespace grant a staff role in Leerroutes and the programmes someone studies or decides for. Many institutions
 * share the federation's one issuer, so the organisation claim is what tells them apart. An eduID account comes
 * through SURFconext as organisation eduid.nl, without the institution's entitlements: not one of its people here.
 */
export function eduPersonClaims(options: {
  /** The schac_home_organization value, e.g. uni-waal.example. */
  organisation: string;
  /** The entitlement namespace the institution's identity team assigns to Leerroutes. */
  entitlementNamespace: string;
}): ClaimMapping {
  const rolePrefix = `${options.entitlementNamespace}:role:`;
  const programmePrefix = `${options.entitlementNamespace}:programme:`;
  // SURFconext's attribute definition: compare schacHomeOrganization without regard to case.
  const organisation = options.organisation.toLowerCase();
  const names = (claims: TokenClaims) =>
    typeof claims.schac_home_organization === 'string' &&
    claims.schac_home_organization.toLowerCase() === organisation;
  return {
    organisation: options.organisation,
    names,
    idTokenClaims: [
      'schac_home_organization',
      'eduperson_affiliation',
      'eduperson_entitlement',
      'name',
      'email',
    ],
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
 * directory extension `programmes` on that registration, added as an optional ID-token claim, lists programme
 * codes: Entra names such a claim extn.<attribute> in a JWT. The e-mail address is the email claim (scope email);
 * preferred_username may be any sign-in name, so it only stands in when a tenant sends no email.
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
        email: text(claims.email) ?? text(claims.preferred_username) ?? '',
        programmeCodes: strings(claims['extn.programmes']),
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
        email: person.email,
        'extn.programmes': person.programmeCodes,
      };
    },
  };
}
