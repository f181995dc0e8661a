import { Transform } from 'class-transformer';
import { registerDecorator } from 'class-validator';

const DECIMAL_INTEGER = /^-?\d{1,16}$/;

/**
 * A whole number given in a query (`?limit=20`), between `min` and `max`, with one message when it is
 * not. It is read only when written in plain decimal digits: `Type(() => Number)` would read `0x10`
 * as 16, `1e2` as 100 and a blank as 0. A number past 2^53 is refused too, as it cannot be exact.
 */
export function QueryInt(min: number, max = Number.MAX_SAFE_INTEGER): PropertyDecorator {
  const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `from ${min} to ${max}`;
  const read = Transform(({ value }: { value: unknown }) => (typeof value === 'string' && DECIMAL_INTEGER.test(value) ? Number(value) : value));
  return (target: object, propertyName: string | symbol) => {
    read(target, propertyName);
    registerDecorator({
      name: 'queryInt',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [min, max],
      options: { message: `$property must be a whole number ${range}` },
      validator: { validate: (value: unknown) => Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max },
    });
  };
}
