import { Alert, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { ProblemAlert } from '../components/ProblemAlert';
import { useSession } from '../session';
import type { SignInInstitution } from '../sign-in/oidc';
import { useLoad } from '../useLoad';

/** Whether every word typed occurs in the institution's name, code or sector, in any case. */
function matches(institution: SignInInstitution, query: string): boolean {
  const haystack = `${institution.name} ${institution.code} ${institution.sector}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/**
 * "Where are you from": the person picks their institution, searchable as SURFconext's and eduID's screens
 * are, and signs in at its identity provider. Says why they are here again when their session ended.
 */
export function SignInPage() {
  const { t } = useTranslation();
  const { signIn, reason, error } = useSession();
  const institutions = useLoad(() => call(api.GET('/sign-in/institutions')), []);
  const [query, setQuery] = useState('');
  const [leaving, setLeaving] = useState<unknown>();
  const shown = useMemo(
    () => (institutions.data ?? []).filter((i) => matches(i, query)),
    [institutions.data, query],
  );
  return (
    <Stack maw={560}>
      <Title order={2}>{t('signIn.title')}</Title>
      {reason && reason !== 'failed' && (
        <Alert color={reason === 'expired' ? 'yellow' : 'blue'} role="status">
          {t(`signIn.reason.${reason}`)}
        </Alert>
      )}
      <ProblemAlert error={institutions.error ?? error ?? leaving} />
      <Text>{t('signIn.intro')}</Text>
      <TextInput
        label={t('signIn.search')}
        description={t('signIn.searchHint')}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        autoComplete="organization"
      />
      <Stack gap="xs" component="ul" p={0} style={{ listStyle: 'none' }} aria-live="polite">
        {shown.map((institution) => (
          <li key={institution.code}>
            <Button
              variant="light"
              fullWidth
              justify="space-between"
              data-institution={institution.code}
              rightSection={<Text size="xs">{institution.sector.toUpperCase()}</Text>}
              onClick={() => void signIn(institution).catch(setLeaving)}
            >
              {institution.name}
            </Button>
          </li>
        ))}
      </Stack>
      {institutions.data && shown.length === 0 && <Text>{t('signIn.none')}</Text>}
    </Stack>
  );
}
