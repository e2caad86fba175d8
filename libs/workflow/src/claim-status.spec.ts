import { CLAIM_STATUSES, WORKFLOW_STATUSES, initialStatus, isClaimStatus } from './index';

describe('claim statuses', () => {
  it('match the Prisma enum spelling and order', () => {
    expect(CLAIM_STATUSES).toEqual([
      'CANDIDATE',
      'PENDING',
      'ASSIGNED',
      'IN_REVIEW',
      'SUBMITTED',
      'PUBLISHED',
      'DISMISSED',
    ]);
  });

  it('workflow statuses are the open ones, without CANDIDATE', () => {
    expect(WORKFLOW_STATUSES).toEqual(['PENDING', 'ASSIGNED', 'IN_REVIEW', 'SUBMITTED']);
  });

  it('recognises statuses in untrusted input', () => {
    expect(isClaimStatus('IN_REVIEW')).toBe(true);
    expect(isClaimStatus('in_review')).toBe(false);
    expect(isClaimStatus(3)).toBe(false);
  });

  describe('initialStatus', () => {
    it('sends a claim at the threshold into the workflow', () => {
      expect(initialStatus(0.5, 0.5)).toBe('PENDING');
      expect(initialStatus(0.9, 0.5)).toBe('PENDING');
    });
    it('keeps a claim below the threshold as a candidate', () => {
      expect(initialStatus(0.4999, 0.5)).toBe('CANDIDATE');
      expect(initialStatus(0, 0.01)).toBe('CANDIDATE');
    });
    it('leaves a NaN score to a human', () => {
      expect(initialStatus(Number.NaN, 0.5)).toBe('CANDIDATE');
    });
  });
});
