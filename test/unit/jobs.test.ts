import { describe, expect, it } from 'vitest';
import { parseJobNames, parseRetention } from '../../src/services/jobs.js';

describe('job arguments', () => {
  it('reads retention durations as PostgreSQL intervals', () => {
    expect(parseRetention('365d')).toBe('365 days');
    expect(parseRetention('52w')).toBe('52 weeks');
    expect(parseRetention('12mo')).toBe('12 months');
    expect(() => parseRetention('12m')).toThrow(expect.objectContaining({ exitCode: 2 }));
    expect(parseRetention('2 years')).toBe('2 years');
    expect(() => parseRetention('forever')).toThrow(expect.objectContaining({ exitCode: 2 }));
    expect(() => parseRetention("1 day'; drop table audit_log; --")).toThrow(expect.objectContaining({ exitCode: 2 }));
  });

  it('takes job names or --all, not both, and names the jobs on a mistake', () => {
    expect(parseJobNames([], true)).toEqual(['expire-offers', 'purge-messages', 'refresh-stats', 'purge-audit']);
    expect(parseJobNames(['refresh-stats', 'refresh-stats'], false)).toEqual(['refresh-stats']);
    // Matched like every enum value: case, accents and separators do not matter.
    expect(parseJobNames(['Refresh-Stats', 'EXPIRE_OFFERS', 'refresh stats'], false)).toEqual(['refresh-stats', 'expire-offers']);
    expect(() => parseJobNames([], false)).toThrow(expect.objectContaining({ exitCode: 2 }));
    expect(() => parseJobNames(['expire-offers'], true)).toThrow(expect.objectContaining({ exitCode: 2 }));
    expect(() => parseJobNames(['vacuum'], false)).toThrow(/Unknown job "vacuum": the jobs are expire-offers, purge-messages/);
  });
});
