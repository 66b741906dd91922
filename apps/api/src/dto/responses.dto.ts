/**
 * The shapes the API answers with, for the OpenAPI document (and clients generated from it). Controllers declare
 * these as their return types, so a view that loses a documented field does not compile.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COMPONENT_STATES,
  CREDIT_UNITS,
  GRADING_SCALES,
  OFFERING_LANGUAGES,
  OFFERING_STATUSES,
  REQUEST_STATUSES,
  ROLES,
  SECTORS,
  TUITION_PROOF_STATUSES,
} from '@lr/domain';
import type {
  ComponentState,
  CreditUnit,
  GradingScale,
  LearningRoute,
  OfferingStatus,
  RequestStatus,
  Role,
  Sector,
  TuitionProofStatus,
} from '@lr/domain';
import { TuitionStatementDto } from './student-register.dto';

export class PageDto {
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ description: 'Items matching, over all pages' }) total: number;
}

class CodeNameDto {
  @ApiProperty() code: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
}

export class InstitutionDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: SECTORS }) sector: Sector;
  @ApiProperty({ enum: CREDIT_UNITS }) creditUnit: CreditUnit;
  @ApiProperty({ enum: GRADING_SCALES }) gradingScale: GradingScale;
}

export class InstitutionPageDto extends PageDto {
  @ApiProperty({ type: [InstitutionDto] }) items: InstitutionDto[];
}

class ProgrammeDto {
  @ApiProperty() institutionCode: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() examBoardCode: string;
}

class ExamBoardDto {
  @ApiProperty() institutionCode: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Days within which the board decides' }) decisionTermDays: number;
}

export class InstitutionDetailDto extends InstitutionDto {
  @ApiProperty({ type: [ProgrammeDto] }) programmes: ProgrammeDto[];
  @ApiProperty({ type: [ExamBoardDto] }) examBoards: ExamBoardDto[];
}

/** What the catalogue and an institution's admins both show of an offering. */
class OfferingFieldsDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() institutionCode: string;
  @ApiProperty() programmeCode: string;
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ description: "In the host's credit unit" }) credits: number;
  @ApiProperty({ enum: CREDIT_UNITS }) creditUnit: CreditUnit;
  @ApiProperty({ example: '2026-2027 P3' }) period: string;
  @ApiProperty({ enum: OFFERING_LANGUAGES }) language: string;
  @ApiProperty() capacity: number;
  @ApiProperty() placesLeft: number;
  @ApiProperty({ description: 'When full, students go on a waiting list instead of being refused' })
  waitingList: boolean;
  @ApiProperty({ format: 'date' }) enrolmentDeadline: string;
  @ApiProperty({ type: [String] }) prerequisites: string[];
  @ApiProperty({
    enum: OFFERING_STATUSES,
    description: 'A closed offering is out of the catalogue and can no longer be requested',
  })
  status: OfferingStatus;
}

export class OfferingDto extends OfferingFieldsDto {
  @ApiProperty() institutionName: string;
  @ApiProperty({ enum: SECTORS }) sector: Sector;
}

/** An offering as its institution's admins keep it. */
export class ManagedOfferingDto extends OfferingFieldsDto {
  @ApiProperty({ description: 'Students admitted' }) placesTaken: number;
  @ApiProperty({ type: Date, nullable: true }) closedAt: Date | null;
  @ApiProperty({ description: 'Send it back as expectedVersion to change what you saw' })
  version: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      "Its id in the institution's own system, which keeps it (then it changes there, not here); null for an " +
      'offering kept in Leerroutes',
  })
  externalId: string | null;
}

export class ManagedOfferingPageDto extends PageDto {
  @ApiProperty({ type: [ManagedOfferingDto] }) items: ManagedOfferingDto[];
  @ApiProperty({
    description:
      "Whether the institution's own system keeps its catalogue (over OOAPI): its offerings come from there " +
      'by synchronisation (GET /admin/catalogue-syncs) and are read-only here',
  })
  keptByOwnSystem: boolean;
}

export class OfferingPageDto extends PageDto {
  @ApiProperty({ type: [OfferingDto] }) items: OfferingDto[];
  @ApiProperty({
    description: 'True when more than `total` (1,000) offerings match: refine the search',
  })
  totalCapped: boolean;
}

export class RequestSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() studentId: string;
  @ApiProperty() homeInstitutionCode: string;
  @ApiProperty() homeProgrammeCode: string;
  @ApiProperty() motivation: string;
  @ApiProperty({ enum: REQUEST_STATUSES }) status: RequestStatus;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: Date, nullable: true }) submittedAt: Date | null;
  @ApiProperty() updatedAt: Date;
}

