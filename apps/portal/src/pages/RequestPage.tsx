import { Anchor, Badge, Card, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Schemas, api, call } from '../api/client';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatCredits, formatDate, formatDateTime } from '../format';
import { href } from '../route';
import { useSession } from '../session';
import { useLoad } from '../useLoad';
import { ComponentActions } from './ComponentActions';
import { inboxesOf } from './InboxPage';

type Component = Schemas['ComponentViewDto'];

/** What happened to one component, as its parties recorded it: approval, rejection, result, recognition. */
function ComponentFacts({ c }: { c: Component }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      {c.decisionDueAt && c.state === 'awaiting_approval' && (
        <Text size="sm">{t('request.decisionDue', { date: formatDate(c.decisionDueAt) })}</Text>
      )}
      {['approved', 'awaiting_admission', 'waitlisted'].includes(c.state) && (
        <Text size="sm">
          {t('request.enrolmentDeadline', { date: formatDate(c.offering.enrolmentDeadline) })}
        </Text>
      )}
      {c.waitingListPosition !== null && (
        <Text size="sm">
          {t('request.waitingListPosition', { position: c.waitingListPosition })}
        </Text>
      )}
      {c.motivation && (
        <Text size="sm">
          <strong>{t('request.componentMotivation')}:</strong> {c.motivation}
        </Text>
      )}
      {c.approval?.credits != null && c.approval.creditUnit && (
        <Text size="sm">
          {t('request.approval', {
            credits: formatCredits(c.approval.credits, c.approval.creditUnit),
            placement: c.approval.placement
              ? t(`compose.countsAs.${c.approval.placement}`, {
                  defaultValue: c.approval.placement,
                })
              : '–',
          })}
        </Text>
      )}
      {c.enrolmentReference && (
        <Text size="sm">
          {t('request.enrolmentReference', { reference: c.enrolmentReference })}
        </Text>
      )}
      {c.rejection && (
        <Card withBorder bg="red.0" data-testid="rejection">
          <Text fw={600}>
            {t('request.rejection', {
              date: formatDate(c.rejection.at),
              by: c.rejection.decidedBy,
            })}
          </Text>
          {c.rejection.motivation && <Text>{c.rejection.motivation}</Text>}
          <Text size="sm">
            {t('request.appeal', {
              until: formatDate(c.rejection.appeal.until),
              to: c.rejection.appeal.to,
            })}
          </Text>
          {c.rejection.objectionUntil && (
            <Text size="sm">
              {t('request.objectionUntil', { date: formatDate(c.rejection.objectionUntil) })}
            </Text>
          )}
        </Card>
      )}
      {c.result && (
        <Text size="sm">
          {t('request.result', {
            grade: c.result.grade,
            passed: c.result.passed ? t('request.passed') : t('request.failed'),
            credits: formatCredits(c.result.credits, c.result.creditUnit),
          })}
        </Text>
      )}
      {c.recognition && (
        <Group grow align="start">
          <Card withBorder>
            <Text size="sm" fw={600}>
              {t('request.original')}
            </Text>
            <Text size="sm">
              {c.recognition.originalGrade} ·{' '}
              {formatCredits(c.recognition.originalCredits, c.recognition.originalCreditUnit)}
            </Text>
          </Card>
          <Card withBorder>
            <Text size="sm" fw={600}>
              {t('request.recognised')}
            </Text>
            <Text size="sm">
              {formatCredits(c.recognition.recognisedCredits, c.recognition.recognisedCreditUnit)} ·{' '}
              {c.recognition.conversionRule}
            </Text>
            <Text size="sm">
              {t('request.reference')}: {c.recognition.decisionReference}
            </Text>
          </Card>
        </Group>
      )}
      {c.registration && (
        <Text size="sm">
          {t('request.registered', { date: formatDate(c.registration.registeredAt) })}
        </Text>
      )}
    </Stack>
  );
}

/** One request as one timeline across the home exam board, the host, the result and the recognition. */
export function RequestPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { actor } = useSession();
  const request = useLoad(
    () => call(api.GET('/requests/{id}', { params: { path: { id } } })),
    [id],
  );
  const r = request.data;
  const back =
    actor?.role === 'student'
      ? href('requests')
      : href('inbox', ...inboxesOf(actor?.role ?? '').slice(0, 1));
  return (
    <Stack>
      <Anchor href={back}>← {t('request.back')}</Anchor>
      <ProblemAlert error={request.error} />
      {r && (
        <>
          <Title order={2}>
            {t('request.title')}: {r.student.name}
          </Title>
          <Group gap="xs">
            <Badge variant="outline" color="dark">
              {t(`status.${r.status}`)}
            </Badge>
            <Text size="sm">
              {t('request.home')}: {r.homeInstitution.name}
              {r.homeProgramme && ` · ${t('request.programme')}: ${r.homeProgramme.name}`}
            </Text>
          </Group>
          {(r.student.studentNumber || r.student.email) && (
            <Text size="sm" data-testid="student">
              {r.student.studentNumber &&
                `${t('request.studentNumber')}: ${r.student.studentNumber}`}
              {r.student.studentNumber && r.student.email && ' · '}
              {r.student.email && `${t('request.email')}: ${r.student.email}`}
            </Text>
          )}
          {r.motivation && (
            <Text>
              <strong>{t('request.motivation')}:</strong> {r.motivation}
            </Text>
          )}
          {r.components.map((c) => (
            <Card
              key={c.id}
              withBorder
              component="section"
              aria-labelledby={`component-${c.id}`}
              data-component={c.id}
            >
              <Group justify="space-between" align="start">
                <Title order={3} size="h4" id={`component-${c.id}`}>
                  {c.offering.title} · {c.host.name}
                </Title>
                <Group gap="xs">
                  <Badge color="indigo">{t('request.route', { route: c.route })}</Badge>
                  <Badge variant="outline" color="dark" data-testid="state">
                    {t(`state.${c.state}`)}
                  </Badge>
                </Group>
              </Group>
              <Text size="sm" mb="xs">
                {c.offering.code} · {c.offering.period} ·{' '}
                {formatCredits(c.offering.credits, c.offering.creditUnit)}
              </Text>
              <ComponentFacts c={c} />
              {actor && (
                <ComponentActions actor={actor} request={r} component={c} onDone={request.reload} />
              )}
            </Card>
          ))}
          <Title order={3} size="h4">
            {t('request.timeline')}
          </Title>
          <Timeline bulletSize={14} lineWidth={2}>
            {r.timeline.map((entry, i) => (
              <Timeline.Item
                key={i}
                title={`${formatDateTime(entry.at)} · ${t(`state.${entry.to}`, { defaultValue: entry.to })}`}
              >
                <Text size="sm">
                  {t(`event.${entry.event}`, { defaultValue: entry.event })} ·{' '}
                  {t(`role.${entry.actor.role}`)} ({entry.actor.institutionCode})
                </Text>
                {entry.motivation && <Text size="sm">{entry.motivation}</Text>}
              </Timeline.Item>
            ))}
          </Timeline>
        </>
      )}
    </Stack>
  );
}
