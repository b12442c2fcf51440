/** The program whose city a kecamatan lies in (each program works in one city; a kecamatan code
 * starts with its city's code: 33.74.08 is in 33.74). */
export function programOfKecamatan<P extends { code: string; cityCode: string }>(kecamatanCode: string, programs: readonly P[]): P | undefined {
  return programs.find((p) => kecamatanCode.startsWith(`${p.cityCode}.`));
}
