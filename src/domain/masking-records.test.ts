import { describe, expect, it } from 'vitest';
import type { Action } from './access.js';
import { maskRecord } from './masking.js';

const nobody = () => false;
const only = (action: Action) => (a: Action) => a === action;

describe('maskRecord', () => {
  const cadre = { name: '张某', phone: '13912345678', level: 'section' };

  it('masks a cadre’s phone unless the caller has cadre.personal', () => {
    expect(maskRecord('cadre', cadre, nobody)).toEqual({ ...cadre, phone: '139****5678' });
    expect(maskRecord('cadre', cadre, only('household.personal'))).toEqual({
      ...cadre,
      phone: '139****5678',
    });
    expect(maskRecord('cadre', cadre, only('cadre.personal'))).toEqual(cadre);
  });

  it('masks owners’ names, phones and ID numbers unless the caller has household.personal', () => {
    const owner = { name: '王某甲', idNumber: '410203199001011234', phone: '13912345678' };
    expect(maskRecord('owner', owner, only('cadre.personal'))).toEqual({
      name: '王**',
      idNumber: '4102**********1234',
      phone: '139****5678',
    });
    expect(maskRecord('owner', owner, only('household.personal'))).toEqual(owner);
    expect(maskRecord('household', { owner, contactPhone: '13912345678' }, nobody)).toEqual({
      owner: { name: '王**', idNumber: '4102**********1234', phone: '139****5678' },
      contactPhone: '139****5678',
    });
  });

  it('masks each record of a list, and leaves nulls, other types and other values alone', () => {
    expect(maskRecord('cadre', [cadre, { phone: null }], nobody)).toEqual([
      { ...cadre, phone: '139****5678' },
      { phone: null },
    ]);
    expect(maskRecord('cadre', null, nobody)).toBeNull();
    expect(maskRecord('project', { phone: '13912345678' }, nobody)).toEqual({ phone: '13912345678' });
    expect(maskRecord(null, { phone: '13912345678' }, nobody)).toEqual({ phone: '13912345678' });
  });
});
