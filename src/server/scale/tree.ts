/**
 * The synthetic region tree of a scale database: one province of cities, districts,
 * subdistricts and communities in about the proportions of real ones (a community holds 4–12
 * compounds, a subdistrict 3–9 communities, a district 4–12 subdistricts, a city 5–12
 * districts), grown until it holds the compounds asked for. Deterministic: the same count and
 * seed give the same tree. Division codes nest by prefix as real ones do (41 → 4102 → 410203 →
 * 410203001 → 410203001001); a city's districts are numbered from 03, so the first district is
 * 410203, the install's default district, and the app opens on it.
 */

export interface ScaleRegion {
  code: string;
  name: string;
  level: 'province' | 'city' | 'district' | 'subdistrict' | 'community';
  parentCode: string | null;
}

/** A community and the run of compounds (numbered from 1) it holds. */
export interface ScaleCommunity {
  code: string;
  first: number;
  count: number;
}

/** A small seeded generator (mulberry32): the same seed, the same numbers, on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const scaleProvince = '410000';

/** Comfortably below what two-digit city and district codes hold (about 3.6 million). */
export const maxScaleCompounds = 2_000_000;

export function scaleTree(
  compounds: number,
  seed: number,
): { regions: ScaleRegion[]; communities: ScaleCommunity[] } {
  const random = seededRandom(seed);
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const regions: ScaleRegion[] = [
    { code: scaleProvince, name: '样本省', level: 'province', parentCode: null },
  ];
  const communities: ScaleCommunity[] = [];
  let next = 1;
  for (let city = 2; next <= compounds; city++) {
    if (city > 99) throw new Error(`more compounds than the synthetic codes can hold (${compounds})`);
    const cityCode = `41${String(city).padStart(2, '0')}`;
    regions.push({
      code: `${cityCode}00`,
      name: `样本${city - 1}市`,
      level: 'city',
      parentCode: scaleProvince,
    });
    const districts = between(5, 12);
    // Large counts need more districts per city than real ones have; codes allow up to 97.
    const perCity = Math.max(districts, Math.ceil(compounds / (8 * 6 * 8 * 90)));
    for (let d = 3; d < 3 + Math.min(perCity, 97) && next <= compounds; d++) {
      const district = `${cityCode}${String(d).padStart(2, '0')}`;
      regions.push({
        code: district,
        name: `样本${city - 1}市${d - 2}区`,
        level: 'district',
        parentCode: `${cityCode}00`,
      });
      const subdistricts = between(4, 12);
      for (let s = 1; s <= subdistricts && next <= compounds; s++) {
        const street = `${district}${String(s).padStart(3, '0')}`;
        regions.push({
          code: street,
          name: `样本${city - 1}市${d - 2}区${s}街道`,
          level: 'subdistrict',
          parentCode: district,
        });
        const ncommunities = between(3, 9);
        for (let m = 1; m <= ncommunities && next <= compounds; m++) {
          const code = `${street}${String(m).padStart(3, '0')}`;
          regions.push({
            code,
            name: `样本${city - 1}市${d - 2}区${s}街道${m}社区`,
            level: 'community',
            parentCode: street,
          });
          const count = Math.min(between(4, 12), compounds - next + 1);
          communities.push({ code, first: next, count });
          next += count;
        }
      }
    }
  }
  return { regions, communities };
}
