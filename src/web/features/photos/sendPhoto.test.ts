import { describe, expect, it } from 'vitest';
import { uploadName } from './sendPhoto.js';

describe('uploadName', () => {
  it('keeps a usual name as it is', () => {
    expect(uploadName(new File([], '现场.jpg'))).toBe('现场.jpg');
  });

  it('names a nameless photo', () => {
    expect(uploadName(new File([], '  '))).toBe('photo.jpg');
  });

  it('cuts a long name to 200 characters from the front, keeping its extension', () => {
    const name = uploadName(new File([], `${'长'.repeat(300)}.jpg`));
    expect(name).toHaveLength(200);
    expect(name.endsWith('.jpg')).toBe(true);
  });
});
