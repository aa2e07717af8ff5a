/** What the gate does for each event, decided before anything is read. */
import { planRun } from '../../../src/app/gate/plan.js';
import { event, PLAN, PR } from '../../helpers/gate-events.js';
import { sha } from '../../helpers/memory-ports.js';

describe('planRun', () => {
  test('a pull request: merge base first, then its base branch, then the base-branch input; never stores', () => {
    const plan = planRun(
      { ...PLAN, baseBranch: 'develop' },
      event({ name: 'pull_request', branch: null, pullRequest: { ...PR, baseRef: 'release' } }),
    );
    expect(plan.lookup).toEqual({
      commit: { mergeBase: { base: PR.baseSha, head: PR.headSha } },
      branches: ['release', 'develop'],
    });
    expect(plan.update).toBeNull();
    expect(plan.failOnRegression).toBe(true);
    expect(plan.sha).toBe(PR.headSha);
  });

  test('a push to the default branch stores always and does not gate; on-pass stores unless fail and gates', () => {
    expect(planRun(PLAN, event())).toMatchObject({
      update: { branch: 'main', when: 'always' },
      failOnRegression: false,
    });
    expect(planRun({ ...PLAN, updateBaseline: 'on-pass' }, event())).toMatchObject({
      update: { branch: 'main', when: 'unless-fail' },
      failOnRegression: true,
    });
  });

  test('a push to another branch compares with it, then the base branch, and never stores; mode check never stores', () => {
    expect(planRun(PLAN, event({ branch: 'feature' }))).toMatchObject({
      lookup: { commit: null, branches: ['feature', 'main'] },
      update: null,
    });
    expect(planRun({ ...PLAN, mode: 'check' }, event())).toMatchObject({ update: null, failOnRegression: true });
  });

  test("mode update stores on the run's branch and never fails; baseline-sha is looked up first", () => {
    expect(planRun({ ...PLAN, mode: 'update' }, event({ name: 'workflow_dispatch', branch: 'main' }))).toMatchObject({
      update: { branch: 'main', when: 'always' },
      failOnRegression: false,
    });
    expect(
      planRun({ ...PLAN, mode: 'update' }, event({ name: 'pull_request', branch: null, pullRequest: PR })).update,
    ).toEqual({ branch: 'feature', when: 'always' });
    expect(planRun({ ...PLAN, baselineSha: sha('a') }, event({ name: 'workflow_dispatch' })).lookup.commit).toEqual({
      sha: sha('a'),
    });
  });
});
