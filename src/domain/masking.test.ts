import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from './masking.js';

describe('masking', () => {
  it.each([
    ['王某甲', '王**'],
    ['李四', '李*'],
    ['欧阳某某乙', '欧**'],
    ['王', '王*'],
    ['', ''],
  ])('maskName(%s) = %s', (input, expected) => expect(maskName(input)).toBe(expected));

  it.each([
    ['13841000000', '138****0000'],
    ['0371-23456789', '037****6789'],
    ['12345', '***45'],
    ['12', '**'],
  ])('maskPhone(%s) = %s', (input, expected) => expect(maskPhone(input)).toBe(expected));

  it.each([
    ['410203199001011234', '4102**********1234'],
    ['41020319900101123X', '4102**********123X'],
    ['12345678', '********'],
  ])('maskIdNumber(%s) = %s', (input, expected) => expect(maskIdNumber(input)).toBe(expected));

  it('never leaves the full value visible', () => {
    for (const v of ['王某甲', '13841000000', '410203199001011234']) {
      expect(maskName(v)).not.toBe(v);
      expect(maskPhone(v)).not.toBe(v);
      expect(maskIdNumber(v)).not.toBe(v);
    }
  });
});
