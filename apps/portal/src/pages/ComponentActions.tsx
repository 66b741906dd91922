import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Schemas, api, call } from '../api/client';
import { ProblemAlert, fieldError } from '../components/ProblemAlert';
import { formatCredits } from '../format';

type Actor = Schemas['ActorDto'];
type Request = Schemas['RequestViewDto'];
type Component = Schemas['ComponentViewDto'];

interface Props {
  actor: Actor;
  request: Request;
  component: Component;
  onDone: () => void;
}

/** A button of a decision: its label, what it does, and whether it says no. */
type Choice = [label: string, act: () => void, refusal?: boolean];

const WITHDRAWABLE = ['awaiting_approval', 'approved', 'awaiting_admission', 'waitlisted'];

/** The next step this person can take on this component, if any; the API decides whether it is allowed. */
export function ComponentActions({ actor, request, component: c, onDone }: Props) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [text, setText] = useState('');
  const [credits, setCredits] = useState<number | string>('');
  const [grade, setGrade] = useState('');
  const [passed, setPassed] = useState(true);
  const [final, setFinal] = useState(true);
  const path = { id: request.id, componentId: c.id };
  const expectedVersion = c.version;
  const optionalCredits = credits === '' ? {} : { credits: Number(credits) };
  const offered = formatCredits(c.offering.credits, c.offering.creditUnit);

  /** Runs one call; keeps the API's problem for the fields and the alert, and reloads the request after. */
  const run = (action: () => Promise<unknown>) => () => {
    setBusy(true);
    setError(undefined);
    action()
      .then(onDone)
      .catch(setError)
      .finally(() => setBusy(false));
  };
  const box = (...children: ReactNode[]) => (
    <Stack gap="xs" mt="sm" p="sm" style={{ borderTop: '1px solid #ced4da' }}>
      {children}
      <ProblemAlert error={error} />
    </Stack>
  );
  const textField = (label: string, field: string) => (
    <Textarea
      key="text"
      label={label}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      error={fieldError(error, field)}
    />
  );
  const creditsField = (label: string, description?: string) => (
    <NumberInput
      key="credits"
      label={label}
      min={0}
      value={credits}
      onChange={setCredits}
      error={fieldError(error, 'credits')}
      description={description}
    />
  );
  const buttons = (...choices: Choice[]) => (
    <Group key="buttons">
      {choices.map(([label, act, refusal]) => (
        <Button
          key={label}
          loading={busy}
          onClick={act}
          {...(refusal ? { color: 'red', variant: 'outline' } : {})}
        >
          {label}
        </Button>
      ))}
    </Group>
  );

  if (actor.role === 'student' && WITHDRAWABLE.includes(c.state)) {
    const withdraw = run(() =>
      call(
        api.POST('/requests/{id}/components/{componentId}/withdraw', {
          params: { path },
          body: {},
        }),
      ),
    );
    return box(buttons([t('request.withdrawComponent'), withdraw, true]));
  }
  if (
    actor.role === 'student' &&
    c.state === 'rejected_by_exam_board' &&
    c.rejection?.objectionUntil
  ) {
    const object = run(() =>
      call(
        api.POST('/requests/{id}/components/{componentId}/objection', {
          params: { path },
          body: { grounds: text, expectedVersion },
        }),
      ),
    );
    return box(
      textField(t('request.objectionGrounds'), 'grounds'),
      buttons([t('request.objection'), object]),
    );
  }
  const motivation = text ? { motivation: text } : {};
  if (actor.role === 'exam-board' && c.state === 'awaiting_approval') {
    const decide = (decision: 'approve' | 'reject') =>
      run(() =>
        call(
          api.POST('/requests/{id}/components/{componentId}/approval', {
            params: { path },
            body: { decision, expectedVersion, ...optionalCredits, ...motivation },
          }),
        ),
      );
    return box(
      creditsField(t('decide.credits'), offered),
      textField(t('decide.motivation'), 'motivation'),
      buttons(
        [t('decide.approve'), decide('approve')],
        [t('decide.reject'), decide('reject'), true],
      ),
    );
  }
  if (actor.role === 'exam-board' && c.state === 'awaiting_recognition') {
    const decide = (decision: 'recognise' | 'refuse') =>
      run(() =>
        call(
          api.POST('/requests/{id}/components/{componentId}/recognition', {
            params: { path },
            body: { decision, expectedVersion, ...optionalCredits, ...motivation },
          }),
        ),
      );
    const approved =
      c.approval?.credits != null && c.approval.creditUnit
        ? formatCredits(c.approval.credits, c.approval.creditUnit)
        : '–';
    const obtained = c.result
      ? `${c.result.grade} · ${formatCredits(c.result.credits, c.result.creditUnit)}`
      : '–';
    // The original result and the credits the approval promised, side by side.
    return box(
      <Group key="compare" grow align="start">
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {t('request.original')}
          </Text>
          <Text size="sm" data-testid="obtained">
            {obtained}
          </Text>
        </Stack>
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {t('decide.approvedCredits')}
          </Text>
          <Text size="sm" data-testid="approved">
            {approved}
          </Text>
        </Stack>
      </Group>,
      creditsField(t('decide.credits')),
      textField(t('decide.motivation'), 'motivation'),
      buttons(
        [t('decide.recognise'), decide('recognise')],
        [t('decide.refuseRecognition'), decide('refuse'), true],
      ),
    );
  }
  if (
    actor.role === 'host-admissions' &&
    (c.state === 'awaiting_admission' || c.state === 'waitlisted')
  ) {
    const decide = (decision: 'admit' | 'refuse') =>
      run(() =>
        call(
          api.POST('/requests/{id}/components/{componentId}/admission', {
            params: { path },
            body: { decision, expectedVersion, ...(text ? { reason: text } : {}) },
          }),
        ),
      );
    return box(
      textField(t('decide.reason'), 'reason'),
      buttons([t('decide.admit'), decide('admit')], [t('decide.refuse'), decide('refuse'), true]),
    );
  }
  if (
    actor.role === 'registrar' &&
    actor.institutionCode === c.host.code &&
    c.state === 'enrolled'
  ) {
    const record = run(() =>
      call(
        api.POST('/requests/{id}/components/{componentId}/result', {
          params: { path },
          body: {
            grade,
            passed,
            final,
            // An empty field goes as not-a-number, so the API names the field rather than the portal guessing.
            credits: credits === '' ? Number.NaN : Number(credits),
            expectedVersion,
          },
        }),
      ),
    );
    return box(
      <TextInput
        key="grade"
        label={t('decide.grade')}
        value={grade}
        onChange={(e) => setGrade(e.currentTarget.value)}
        error={fieldError(error, 'grade')}
      />,
      creditsField(t('decide.resultCredits'), offered),
      <Checkbox
        key="passed"
        label={t('decide.passed')}
        checked={passed}
        onChange={(e) => setPassed(e.currentTarget.checked)}
      />,
      <Checkbox
        key="final"
        label={t('decide.final')}
        checked={final}
        onChange={(e) => setFinal(e.currentTarget.checked)}
      />,
      buttons([t('decide.recordResult'), record]),
    );
  }
  if (
    actor.role === 'registrar' &&
    actor.institutionCode === request.homeInstitution.code &&
    c.state === 'recognised'
  ) {
    const register = run(() =>
      call(
        api.POST('/requests/{id}/components/{componentId}/registration', {
          params: { path },
          body: {},
        }),
      ),
    );
    return box(buttons([t('decide.register'), register]));
  }
  return null;
}
