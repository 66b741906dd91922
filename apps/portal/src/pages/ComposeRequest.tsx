import {
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Schemas, api, call } from '../api/client';
import { ProblemAlert, fieldError } from '../components/ProblemAlert';
import { formatCredits } from '../format';
import { navigate } from '../route';

type Offering = Schemas['OfferingDto'];
type CountsAs = Schemas['ComponentDraftDto']['countsAs'];
const COUNTS_AS: CountsAs[] = ['elective-space', 'minor', 'replacement'];

/** One request with a component per chosen unit: where each should count and why, then submit. */
export function ComposeRequest({
  chosen,
  onRemove,
}: {
  chosen: Offering[];
  onRemove: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [motivation, setMotivation] = useState('');
  const [parts, setParts] = useState<
    Record<string, { countsAs: CountsAs; replacesUnit: string; motivation: string }>
  >({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const part = (id: string) =>
    parts[id] ?? { countsAs: 'elective-space', replacesUnit: '', motivation: '' };
  const update = (id: string, change: Partial<ReturnType<typeof part>>) =>
    setParts((p) => ({ ...p, [id]: { ...part(id), ...change } }));

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const draft = await call(
        api.POST('/requests', {
          body: {
            motivation,
            components: chosen.map((o) => ({
              offeringId: o.id,
              countsAs: part(o.id).countsAs,
              ...(part(o.id).countsAs === 'replacement'
                ? { replacesUnit: part(o.id).replacesUnit }
                : {}),
              motivation: part(o.id).motivation,
            })),
          },
        }),
      );
      await call(
        api.POST('/requests/{id}/submit', { params: { path: { id: draft.id } }, body: {} }),
      );
      navigate('requests', draft.id);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder component="section" aria-labelledby="compose-title">
      <Title order={2} size="h3" id="compose-title">
        {t('compose.title')}
      </Title>
      {chosen.length === 0 ? (
        <Text>{t('compose.empty')}</Text>
      ) : (
        <Stack>
          {chosen.map((o, index) => (
            <Card key={o.id} withBorder>
              <Group justify="space-between">
                <Text fw={600}>
                  {o.title} ({o.institutionName}, {formatCredits(o.credits, o.creditUnit)})
                </Text>
                <Button
                  variant="subtle"
                  color="red"
                  onClick={() => onRemove(o.id)}
                  aria-label={`${t('compose.remove')}: ${o.title}`}
                >
                  {t('compose.remove')}
                </Button>
              </Group>
              <NativeSelect
                label={t('compose.countsAs')}
                value={part(o.id).countsAs}
                onChange={(e) => update(o.id, { countsAs: e.currentTarget.value as CountsAs })}
                data={COUNTS_AS.map((value) => ({ value, label: t(`compose.countsAs.${value}`) }))}
                error={fieldError(error, `components.${index}.countsAs`)}
              />
              {part(o.id).countsAs === 'replacement' && (
                <TextInput
                  label={t('compose.replacesUnit')}
                  value={part(o.id).replacesUnit}
                  onChange={(e) => update(o.id, { replacesUnit: e.currentTarget.value })}
                  error={fieldError(error, `components.${index}.replacesUnit`)}
                />
              )}
              <Textarea
                label={t('compose.componentMotivation')}
                value={part(o.id).motivation}
                onChange={(e) => update(o.id, { motivation: e.currentTarget.value })}
                error={fieldError(error, `components.${index}.motivation`)}
              />
            </Card>
          ))}
          <Textarea
            label={t('compose.motivation')}
            value={motivation}
            onChange={(e) => setMotivation(e.currentTarget.value)}
            error={fieldError(error, 'motivation')}
            autosize
            minRows={3}
          />
          <ProblemAlert error={error} />
          <Group>
            <Button onClick={() => void submit()} loading={busy}>
              {t('compose.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}
