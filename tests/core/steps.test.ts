import { describe, expect, it } from 'vitest';
import { isLapsed } from '../../src/core/steps.js';

describe('isLapsed: a step that prepares a visit ends with it', () => {
  it('lives through the day of the visit (its debrief asks whether it was done), and ends after it', () => {
    const confirm = { until: '2026-12-03' };
    expect(isLapsed(confirm, '2026-12-02')).toBe(false);
    expect(isLapsed(confirm, '2026-12-03')).toBe(false);
    expect(isLapsed(confirm, '2026-12-04')).toBe(true);
  });
  it('a step with no such end never lapses', () => {
    expect(isLapsed({}, '2099-01-01')).toBe(false);
  });
});
