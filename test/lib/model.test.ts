import { describe, expect, it } from 'vitest';
import { Email, Lead, parse, parseOrThrow, ParseError, BusinessCalendar } from '../../lib/model';

describe('model', () => {
  it('normalises email', () => {
    expect(parseOrThrow(Email, 'email', '  Foo@Bar.COM ')).toBe('foo@bar.com');
  });
});
