import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { QueryErrorLogger } from './query-error.logger';

describe('QueryErrorLogger', () => {
  it('logs a failed query without its parameters', () => {
    const lines: string[] = [];
    const spy = jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => void lines.push(String(message)));
    try {
      // Called as TypeORM calls it, parameters included.
      (new QueryErrorLogger() as TypeOrmLogger).logQueryError(
        new Error('invalid byte sequence for encoding "UTF8": 0x00'),
        'INSERT INTO oversight.appeals (grounds)\n   VALUES ($1)',
        ['联系 张三 13812345678 440604199001011234'],
      );
    } finally {
      spy.mockRestore();
    }
    expect(lines).toEqual(['query failed: invalid byte sequence for encoding "UTF8": 0x00 (INSERT INTO oversight.appeals (grounds) VALUES ($1))']);
  });
});
