/** Masking of personal data for roles that do not need it (names, phones, ID numbers). */

/** 王某甲 → 王**; a company or "开发商未售房屋" keeps its first two characters. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return `${chars[0]}${'*'.repeat(Math.max(1, Math.min(chars.length - 1, 2)))}`;
}

/** 13841000000 → 138****0000; short numbers keep only their last two digits. */
export function maskPhone(phone: string): string {
  const digits = phone.trim();
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length <= 2) return '*'.repeat(digits.length);
  return `${'*'.repeat(digits.length - 2)}${digits.slice(-2)}`;
}

/** 410203199001011234 → 4102**********1234. */
export function maskIdNumber(id: string): string {
  const v = id.trim();
  if (v.length <= 8) return '*'.repeat(v.length);
  return `${v.slice(0, 4)}${'*'.repeat(v.length - 8)}${v.slice(-4)}`;
}
