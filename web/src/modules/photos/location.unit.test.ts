import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { askPosition, type LocationState } from './location';

/** A phone's geolocation that answers with a position, or fails with an error code. */
function phone(answer: { coords: Partial<GeolocationCoordinates>; timestamp: number } | { code: number }) {
  const asked: PositionOptions[] = [];
  const geolocation = {
    getCurrentPosition(success: PositionCallback, failure: PositionErrorCallback, options: PositionOptions) {
      asked.push(options);
      if ('code' in answer) failure(answer as GeolocationPositionError);
      else success(answer as GeolocationPosition);
    },
  } as unknown as Geolocation;
  return { geolocation, asked };
}

function ask(geolocation: Geolocation | undefined): LocationState | undefined {
  let state: LocationState | undefined;
  askPosition(geolocation, (next) => (state = next));
  return state;
}

describe('the phone asked where a visit took place', () => {
  test('when it answers, then the position, its accuracy in whole metres and its time are kept, and it was given a time limit', () => {
    const { geolocation, asked } = phone({ coords: { latitude: -6.2297, longitude: 106.6894, accuracy: 12.4 }, timestamp: Date.parse('2026-12-03T02:00:00Z') });
    assert.deepEqual(ask(geolocation), {
      state: 'captured',
      location: { latitude: -6.2297, longitude: 106.6894, accuracyM: 12, capturedAt: '2026-12-03T02:00:00.000Z' },
    });
    assert.ok((asked[0]?.timeout ?? Infinity) <= 30_000, 'never waits for ever');
  });

  test('when the person refuses, or the phone finds no position, or has no location at all, then the form says which', () => {
    assert.deepEqual(ask(phone({ code: 1 }).geolocation), { state: 'denied' });
    assert.deepEqual(ask(phone({ code: 2 }).geolocation), { state: 'unavailable' });
    assert.deepEqual(ask(phone({ code: 3 }).geolocation), { state: 'unavailable' });
    assert.deepEqual(ask(undefined), { state: 'unsupported' });
  });
});
