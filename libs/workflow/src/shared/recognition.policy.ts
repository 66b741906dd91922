import { ComponentEntity, ComponentResultEntity, OfferingEntity } from '@lr/database';
import { CreditUnit, convertCredits } from '@lr/domain';

export interface RecognitionProposal {
  /** The result's credits in the home unit, and how they were converted. */
  credits: number;
  unit: CreditUnit;
  rule: string;
  /** Why the result cannot be recognised under the approval alone; empty when it can. */
  deviations: string[];
}

/**
 * A final passing result that gives at least the approved credits, in the unit of the offering, is recognised
 * under the approval. Anything else goes to the home exam board.
 */
export function proposeRecognition(
  component: ComponentEntity,
  offering: OfferingEntity,
  result: ComponentResultEntity,
  homeUnit: CreditUnit,
): RecognitionProposal {
  const converted = convertCredits(result.credits, result.creditUnit, homeUnit);
  const deviations: string[] = [];
  if (!result.passed) deviations.push(`the result is a fail (${result.grade})`);
  if (result.creditUnit !== offering.creditUnit) {
    deviations.push(
      `credits were given in ${result.creditUnit}, the offering counts in ${offering.creditUnit}`,
    );
  }
  if (component.approvedCredits !== null && converted.credits < component.approvedCredits) {
    deviations.push(
      `${converted.credits} ${homeUnit} obtained where ${component.approvedCredits} ${homeUnit} were approved`,
    );
  }
  return { credits: converted.credits, unit: homeUnit, rule: converted.rule, deviations };
}
