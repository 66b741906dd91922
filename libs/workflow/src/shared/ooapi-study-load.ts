import type { CreditUnit } from '@lr/domain';

/**
 * The credit unit a study load in OOAPI is counted in, as Leerroutes counts credits: ECTS is EC, study-load
 * hours (sbu) and hours are hours. Contact time and 'studiepunten' (sp) say nothing Leerroutes can count.
 */
export const CREDIT_UNIT_OF_STUDY_LOAD: Partial<Record<string, CreditUnit>> = {
  ects: 'EC',
  sbu: 'hours',
  hour: 'hours',
};
