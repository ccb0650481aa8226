import { Grid } from 'antd';

/** True on phone-sized screens (narrower than antd's `md` breakpoint, 768px). */
export function useIsPhone(): boolean {
  const screens = Grid.useBreakpoint();
  return screens.md === false;
}
