import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { DepartmentPlanDto, PolicyDto } from '../../dispatch/src/plans/dtos/department-plan.dto';

/**
 * The settings forms say which whole numbers dispatch takes when it refuses one ("from 1 to 90"). The pages
 * cannot import dispatch's DTOs, so they spell the bounds out: this holds the two to each other.
 */
const PAGES = join(__dirname, '..', 'static', 'pages');

function dtoBounds(dto: new () => object): Map<string, [number, number]> {
  const bounds = new Map<string, [number, number]>();
  for (const m of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) {
    if (m.name !== 'min' && m.name !== 'max') continue;
    const [min, max] = bounds.get(m.propertyName) ?? [NaN, NaN];
    const value = (m.constraints as number[])[0];
    bounds.set(m.propertyName, m.name === 'min' ? [value, max] : [min, value]);
  }
  return bounds;
}

describe('settings forms: the bounds they name are the ones dispatch holds to', () => {
  it("policy form's whole numbers (COUNTS) match PolicyDto", () => {
    const text = readFileSync(join(PAGES, 'policy-settings.js'), 'utf8');
    const block = /const COUNTS = \{([^}]*)\}/.exec(text)?.[1] ?? '';
    const page = [...block.matchAll(/(\w+): \[(\d+), (\d+)\]/g)].map(([, key, min, max]) => [key, [Number(min), Number(max)]]);
    expect(page.length).toBeGreaterThan(5);
    const dto = dtoBounds(PolicyDto);
    for (const [key, bounds] of page) expect({ key, bounds }).toEqual({ key, bounds: dto.get(key as string) });
    // Every whole number the policy takes is on the form (the exploration share is a percentage there).
    const wholes = [...dto.keys()].filter((key) => key !== 'explorationShare' && key !== 'version');
    expect(page.map(([key]) => key).sort()).toEqual(wholes.sort());
  });

  it("plan form's yearly cap matches DepartmentPlanDto", () => {
    const text = readFileSync(join(PAGES, 'plan-settings.js'), 'utf8');
    const [, min, max] = /'annualCapPerEnterprise', 'setting\.badWhole', \{ min: (\d+), max: (\d+) \}/.exec(text) ?? [];
    expect([Number(min), Number(max)]).toEqual(dtoBounds(DepartmentPlanDto).get('annualCapPerEnterprise'));
  });
});
