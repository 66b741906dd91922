import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, Max, Min, ValidateBy, buildMessage } from 'class-validator';
import { Omittable } from './field-rules';

/** PostgreSQL's integer, the type of every version column. */
export const MAX_VERSION = 2_147_483_647;
/** Credits are at most a whole mbo programme's study load in hours (the columns hold 99,999.99). */
export const MAX_CREDITS = 10_000;

export interface NumberFieldOptions {
  /** Inclusive bounds, enforced and shown in the OpenAPI document. */
  min: number;
  max: number;
  /** Decimal places allowed; 0, the default, for an integer. */
  places?: number;
  optional?: boolean;
  /** With optional: may be left out, but not sent as null (Omittable). */
  notNull?: boolean;
  /** A query parameter, which arrives as text. */
  fromQuery?: boolean;
  description?: string;
  default?: number;
}

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Query text as a number only when it is written as a plain decimal. Number() alone would also read '0x10',
 * '1e22', 'Infinity' and ' ' (as 0): such text stays text, and the number check refuses it with a clear message.
 */
export function fromDecimalText({ value }: { value: unknown }): unknown {
  return typeof value === 'string' && PLAIN_DECIMAL.test(value) ? Number(value) : value;
}

/**
 * At most `places` decimal places. class-validator's own option reads them from the number's text and throws on
 * exponent notation (1e-7), which answered 500.
 */
function MaxDecimalPlaces(places: number): PropertyDecorator {
  return ValidateBy({
    name: 'maxDecimalPlaces',
    constraints: [places],
    validator: {
      validate: (value: unknown) =>
        typeof value === 'number' && Number(value.toFixed(places)) === value,
      defaultMessage: buildMessage(
        (each) => `${each}$property must have at most $constraint1 decimal places`,
      ),
    },
  });
}

/**
 * Every number the API reads, body or query: finite, within bounds PostgreSQL's column holds, with the places the
 * column keeps. One decorator per field, so no number goes unchecked and the document states the range.
 */
export function NumberField(options: NumberFieldOptions): PropertyDecorator {
  const { min, max, places = 0, optional = false, notNull = false, fromQuery = false } = options;
  const document = optional ? ApiPropertyOptional : ApiProperty;
  return applyDecorators(
    document({
      type: places === 0 ? 'integer' : 'number',
      minimum: min,
      maximum: max,
      description: options.description,
      default: options.default,
    }),
    ...(optional ? [notNull ? Omittable() : IsOptional()] : []),
    ...(fromQuery ? [Transform(fromDecimalText)] : []),
    // Checked in this order, and only the first failure is reported (stopAtFirstError).
    places === 0 ? IsInt() : IsNumber(),
    Min(min),
    Max(max),
    ...(places === 0 ? [] : [MaxDecimalPlaces(places)]),
  );
}
