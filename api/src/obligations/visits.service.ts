/** Moved to api/src/visits/visits.service.ts. This path stays only for test/simulation, which imports it
 * and is being changed by other work at the moment; remove once it imports the new path. */
export * from '../visits/visits.service';
