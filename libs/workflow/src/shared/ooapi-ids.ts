import { createHash } from 'crypto';

/**
 * The ids Leerroutes gives its catalogue as an OOAPI provider: stable uuids, the same on every call and every
 * deployment of the same data, and never the offering's own id, so that a course, its offering and the offering
 * of our own API are three ids a consumer cannot mix up.
 *
 * In Leerroutes an offering is one unit in one period, so it is both an OOAPI course and that course's one
 * offering. Each id is the offering's id XOR a fixed mask of its own. XOR is its own inverse: a course id in a
 * URL gives the offering's id back, found by primary key. A name-based uuid (v5) is one-way: finding the offering
 * would take an expression index (a migration) or hashing every offering on each call (70 ms at 20,000).
 * The masks leave the version and variant bits alone, so the ids are well-formed version 4 uuids like the
 * offerings' own.
 */
export interface IdSpace {
  /** The OOAPI id of the offering with this id. */
  of(offeringId: string): string;
  /** The id of the offering an OOAPI id of this space stands for (which may not exist). */
  offeringOf(ooapiId: string): string;
  /** The mask as 32 hex digits, for ordering by the OOAPI id in SQL (see ooapiIdOrder). */
  readonly mask: string;
}

function idSpace(mask: string): IdSpace {
  const swap = (id: string) => formatUuid(xorHex(hexOf(id), mask));
  return { of: swap, offeringOf: swap, mask };
}

export const COURSE_IDS = idSpace('fa007d1abcd20df11d008af0e7880f7a');
export const OFFERING_IDS = idSpace('85ffc2883d59088d13ceab3a21c322cc');

/**
 * The SQL expression whose order is that of the OOAPI ids of `column` (a uuid): the 128 bits XOR the mask.
 * Bit strings compare bit by bit from the left, as uuids do.
 */
export function ooapiIdOrder(column: string, space: IdSpace): string {
  return `(('x' || replace(${column}::text, '-', ''))::bit(128) # x'${space.mask}'::bit(128))`;
}

/** Fixed for good: organization ids are name-based (v5) uuids in this namespace. */
const ORGANIZATION_NAMESPACE = '5b0e7f4c-2d1a-4f36-9c8e-3a7d61b2e940';

/** An institution's OOAPI organization id: its code as a name-based uuid (RFC 4122, version 5). */
export function organizationIdOf(institutionCode: string): string {
  return uuidV5(institutionCode, ORGANIZATION_NAMESPACE);
}

export function uuidV5(name: string, namespace: string): string {
  const bytes = createHash('sha1')
    .update(Buffer.from(hexOf(namespace), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  return formatUuid(bytes.toString('hex'));
}

function hexOf(uuid: string): string {
  return uuid.replace(/-/g, '').toLowerCase();
}

function xorHex(a: string, b: string): string {
  return Array.from(a, (digit, i) => (parseInt(digit, 16) ^ parseInt(b[i], 16)).toString(16)).join(
    '',
  );
}

function formatUuid(hex: string): string {
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-');
}
