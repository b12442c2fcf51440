import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditChanges, compactValue } from './audit-changes';
import { toApiFilters } from './audit-filters';

test('an invitation (nothing before) lists every field it set', () => {
  const changes = auditChanges(null, { email: 'rina@kampung.demo', role: 'MENTOR', programCodes: ['KAMPUNG_TEMATIK'], agencyCode: null });
  assert.deepEqual(changes, [
    { key: 'email', after: 'rina@kampung.demo' },
    { key: 'role', after: 'MENTOR' },
    { key: 'programCodes', after: 'KAMPUNG_TEMATIK' },
  ], 'a null field is no change from nothing');
});

test('a change lists only the fields that differ, with both sides', () => {
  const changes = auditChanges({ role: 'OFFICER', name: 'Rina', active: true }, { role: 'MENTOR', name: 'Rina', active: false });
  assert.deepEqual(changes, [
    { key: 'role', before: 'OFFICER', after: 'MENTOR' },
    { key: 'active', before: 'true', after: 'false' },
  ]);
});

test('plain values, long text and nested objects stay short', () => {
  assert.deepEqual(auditChanges('a', 'b'), [{ key: '', before: 'a', after: 'b' }]);
  assert.deepEqual(auditChanges(null, null), []);
  assert.equal(compactValue('x'.repeat(500)).length, 120, 'long text is cut');
  assert.equal(compactValue({ a: { b: 1 } }), '{"a":{"b":1}}');
  assert.equal(compactValue([]), '—');
});

test('dates filter whole WIB days: from the start of the first to the start of the day after the last', () => {
  assert.deepEqual(toApiFilters({ action: 'USER_INVITED', from: '2026-11-30', to: '2026-12-31' }), {
    action: 'USER_INVITED',
    actor: undefined,
    case: undefined,
    from: '2026-11-30T00:00:00+07:00',
    to: '2027-01-01T00:00:00+07:00',
  });
});
