import { AuditClientAddressEntity } from './audit-client-address.entity';
import { AuditEntryEntity } from './audit-entry.entity';
import { CatalogueSyncEntity } from './catalogue-sync.entity';
import { ComponentResultHistoryEntity } from './component-result-history.entity';
import { ComponentResultEntity } from './component-result.entity';
import { ComponentEntity } from './component.entity';
import { CreditEntryEntity } from './credit-entry.entity';
import { ExamBoardEntity } from './exam-board.entity';
import { InstitutionEntity } from './institution.entity';
import { NotificationEntity } from './notification.entity';
import { OfferingEntity } from './offering.entity';
import { OutboxMessageEntity } from './outbox-message.entity';
import { PersonEntity } from './person.entity';
import { ProgrammeEntity } from './programme.entity';
import { RecognitionEntity } from './recognition.entity';
import { RequestEntity } from './request.entity';
import { StudentRegisterEntity } from './student-register.entity';
import { TransitionEntity } from './transition.entity';
import { TuitionProofEntity } from './tuition-proof.entity';

export {
  AuditClientAddressEntity,
  AuditEntryEntity,
  CatalogueSyncEntity,
  ComponentResultEntity,
  ComponentResultHistoryEntity,
  ComponentEntity,
  CreditEntryEntity,
  ExamBoardEntity,
  InstitutionEntity,
  NotificationEntity,
  OfferingEntity,
  OutboxMessageEntity,
  PersonEntity,
  ProgrammeEntity,
  RecognitionEntity,
  RequestEntity,
  StudentRegisterEntity,
  TransitionEntity,
  TuitionProofEntity,
};
export type { AuditedFieldChange } from './audit-entry.entity';
export type { CountsAs } from './component.entity';
export type { OutboxOperation } from './outbox-message.entity';
export type { RegisteredTuition } from './student-register.entity';

export const ENTITIES = [
  InstitutionEntity,
  ProgrammeEntity,
  ExamBoardEntity,
  OfferingEntity,
  PersonEntity,
  RequestEntity,
  ComponentEntity,
  ComponentResultEntity,
  ComponentResultHistoryEntity,
  RecognitionEntity,
  CreditEntryEntity,
  TransitionEntity,
  OutboxMessageEntity,
  NotificationEntity,
  AuditEntryEntity,
  AuditClientAddressEntity,
  TuitionProofEntity,
  StudentRegisterEntity,
  CatalogueSyncEntity,
];
