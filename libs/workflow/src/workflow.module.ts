import { Global, Module, Provider } from '@nestjs/common';
import { AssociationChanges } from './application/association-changes';
import { AssociationRequests } from './application/association-requests';
import { AuditAddressRetention } from './application/audit-address-retention';
import { HostAssociationsUseCase } from './application/host-associations.use-case';
import { AuditQuery } from './application/audit.query';
import { PersonalDataExportQuery } from './application/personal-data-export.query';
import { CatalogueQuery } from './application/catalogue.query';
import { CreateRequestUseCase } from './application/create-request.use-case';
import { CreditRecordQuery } from './application/credit-record.query';
import { DecideAdmissionUseCase } from './application/decide-admission.use-case';
import { DecideApprovalUseCase } from './application/decide-approval.use-case';
import { DecideRecognitionUseCase } from './application/decide-recognition.use-case';
import { DeliverAdmissionRequestUseCase } from './application/deliver-admission-request.use-case';
import { DeliveryFailuresUseCase } from './application/delivery-failures.use-case';
import { DeliveryReconciler } from './application/delivery-reconciler';
import { InboxQuery } from './application/inbox.query';
import { LodgeObjectionUseCase } from './application/lodge-objection.use-case';
import { ReceiveResultUseCase } from './application/receive-result.use-case';
import { RecordResultUseCase } from './application/record-result.use-case';
import { RegisterCreditsUseCase } from './application/register-credits.use-case';
import { RequestStore } from './application/request-store';
import { RequestViewsQuery } from './application/request-views.query';
import { SubmitRequestUseCase } from './application/submit-request.use-case';
import { WithdrawUseCase } from './application/withdraw.use-case';
import { CLOCK, systemClock } from '@lr/domain';
import { EmailNotificationsUseCase } from './application/email-notifications.use-case';
import { NotificationsQuery } from './application/notifications.query';
import { Notifier } from './application/notifier';
import { TimerJobsUseCase } from './application/timer-jobs.use-case';
import { TimerPlanner } from './application/timers';
import { TransitionWriter } from './writer/transition-writer';
import { TuitionProofs } from './application/tuition-proofs';
import { PeopleProvisioning } from './application/people-provisioning';
import { StudentRegisterUseCase } from './application/student-register.use-case';
import { OfferingWriter } from './application/offering-writer';
import { OfferingsAdminUseCase } from './application/offerings-admin.use-case';
import { OoapiCatalogueQuery } from './application/ooapi-catalogue.query';
import { CatalogueSyncRuns } from './application/catalogue-sync-runs';
import { CatalogueSyncUseCase } from './application/catalogue-sync.use-case';
import { CatalogueSyncsAdminUseCase } from './application/catalogue-syncs-admin.use-case';

const USE_CASES: Provider[] = [
  RequestStore,
  CreateRequestUseCase,
  SubmitRequestUseCase,
  WithdrawUseCase,
  LodgeObjectionUseCase,
  DecideApprovalUseCase,
  DeliverAdmissionRequestUseCase,
  DecideAdmissionUseCase,
  RecordResultUseCase,
  ReceiveResultUseCase,
  DecideRecognitionUseCase,
  RegisterCreditsUseCase,
  RequestViewsQuery,
  InboxQuery,
  CreditRecordQuery,
  CatalogueQuery,
  DeliveryFailuresUseCase,
  DeliveryReconciler,
  Notifier,
  TimerPlanner,
  TransitionWriter,
  TimerJobsUseCase,
  EmailNotificationsUseCase,
  NotificationsQuery,
  AuditQuery,
  AuditAddressRetention,
  PersonalDataExportQuery,
  TuitionProofs,
  PeopleProvisioning,
  StudentRegisterUseCase,
  OfferingWriter,
  OfferingsAdminUseCase,
  AssociationChanges,
  AssociationRequests,
  HostAssociationsUseCase,
  OoapiCatalogueQuery,
  CatalogueSyncRuns,
  CatalogueSyncUseCase,
  CatalogueSyncsAdminUseCase,
];

/** The workflow's use cases and queries. Tests replace CLOCK to move time. */
@Global()
@Module({
  providers: [{ provide: CLOCK, useValue: systemClock }, ...USE_CASES],
  exports: [CLOCK, ...USE_CASES],
})
export class WorkflowModule {}
