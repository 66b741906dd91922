import { HOST_INSTITUTION } from '../config/host-config';
import { AdmissionAction, actionsFrom } from '../admissions/association-states';
import type { AssociationEntity, OfferingEntity, ResultEntity } from '../database/entities';

/** The staff screen's pages: plain server-rendered HTML, native forms with labels, usable by keyboard alone. */

export interface AssociationRow {
  association: AssociationEntity;
  result: ResultEntity | null;
  callback: 'delivered' | 'waiting' | 'abandoned' | 'none';
}

export interface OfferingRow {
  offering: OfferingEntity;
  enrolled: number;
}

export interface OfferingView extends OfferingRow {
  /** What the last change did (after its redirect), or what stopped it. */
  notice?: { kind: 'status' | 'alert'; text: string };
}

export interface AssociationView extends AssociationRow {
  history: ResultEntity[];
  /** What the last action did (after its redirect), or what stopped it. */
  notice?: { kind: 'status' | 'alert'; text: string };
}

const ACTION_LABELS: Record<AdmissionAction, string> = {
  admit: 'Admit',
  deny: 'Deny',
  queue: 'Put on the waiting list',
  cancel: 'Cancel the enrolment',
};

export function listPage(rows: AssociationRow[], offerings: OfferingRow[]): string {
  const body = rows.length
    ? `<table>
<caption>Requests from other institutions, newest first</caption>
<thead><tr><th scope="col">Received</th><th scope="col">Student</th><th scope="col">Home institution</th><th scope="col">Offering</th><th scope="col">State</th><th scope="col">Result</th><th scope="col">Caller told</th></tr></thead>
<tbody>
${rows
  .map(
    ({ association: a, result, callback }) => `<tr>
<td>${escape(a.createdAt.toISOString().slice(0, 16).replace('T', ' '))}</td>
<td><a href="/staff/associations/${a.id}">${escape(personName(a.person))}</a></td>
<td>${escape(issuerName(a.issuer))}</td>
<td>${escape(offeringName(a))}</td>
<td>${a.state}</td>
<td>${result ? escape(resultText(result)) : ''}</td>
<td>${callback}</td>
</tr>`,
  )
  .join('\n')}
</tbody>
</table>`
    : '<p>No requests yet.</p>';
  return page(
    'Admissions',
    `<h1>Admissions</h1>
${body}
<h2>Offerings</h2>
<table>
<caption>Places per offering (follow a code to change the offering)</caption>
<thead><tr><th scope="col">Code</th><th scope="col">Course</th><th scope="col">Period</th><th scope="col">Enrolment ends</th><th scope="col">Enrolled</th><th scope="col">Places</th></tr></thead>
<tbody>
${offerings
  .map(
    ({ offering: o, enrolled }) =>
      `<tr><td><a href="/staff/offerings/${o.id}">${escape(o.code)}</a></td><td>${escape(o.course?.name ?? '')}</td><td>${escape(o.period)}</td><td>${o.enrolEndDate}</td><td>${enrolled}</td><td>${o.places}</td></tr>`,
  )
  .join('\n')}
</tbody>
</table>`,
  );
}

export function detailPage(view: AssociationView): string {
  const a = view.association;
  const base = `/staff/associations/${a.id}`;
  const person = a.person;
  const code = (person.primaryCode ?? {}) as { codeType?: unknown; code?: unknown };
  const actions = actionsFrom(a.state);
  const decisionForms = actions
    .map((action) => {
      const reason =
        action === 'admit'
          ? ''
          : `<label for="reason-${action}">Reason${action === 'deny' ? ' (the student reads it)' : ' (optional)'}</label>
<textarea id="reason-${action}" name="reason" rows="2" cols="50"${action === 'deny' ? ' required' : ''}></textarea>`;
      return `<form method="post" action="${base}/decisions">
<input type="hidden" name="action" value="${action}">
${reason}
<button type="submit">${ACTION_LABELS[action]}</button>
</form>`;
    })
    .join('\n');
  const resultForm =
    a.state === 'associated'
      ? `<h2>${view.result ? 'Correct the result' : 'Record the result'}</h2>
<form method="post" action="${base}/results">
<p><label for="score">Grade (1 to 10, one decimal)</label>
<input id="score" name="score" type="number" min="1" max="10" step="0.1" required></p>
<fieldset><legend>Passed?</legend>
<input type="radio" id="pass-yes" name="pass" value="passed" required><label for="pass-yes">Passed</label>
<input type="radio" id="pass-no" name="pass" value="failed"><label for="pass-no">Failed</label>
</fieldset>
<p><label for="resultDate">Date of the result</label>
<input id="resultDate" name="resultDate" type="date" required></p>
<p><input type="checkbox" id="final" name="final" value="yes" checked><label for="final">Final result</label></p>
<button type="submit">${view.result ? 'Record the corrected result' : 'Record the result'}</button>
</form>`
      : '';
  const history = view.history.length
    ? `<h2>Results</h2>
<table>
<caption>Recorded results, newest first (the first one is in force)</caption>
<thead><tr><th scope="col">Grade</th><th scope="col">Passed</th><th scope="col">Date</th><th scope="col">Final</th><th scope="col">Recorded</th></tr></thead>
<tbody>
${view.history
  .map(
    (r) =>
      `<tr><td>${r.score.toFixed(1)}</td><td>${r.pass ? 'yes' : 'no'}</td><td>${r.resultDate}</td><td>${r.final ? 'yes' : 'no'}</td><td>${escape(`${r.recordedAt.toISOString().slice(0, 16).replace('T', ' ')} by ${r.recordedBy}`)}</td></tr>`,
  )
  .join('\n')}
</tbody>
</table>`
    : '';
  const notice = view.notice
    ? `<p role="${view.notice.kind}" class="${view.notice.kind}">${escape(view.notice.text)}</p>`
    : '';
  return page(
    `${personName(person)}: ${offeringName(a)}`,
    `<p><a href="/staff">All requests</a></p>
<h1>${escape(personName(person))}</h1>
${notice}
<dl>
<dt>Offering</dt><dd>${escape(offeringName(a))}</dd>
<dt>Enrolment ends</dt><dd>${a.offering?.enrolEndDate ?? ''}</dd>
<dt>State</dt><dd id="state">${a.state}${a.reason ? ` (${escape(a.reason)})` : ''}</dd>
<dt>E-mail</dt><dd>${escape(textOf(person.mail))}</dd>
<dt>${escape(textOf(code.codeType) || 'Code')}</dt><dd>${escape(textOf(code.code))}</dd>
<dt>Home institution</dt><dd>${escape(issuerName(a.issuer))}</dd>
<dt>Received</dt><dd>${escape(`${a.createdAt.toISOString()} from ${a.createdBy}`)}</dd>
<dt>Caller told of the last change</dt><dd>${view.callback}</dd>
<dt>Association id</dt><dd><code>${a.id}</code></dd>
</dl>
${actions.length ? `<h2>Decide</h2>\n${decisionForms}` : ''}
${resultForm}
${history}`,
  );
}

