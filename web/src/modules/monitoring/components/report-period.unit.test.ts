import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TFunction } from 'i18next';
import { REPORT_PERIOD_REFUSALS } from '@kampung/domain/obligation-schedule';
import { en } from '../../../i18n/en';
import { id } from '../../../i18n/id';
import { periodProblemText } from './report-period';

const keyOf = ((key: string) => key) as unknown as TFunction;
const lookup = (dictionary: object, key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], dictionary);

test('every refusal of a report\'s period has words in Indonesian and English; another message stays as it came', () => {
  for (const message of Object.values(REPORT_PERIOD_REFUSALS)) {
    const key = periodProblemText(message, keyOf);
    assert.notEqual(key, message, `${message} has a key`);
    for (const dictionary of [id, en]) assert.equal(typeof lookup(dictionary, key), 'string', `${key} is translated`);
  }
  assert.equal(periodProblemText('something else', keyOf), 'something else');
});
