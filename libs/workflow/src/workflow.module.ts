import { Global, Module, Provider } from '@nestjs/common';
import { AssociationChanges } from './jobs/association-changes';
import { AssociationRequests } from './jobs/association-requests';
import { AuditAddressRetention } from './jobs/audit-address-retention';
import { HostAssociationsUseCase } from './jobs/host-associations.use-case';
import { AuditQuery } from './queries/audit.query';
import { PersonalDataExportQuery } from './queries/personal-data-export.query';
import { CatalogueQuery } from './queries/catalogue.query';
import { CreateRequestUseCase } from './commands/create-request.use-case';
import { CreditRecordQuery } from './queries/credit-record.query';
import { DecideAdmissionUseCase } from './commands/decide-admission.use-case';
import { DecideApprovalUseCase } from './commands/decide-approval.use-case';
import { DecideRecognitionUseCase } from './commands/decide-recognition.use-case';
import { DeliverAdmissionRequestUseCase } from './jobs/deliver-admission-request.use-case';
import { DeliveryFailuresUseCase } from './commands/delivery-failures.use-case';
import { DeliveryReconciler } from './jobs/delivery-reconciler';
import { InboxQuery } from './queries/inbox.query';
import { LodgeObjectionUseCase } from './commands/lodge-objection.use-case';
import { ReceiveResultUseCase } from './jobs/receive-result.use-case';
import { RecordResultUseCase } from './commands/record-result.use-case';
import { RegisterCreditsUseCase } from './commands/register-credits.use-case';
import { RequestStore } from './writer/request-store';
import { RequestViewsQuery } from './queries/request-views.query';
import { SubmitRequestUseCase } from './commands/submit-request.use-case';
import { WithdrawUseCase } from './commands/withdraw.use-case';
import { CLOCK, systemClock } from '@lr/domain';
import { EmailNotificationsUseCase } from './jobs/email-notifications.use-case';
import { NotificationsQuery } from './queries/notifications.query';
import { Notifier } from './writer/notifier';
import { TimerJobsUseCase } from './jobs/timer-jobs.use-case';
import { TimerPlanner } from './writer/timers';
import { TransitionWriter } from './writer/transition-writer';
import { TuitionProofs } from './shared/tuition-proofs';
import { PeopleProvisioning } from './commands/people-provisioning';
import { StudentRegisterUseCase } from './commands/student-register.use-case';
import { OfferingWriter } from './writer/offering-writer';
import { OfferingsAdminUseCase } from './commands/offerings-admin.use-case';
import { OoapiCatalogueQuery } from './queries/ooapi-catalogue.query';
import { CatalogueSyncRuns } from './jobs/catalogue-sync-runs';
import { CatalogueSyncUseCase } from './jobs/catalogue-sync.use-case';
import { CatalogueSyncsAdminUseCase } from './commands/catalogue-syncs-admin.use-case';

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
