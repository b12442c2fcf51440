import assert from 'node:assert/strict';
import { test } from 'node:test';
import { passwordProblems } from './accounts';

const who = { email: 'siti.rahayu@semarangkota.go.id', name: 'Siti Rahayu' };

test('a long passphrase of ordinary words will do', () => {
  assert.deepEqual(passwordProblems('sawah hijau di pagi hari', who), []);
  assert.deepEqual(passwordProblems('Kopi-tubruk-7-malam', who), []);
});

test('short, personal or common passwords are refused with each reason', () => {
  assert.deepEqual(passwordProblems('abc', who), ['at least 12 characters']);
  assert.deepEqual(passwordProblems('siti.rahayu-2026!', who), ['must not contain your email or name']);
  assert.deepEqual(passwordProblems('RahayuRahayu99', who), ['must not contain your email or name']);
  assert.deepEqual(passwordProblems('Password2026!', who), ['too easy to guess']);
  assert.deepEqual(passwordProblems('kampung12345', who), ['too easy to guess']);
  assert.deepEqual(passwordProblems('111111111111', who), ['too easy to guess']);
  assert.deepEqual(passwordProblems('123456789012', who), ['too easy to guess']);
  assert.deepEqual(passwordProblems('siti', who), ['at least 12 characters', 'must not contain your email or name']);
});
