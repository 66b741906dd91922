import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Something a person is told about a request: listed in the app, and e-mailed when SMTP is configured. */
@Entity({ name: 'notifications' })
@Index('ix_notifications_recipient', ['recipientInstitutionCode', 'recipientId', 'createdAt'])
@Index('uq_notifications_dedupe', ['dedupeKey'], { unique: true })
// The reconciler looks for e-mails still to send every interval: a few rows among every notification ever made.
@Index('ix_notifications_email_pending', ['id'], { where: "email_status = 'pending'" })
@Check('ck_notifications_email_status', `email_status IN ('none', 'pending', 'sent', 'failed')`)
@Check(
  'ck_notifications_email_failed',
  `(email_status = 'failed') = (email_failed_at IS NOT NULL) AND (email_failed_at IS NULL) = (email_failed_reason IS NULL)`,
)
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** With recipientInstitutionCode, the recipient's PersonKey. */
  @Column({ name: 'recipient_id', type: 'text' })
  recipientId: string;

  @Column({ name: 'recipient_institution_code', type: 'text' })
  recipientInstitutionCode: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @Column({ name: 'component_id', type: 'uuid' })
  componentId: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  message: string;

  /** The same notice for the same person and moment is stored once, however often its job runs. */
  @Column({ name: 'dedupe_key', type: 'text' })
  dedupeKey: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @Column({ name: 'email_status', type: 'text', default: 'none' })
  /** 'none': not e-mailed (no SMTP); 'failed': given up on for good, never tried again. */
  emailStatus: 'none' | 'pending' | 'sent' | 'failed';

  /** When the e-mail was given up on. For administrators: not selected unless asked for. */
  @Column({ name: 'email_failed_at', type: 'timestamptz', nullable: true, select: false })
  emailFailedAt: Date | null;

  /** Why: the mail server's reply, or the recipient without an address. It may name the mail server's hosts. */
  @Column({ name: 'email_failed_reason', type: 'text', nullable: true, select: false })
  emailFailedReason: string | null;
}
