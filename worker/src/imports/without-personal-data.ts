/** No personal data in logs nor in Temporal's history: a database error can quote a row (a NIK, a
 * name), so what it quotes and any 16-digit number are left out. */
export function withoutPersonalData(message: string): string {
  return message.replace(/\(([^)]*)\)=\(([^)]*)\)/g, '($1)=(…)').replace(/\d{16}/g, '****************');
}
