import { Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Schemas, api, call } from '../api/client';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatDateTime } from '../format';
import { useLoad } from '../useLoad';

type Run = Schemas['CatalogueSyncDto'];

/** A run still under way: the panel looks again until it has finished. */
const UNDER_WAY: Run['status'][] = ['queued', 'running', 'retrying'];
const LOOK_AGAIN_MS = 1000;

/**
 * For an institution whose own system keeps its catalogue: how the last synchronisation went (when, by whom,
 * its outcome, what it did and could not do), and a button to synchronise now. When a run finishes, the
 * offerings are loaded again (onFinished).
 */
export function CatalogueSyncPanel({
  institutionCode,
  onFinished,
}: {
  institutionCode: string;
  onFinished: () => void;
}) {
  const { t } = useTranslation();
  const runs = useLoad(
    () => call(api.GET('/admin/catalogue-syncs', { params: { query: { pageSize: 1 } } })),
    [],
  );
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const last = runs.data?.items[0];
  // The run whose end the offerings already show. A run asked for may finish before the panel first sees it
  // under way, so the panel reacts to any finished run it has not reacted to, not only to a change it watched.
  const shownRun = useRef<string | undefined>(undefined);
  const firstLook = useRef(true);

  useEffect(() => {
    if (!runs.data) return;
    if (!last) {
      firstLook.current = false;
      return;
    }
    const underWay = UNDER_WAY.includes(last.status);
    if (!underWay && shownRun.current !== last.id) {
      // On the first look the offerings were loaded with the panel, after this run had finished.
      if (!firstLook.current) onFinished();
      shownRun.current = last.id;
    }
    firstLook.current = false;
    if (!underWay) return;
    const timer = setTimeout(runs.reload, LOOK_AGAIN_MS);
    return () => clearTimeout(timer);
  }, [runs.data]);

  const syncNow = () => {
    setBusy(true);
    setError(undefined);
    call(api.POST('/admin/catalogue-syncs', { body: { institutionCode } }))
      .then(runs.reload)
      .catch(setError)
      .finally(() => setBusy(false));
  };

  return (
    <Card withBorder component="section" aria-labelledby="catalogue-sync-title">
      <Stack gap="xs">
        <Title order={3} id="catalogue-sync-title">
          {t('sync.title')}
        </Title>
        <Text>{t('sync.intro')}</Text>
        <ProblemAlert error={runs.error ?? error} />
        <div role="status" aria-live="polite">
          {runs.data && !last && <Text>{t('sync.never')}</Text>}
          {last && <LastRun run={last} />}
        </div>
        <Group>
          <Button onClick={syncNow} loading={busy}>
            {t('sync.now')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function LastRun({ run }: { run: Run }) {
  const { t } = useTranslation();
  const who =
    run.trigger === 'admin' && run.requestedBy
      ? run.requestedBy.name
      : t(`sync.trigger.${run.trigger}`);
  return (
    <Stack gap={4} data-testid="last-sync">
      <Text fw={600}>{t('sync.last')}</Text>
      <Text>
        {t('sync.when', {
          requested: formatDateTime(run.requestedAt),
          finished: formatDateTime(run.finishedAt),
          who,
        })}
      </Text>
      <Text data-testid="sync-status">
        {t('sync.outcome')}: {t(`sync.status.${run.status}`)}
      </Text>
      <Text data-testid="sync-counts">{t('sync.counts', run.counts)}</Text>
      {run.errors.length > 0 && (
        <>
          <Text fw={600}>{t('sync.errors', { count: run.errors.length })}</Text>
          <List size="sm">
            {run.errors.map((e, i) => (
              <List.Item key={i}>{e.message}</List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}
