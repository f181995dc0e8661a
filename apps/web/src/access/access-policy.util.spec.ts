import { bodyIsOwn, decideAccess, ownsRecord, queryWithOwnDepartment, queryWithOwnOfficer, withOwnOfficer } from './access-policy.util';
import { matchRoute, pathKnown, upstreamPath } from './route-match.util';
import type { Principal } from './roles';

const enterprise: Principal = { accountId: 1, username: 'e', role: 'enterprise', creditCode: '91310000MA1FL8XQ37', department: null, officerId: null };
const officer: Principal = { accountId: 2, username: 'o', role: 'department', creditCode: null, department: 'SAMR', officerId: null };

describe('matching a request to the route table', () => {
  it('prefers a literal path to a parameterised one and decodes parameters', () => {
    expect(matchRoute('GET', '/api/quarantine/summary')?.rule.path).toBe('/api/quarantine/summary');
    expect(matchRoute('GET', '/api/enterprises/91310000MA1FL8XQ37/visits')?.params).toEqual({ creditCode: '91310000MA1FL8XQ37' });
    expect(matchRoute('GET', '/api/audit/entries/12')?.params).toEqual({ seq: '12' });
  });

  it('matches nothing for an unknown path or method', () => {
    expect(matchRoute('GET', '/api/secret')).toBeNull();
    expect(matchRoute('DELETE', '/api/accounts')).toBeNull();
    expect(matchRoute('GET', '/api/enterprises/a/b/c')).toBeNull();
  });

  it('matches no parameter that is not one plain segment: forwarding would read it as more of the path', () => {
    for (const path of [
      '/api/enterprises/91310000MA1FL8XQ37\\personal-data',
      '/api/enterprises/91310000MA1FL8XQ37%5Cpersonal-data',
      '/api/enterprises/a%2Fpersonal-data',
      '/api/appeals/a-1/evidence/..\\..\\..\\audit\\entries',
      '/api/appeals/a-1/evidence/..',
      '/api/appeals/a-1/evidence/%2e%2E',
      '/api/appeals/./evidence/0',
      '/api/scores/%E0%A4%A',
    ]) {
      expect({ path, matched: matchRoute('GET', path) }).toEqual({ path, matched: null });
      expect({ path, known: pathKnown(path) }).toEqual({ path, known: false });
    }
  });

  it("forwards the rule's own path with each parameter encoded, never the caller's spelling", () => {
    expect(upstreamPath(matchRoute('GET', '/api/enterprises/91310000ma1fl8xq37/visits/')!)).toBe('/api/enterprises/91310000ma1fl8xq37/visits');
    expect(upstreamPath(matchRoute('GET', '/api/draws/a%20b%3F')!)).toBe('/api/draws/a%20b%3F');
  });
});