export class RequestSummaryPageDto extends PageDto {
  @ApiProperty({ type: [RequestSummaryDto] }) items: RequestSummaryDto[];
}

/** Fields a host's staff do not get (data minimisation); see RequestViewsQuery. */
const NOT_FOR_HOST = 'Not shown to a host (data minimisation)';

class StudentRefDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true }) studentNumber: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'For a host only: to reach the student',
  })
  email?: string | null;
}

class ComponentOfferingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty() credits: number;
  @ApiProperty({ enum: CREDIT_UNITS }) creditUnit: CreditUnit;
  @ApiProperty() period: string;
  @ApiProperty({ format: 'date' }) enrolmentDeadline: string;
}

class ApprovalDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Credits in the home unit' }) credits:
    number | null;
  @ApiProperty({ enum: CREDIT_UNITS, nullable: true }) creditUnit: CreditUnit | null;
  @ApiProperty({ type: String, nullable: true }) placement: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The decision reference' }) reference:
    string | null;
}

class ResultViewDto {
  @ApiProperty({ description: "As the host gave it, on the host's scale" }) grade: string;
  @ApiProperty({ enum: GRADING_SCALES }) gradingScale: GradingScale;
  @ApiProperty() passed: boolean;
  @ApiProperty() credits: number;
  @ApiProperty({ enum: CREDIT_UNITS }) creditUnit: CreditUnit;
  @ApiProperty() isFinal: boolean;
  @ApiProperty() recordedBy: string;
  @ApiProperty() recordedAt: Date;
}

class RecognitionViewDto {
  @ApiProperty({ enum: ['recognised', 'not_recognised'] }) outcome: 'recognised' | 'not_recognised';
  @ApiProperty() originalGrade: string;
  @ApiProperty({ enum: GRADING_SCALES }) originalGradingScale: GradingScale;
  @ApiProperty() originalPassed: boolean;
  @ApiProperty() originalCredits: number;
  @ApiProperty({ enum: CREDIT_UNITS }) originalCreditUnit: CreditUnit;
  @ApiProperty() recognisedCredits: number;
  @ApiProperty({ enum: CREDIT_UNITS }) recognisedCreditUnit: CreditUnit;
  @ApiProperty({ type: String, nullable: true }) placement: string | null;
  @ApiProperty({ example: 'hours ÷ 28 = EC' }) conversionRule: string;
  @ApiProperty({
    enum: ['approval', 'decision'],
    description: 'Recognised under the approval, or by a decision',
  })
  basis: 'approval' | 'decision';
  @ApiProperty() decisionReference: string;
  @ApiProperty({ type: String, nullable: true }) motivation: string | null;
  @ApiProperty() decidedBy: string;
  @ApiProperty() decidedAt: Date;
}

class RegistrationRefDto {
  @ApiProperty({ format: 'uuid' }) creditEntryId: string;
  @ApiProperty() registeredAt: Date;
}

class AppealDto {
  @ApiProperty({ description: 'Where to appeal' }) to: string;
  @ApiProperty({ format: 'date', description: 'The last day, six weeks after the decision' })
  until: string;
}

class RejectionDto {
  @ApiProperty() at: Date;
  @ApiProperty({ description: 'The deciding body' }) decidedBy: string;
  @ApiProperty({ type: String, nullable: true }) motivation: string | null;
  @ApiProperty({ type: AppealDto }) appeal: AppealDto;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: "An exam board's rejection: the last day to object (POST …/objection)",
  })
  objectionUntil: string | null;
}

class TuitionProofDto {
  @ApiProperty({ example: '2026-2027', description: 'The academic year of the unit at the host' })
  academicYear: string;
  @ApiProperty({
    enum: TUITION_PROOF_STATUSES,
    description: "'unknown': the home institution's system holds no record for that year",
  })
  status: TuitionProofStatus;
  @ApiProperty({ type: String, nullable: true, description: "The home institution's reference" })
  reference: string | null;
  @ApiProperty({ type: CodeNameDto, description: 'The home institution' }) issuedBy: CodeNameDto;
  @ApiProperty({ type: String, format: 'date', nullable: true }) issuedOn: string | null;
}

const TUITION_PROOF =
  "The home institution's proof of paid tuition (bewijs betaald collegegeld), sent with the component to a host " +
  'that asks for it; null for any other host, within the home institution (route 4) and before delivery';

class ComponentViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() position: number;
  @ApiProperty({ enum: COMPONENT_STATES }) state: ComponentState;
  @ApiProperty({ description: 'Send it back as expectedVersion to decide on what you saw' })
  version: number;
  @ApiProperty({ enum: [4, 5, 6], description: 'The learning route, derived from home and host' })
  route: LearningRoute;
  @ApiProperty({ type: CodeNameDto }) host: CodeNameDto;
  @ApiProperty({ type: ComponentOfferingDto }) offering: ComponentOfferingDto;
  @ApiPropertyOptional({
    enum: ['elective-space', 'minor', 'replacement'],
    description: NOT_FOR_HOST,
  })
  countsAs?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: NOT_FOR_HOST })
  replacesUnit?: string | null;
  @ApiPropertyOptional({ description: NOT_FOR_HOST }) motivation?: string;
  @ApiPropertyOptional({
    type: Date,
    nullable: true,
    description: `End of the home exam board's decision term. ${NOT_FOR_HOST}`,
  })
  decisionDueAt?: Date | null;
  @ApiPropertyOptional({ type: ApprovalDto, nullable: true, description: NOT_FOR_HOST })
  approval?: ApprovalDto | null;
  @ApiProperty({ type: String, nullable: true }) enrolmentReference: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'On the waiting list: 1 is next in line when a place becomes free',
  })
  waitingListPosition: number | null;
  @ApiProperty({ type: TuitionProofDto, nullable: true, description: TUITION_PROOF })
  proofOfPaidTuition: TuitionProofDto | null;
  @ApiProperty({
    type: () => RejectionDto,
    nullable: true,
    description: 'For a rejection or refusal: when, by whom, why, and how to appeal',
  })
  rejection: RejectionDto | null;
  @ApiProperty({ type: ResultViewDto, nullable: true }) result: ResultViewDto | null;
  @ApiPropertyOptional({ type: RecognitionViewDto, nullable: true, description: NOT_FOR_HOST })
  recognition?: RecognitionViewDto | null;
  @ApiPropertyOptional({ type: RegistrationRefDto, nullable: true, description: NOT_FOR_HOST })
  registration?: RegistrationRefDto | null;
}

class TimelineActorDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: [...ROLES, 'system'] }) role: string;
  @ApiProperty() institutionCode: string;
}

class TimelineEntryDto {
  @ApiProperty() at: Date;
  @ApiProperty({ format: 'uuid' }) componentId: string;
  @ApiProperty({ example: 'approve' }) event: string;
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: TimelineActorDto }) actor: TimelineActorDto;
  @ApiProperty({ type: String, nullable: true }) motivation: string | null;
}

export class RequestViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: REQUEST_STATUSES, description: 'Derived from the components' })
  status: RequestStatus;
  @ApiProperty() version: number;
  @ApiProperty({ type: StudentRefDto }) student: StudentRefDto;
  @ApiProperty({ type: CodeNameDto }) homeInstitution: CodeNameDto;
  @ApiPropertyOptional({ type: CodeNameDto, description: NOT_FOR_HOST })
  homeProgramme?: CodeNameDto;
  @ApiPropertyOptional({
    description: `The student's motivation to their exam board. ${NOT_FOR_HOST}`,
  })
  motivation?: string;
  @ApiPropertyOptional({ description: NOT_FOR_HOST }) createdAt?: Date;
  @ApiPropertyOptional({ type: Date, nullable: true, description: NOT_FOR_HOST })
  submittedAt?: Date | null;
  @ApiProperty({ type: [ComponentViewDto], description: 'The components this actor may see' })
  components: ComponentViewDto[];
  @ApiProperty({
    type: [TimelineEntryDto],
    description:
      'Every transition, across all parties, oldest first; for a host, only what the host did',
  })
  timeline: TimelineEntryDto[];
}

