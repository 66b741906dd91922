import { ComponentEntity, RequestEntity } from '@lr/database';
import { ComponentScope } from '@lr/domain';

/** The facts of a component that decide who may see it and act on it. */
export function scopeOf(request: RequestEntity, component: ComponentEntity): ComponentScope {
  return {
    studentId: request.studentId,
    homeInstitutionCode: request.homeInstitutionCode,
    homeProgrammeCode: request.homeProgrammeCode,
    hostInstitutionCode: component.hostInstitutionCode,
    submitted: request.submittedAt !== null,
    sentToHost: component.approvalReference !== null,
  };
}
