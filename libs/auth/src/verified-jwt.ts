import { JWTPayload, decodeJwt, errors, jwtVerify } from 'jose';
import { IssuerUnreachableError, TrustedIssuer } from './trusted-issuers';

/**
 * Signatures identity providers use. Never 'none' and never a symmetric algorithm: an HMAC key would be a secret
 * shared with the provider, and a public key must never be usable as one.
 */
const ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'EdDSA',
];

/** How a token is checked once its issuer is known: what the two verifiers (people, machines) vary. */
export interface TrustedIssuerCheck {
  /** Why a token of an issuer not in the map is refused, as the caller says it. */
  untrusted: string;
  audience: (trusted: TrustedIssuer) => string | string[];
  clockTolerance: number;
  requiredClaims: string[];
}

/**
 * A JWT checked against the trusted issuer it names: signature with the issuer's published keys, then iss, aud,
 * exp and nbf. Answers its claims and issuer, or why it was refused; throws IssuerUnreachableError when the
 * issuer could not be asked for its keys, since that is no verdict on the token.
 */
export async function verifyAtTrustedIssuer(
  token: string,
  issuers: Map<string, TrustedIssuer>,
  check: TrustedIssuerCheck,
): Promise<{ payload: JWTPayload; trusted: TrustedIssuer } | { refused: string }> {
  let iss: unknown;
  try {
    iss = decodeJwt(token).iss;
  } catch {
    return { refused: 'it is not a signed JWT' };
  }
  const trusted = typeof iss === 'string' ? issuers.get(iss) : undefined;
  if (!trusted) return { refused: check.untrusted };
  try {
    const { payload } = await jwtVerify(token, trusted.keys, {
      issuer: trusted.issuer,
      audience: check.audience(trusted),
      algorithms: ALGORITHMS,
      clockTolerance: check.clockTolerance,
      requiredClaims: check.requiredClaims,
    });
    return { payload, trusted };
  } catch (error) {
    if (isIssuerFailure(error)) {
      throw error instanceof IssuerUnreachableError
        ? error
        : new IssuerUnreachableError(`${trusted.issuer} did not give its keys: ${String(error)}`);
    }
    return { refused: reasonOf(error) };
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'it has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return 'it is not valid yet';
    if (error.claim === 'aud') return 'it is meant for another audience';
    return `its ${error.claim} claim is not acceptable`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'its signature algorithm is not accepted';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'its signature is not valid';
  if (error instanceof errors.JWKSNoMatchingKey) return 'its signing key is not one of the issuer';
  return 'it is malformed';
}

function isIssuerFailure(error: unknown): boolean {
  return (
    !(error instanceof errors.JOSEError) ||
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid
  );
}