export class InboxItemDto {
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ format: 'uuid' }) componentId: string;
  @ApiProperty({ enum: COMPONENT_STATES }) state: ComponentState;
  @ApiProperty() version: number;
  @ApiProperty({ enum: [4, 5, 6] }) route: number;
  @ApiProperty() studentId: string;
  @ApiProperty({ type: String, nullable: true }) studentName: string | null;
  @ApiProperty() homeInstitutionCode: string;
  @ApiPropertyOptional({ description: `Home-side inboxes only. ${NOT_FOR_HOST}` })
  homeProgrammeCode?: string;
  @ApiProperty() hostInstitutionCode: string;
  @ApiProperty({ format: 'uuid' }) offeringId: string;
  @ApiProperty() offeringTitle: string;
  @ApiProperty() credits: number;
  @ApiProperty({ enum: CREDIT_UNITS }) creditUnit: string;
  @ApiProperty() placesLeft: number;
  @ApiProperty() waitingList: boolean;
  @ApiPropertyOptional({
    type: TuitionProofDto,
    nullable: true,
    description: `The admissions inbox only. ${TUITION_PROOF}`,
  })
  proofOfPaidTuition?: TuitionProofDto | null;
  @ApiPropertyOptional({
    type: Date,
    nullable: true,
    description: `The home exam board's term; home-side inboxes only. ${NOT_FOR_HOST}`,
  })
  decisionDueAt?: Date | null;
  @ApiProperty({ format: 'date' }) enrolmentDeadline: string;
  @ApiProperty() updatedAt: Date;
}

export class InboxPageDto extends PageDto {
  @ApiProperty({ type: [InboxItemDto] }) items: InboxItemDto[];
}

export class CreditEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() studentId: string;
  @ApiProperty() institutionCode: string;
  @ApiProperty({ format: 'uuid' }) componentId: string;
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty() unitTitle: string;
  @ApiProperty() hostInstitutionCode: string;
  @ApiProperty({ description: 'Recognised credits, in the home unit' }) credits: number;
  @ApiProperty({ enum: CREDIT_UNITS }) creditUnit: CreditUnit;
  @ApiProperty({ type: String, nullable: true }) placement: string | null;
  @ApiProperty() originalGrade: string;
  @ApiProperty() decisionReference: string;
  @ApiProperty() registeredBy: string;
  @ApiProperty() registeredAt: Date;
}

class CreditRecordStudentDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) studentNumber: string | null;
  @ApiProperty() institutionCode: string;
}

export class CreditRecordDto {
  @ApiProperty({ type: CreditRecordStudentDto }) student: CreditRecordStudentDto;
  @ApiProperty({ type: [CreditEntryDto] }) entries: CreditEntryDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { EC: 14.57 },
    description: 'Total credits per unit',
  })
  totals: Record<string, number>;
}

export class RegistrationOutcomeDto {
  @ApiProperty({ description: 'True when the credits were registered before: nothing changed' })
  alreadyRegistered: boolean;
  @ApiProperty() message: string;
  @ApiProperty({ type: CreditEntryDto }) entry: CreditEntryDto;
}

export class ActorDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: [...ROLES, 'system'] }) role: Role | 'system';
  @ApiProperty() institutionCode: string;
  @ApiProperty({ type: [String] }) programmeCodes: string[];
  @ApiProperty() name: string;
}

export class PersonDto {
  @ApiProperty() id: string;
  @ApiProperty() institutionCode: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiPropertyOptional({ type: String, nullable: true }) studentNumber: string | null;
  @ApiProperty({ type: [String] }) programmeCodes: string[];
}

/** What the portal needs to send someone to their institution's identity provider: public, before sign-in. */
export class SignInInstitutionDto {
  @ApiProperty({ example: 'uni-waal' }) code: string;
  @ApiProperty({ example: 'Universiteit aan de Waal' }) name: string;
  @ApiProperty({ enum: SECTORS }) sector: Sector;
  @ApiProperty({
    description: 'The OpenID Connect issuer the institution signs its people in with',
  })
  issuer: string;
  @ApiProperty({
    description: "The portal's client id at that issuer; its ID tokens carry it as their audience",
  })
  clientId: string;
  @ApiProperty({
    type: [String],
    example: ['openid', 'profile', 'email'],
    description: 'The scopes the portal asks for at sign-in',
  })
  scopes: string[];
  @ApiProperty({
    type: [String],
    example: ['schac_home_organization', 'eduperson_entitlement'],
    description:
      'Claims the portal asks to receive in the ID token (OpenID Connect claims request parameter); empty: none',
  })
  idTokenClaims: string[];
}

export class DevTokenDto {
  @ApiProperty({ description: 'An OpenID Connect token signed by the bundled development issuer' })
  token: string;
  @ApiProperty({ description: "The development issuer's realm for the person's institution" })
  issuer: string;
  @ApiProperty({ type: ActorDto }) actor: ActorDto;
}

export class DeliveryFailureDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ enum: COMPONENT_STATES }) state: ComponentState;
  @ApiProperty() version: number;
  @ApiProperty() homeInstitutionCode: string;
  @ApiProperty() hostInstitutionCode: string;
  @ApiProperty({ type: Date, nullable: true }) deliveryFailedAt: Date | null;
  @ApiProperty() updatedAt: Date;
}

