import {
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Schemas, api, call } from '../api/client';
import { ProblemAlert, fieldError } from '../components/ProblemAlert';

type Managed = Schemas['ManagedOfferingDto'];
type Programme = Schemas['InstitutionDetailDto']['programmes'][number];
type Language = Schemas['CreateOfferingDto']['language'];

/** A number field's value for the API: left empty, it is left out and the API names the field. */
const numberOrUndefined = (value: number | string) => (value === '' ? undefined : Number(value));

/** Changes the title, description, capacity or deadline of one offering, on the version the admin saw. */
export function EditOffering({
  offering: o,
  onSaved,
  onCancel,
}: {
  offering: Managed;
  onSaved: (saved: Managed) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(o.title);
  const [description, setDescription] = useState(o.description);
  const [capacity, setCapacity] = useState<number | string>(o.capacity);
  const [deadline, setDeadline] = useState(o.enrolmentDeadline);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const save = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    // Only what changed, so that a field the admin left alone is never written back over someone else's.
    const body = {
      expectedVersion: o.version,
      ...(title !== o.title ? { title } : {}),
      ...(description !== o.description ? { description } : {}),
      ...(capacity !== o.capacity ? { capacity: numberOrUndefined(capacity) } : {}),
      ...(deadline !== o.enrolmentDeadline ? { enrolmentDeadline: deadline } : {}),
    };
    call(api.PATCH('/admin/offerings/{id}', { params: { path: { id: o.id } }, body }))
      .then(onSaved)
      .catch(setError)
      .finally(() => setBusy(false));
  };

  return (
    <form onSubmit={save} aria-label={t('manage.editTitle', { title: o.title })}>
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('manage.field.title')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={fieldError(error, 'title')}
          />
          <NumberInput
            label={t('manage.field.capacity')}
            description={t('manage.field.capacityHint', { taken: o.placesTaken })}
            min={1}
            allowDecimal={false}
            value={capacity}
            onChange={setCapacity}
            error={fieldError(error, 'capacity')}
          />
          <TextInput
            type="date"
            label={t('manage.field.deadline')}
            value={deadline}
            onChange={(e) => setDeadline(e.currentTarget.value)}
            error={fieldError(error, 'enrolmentDeadline')}
          />
        </SimpleGrid>
        <Textarea
          label={t('manage.field.description')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={fieldError(error, 'description')}
          autosize
          minRows={2}
        />
        <ProblemAlert error={error} />
        <Group>
          <Button type="submit" loading={busy}>
            {t('common.save')}
          </Button>
          <Button variant="subtle" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const EMPTY = {
  code: '',
  programmeCode: '',
  title: '',
  description: '',
  credits: '' as number | string,
  period: '',
  language: 'nl' as Language,
  capacity: '' as number | string,
  waitingList: false,
  enrolmentDeadline: '',
  prerequisites: '',
};

/** A new offering for the admin's institution's catalogue, open for requests once added. */
export function NewOffering({
  programmes,
  creditUnit,
  onCreated,
}: {
  programmes: Programme[];
  creditUnit: 'EC' | 'hours';
  onCreated: (created: Managed) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const set =
    <K extends keyof typeof EMPTY>(key: K) =>
    (value: (typeof EMPTY)[K]) =>
      setForm((f) => ({ ...f, [key]: value }));
  const programme = form.programmeCode || programmes[0]?.code || '';

  const create = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const body = {
      ...form,
      programmeCode: programme,
      credits: numberOrUndefined(form.credits) as number,
      capacity: numberOrUndefined(form.capacity) as number,
      prerequisites: form.prerequisites
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    };
    call(api.POST('/admin/offerings', { body }))
      .then((created) => {
        setForm(EMPTY);
        onCreated(created);
      })
      .catch(setError)
      .finally(() => setBusy(false));
  };

  return (
    <Card withBorder component="section" aria-labelledby="new-offering-title">
      <Title order={3} id="new-offering-title">
        {t('manage.newTitle')}
      </Title>
      <form onSubmit={create}>
        <Stack gap="xs" mt="xs">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <TextInput
              label={t('manage.field.code')}
              description={t('manage.field.codeHint')}
              value={form.code}
              onChange={(e) => set('code')(e.currentTarget.value)}
              error={fieldError(error, 'code')}
            />
            <NativeSelect
              label={t('manage.field.programme')}
              value={programme}
              onChange={(e) => set('programmeCode')(e.currentTarget.value)}
              data={programmes.map((p) => ({ value: p.code, label: p.name }))}
              error={fieldError(error, 'programmeCode')}
            />
            <TextInput
              label={t('manage.field.title')}
              value={form.title}
              onChange={(e) => set('title')(e.currentTarget.value)}
              error={fieldError(error, 'title')}
            />
            <NumberInput
              label={t('manage.field.credits', {
                unit: creditUnit === 'EC' ? 'EC' : t('unit.hours'),
              })}
              min={0}
              decimalScale={2}
              value={form.credits}
              onChange={set('credits')}
              error={fieldError(error, 'credits')}
            />
            <TextInput
              label={t('manage.field.period')}
              description={t('manage.field.periodHint')}
              value={form.period}
              onChange={(e) => set('period')(e.currentTarget.value)}
              error={fieldError(error, 'period')}
            />
            <NativeSelect
              label={t('manage.field.language')}
              value={form.language}
              onChange={(e) => set('language')(e.currentTarget.value as Language)}
              data={[
                { value: 'nl', label: t('catalogue.lang_nl') },
                { value: 'en', label: t('catalogue.lang_en') },
              ]}
              error={fieldError(error, 'language')}
            />
            <NumberInput
              label={t('manage.field.capacity')}
              min={1}
              allowDecimal={false}
              value={form.capacity}
              onChange={set('capacity')}
              error={fieldError(error, 'capacity')}
            />
            <TextInput
              type="date"
              label={t('manage.field.deadline')}
              value={form.enrolmentDeadline}
              onChange={(e) => set('enrolmentDeadline')(e.currentTarget.value)}
              error={fieldError(error, 'enrolmentDeadline')}
            />
          </SimpleGrid>
          <Checkbox
            label={t('manage.field.waitingList')}
            checked={form.waitingList}
            onChange={(e) => set('waitingList')(e.currentTarget.checked)}
          />
          <Textarea
            label={t('manage.field.description')}
            value={form.description}
            onChange={(e) => set('description')(e.currentTarget.value)}
            error={fieldError(error, 'description')}
            autosize
            minRows={2}
          />
          <Textarea
            label={t('manage.field.prerequisites')}
            description={t('manage.field.prerequisitesHint')}
            value={form.prerequisites}
            onChange={(e) => set('prerequisites')(e.currentTarget.value)}
            error={fieldError(error, 'prerequisites')}
            autosize
            minRows={2}
          />
          <ProblemAlert error={error} />
          <Group>
            <Button type="submit" loading={busy}>
              {t('manage.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** Asks before an offering leaves the catalogue, saying what closing does and does not do. */
export function ConfirmClose({
  offering: o,
  onClosed,
  onCancel,
}: {
  offering: Managed;
  onClosed: (closed: Managed) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const close = () => {
    setBusy(true);
    setError(undefined);
    call(
      api.POST('/admin/offerings/{id}/close', {
        params: { path: { id: o.id } },
        body: { expectedVersion: o.version },
      }),
    )
      .then(onClosed)
      .catch(setError)
      .finally(() => setBusy(false));
  };
  return (
    <Stack gap="xs" role="group" aria-label={t('manage.close')}>
      <Text>{t('manage.closeConfirm', { title: o.title })}</Text>
      <ProblemAlert error={error} />
      <Group>
        <Button color="red" loading={busy} onClick={close}>
          {t('manage.closeYes')}
        </Button>
        <Button variant="subtle" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
