/** Money as the funding ledger prints it: 万元 with two decimals. */
import { currentLanguage } from '../../i18n/index.js';

/** 万元 always with two decimals: 1234.5 → "1,234.50". */
export function formatWan(n: number): string {
  return n.toLocaleString(currentLanguage() === 'en' ? 'en-US' : 'zh-CN', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
}
