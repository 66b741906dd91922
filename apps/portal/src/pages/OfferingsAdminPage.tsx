import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Schemas, api, call } from '../api/client';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatCredits, formatDate } from '../format';
import { useSession } from '../session';
import { useLoad } from '../useLoad';
import { CatalogueSyncPanel } from './CatalogueSyncPanel';
import { ConfirmClose, EditOffering, NewOffering } from './OfferingForms';

type Managed = Schemas['ManagedOfferingDto'];

const COLUMNS = 6;

/**
 * An admin keeps their institution's catalogue: every offering, closed ones too, with the places taken; each
 * can be changed in place, closed (after a confirmation) or reopened, and new ones added below. Where the
 * institution's own system keeps the catalogue, its offerings are read-only here: the page shows the last
 * synchronisation instead, and synchronises on request.
 */
export function OfferingsAdminPage() {
  const { t } = useTranslation();
  const { actor } = useSession();
  const institution = useLoad(
    () =>
      call(api.GET('/institutions/{code}', { params: { path: { code: actor!.institutionCode } } })),
    [actor?.institutionCode],
  );
  const offerings = useLoad(
    () => call(api.GET('/admin/offerings', { params: { query: { pageSize: 100 } } })),
    [],
  );
  /** The row that shows its edit form, or its closing confirmation. */
  const [open, setOpen] = useState<{ id: string; what: 'edit' | 'close' }>();
  const [done, setDone] = useState('');
  const [error, setError] = useState<unknown>();

  const finished = (message: string) => (offering: Managed) => {
    setOpen(undefined);
    setDone(t(message, { title: offering.title }));
    offerings.reload();
  };
  const reopen = (o: Managed) => {
    setError(undefined);
    call(
      api.POST('/admin/offerings/{id}/reopen', {
        params: { path: { id: o.id } },
        body: { expectedVersion: o.version },
      }),
    )
      .then(finished('manage.reopened'))
      .catch(setError);
  };
  const toggle = (o: Managed, what: 'edit' | 'close') => {
    setDone('');
    setOpen(open?.id === o.id && open.what === what ? undefined : { id: o.id, what });
  };
  const items = offerings.data?.items ?? [];
  const keptByOwnSystem = offerings.data?.keptByOwnSystem ?? false;

  return (
    <Stack>
      <Title order={2}>{t('manage.title')}</Title>
      <Text>{t('manage.intro')}</Text>
      {keptByOwnSystem && (
        <CatalogueSyncPanel
          institutionCode={actor!.institutionCode}
          onFinished={offerings.reload}
        />
      )}
      <ProblemAlert error={offerings.error ?? error} />
      <Text role="status">
        {done ||
          (offerings.data &&
            (offerings.data.total === 0
              ? t('manage.none')
              : t('manage.count', { count: offerings.data.total })))}
      </Text>
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('manage.code')}</Table.Th>
                <Table.Th scope="col">{t('manage.offering')}</Table.Th>
                <Table.Th scope="col">{t('manage.status')}</Table.Th>
                <Table.Th scope="col">{t('manage.places')}</Table.Th>
                <Table.Th scope="col">{t('manage.deadline')}</Table.Th>
                <Table.Th scope="col">{t('manage.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((o) => (
                <Fragment key={o.id}>
                  <Table.Tr data-offering={o.code}>
                    <Table.Td>{o.code}</Table.Td>
                    <Table.Td>
                      {o.title} ({formatCredits(o.credits, o.creditUnit)}, {o.period})
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="outline" color={o.status === 'open' ? 'dark' : 'red'}>
                        {t(`manage.status.${o.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td data-testid="places">
                      {o.placesTaken} / {o.capacity}
                    </Table.Td>
                    <Table.Td>{formatDate(o.enrolmentDeadline)}</Table.Td>
                    <Table.Td>
                      {o.externalId !== null ? (
                        <Text size="sm">{t('sync.fromSystem')}</Text>
                      ) : (
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="outline"
                            aria-expanded={open?.id === o.id && open.what === 'edit'}
                            aria-label={`${t('manage.edit')}: ${o.title}`}
                            onClick={() => toggle(o, 'edit')}
                          >
                            {t('manage.edit')}
                          </Button>
                          {o.status === 'open' ? (
                            <Button
                              size="xs"
                              variant="outline"
                              color="red"
                              aria-expanded={open?.id === o.id && open.what === 'close'}
                              aria-label={`${t('manage.close')}: ${o.title}`}
                              onClick={() => toggle(o, 'close')}
                            >
                              {t('manage.close')}
                            </Button>
                          ) : (
                            <Button
                              size="xs"
                              variant="outline"
                              aria-label={`${t('manage.reopen')}: ${o.title}`}
                              onClick={() => reopen(o)}
                            >
                              {t('manage.reopen')}
                            </Button>
                          )}
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                  {open?.id === o.id && (
                    <Table.Tr>
                      <Table.Td colSpan={COLUMNS}>
                        {open.what === 'edit' ? (
                          <EditOffering
                            offering={o}
                            onSaved={finished('manage.saved')}
                            onCancel={() => setOpen(undefined)}
                          />
                        ) : (
                          <ConfirmClose
                            offering={o}
                            onClosed={finished('manage.closed')}
                            onCancel={() => setOpen(undefined)}
                          />
                        )}
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {institution.data && offerings.data && !keptByOwnSystem && (
        <NewOffering
          programmes={institution.data.programmes}
          creditUnit={institution.data.creditUnit}
          onCreated={finished('manage.created')}
        />
      )}
    </Stack>
  );
}
