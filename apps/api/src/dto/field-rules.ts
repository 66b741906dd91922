import { ValidateBy, ValidateIf } from 'class-validator';

/** A calendar day as yyyy-mm-dd that exists (no 2026-02-30). */
export function IsCalendarDate(): PropertyDecorator {
  return ValidateBy({
    name: 'isCalendarDate',
    validator: {
      validate: (value: unknown) => {
        if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
        const [year, month, day] = value.split('-').map(Number);
        return new Date(Date.UTC(year, month - 1, day)).toISOString().startsWith(value);
      },
      defaultMessage: () => '$property must be a calendar date as yyyy-mm-dd',
    },
  });
}

/** Query strings carry text: 'true' and 'false' become booleans, anything else stays to fail @IsBoolean. */
export function fromBooleanText({ value }: { value: unknown }): unknown {
  return value === 'true' ? true : value === 'false' ? false : value;
}

/**
 * A field that may be left out, but not sent as null: in a change, leaving a field out keeps it, and null would
 * be neither keeping nor a value. (IsOptional lets null through.)
 */
export function Omittable(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}
