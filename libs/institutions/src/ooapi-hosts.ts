import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@lr/config';
import { OoapiClient } from '@lr/ooapi';
import { InstitutionRegistry } from './institution.registry';
import { ResolvedOoapiConnection, resolveOoapiConnections } from './ooapi-connection';

/**
 * Which institutions take part through their own system over OOAPI v5, and the one client per system (it holds
 * the access token). The workflow asks this, by institution code, whether a host is such a system; it never
 * asks for a name.
 */
@Injectable()
export class OoapiHosts {
  private readonly connections: Map<string, ResolvedOoapiConnection>;
  private readonly clients = new Map<string, OoapiClient>();

  constructor(registry: InstitutionRegistry, @Inject(APP_CONFIG) config: AppConfig) {
    this.connections = resolveOoapiConnections(config, registry.all());
    for (const connection of this.connections.values()) {
      this.clients.set(
        connection.institutionCode,
        new OoapiClient({ ...connection, timeoutMs: config.hostSystemTimeoutMs }),
      );
    }
  }

  /** Whether the institution's admissions and results happen in its own system, reached over OOAPI. */
  takesPart(institutionCode: string): boolean {
    return this.connections.has(institutionCode);
  }

  client(institutionCode: string): OoapiClient {
    const client = this.clients.get(institutionCode);
    if (!client) throw new Error(`${institutionCode} takes part in Leerroutes itself, not over OOAPI`);
    return client;
  }

  connection(institutionCode: string): ResolvedOoapiConnection | undefined {
    return this.connections.get(institutionCode);
  }

  all(): ResolvedOoapiConnection[] {
    return [...this.connections.values()];
  }
}
