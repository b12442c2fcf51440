import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from '@kampung/domain';
import { problemBody, validationError } from './errors';

test('a validation problem carries each issue\'s stable code and bound, so a client words it in its own language', () => {
  // Given a body that misses a required text, has one too short, and a number over its bound
  const schema = z.object({ reason: z.string().min(1), note: z.string().min(10), percent: z.number().max(100), visitedOn: z.iso.date() });
  const parsed = schema.safeParse({ note: 'short', percent: 120, visitedOn: 'kemarin' });
  assert.ok(!parsed.success);

  // When it becomes the problem the API answers with
  const body = problemBody(validationError(parsed.error, 'data'), 'req-1');

  // Then each field problem names its path, its English message and the code with its bound or format
  assert.equal(body.code, 'VALIDATION_FAILED');
  const byPath = new Map((body.errors ?? []).map((e) => [e.path, e]));
  assert.deepEqual({ ...byPath.get('data.reason'), message: undefined }, { path: 'data.reason', message: undefined, code: 'invalid_type', expected: 'string' });
  assert.deepEqual({ ...byPath.get('data.note'), message: undefined }, { path: 'data.note', message: undefined, code: 'too_small', origin: 'string', minimum: 10 });
  assert.deepEqual({ ...byPath.get('data.percent'), message: undefined }, { path: 'data.percent', message: undefined, code: 'too_big', origin: 'number', maximum: 100 });
  assert.equal(byPath.get('data.visitedOn')?.code, 'invalid_format');
  assert.equal(byPath.get('data.visitedOn')?.format, 'date');
  for (const e of body.errors ?? []) assert.ok(e.message.length > 0, 'the English message is still there for English readers and logs');
});
