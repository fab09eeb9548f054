import { describe, expect, it } from 'vitest';
import { isBlank, missingRequiredFields } from '../../domain/lead.js';

describe('required fields', () => {
  it('treats undefined, null, empty and whitespace-only values as blank', () => {
    for (const value of [undefined, null, '', '   ', []]) expect(isBlank(value)).toBe(true);
    for (const value of ['x', 0, false, ['a'], {}]) expect(isBlank(value)).toBe(false);
  });

  it('reports each missing field in the documented error format', () => {
    expect(
      missingRequiredFields(['email', 'phone', 'first_name'], { email: 'a@b.co', first_name: ' ' }),
    ).toEqual([
      { field: 'phone', code: 'missing_required', message: 'Phone is required' },
      { field: 'first_name', code: 'missing_required', message: 'First name is required' },
    ]);
  });

  it('passes a complete lead', () => {
    expect(missingRequiredFields(['email'], { email: 'a@b.co' })).toEqual([]);
  });
});
