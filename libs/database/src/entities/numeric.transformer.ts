import { ValueTransformer } from 'typeorm';

/** PostgreSQL returns numeric as text to keep precision; credits have two decimals, so a number is safe. */
export const numeric: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
