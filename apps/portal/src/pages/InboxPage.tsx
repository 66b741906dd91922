import { Anchor, Badge, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Schemas, api, call } from '../api/client';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatCredits, formatDate } from '../format';
import { href } from '../route';
import { useLoad } from '../useLoad';

type Kind = 'exam-board' | 'admissions' | 'results' | 'registrations';
type State = Schemas['InboxItemDto']['state'];

const INBOXES: Record<string, Kind[]> = {
  'exam-board': ['exam-board'],
  'host-admissions': ['admissions'],
  registrar: ['results', 'registrations'],
};
const STATES: Record<Kind, State[]> = {
  'exam-board': ['awaiting_approval', 'awaiting_recognition'],
  admissions: ['awaiting_admission', 'waitlisted'],
  results: ['enrolled'],
  registrations: ['recognised'],
};

/** The inboxes a role works from: a registrar has two, one as host and one as home institution. */
export function inboxesOf(role: string): Kind[] {
  return INBOXES[role] ?? [];
}

/** Staff's work, most urgent first (the API's order), with filters; each item opens its request. */
export function InboxPage({ kind }: { kind: string | undefined }) {
  const { t } = useTranslation();
  const inbox = (Object.keys(STATES) as Kind[]).find((k) => k === kind) ?? 'exam-board';
  const [state, setState] = useState('');
  const [route, setRoute] = useState('');
  const items = useLoad(
    () =>
      call(
        api.GET('/inbox/{kind}', {
          params: {
            path: { kind: inbox },
            query: {
              pageSize: 100,
              state: (state || undefined) as State | undefined,
              route: route ? (Number(route) as 4 | 5 | 6) : undefined,
            },
          },
        }),
      ),
    [inbox, state, route],
  );
  const host = inbox === 'admissions' || inbox === 'results';
  return (
    <Stack>
      <Title order={2}>{t(`nav.inbox.${inbox}`)}</Title>
      <Group>
        {STATES[inbox].length > 1 && (
          <NativeSelect
            label={t('inbox.filterState')}
            value={state}
            onChange={(e) => setState(e.currentTarget.value)}
            data={[
              { value: '', label: t('catalogue.any') },
              ...STATES[inbox].map((s) => ({ value: s, label: t(`state.${s}`) })),
            ]}
          />
        )}
        <NativeSelect
          label={t('inbox.filterRoute')}
          value={route}
          onChange={(e) => setRoute(e.currentTarget.value)}
          data={[{ value: '', label: t('catalogue.any') }, '4', '5', '6']}
        />
      </Group>
      <ProblemAlert error={items.error} />
      <Text role="status">
        {items.data &&
          (items.data.total === 0
            ? t('inbox.empty')
            : t('inbox.count', { count: items.data.total }))}
      </Text>
      {(items.data?.items.length ?? 0) > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('inbox.student')}</Table.Th>
                <Table.Th scope="col">{t('inbox.offering')}</Table.Th>
                <Table.Th scope="col">{host ? t('inbox.home') : t('inbox.host')}</Table.Th>
                <Table.Th scope="col">{t('inbox.route')}</Table.Th>
                <Table.Th scope="col">{t('inbox.state')}</Table.Th>
                <Table.Th scope="col">{t('inbox.deadline')}</Table.Th>
                {inbox === 'admissions' && <Table.Th scope="col">{t('inbox.placesLeft')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.data!.items.map((item) => (
                <Table.Tr key={item.componentId}>
                  <Table.Td>
                    <Anchor href={href('requests', item.requestId)}>
                      {item.studentName ?? item.studentId}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {item.offeringTitle} ({formatCredits(item.credits, item.creditUnit)})
                  </Table.Td>
                  <Table.Td>{host ? item.homeInstitutionCode : item.hostInstitutionCode}</Table.Td>
                  <Table.Td>{item.route}</Table.Td>
                  <Table.Td>
                    <Badge variant="outline" color="dark">
                      {t(`state.${item.state}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatDate(item.decisionDueAt ?? item.enrolmentDeadline)}</Table.Td>
                  {inbox === 'admissions' && <Table.Td>{item.placesLeft}</Table.Td>}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
