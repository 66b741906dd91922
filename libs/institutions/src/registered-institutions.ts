import type { InstitutionDefinition } from './institution.definition';
import { hsDelta } from './hs-delta/hs-delta.institution';
import { hsWestland } from './hs-westland/hs-westland.institution';
import { mboEnergie } from './mbo-energie/mbo-energie.institution';
import { uniEem } from './uni-eem/uni-eem.institution';
import { uniIjssel } from './uni-ijssel/uni-ijssel.institution';
import { uniWaal } from './uni-waal/uni-waal.institution';

/** The institutions this installation serves. Adding one: a folder with its definition, and a line here. */
export const REGISTERED_INSTITUTIONS: InstitutionDefinition[] = [
  hsDelta,
  uniWaal,
  uniIjssel,
  hsWestland,
  mboEnergie,
  uniEem,
];
