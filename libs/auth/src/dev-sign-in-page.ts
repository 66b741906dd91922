import { ROLES } from '@lr/domain';
import type { SignedInPerson } from '@lr/institutions';

/** What the development issuer's sign-in page shows for one realm (one institution). */
export interface DevRealmPage {
  institutionName: string;
  people: SignedInPerson[];
  programmes: { code: string; name: string }[];
  /** Where the page posts to: the interaction it belongs to. */
  action: string;
  /** Why the last attempt was refused, shown above the form. */
  problem?: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function html(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * The development issuer's sign-in page: the realm's demo people, one button each, and a form to sign in as a
 * new person. Plain HTML forms, so it works with the keyboard and without script.
 */
export function devSignInPage(page: DevRealmPage): string {
  const people = page.people
    .map(
      (p) =>
        `<li><button type="submit" name="person" value="${html(p.id)}">${html(p.name)}</button> <span>${html(p.role)}${
          p.programmeCodes.length > 0 ? ` · ${html(p.programmeCodes.join(', '))}` : ''
        }</span></li>`,
    )
    .join('');
  const roles = ROLES.map((r) => `<option value="${r}">${r}</option>`).join('');
  const programmes = page.programmes
    .map((p) => `<option value="${html(p.code)}">${html(p.name)} (${html(p.code)})</option>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in at ${html(page.institutionName)} (development)</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}
li{margin:.3rem 0}label{display:block;margin:.5rem 0}button:focus,input:focus,select:focus{outline:3px solid #1c7ed6}
.problem{color:#a61e1e;font-weight:bold}</style>
</head>
<body>
<main>
<h1>Sign in at ${html(page.institutionName)}</h1>
<p>Development identity provider: it signs anyone in, as the institution's own provider would describe them.</p>
${page.problem ? `<p class="problem" role="alert">${html(page.problem)}</p>` : ''}
<h2>Demo people</h2>
<form method="post" action="${html(page.action)}"><ul>${people}</ul></form>
<h2>A new person</h2>
<form method="post" action="${html(page.action)}">
<label>Name <input name="name" required autocomplete="off"></label>
<label>E-mail <input name="email" type="email" required autocomplete="off"></label>
<label>Role <select name="role">${roles}</select></label>
<label>Programme (students and exam boards) <select name="programme"><option value="">none</option>${programmes}</select></label>
<button type="submit" name="new" value="yes">Sign in as this person</button>
</form>
</main>
</body>
</html>`;
}
