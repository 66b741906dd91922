import { CreateHostSchema1796183014553 } from './1796183014553-CreateHostSchema';

/** Every migration of the demo institution's database, in order (listed, so the built app needs no globbing). */
export const HOST_MIGRATIONS = [CreateHostSchema1796183014553];
