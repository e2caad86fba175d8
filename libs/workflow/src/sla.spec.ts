import {
  DEFAULT_SLA_MINUTES,
  MAX_SLA_MINUTES,
  PRIORITY_COST,
  PRIORITY_RANK,
  comparePriority,
  dueAt,
  expiryReason,
  isPriority,
  offerExpiresAt,
  parseSlaMinutes,
  queuePriority,
} from './index';

describe('priorities', () => {
  it('rank BREAKING > HIGH > NORMAL > LOW', () => {
    expect(PRIORITY_RANK.BREAKING).toBeGreaterThan(PRIORITY_RANK.HIGH);
    expect(PRIORITY_RANK.HIGH).toBeGreaterThan(PRIORITY_RANK.NORMAL);
    expect(PRIORITY_RANK.NORMAL).toBeGreaterThan(PRIORITY_RANK.LOW);
    expect((['LOW', 'BREAKING', 'NORMAL', 'HIGH'] as const).slice().sort(comparePriority)).toEqual([
      'BREAKING',
      'HIGH',
      'NORMAL',
      'LOW',
    ]);
  });

  it('map to BullMQ priorities where lower is served first and 0 is never used', () => {
    expect(queuePriority('BREAKING')).toBe(1);
    expect(queuePriority('HIGH')).toBe(2);
    expect(queuePriority('NORMAL')).toBe(3);
    expect(queuePriority('LOW')).toBe(4);
  });

  it('cost whole capacity units, BREAKING the most', () => {
    expect(PRIORITY_COST).toEqual({ LOW: 1, NORMAL: 1, HIGH: 1, BREAKING: 2 });
    for (const cost of Object.values(PRIORITY_COST)) expect(Number.isInteger(cost)).toBe(true);
  });

  it('recognises priorities in untrusted input', () => {
    expect(isPriority('HIGH')).toBe(true);
    expect(isPriority('high')).toBe(false);
  });
});

describe('parseSlaMinutes', () => {
  it('parses the documented example', () => {
    expect(parseSlaMinutes('BREAKING=30,HIGH=120,NORMAL=480,LOW=1440')).toEqual({
      BREAKING: 30,
      HIGH: 120,
      NORMAL: 480,
      LOW: 1440,
    });
  });

  it('fills missing keys with defaults; an empty spec is all defaults', () => {
    expect(parseSlaMinutes('HIGH=60')).toEqual({ ...DEFAULT_SLA_MINUTES, HIGH: 60 });
    expect(parseSlaMinutes('')).toEqual(DEFAULT_SLA_MINUTES);
    expect(parseSlaMinutes('   ')).toEqual(DEFAULT_SLA_MINUTES);
  });

  it('tolerates whitespace and lower-case keys', () => {
    expect(parseSlaMinutes(' breaking = 15 , Low=2000 ')).toEqual({
      ...DEFAULT_SLA_MINUTES,
      BREAKING: 15,
      LOW: 2000,
    });
  });

  it('accepts fractional minutes so tests can shorten deadlines to seconds', () => {
    expect(parseSlaMinutes('NORMAL=0.05').NORMAL).toBe(0.05);
  });

  it('does not share state with the defaults', () => {
    const parsed = parseSlaMinutes('');
    parsed.LOW = 1;
    expect(DEFAULT_SLA_MINUTES.LOW).toBe(1440);
  });

  it.each([
    ['HIGH=abc', /part 1 "HIGH=abc": minutes must be a number greater than 0/],
    ['HIGH=', /part 1 "HIGH=": minutes must be/],
    ['HIGH=0', /part 1 "HIGH=0": minutes must be/],
    ['HIGH=-5', /part 1 "HIGH=-5": minutes must be/],
    ['HIGH=1e3', /part 1 "HIGH=1e3": minutes must be/],
    ['HIGH=Infinity', /minutes must be/],
    [`HIGH=${MAX_SLA_MINUTES + 1}`, /at most 527040/],
    [
      'URGENT=5',
      /part 1 "URGENT=5": unknown priority "URGENT" \(expected one of LOW, NORMAL, HIGH, BREAKING\)/,
    ],
    ['HIGH=5,high=6', /part 2 "high=6": HIGH is given twice/],
    ['HIGH 120', /part 1 "HIGH 120" has no "="/],
    ['HIGH=120,,LOW=5', /part 2 is empty/],
    ['HIGH=120,', /part 2 is empty/],
    ['=5', /unknown priority ""/],
  ])('rejects %j naming the bad part', (spec, message) => {
    expect(() => parseSlaMinutes(spec)).toThrow(message);
  });
});

describe('dueAt', () => {
  const from = new Date('2026-01-01T12:00:00.000Z');

  it('adds the priority minutes to the start', () => {
    expect(dueAt('BREAKING', from, DEFAULT_SLA_MINUTES).toISOString()).toBe('2026-01-01T12:30:00.000Z');
    expect(dueAt('LOW', from, DEFAULT_SLA_MINUTES).toISOString()).toBe('2026-01-02T12:00:00.000Z');
  });

  it('handles fractional minutes in whole milliseconds', () => {
    expect(dueAt('NORMAL', from, parseSlaMinutes('NORMAL=0.05')).toISOString()).toBe(
      '2026-01-01T12:00:03.000Z',
    );
  });

  it('does not modify the start date', () => {
    const start = new Date(from);
    dueAt('HIGH', start, DEFAULT_SLA_MINUTES);
    expect(start.getTime()).toBe(from.getTime());
  });

  it('refuses an SLA table with a non-positive entry', () => {
    expect(() => dueAt('HIGH', from, { ...DEFAULT_SLA_MINUTES, HIGH: 0 })).toThrow('SLA minutes for HIGH');
  });
});

describe('offers', () => {
  const from = new Date('2026-01-01T12:00:00.000Z');
  it('lapse after the offer timeout, fractions allowed', () => {
    expect(offerExpiresAt(from, 60).toISOString()).toBe('2026-01-01T13:00:00.000Z');
    expect(offerExpiresAt(from, 0.05).toISOString()).toBe('2026-01-01T12:00:03.000Z');
  });
  it('refuse a non-positive timeout', () => {
    expect(() => offerExpiresAt(from, 0)).toThrow('offer timeout minutes');
    expect(() => offerExpiresAt(from, Number.NaN)).toThrow('offer timeout minutes');
  });
  it('say in words which deadline was missed', () => {
    expect(expiryReason('OFFERED')).toBe('offer not accepted in time');
    expect(expiryReason('ACCEPTED')).toBe('due time passed');
  });
});
