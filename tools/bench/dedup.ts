/**
 * Dedup benchmark (no stack): a synthetic registry export with planted duplicates goes through
 * parseImportRow and findDuplicateCandidates in memory. Reports time per phase, peak memory,
 * and precision and recall against the planted truth. Natural look-alikes (twins, common names)
 * count against precision, as they would in review.
 */
import { performance } from 'node:perf_hooks';
import { DUPLICATE_KINDS, findDuplicateCandidates, normalizeName, parseImportRow, type DedupPerson, type DuplicateKind } from '@kampung/domain';
import { generateHouseholds, PLANTED_KINDS, type PlantedKind } from './household-data';

export interface DedupBenchOptions {
  households: number;
  /** Persons planted of each kind; default 1% of the households each. */
  planted?: number;
  seed?: number;
}

const MB = 1024 * 1024;
const pct = (part: number, whole: number) => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)}%`);
const int = (n: number) => n.toLocaleString('en-US');
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function runDedupBench(options: DedupBenchOptions): Promise<string> {
  const planted = options.planted ?? Math.max(1, Math.round(options.households / 100));
  // RSS sampled between phases (the phases themselves are synchronous), plus the OS high-water mark.
  let sampledPeak = process.memoryUsage().rss;
  const sample = () => {
    sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
  };
  const sampler = setInterval(sample, 50);
  const phase = async <T>(run: () => T): Promise<{ result: T; ms: number }> => {
    await new Promise((r) => setImmediate(r));
    const started = performance.now();
    const result = run();
    const ms = performance.now() - started;
    sample();
    return { result, ms };
  };
  try {
    const generated = await phase(() =>
      generateHouseholds({ households: options.households, seed: options.seed ?? 1, duplicates: { typo: planted, swappedNik: planted, moved: planted } }),
    );
    const data = generated.result;

    const parsed = await phase(() => {
      const people: DedupPerson[] = [];
      let refused = 0;
      let suspect = 0;
      for (const [i, raw] of data.rows.entries()) {
        const r = parseImportRow(raw, { today: data.asOf });
        if (!r.ok) {
          refused++;
          continue;
        }
        if (r.row.nikProblems.length) suspect++;
        const { nik, kk, name, birthDate, sex, kelurahanCode, rw, rt } = r.row;
        people.push({ id: data.keys[i]!, nik, kk, name, birthDate, sex, kelurahanCode, rw, rt });
      }
      return { people, refused, suspect };
    });
    const { people, refused, suspect } = parsed.result;
    const rssBeforeDedup = process.memoryUsage().rss;

    const dedup = await phase(() => findDuplicateCandidates(people));
    const candidates = dedup.result;
    const heapAfter = process.memoryUsage().heapUsed;

    // Truth by pair, whichever way round.
    const pairKey = (a: string, b: string) => (a < b ? `${a}\n${b}` : `${b}\n${a}`);
    const truth = new Map<string, PlantedKind>(data.truth.map((t) => [pairKey(t.a, t.b), t.kind]));
    const byKind = new Map<DuplicateKind, { all: number; right: number }>(DUPLICATE_KINDS.map((k) => [k, { all: 0, right: 0 }]));
    const foundAs = new Map<PlantedKind, Map<DuplicateKind, number>>(PLANTED_KINDS.map((k) => [k, new Map()]));
    const nameOf = new Map(people.map((p) => [p.id, p.name]));
    let namesakes = 0;
    for (const c of candidates) {
      const counts = byKind.get(c.kind)!;
      counts.all++;
      const planted = truth.get(pairKey(c.aId, c.bId));
      if (!planted) {
        if (normalizeName(nameOf.get(c.aId)!) === normalizeName(nameOf.get(c.bId)!)) namesakes++;
        continue;
      }
      counts.right++;
      const as = foundAs.get(planted)!;
      as.set(c.kind, (as.get(c.kind) ?? 0) + 1);
    }
    const plantedOf = (k: PlantedKind) => data.truth.filter((t) => t.kind === k).length;
    const foundOf = (k: PlantedKind) => [...foundAs.get(k)!.values()].reduce((a, b) => a + b, 0);
    const truePositives = [...byKind.values()].reduce((a, b) => a + b.right, 0);
    const osPeak = process.resourceUsage().maxRSS * 1024;

    return [
      `Dedup: ${int(data.households)} households, ${int(data.rows.length)} rows (${int(people.length)} people parsed, ${refused} refused, ${int(suspect)} SUSPECT by NIK checks), ` +
        `${int(data.truth.length)} planted duplicate pairs, seed ${options.seed ?? 1}. One core, in memory, no database.`,
      '',
      '| phase | time | RSS after |',
      '|---|---|---|',
      `| generate rows (tools/bench/household-data.ts) | ${seconds(generated.ms)} | ${Math.round(rssBeforeDedup / MB)} MB (after parsing) |`,
      `| parseImportRow × ${int(data.rows.length)} | ${seconds(parsed.ms)} | |`,
      `| findDuplicateCandidates × ${int(people.length)} people | **${seconds(dedup.ms)}** | heap used ${Math.round(heapAfter / MB)} MB |`,
      '',
      `Peak RSS: ${Math.round(osPeak / MB)} MB (process high-water mark, getrusage maxRSS); ${Math.round(sampledPeak / MB)} MB sampled between phases.`,
      '',
      '| planted kind | planted pairs | found | recall | found as |',
      '|---|---|---|---|---|',
      ...PLANTED_KINDS.map((k) => {
        const as = [...foundAs.get(k)!.entries()].map(([kind, n]) => `${kind} ${int(n)}`).join(', ') || '–';
        return `| ${k} | ${int(plantedOf(k))} | ${int(foundOf(k))} | ${pct(foundOf(k), plantedOf(k))} | ${as} |`;
      }),
      `| all | ${int(data.truth.length)} | ${int(truePositives)} | ${pct(truePositives, data.truth.length)} | |`,
      '',
      '| candidate kind | candidates | planted pairs among them | precision |',
      '|---|---|---|---|',
      ...DUPLICATE_KINDS.map((k) => `| ${k} | ${int(byKind.get(k)!.all)} | ${int(byKind.get(k)!.right)} | ${pct(byKind.get(k)!.right, byKind.get(k)!.all)} |`),
      `| all | ${int(candidates.length)} | ${int(truePositives)} | ${pct(truePositives, candidates.length)} |`,
      '',
      `Of the ${int(candidates.length - truePositives)} candidates not planted, ${int(namesakes)} are namesakes (the same name after normalisation, ` +
        'the same birth date and sex): the generator draws from a few hundred names, so such pairs are commoner than in a real registry, and no rule on these fields can tell them from a duplicate.',
    ].join('\n');
  } finally {
    clearInterval(sampler);
  }
}