export class DeliveryFailurePageDto extends PageDto {
  @ApiProperty({ type: [DeliveryFailureDto] }) items: DeliveryFailureDto[];
}

/** A student in their institution's register, as its admins keep them (PUT /admin/students/{subject}). */
export class RegisteredStudentDto {
  @ApiProperty() institutionCode: string;
  @ApiProperty({ description: "The subject the institution's identity provider gives the student" })
  subject: string;
  @ApiProperty() studentNumber: string;
  @ApiProperty({ type: [String] }) programmeCodes: string[];
  @ApiProperty({ type: [TuitionStatementDto] }) tuition: TuitionStatementDto[];
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() recipientId: string;
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ format: 'uuid' }) componentId: string;
  @ApiProperty({
    example: 'approve',
    description: 'The event, or decision_reminder / decision_overdue',
  })
  kind: string;
  @ApiProperty() message: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: Date, nullable: true }) readAt: Date | null;
  @ApiProperty({
    enum: ['none', 'pending', 'sent', 'failed'],
    description: 'failed: the e-mail could not be delivered and is not tried again',
  })
  emailStatus: string;
}

export class NotificationPageDto extends PageDto {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
}

class AuditedFieldChangeDto {
  @ApiProperty({ example: 'capacity' }) field: string;
  @ApiProperty({ type: String, nullable: true, example: '30' }) from: string | null;
  @ApiProperty({ type: String, nullable: true, example: '25' }) to: string | null;
}

export class AuditEntryDto {
  @ApiProperty({ description: 'Order of recording' }) id: string;
  @ApiProperty() at: Date;
  @ApiProperty() actorId: string;
  @ApiProperty({ enum: [...ROLES, 'system'] }) actorRole: string;
  @ApiProperty() actorInstitutionCode: string;
  @ApiProperty({
    example: 'approve',
    description:
      "A state-table event, or 'create'; for an offering 'create', 'change', 'close' or 'reopen'",
  })
  action: string;
  @ApiProperty({ enum: ['request', 'component', 'offering'] }) objectType: string;
  @ApiProperty({ format: 'uuid' }) objectId: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Null for an offering',
  })
  requestId: string | null;
  @ApiProperty({
    description: "The request's home institution, or the institution that keeps the offering",
  })
  homeInstitutionCode: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null for an offering' })
  homeProgrammeCode: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: "The request's version once the change was made; null for an offering",
  })
  requestVersion: number | null;
  @ApiProperty({ type: String, nullable: true }) motivation: string | null;
  @ApiProperty({
    type: [AuditedFieldChangeDto],
    nullable: true,
    description: "What an offering's change changed, field by field; null for a request",
  })
  changes: AuditedFieldChangeDto[] | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      "Where the call came from: only for an admin of the actor's own institution, and only for " +
      'AUDIT_ADDRESS_RETENTION_DAYS; null otherwise, for the system, and in the personal data export',
  })
  clientAddress: string | null;
}

export class AuditPageDto extends PageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items: AuditEntryDto[];
}

class ExportedPersonDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ type: String, nullable: true }) studentNumber: string | null;
  @ApiProperty() institutionCode: string;
  @ApiProperty({ type: [String] }) programmeCodes: string[];
}

export class PersonalDataExportDto {
  @ApiProperty() exportedAt: Date;
  @ApiProperty({ type: ExportedPersonDto }) person: ExportedPersonDto;
  @ApiProperty({ type: [RequestViewDto] }) requests: RequestViewDto[];
  @ApiProperty({ type: CreditRecordDto }) creditRecord: CreditRecordDto;
  @ApiProperty({ type: [NotificationDto] }) notifications: NotificationDto[];
  @ApiProperty({ type: [AuditEntryDto] }) audit: AuditEntryDto[];
}

export class ChangedComponentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: COMPONENT_STATES }) state: ComponentState;
  @ApiProperty({ description: 'Send it back as expectedVersion for the next decision on it' })
  version: number;
}

/**
 * What a decision changed, and nothing more: reading the whole request again to answer cost more than the
 * decision itself. A client that shows the request reads it (GET /requests/{id}) when it needs the rest.
 */
export class DecisionOutcomeDto {
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ enum: REQUEST_STATUSES, description: "The request's status, derived from its components" })
  requestStatus: RequestStatus;
  @ApiProperty() requestVersion: number;
  @ApiProperty({
    type: [ChangedComponentDto],
    description: 'The components the decision moved, each in its new state and version',
  })
  components: ChangedComponentDto[];
}
