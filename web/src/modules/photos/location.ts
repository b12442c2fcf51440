import type { VisitLocation } from '@kampung/domain/visit-evidence';

/** Where asking the phone for its position stands. */
export type LocationState =
  | { state: 'off' }
  | { state: 'asking' }
  | { state: 'captured'; location: VisitLocation }
  | { state: 'denied' | 'unavailable' | 'unsupported' };

/** How long the phone may look for its position (GPS with no signal takes a while). */
const TIMEOUT_MS = 20_000;

/** The position, or what went wrong, in the form's terms. */
export function askPosition(geolocation: Geolocation | undefined, done: (state: LocationState) => void): void {
  if (!geolocation) return done({ state: 'unsupported' });
  geolocation.getCurrentPosition(
    (position) =>
      done({
        state: 'captured',
        location: {
          latitude: position.coords.latitude,
          longitude: position.coords.longitude,
          ...(Number.isFinite(position.coords.accuracy) ? { accuracyM: Math.round(position.coords.accuracy) } : {}),
          capturedAt: new Date(position.timestamp || Date.now()).toISOString(),
        },
      }),
    // 1: PERMISSION_DENIED; 2 (no position) and 3 (timed out) may go better another time.
    (error) => done({ state: error.code === 1 ? 'denied' : 'unavailable' }),
    { enableHighAccuracy: true, timeout: TIMEOUT_MS, maximumAge: 60_000 },
  );
}
