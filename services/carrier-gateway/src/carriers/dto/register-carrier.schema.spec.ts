import { RegisterCarrierSchema } from './register-carrier.schema.js';

// What an operator may register as a carrier: a 2-character IATA designator (read in upper case),
// a name and a contact address.

describe('RegisterCarrierSchema', () => {
  it('reads the designator in upper case and trims the name', () => {
    expect(
      RegisterCarrierSchema.parse({
        iataCode: 'x1',
        name: '  Example Air ',
        contactEmail: 'ops@example.com',
      }),
    ).toEqual({
      iataCode: 'X1',
      name: 'Example Air',
      contactEmail: 'ops@example.com',
    });
  });

  it.each([
    ['a 3-character code', { iataCode: 'XQA' }, 'iataCode'],
    ['punctuation in the code', { iataCode: 'X-' }, 'iataCode'],
    ['an empty name', { name: '   ' }, 'name'],
    ['a name over 100 characters', { name: 'A'.repeat(101) }, 'name'],
    ['no e-mail address', { contactEmail: 'ops' }, 'contactEmail'],
  ])('refuses %s, naming the field', (_, change, field) => {
    const result = RegisterCarrierSchema.safeParse({
      iataCode: 'XQ',
      name: 'Example Air',
      contactEmail: 'ops@example.com',
      ...change,
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join('.'))).toEqual([field]);
  });
});
