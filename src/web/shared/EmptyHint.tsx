import { Empty } from 'antd';
import type { ReactNode } from 'react';

/** An empty list's message saying what to do next, with an optional action button. */
export function EmptyHint({ text, action }: { text: ReactNode; action?: ReactNode }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text}>
      {action}
    </Empty>
  );
}
