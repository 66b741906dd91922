import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatDate } from '../format';
import { href } from '../route';
import { useLoad } from '../useLoad';

/** The student's requests, newest first, each a link to its timeline. */
export function RequestsPage() {
  const { t } = useTranslation();
  const requests = useLoad(
    () => call(api.GET('/requests', { params: { query: { pageSize: 100 } } })),
    [],
  );
  return (
    <Stack>
      <Title order={2}>{t('requests.title')}</Title>
      <ProblemAlert error={requests.error} />
      {requests.data?.items.length === 0 && <Text>{t('requests.none')}</Text>}
      {(requests.data?.items.length ?? 0) > 0 && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('request.motivation')}</Table.Th>
              <Table.Th scope="col">{t('requests.created')}</Table.Th>
              <Table.Th scope="col">{t('requests.submitted')}</Table.Th>
              <Table.Th scope="col">{t('requests.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {requests.data!.items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor href={href('requests', r.id)}>{r.motivation}</Anchor>
                </Table.Td>
                <Table.Td>{formatDate(r.createdAt)}</Table.Td>
                <Table.Td>{formatDate(r.submittedAt)}</Table.Td>
                <Table.Td>
                  <Badge variant="outline" color="dark">
                    {t(`status.${r.status}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
