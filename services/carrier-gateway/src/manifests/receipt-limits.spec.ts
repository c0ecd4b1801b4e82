import { RECEIPT_LIMITS, clip, receiptDefects, rejectionReason } from './receipt-limits.js';
import type { MessageDefect } from './submission.js';

const defect = (i: number, code: string): MessageDefect => ({
  segment: i,
  tag: 'DOC',
  message: `traveller ${i}'s document (DOC at segment ${i}) has no issuing state (LOC 91)`,
  severity: 'error',
  code,
});

describe('receipt limits', () => {
  it('lists every defect while there are no more than the receipt lists', () => {
    const defects = Array.from({ length: RECEIPT_LIMITS.defectsListed }, (_, i) => defect(i, 'bad-date'));
    expect(receiptDefects(defects)).toEqual({ defects });
  });

  it('beyond that, lists the first ones and counts every defect per code', () => {
    const defects = [
      ...Array.from({ length: 150 }, (_, i) => defect(i, 'missing-issuing-state')),
      ...Array.from({ length: 3 }, (_, i) => defect(200 + i, 'bad-date')),
    ];
    const bounded = receiptDefects(defects);
    expect(bounded.defects).toEqual(defects.slice(0, RECEIPT_LIMITS.defectsListed));
    expect(bounded.defectSummary).toEqual({
      total: 153,
      listed: RECEIPT_LIMITS.defectsListed,
      byCode: { 'missing-issuing-state': 150, 'bad-date': 3 },
    });
  });

  it('cuts a long message, and names five problems of a traveller and how many more', () => {
    const [long] = receiptDefects([
      { ...defect(1, 'unknown-qualifier'), message: 'x'.repeat(5_000) },
    ]).defects;
    expect(long?.message).toHaveLength(RECEIPT_LIMITS.textLength);
    expect(long?.message.endsWith('…')).toBe(true);
    const reasons = Array.from({ length: 12 }, (_, i) => `segment ${i}: bad`);
    expect(rejectionReason(reasons)).toBe(
      'segment 0: bad; segment 1: bad; segment 2: bad; segment 3: bad; segment 4: bad; and 7 more',
    );
    expect(rejectionReason(['x'.repeat(1_000)])).toHaveLength(RECEIPT_LIMITS.textLength);
    expect(clip('short')).toBe('short');
  });
});
