/** The sticky pull-request comment: found by marker and author, created once, edited in place. */
import { findSticky, upsertSticky, wantsComment } from '../../../src/app/gate/sticky-comment.js';
import { commentMarker } from '../../../src/core/render/comment.js';
import { comment, MemoryComments } from '../../helpers/memory-ports.js';

describe('the sticky comment', () => {
  const marker = commentMarker('api');

  test("is the own identity's comment with the series marker; other series and other authors do not count", () => {
    const comments = [
      comment(1, 'mallory', `x ${marker}`),
      comment(2, 'github-actions[bot]', `x ${commentMarker('web')}`),
      comment(3, 'GitHub-Actions[bot]', `y ${marker}`),
    ];
    expect(findSticky(comments, 'github-actions[bot]', 'api')?.id).toBe(3);
    expect(findSticky(comments, 'someone', 'api')).toBeUndefined();
  });

  test('an identity with or without [bot] finds the same comment, an exact login first', () => {
    const comments = [comment(1, 'github-actions[bot]', `x ${marker}`)];
    expect(findSticky(comments, 'github-actions', 'api')?.id).toBe(1);
    expect(findSticky([comment(1, 'github-actions', `x ${marker}`)], 'github-actions[bot]', 'api')?.id).toBe(1);
    const both = [comment(1, 'heapgate-app', `x ${marker}`), comment(2, 'heapgate-app[bot]', `y ${marker}`)];
    expect(findSticky(both, 'heapgate-app[bot]', 'api')?.id).toBe(2);
    expect(findSticky(both, 'heapgate-app', 'api')?.id).toBe(1);
    expect(findSticky([comment(1, 'github-actions[bot]x', `x ${marker}`)], 'github-actions', 'api')).toBeUndefined();
  });

  test('created once, edited when the text changes, untouched when it does not', async () => {
    const sink = new MemoryComments();
    expect((await upsertSticky(sink, 1, 'api', `a\n${marker}`, 'always', 'pass')).action).toBe('created');
    expect((await upsertSticky(sink, 1, 'api', `a\n${marker}`, 'always', 'pass')).action).toBe('unchanged');
    expect((await upsertSticky(sink, 1, 'api', `b\n${marker}`, 'always', 'pass')).action).toBe('updated');
    expect(sink.writes).toEqual(['create', 'update']);
    expect(sink.comments).toHaveLength(1);
  });

  test.each([
    ['never', 'fail', true, false],
    ['always', 'pass', false, true],
    ['on-change', 'pass', false, false],
    ['on-change', 'warn', false, true],
    ['on-change', 'pass', true, true],
    ['on-regression', 'warn', false, false],
    ['on-regression', 'fail', false, true],
    ['on-regression', 'accepted', false, true],
    ['on-regression', 'pass', true, true],
  ] as const)('policy %s, verdict %s, existing %s → comment %s', (policy, verdict, exists, want) => {
    expect(wantsComment(policy, verdict, exists)).toBe(want);
  });
});