/** One offering of the catalogue, with a form to change its places, last day to enrol and description. */
export function offeringPage({ offering: o, enrolled, notice }: OfferingView): string {
  const name = `${o.course?.name ?? o.code} (${o.period})`;
  const shown = notice
    ? `<p role="${notice.kind}" class="${notice.kind}">${escape(notice.text)}</p>`
    : '';
  return page(
    name,
    `<p><a href="/staff">All requests and offerings</a></p>
<h1>${escape(name)}</h1>
${shown}
<dl>
<dt>Code</dt><dd>${escape(o.code)}</dd>
<dt>Runs</dt><dd>${o.startDate} to ${o.endDate}</dd>
<dt>Enrolled</dt><dd>${enrolled}</dd>
</dl>
<h2>Change the offering</h2>
<p>Callers that read the catalogue (Leerroutes) see the change at their next synchronisation.</p>
<form method="post" action="/staff/offerings/${o.id}">
<p><label for="places">Places</label>
<input id="places" name="places" type="number" min="0" step="1" value="${o.places}" required></p>
<p><label for="enrolEndDate">Last day to enrol</label>
<input id="enrolEndDate" name="enrolEndDate" type="date" max="${o.endDate}" value="${o.enrolEndDate}" required></p>
<p><label for="description">Description</label>
<textarea id="description" name="description" rows="3" cols="60" required>${escape(o.description)}</textarea></p>
<button type="submit">Save the offering</button>
</form>`,
  );
}

export function errorPage(title: string, detail: string): string {
  return page(
    title,
    `<h1>${escape(title)}</h1>\n<p role="alert">${escape(detail)}</p>\n<p><a href="/staff">All requests</a></p>`,
  );
}

function page(title: string, main: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · ${HOST_INSTITUTION.name} (demo)</title>
<style>
body { font-family: system-ui, sans-serif; margin: 1rem 2rem; max-width: 70rem; }
table { border-collapse: collapse; margin-bottom: 1.5rem; }
th, td { border: 1px solid #999; padding: 0.25rem 0.5rem; text-align: left; }
caption { text-align: left; font-weight: bold; margin-bottom: 0.25rem; }
form { margin: 0.75rem 0; }
label { display: inline-block; margin-right: 0.5rem; }
textarea { display: block; }
dt { font-weight: bold; } dd { margin: 0 0 0.5rem 1rem; }
:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
.status { color: #1b5e20; } .alert { color: #b71c1c; }
</style>
</head>
<body>
<header><p>${HOST_INSTITUTION.name}: admissions office and registrar (demo institution system)</p></header>
<main>
${main}
</main>
</body>
</html>`;
}

export function personName(person: Record<string, unknown>): string {
  if (typeof person.displayName === 'string' && person.displayName) return person.displayName;
  const parts = [person.givenName, person.surnamePrefix, person.surname].filter(
    (p): p is string => typeof p === 'string' && p !== '',
  );
  return parts.length ? parts.join(' ') : textOf(person.mail) || 'unnamed';
}

function issuerName(issuer: Record<string, unknown> | null): string {
  if (!issuer) return '';
  if (typeof issuer.shortName === 'string') return issuer.shortName;
  const code = issuer.primaryCode as { code?: unknown } | undefined;
  return textOf(code?.code);
}

function offeringName(a: AssociationEntity): string {
  const o = a.offering;
  return o ? `${o.course?.name ?? o.code} (${o.period})` : a.offeringId;
}

function resultText(r: ResultEntity): string {
  return `${r.score.toFixed(1)} ${r.pass ? 'passed' : 'failed'}${r.final ? '' : ' (provisional)'}`;
}

/** A value as received from a caller, shown only when it is a plain string or number. */
function textOf(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
