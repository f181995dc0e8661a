import { payloadForDisplay } from './dead-letter-view.util';

const bytes = (text: string) => new TextEncoder().encode(text);

describe("a dead letter's payload as the admin sees it", () => {
  it('indents JSON and masks ID numbers, phone numbers and personal-data fields, keeping the enterprise', () => {
    const shown = payloadForDisplay(
      bytes(JSON.stringify({ subject_name: '明记餐饮', note: '联系人电话 13800138000', legal_rep_id: '440681199001010018', records: [{ 姓名: '张三' }] })),
    );
    expect(shown.json).toBe(true);
    expect(shown.text).toContain('明记餐饮');
    expect(shown.text).toContain('\n  "subject_name"');
    expect(shown.text).not.toMatch(/13800138000|440681199001010018|张三/);
  });

  it('masks a phone or ID number that came as a JSON number, under any key, and leaves other numbers as they are', () => {
    // A Platform B push, say, with the reporter's contact as numbers: JSON keeps them numbers, not text.
    const shown = payloadForDisplay(bytes('{"clue_id":"K-1","reporter":{"tel":13800138000,"idNo":440681199001010018},"count":12,"score":0.25}'));
    expect(shown.text).not.toMatch(/13800138000|4406811990010100/);
    expect(JSON.parse(shown.text)).toMatchObject({ clue_id: 'K-1', count: 12, score: 0.25 });
  });

  it('masks text that is not JSON as the logs do, and says how much was left out', () => {
    const shown = payloadForDisplay(bytes(`not json 440681199001010018 ${'x'.repeat(100)}`), 40);
    expect(shown).toMatchObject({ json: false, cutShort: true, bytes: 128 });
    expect(shown.text).toHaveLength(40);
    expect(shown.text).not.toContain('440681199001010018');
  });
});
