import { checkDigit } from './check-digit.js';
it('computes', () => { expect(checkDigit('L898902C3')).toBe(6); });
