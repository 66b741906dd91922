import request from 'supertest';
import { runHostCli } from '../src/cli-commands';
import { DEMO_COURSES, DEMO_OFFERINGS } from '../src/database/seed-catalogue';
import { TestHost } from './test-host';

const [DATA_SCIENCE, WATER] = DEMO_OFFERINGS;

describe("the demo institution system: its staff keep the catalogue's offerings", () => {
  let host: TestHost;

  beforeAll(async () => {
    host = await TestHost.start({ LEERROUTES_URL: 'http://127.0.0.1:3999' });
  });
  afterAll(async () => {
    await host.stop();
  });

  /** The offering as the OOAPI serves it (the answer checked against the standard). */
  const served = async (offeringId: string, courseId: string) => {
    const { body } = await host.ooapi('get', `/courses/${courseId}/offerings`);
    return (body.items as { offeringId: string }[]).find(
      (o) => o.offeringId === offeringId,
    ) as unknown as {
      maxNumberStudents: number;
      enrollEndDate: string;
      description: { value: string }[];
    };
  };
  const staffPost = (id: string, form: Record<string, string>) =>
    request(host.url).post(`/staff/offerings/${id}`).type('form').send(form);

  it('changes places, last day to enrol and description on the staff screen, as the OOAPI then serves them', async () => {
    const list = await request(host.url).get('/staff').expect(200);
    expect(list.text).toContain(`href="/staff/offerings/${DATA_SCIENCE.id}"`);
    const form = await request(host.url).get(`/staff/offerings/${DATA_SCIENCE.id}`).expect(200);
    expect(form.text).toMatch(/<label for="places">Places<\/label>/);
    expect(form.text).toContain('value="30"');

    const saved = await staffPost(DATA_SCIENCE.id, {
      places: '24',
      enrolEndDate: '2027-01-22',
      description: 'Lectures, a lab, and a project with data of your own field.',
    }).expect(303);
    expect(saved.headers.location).toBe(`/staff/offerings/${DATA_SCIENCE.id}?done=saved`);
    expect((await request(host.url).get(saved.headers.location).expect(200)).text).toContain(
      '<p role="status" class="status">Saved.</p>',
    );
    expect(await served(DATA_SCIENCE.id, DEMO_COURSES[0].id)).toMatchObject({
      maxNumberStudents: 24,
      enrollEndDate: '2027-01-22',
      description: [{ value: 'Lectures, a lab, and a project with data of your own field.' }],
    });
  });

  it('refuses on the staff screen what an offering cannot have, and changes nothing', async () => {
    const before = await served(WATER.id, DEMO_COURSES[1].id);
    for (const wrong of [
      { places: '-1', enrolEndDate: WATER.enrolEndDate, description: 'x' },
      { places: '25', enrolEndDate: '2027-07-03', description: 'x' },
      { places: '25', enrolEndDate: WATER.enrolEndDate, description: '  ' },
    ]) {
      const refused = await staffPost(WATER.id, wrong).expect(400);
      expect(refused.text).toMatch(/<p role="alert" class="alert">/);
    }
    expect(await served(WATER.id, DEMO_COURSES[1].id)).toEqual(before);
  });

  it('changes an offering from the shell too, by its code', async () => {
    const lines: string[] = [];
    const cli = (...args: string[]) => runHostCli(args, host.config, (line) => lines.push(line));
    expect(await cli('places', WATER.code, '40')).toBe(0);
    expect(await cli('enrol-end', WATER.code, '2027-03-01')).toBe(0);
    expect(await cli('describe', WATER.code, 'Lectures', 'and', 'field', 'days.')).toBe(0);
    expect(await cli('offerings')).toBe(0);
    expect(lines.find((line) => line.startsWith(`${WATER.code} `))).toMatch(
      new RegExp(`^${WATER.code} +2026-2027 P4 +places 40 +enrol until 2027-03-01`),
    );
    expect(await served(WATER.id, DEMO_COURSES[1].id)).toMatchObject({
      maxNumberStudents: 40,
      enrollEndDate: '2027-03-01',
      description: [{ value: 'Lectures and field days.' }],
    });
    expect(await cli('places', WATER.code, 'many')).toBe(1);
    expect(lines.at(-1)).toMatch(/Places must be a whole number/);
    expect(await cli('places', 'EEM-NONE', '3')).toBe(1);
  });
});
