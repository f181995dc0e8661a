import { redactText, redactValue } from './log-redaction.util';

describe('log redaction', () => {
  it('masks an 18-digit resident ID (X check digit included) wherever it stands in a message', () => {
    expect(redactText('bad row: 440604198703150018 rejected')).toBe('bad row: 4406**********0018 rejected');
    expect(redactText('证件号44060519800101002X无效')).toBe('证件号4406**********002X无效');
    expect(redactText('"440604198703150018"')).toBe('"4406**********0018"');
  });

  it('masks an old 15-digit ID number', () => {
    expect(redactText('id 440604870315001 seen')).toBe('id 4406*******5001 seen');
  });

  it('leaves credit codes, timestamps, amounts and other numbers alone', () => {
    const text = 'credit 91440604MA4UJ8K20C at 1717651920123 fined 440604198 yuan, run 2024-05-06, case SAMR-2024-000123';
    expect(redactText(text)).toBe(text);
  });

  it('masks mobile and landline phone numbers', () => {
    expect(redactText('call 13812345678 or +86 138-1234-5678 or 020-83123456')).toBe('call 138****5678 or 86138****5678 or 020****3456');
  });

  it('masks the values of personal-data fields in text, JSON and key=value forms', () => {
    expect(redactText('{"legal_rep_name":"陈明","name":"明记餐饮"}')).toBe('{"legal_rep_name":"***","name":"明记餐饮"}');
    expect(redactText('legalRepName=欧阳小明 region=440604')).toBe('legalRepName=*** region=440604');
    expect(redactText('法定代表人：陈明，状态：存续')).toBe('法定代表人：***，状态：存续');
    expect(redactText('password: hunter2')).toBe('password: ***');
  });

  it('masks sensitive fields of objects at any depth and redacts every string in them', () => {
    const value = { record: { legal_rep_id: '440604198703150018', legalRepName: '陈明', note: 'tel 13812345678' }, list: ['440604198703150018'], count: 3 };
    expect(redactValue(value)).toEqual({
      record: { legal_rep_id: '***', legalRepName: '***', note: 'tel 138****5678' },
      list: ['4406**********0018'],
      count: 3,
    });
  });

  it('redacts the message and stack of an error', () => {
    const error = new Error('duplicate key (legal_rep_id)=(440604198703150018)');
    const safe = redactValue(error) as Error;
    expect(safe.message).not.toContain('440604198703150018');
    expect(safe.stack).not.toContain('440604198703150018');
  });
});
