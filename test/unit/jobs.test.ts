import { describe, expect, it } from 'vitest';
import { intervalValue } from '../../src/cli/options.js';
import { jobsToRun } from '../../src/commands/jobs/shared.js';

describe('job arguments', () => {
  it('reads retention durations as PostgreSQL intervals', () => {
    const retention = (text: string) => intervalValue('--older-than', text);
    expect(retention('365d')).toBe('365 days');
    expect(retention('52w')).toBe('52 weeks');
    expect(retention('12mo')).toBe('12 months');
    expect(() => retention('12m')).toThrow(expect.objectContaining({ exitCode: 2 }));
    expect(retention('2 years')).toBe('2 years');
    expect(() => retention('forever')).toThrow(expect.objectContaining({ exitCode: 2 }));
    expect(() => retention("1 day'; drop table audit_log; --")).toThrow(expect.objectContaining({ exitCode: 2 }));
  });

  it('takes job names or --all, not both', () => {
    expect(jobsToRun([], true)).toEqual(['expire-offers', 'purge-messages', 'refresh-stats', 'purge-audit']);
    expect(jobsToRun(['refresh-stats', 'refresh-stats'], false)).toEqual(['refresh-stats']);
    expect(() => jobsToRun([], false)).toThrow(expect.objectContaining({ exitCode: 2 }));
    expect(() => jobsToRun(['expire-offers'], true)).toThrow(expect.objectContaining({ exitCode: 2 }));
  });
});
