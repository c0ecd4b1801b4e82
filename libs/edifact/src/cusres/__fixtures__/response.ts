import type { CusresResponse } from '../write-cusres.js';

/** A response for three travellers, one per directive, with every optional reference given. */
export const RESPONSE: CusresResponse = {
  sender: 'DOCSCREEN',
  recipient: 'LA',
  interchangeRef: 'R000123',
  messageRef: 'M1',
  queryInterchangeRef: 'Q000777',
  queryMessageRef: 'TN0042',
  preparedAt: new Date('2020-01-19T21:05:09Z'),
  flight: {
    carrierCode: 'LA',
    flightNumber: '532',
    departureAirport: 'SCL',
    arrivalAirport: 'JFK',
    scheduledDepartureLocal: '2020-01-19T23:00',
    scheduledArrivalLocal: '2020-01-20T07:40',
  },
  travellers: [
    { travellerRef: 'P1', reservationRef: 'MWZRDQ', directive: 'board', reason: 'OK TO BOARD' },
    { travellerRef: 'P2', directive: 'do-not-board', reason: 'DOCUMENT REPORTED STOLEN' },
    { travellerRef: 'P3', directive: 'contact-authority' },
  ],
};
