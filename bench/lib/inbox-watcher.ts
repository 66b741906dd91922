import type { ComponentState } from '@lr/domain';
import type { InboxItem, InboxKind, Page } from '@lr/workflow';
import { BenchHttpClient } from './http-client';
import { sleep } from './timing';

/** The API's largest inbox page: a party sees up to this much of its work at a time. */
const INBOX_PAGE_SIZE = 100;

export interface InboxWatch {
  http: BenchHttpClient;
  /** The bearer token of the person whose inbox it is. */
  token: string;
  kind: InboxKind;
  /** Only items in this state (the inbox's `state` filter). */
  state?: ComponentState;
  /** How long to wait before looking again when nothing new came in. */
  pollMs: number;
  /** Actions under way at most, as a few people or one integration would work; unlimited by default. */
  maxInFlight?: number;
  /** Looked at before every page: true ends the watch once the actions under way are done. */
  isOver: () => boolean;
  act: (item: InboxItem) => Promise<void>;
  /** A failed action is reported here, and tried again later; it fails neither the watch nor other items. */
  failed: (item: InboxItem, error: Error) => void;
}

/**
 * A person's inbox, looked at again and again through the API (GET /inbox/:kind, as their screen does) until
 * the run is over. Each item is acted on once per version, without waiting for the others: an item whose
 * action is under way, or a page read just before an action committed, is not acted on twice; one whose action
 * failed is tried again when it shows up again. The polling is
 * part of the load the API carries, and shows in the figures as its own endpoint.
 */
export async function watchInbox(watch: InboxWatch): Promise<void> {
  const seen = new Set<string>();
  const underWay = new Set<Promise<unknown>>();
  const maxInFlight = watch.maxInFlight ?? Infinity;
  while (!watch.isOver()) {
    if (underWay.size >= maxInFlight) {
      await Promise.race(underWay);
      continue;
    }
    const fresh = (await inboxPage(watch))
      .filter((item) => !seen.has(`${item.componentId}@${item.version}`))
      .slice(0, maxInFlight - underWay.size);
    for (const item of fresh) {
      seen.add(`${item.componentId}@${item.version}`);
      const action = watch
        .act(item)
        .catch((error: Error) => {
          // Reported, and tried again on a later look, as a person would after an error message.
          seen.delete(`${item.componentId}@${item.version}`);
          watch.failed(item, error);
        })
        .finally(() => underWay.delete(action));
      underWay.add(action);
    }
    // Something new came in: more may be on its way. Nothing new: look again a little later.
    if (fresh.length === 0) await sleep(watch.pollMs);
  }
  await Promise.all(underWay);
}

/** A page of the inbox; empty when the call failed (the failure counts in the endpoint's errors). */
async function inboxPage({ http, token, kind, state }: InboxWatch): Promise<InboxItem[]> {
  try {
    const response = await http.get<Page<InboxItem>>('/inbox/:kind', {
      params: { kind },
      query: { pageSize: INBOX_PAGE_SIZE, ...(state ? { state } : {}) },
      token,
    });
    return response.status === 200 ? response.body.items : [];
  } catch {
    return [];
  }
}
