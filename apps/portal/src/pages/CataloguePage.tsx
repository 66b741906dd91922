import {
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Schemas, api, call } from '../api/client';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatCredits, formatDate } from '../format';
import { useLoad } from '../useLoad';
import { ComposeRequest } from './ComposeRequest';

type Offering = Schemas['OfferingDto'];
type Filters = {
  q: string;
  institution: string;
  sector: string;
  period: string;
  language: string;
  minCredits: number | string;
  maxCredits: number | string;
};

const EMPTY: Filters = {
  q: '',
  institution: '',
  sector: '',
  period: '',
  language: '',
  minCredits: '',
  maxCredits: '',
};

/** The student's search through what partner programmes and institutions offer, and the request they compose. */
export function CataloguePage() {
  const { t } = useTranslation();
  const [form, setForm] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [chosen, setChosen] = useState<Offering[]>([]);
  const institutions = useLoad(
    () => call(api.GET('/institutions', { params: { query: { pageSize: 100 } } })),
    [],
  );
  const offerings = useLoad(
    () =>
      call(
        api.GET('/offerings', {
          params: {
            query: {
              pageSize: 50,
              q: filters.q || undefined,
              institution: filters.institution || undefined,
              sector: (filters.sector || undefined) as Offering['sector'] | undefined,
              period: filters.period || undefined,
              language: (filters.language || undefined) as Offering['language'] | undefined,
              minCredits: filters.minCredits === '' ? undefined : Number(filters.minCredits),
              maxCredits: filters.maxCredits === '' ? undefined : Number(filters.maxCredits),
            },
          },
        }),
      ),
    [filters],
  );
  const set = (key: keyof Filters) => (value: string | number) =>
    setForm((f) => ({ ...f, [key]: value }));
  const search = (event: FormEvent) => {
    event.preventDefault();
    // A copy, so that searching again with the same words asks the API again: places change meanwhile.
    setFilters({ ...form });
  };
  const any = { value: '', label: t('catalogue.any') };

  return (
    <Stack>
      <Title order={2}>{t('catalogue.title')}</Title>
      <form onSubmit={search} aria-label={t('catalogue.search')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <TextInput
            label={t('catalogue.q')}
            value={form.q}
            onChange={(e) => set('q')(e.currentTarget.value)}
          />
          <NativeSelect
            label={t('catalogue.institution')}
            value={form.institution}
            onChange={(e) => set('institution')(e.currentTarget.value)}
            data={[
              any,
              ...(institutions.data?.items ?? []).map((i) => ({ value: i.code, label: i.name })),
            ]}
          />
          <NativeSelect
            label={t('catalogue.sector')}
            value={form.sector}
            onChange={(e) => set('sector')(e.currentTarget.value)}
            data={[any, 'mbo', 'hbo', 'wo']}
          />
          <TextInput
            label={t('catalogue.period')}
            value={form.period}
            onChange={(e) => set('period')(e.currentTarget.value)}
          />
          <NativeSelect
            label={t('catalogue.language')}
            value={form.language}
            onChange={(e) => set('language')(e.currentTarget.value)}
            data={[
              any,
              { value: 'nl', label: t('catalogue.lang_nl') },
              { value: 'en', label: t('catalogue.lang_en') },
            ]}
          />
          <NumberInput
            label={t('catalogue.minCredits')}
            min={0}
            value={form.minCredits}
            onChange={set('minCredits')}
          />
          <NumberInput
            label={t('catalogue.maxCredits')}
            min={0}
            value={form.maxCredits}
            onChange={set('maxCredits')}
          />
        </SimpleGrid>
        <Group mt="sm">
          <Button type="submit">{t('catalogue.search')}</Button>
        </Group>
      </form>
      <ProblemAlert error={offerings.error} />
      <Text role="status">
        {offerings.data &&
          (offerings.data.total === 0
            ? t('catalogue.none')
            : t('catalogue.results', { count: offerings.data.total }))}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {(offerings.data?.items ?? []).map((o) => {
          const added = chosen.some((c) => c.id === o.id);
          return (
            <Card key={o.id} withBorder component="article" aria-labelledby={`offering-${o.id}`}>
              <Title order={3} size="h4" id={`offering-${o.id}`}>
                {o.title}
              </Title>
              <Text size="sm">
                {o.institutionName} · {o.code} · {o.period}
              </Text>
              <Group gap="xs" my="xs">
                <Badge variant="outline" color="dark">
                  {formatCredits(o.credits, o.creditUnit)}
                </Badge>
                <Badge variant="outline" color="dark">
                  {o.sector}
                </Badge>
                <Badge variant="outline" color="dark">
                  {o.language === 'nl' ? t('catalogue.lang_nl') : t('catalogue.lang_en')}
                </Badge>
              </Group>
              <Text size="sm">{o.description}</Text>
              <Text size="sm" mt="xs">
                {t('catalogue.placesLeft', { count: o.placesLeft })} ·{' '}
                {t('catalogue.deadline', { date: formatDate(o.enrolmentDeadline) })}
              </Text>
              <Button
                mt="sm"
                variant={added ? 'light' : 'filled'}
                disabled={added}
                onClick={() => setChosen((c) => [...c, o])}
                aria-label={`${added ? t('catalogue.added') : t('catalogue.add')}: ${o.title}`}
              >
                {added ? t('catalogue.added') : t('catalogue.add')}
              </Button>
            </Card>
          );
        })}
      </SimpleGrid>
      <ComposeRequest
        chosen={chosen}
        onRemove={(id) => setChosen((c) => c.filter((o) => o.id !== id))}
      />
    </Stack>
  );
}
