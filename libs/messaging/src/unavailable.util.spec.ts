import { QueryFailedError } from 'typeorm';
import { isUnavailable } from './unavailable.util';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isUnavailable', () => {
  it('recognises PostgreSQL down, restarting or cutting connections', () => {
    expect(isUnavailable(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe(true);
    expect(isUnavailable(new QueryFailedError('SELECT 1', [], withCode('the database system is starting up', '57P03')))).toBe(true);
    expect(isUnavailable(new QueryFailedError('SELECT 1', [], withCode('terminating connection due to administrator command', '57P01')))).toBe(true);
    expect(isUnavailable(withCode('connection failure', '08006'))).toBe(true);
    expect(isUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isUnavailable(Object.assign(new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')]), { code: undefined }))).toBe(true);
  });

  it('leaves errors of the message itself to the bounded retries', () => {
    expect(isUnavailable(new QueryFailedError('INSERT', [], withCode('invalid input syntax for type date', '22007')))).toBe(false);
    expect(isUnavailable(withCode('deadlock detected', '40P01'))).toBe(false);
    expect(isUnavailable(new TypeError("Cannot read properties of undefined (reading 'slice')"))).toBe(false);
    expect(isUnavailable(null)).toBe(false);
  });
});