describe('deciding access', () => {
  const scoreOf = matchRoute('GET', '/api/scores/x')!.rule;

  it('answers 401 to no one, 403 to a role not listed, 404 to an enterprise asking for another', () => {
    expect(decideAccess(scoreOf, { creditCode: enterprise.creditCode! }, null)).toMatchObject({ allowed: false, status: 401 });
    expect(decideAccess(scoreOf, { creditCode: enterprise.creditCode! }, { ...officer, role: 'admin', department: null })).toMatchObject({
      allowed: false,
      status: 403,
      message: 'an admin account may not do this',
    });
    const auditEntries = matchRoute('GET', '/api/audit/entries')!.rule;
    expect(decideAccess(auditEntries, {}, enterprise)).toMatchObject({ status: 403, message: 'an enterprise account may not do this' });
    expect(decideAccess(auditEntries, {}, officer)).toMatchObject({ status: 403, message: 'a department account may not do this' });
    expect(decideAccess(scoreOf, { creditCode: '91440300MA5G9LQK22' }, enterprise)).toMatchObject({ allowed: false, status: 404 });
    expect(decideAccess(scoreOf, { creditCode: enterprise.creditCode!.toLowerCase() }, enterprise)).toEqual({ allowed: true });
    // Typed with a Chinese input method: full-width letters and digits, as the services accept them.
    const fullWidth = [...enterprise.creditCode!].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    expect(decideAccess(scoreOf, { creditCode: fullWidth }, enterprise)).toEqual({ allowed: true });
    expect(bodyIsOwn({ ...scoreOf, bodyCreditCode: true }, { creditCode: ` ${fullWidth} ` }, enterprise)).toBe(true);
    expect(bodyIsOwn({ ...scoreOf, bodyCreditCode: true }, { creditCode: '91440300MA5G9LQK22' }, enterprise)).toBe(false);
    expect(decideAccess(scoreOf, { creditCode: '91440300MA5G9LQK22' }, officer)).toEqual({ allowed: true });
  });

  it('gives a visit to its enterprise and to officers of departments on it', () => {
    const visit = { creditCode: enterprise.creditCode, departments: ['SAMR', 'FIRE'] };
    expect(ownsRecord(visit, enterprise)).toBe(true);
    expect(ownsRecord({ ...visit, creditCode: '91440300MA5G9LQK22' }, enterprise)).toBe(false);
    expect(ownsRecord(visit, officer)).toBe(true);
    expect(ownsRecord({ ...visit, departments: ['ENV'] }, officer)).toBe(false);
  });

  it("gives a visit to an officer on its team, whatever the visit's departments", () => {
    // 44060400002 is a SAMR officer also certified for emergency management, sent on an EMG visit.
    const visit = { creditCode: enterprise.creditCode, departments: ['EMG'], officerIds: ['44060400002', '44060700027'] };
    expect(ownsRecord(visit, { ...officer, officerId: '44060400002' })).toBe(true);
    expect(ownsRecord(visit, { ...officer, officerId: '44060400003' })).toBe(false);
    expect(ownsRecord(visit, officer)).toBe(false);
    expect(ownsRecord({ ...visit, officerIds: 'not a list' }, { ...officer, officerId: '44060400002' })).toBe(false);
  });
});

describe('an officer declaring conflicts of interest (回避)', () => {
  const bound: Principal = { ...officer, officerId: 'OFF-7' };
  const dispatcher: Principal = { ...officer, role: 'dispatcher', department: null };
  const withdraw = matchRoute('DELETE', '/api/conflicts/OFF-8/91310000MA1FL8XQ37')!;
  const declare = matchRoute('POST', '/api/conflicts')!;
  const list = matchRoute('GET', '/api/conflicts')!;

  it('acts only for the certificate number its account is bound to; a dispatcher withdraws any', () => {
    expect(decideAccess(withdraw.rule, withdraw.params, bound)).toMatchObject({ allowed: false, status: 404 });
    expect(decideAccess(withdraw.rule, { ...withdraw.params, officerId: 'OFF-7' }, bound)).toEqual({ allowed: true });
    expect(decideAccess(withdraw.rule, withdraw.params, dispatcher)).toEqual({ allowed: true });
    expect(decideAccess(declare.rule, {}, officer)).toMatchObject({ allowed: false, status: 403 });
    expect(decideAccess(declare.rule, {}, dispatcher)).toMatchObject({ allowed: false, status: 403 });
  });

  it("puts the officer's own number in the body and the query, whatever was sent", () => {
    expect(withOwnOfficer(declare.rule, { officerId: 'OFF-8', creditCode: 'X', reason: 'r' }, bound)).toEqual({
      officerId: 'OFF-7',
      creditCode: 'X',
      reason: 'r',
    });
    expect(queryWithOwnOfficer(list.rule, '?officer=OFF-8&enterprise=X', bound)).toBe('?officer=OFF-7&enterprise=X');
    expect(queryWithOwnOfficer(list.rule, '?officer=OFF-8', dispatcher)).toBe('?officer=OFF-8');
    expect(queryWithOwnOfficer(declare.rule, '', bound)).toBe('');
  });

  it("has a department officer read only its department's follow-ups, whatever department it asked for", () => {
    const followUps = matchRoute('GET', '/api/follow-ups')!;
    expect(queryWithOwnDepartment(followUps.rule, '?department=MEE&status=due', officer)).toBe(`?department=${officer.department}&status=due`);
    expect(queryWithOwnDepartment(followUps.rule, '', officer)).toBe(`?department=${officer.department}`);
    expect(queryWithOwnDepartment(followUps.rule, '?department=MEE', dispatcher)).toBe('?department=MEE');
    expect(queryWithOwnDepartment(list.rule, '?department=MEE', officer)).toBe('?department=MEE');
  });
});
