import { describe, expect, it } from 'vitest';
import { reasonLabel } from '../../components/card/strings';

describe('reasonLabel', () => {
  it("uses marketing-ops' wording, else LeadLens's for built-in reasons and for a verdict given without a reason", () => {
    expect(reasonLabel({ code: 'too_small', label: 'Under 50 employees' })).toBe('Under 50 employees');
    expect(reasonLabel({ code: 'too_small', label: '' })).toBe('Company too small');
    expect(reasonLabel({ code: 'good_lead', label: '' })).toBe('Good lead');
    expect(reasonLabel({ code: 'student', label: '' })).toBe('student');
  });
});
