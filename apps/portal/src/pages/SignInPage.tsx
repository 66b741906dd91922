import { Button, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { ProblemAlert } from '../components/ProblemAlert';
import { useSession } from '../session';
import { useLoad } from '../useLoad';

/** Development sign-in: the API's bundled issuer signs a token for a seeded person. */
export function SignInPage() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const people = useLoad(() => call(api.GET('/dev/people')), []);
  const [error, setError] = useState<unknown>();
  return (
    <Stack>
      <Title order={2}>{t('signIn.title')}</Title>
      <Text>{t('signIn.intro')}</Text>
      <ProblemAlert error={people.error ?? error} />
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('signIn.institution')}</Table.Th>
            <Table.Th scope="col">{t('signIn.role')}</Table.Th>
            <Table.Th scope="col">{t('signIn.person')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(people.data ?? []).map((person) => (
            <Table.Tr key={person.id}>
              <Table.Td>{person.institutionCode}</Table.Td>
              <Table.Td>{t(`role.${person.role}`)}</Table.Td>
              <Table.Td>
                <Button
                  variant="subtle"
                  data-person={person.id}
                  onClick={() => void signIn(person.id).catch(setError)}
                >
                  {t('signIn.as', { name: person.name })}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
