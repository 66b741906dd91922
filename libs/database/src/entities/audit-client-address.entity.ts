import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { AuditEntryEntity } from './audit-entry.entity';

/**
 * The address an audited call came from, kept apart from the append-only audit log so that it can be forgotten
 * after AUDIT_ADDRESS_RETENTION_DAYS (an address is personal data that only a security investigation needs;
 * the decision it belongs to is kept for good). Written in the audit entry's own transaction.
 */
@Entity({ name: 'audit_client_addresses' })
@Index('ix_audit_client_addresses_recorded_at', ['recordedAt'])
export class AuditClientAddressEntity {
  @PrimaryColumn({ name: 'audit_id', type: 'bigint' })
  auditId: string;

  @ManyToOne(() => AuditEntryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'audit_id' })
  entry?: Relation<AuditEntryEntity>;

  @Column({ name: 'client_address', type: 'text' })
  clientAddress: string;

  /** The audit entry's time: the retention counts from here. */
  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
