import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatCredits, formatDate } from '../format';
import { useSession } from '../session';
import { useLoad } from '../useLoad';

/** The student's credit record: what was recognised and registered, with totals per unit. */
export function CreditsPage() {
  const { t } = useTranslation();
  const { actor } = useSession();
  const record = useLoad(
    () =>
      call(
        api.GET('/students/{studentId}/credit-record', {
          params: { path: { studentId: actor!.id } },
        }),
      ),
    [actor],
  );
  const entries = record.data?.entries ?? [];
  return (
    <Stack>
      <Title order={2}>{t('credits.title')}</Title>
      <ProblemAlert error={record.error} />
      {record.data && entries.length === 0 && <Text>{t('credits.none')}</Text>}
      {entries.length > 0 && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('credits.unit')}</Table.Th>
              <Table.Th scope="col">{t('credits.host')}</Table.Th>
              <Table.Th scope="col">{t('credits.credits')}</Table.Th>
              <Table.Th scope="col">{t('credits.placement')}</Table.Th>
              <Table.Th scope="col">{t('credits.registered')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{e.unitTitle}</Table.Td>
                <Table.Td>{e.hostInstitutionCode}</Table.Td>
                <Table.Td>{formatCredits(e.credits, e.creditUnit)}</Table.Td>
                <Table.Td>{e.placement ?? '–'}</Table.Td>
                <Table.Td>{formatDate(e.registeredAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            {Object.entries(record.data!.totals).map(([unit, total]) => (
              <Table.Tr key={unit}>
                <Table.Th scope="row">{t('credits.total')}</Table.Th>
                <Table.Td colSpan={4}>{formatCredits(total, unit as 'EC' | 'hours')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tfoot>
        </Table>
      )}
    </Stack>
  );
}
