/** 2024-03-22 → 2024年3月22日, as Chinese official documents write dates. */
export function formatChineseDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`expected YYYY-MM-DD, got ${isoDate}`);
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}
