import type { JWK } from 'jose';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The authorization server's signing key, kept so that a restart does not invalidate the tokens callers hold
 * nor the keys Leerroutes has fetched.
 */
@Entity({ name: 'signing_keys' })
export class SigningKeyEntity {
  @PrimaryColumn('text')
  kid: string;

  /** The private key as a JWK (a demo keeps it in its database; a real system in a vault). */
  @Column('jsonb', { name: 'private_jwk' })
  privateJwk: JWK;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
