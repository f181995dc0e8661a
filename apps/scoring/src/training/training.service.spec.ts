import { industryFailRates, loadBuiltInSpec, type EnterpriseHistory, type TrainingData } from '@tianping/risk-model';
import type { EnterpriseFeaturesRepository } from '../features/enterprise-features.repository';
import type { EnterpriseHistoryRepository } from '../features/enterprise-history.repository';
import type { ModelRegistryService } from '../models/model-registry.service';
import { TrainingService } from './training.service';

const trained: TrainingData[] = [];
jest.mock('@tianping/risk-model', () => {
  const actual = jest.requireActual<typeof import('@tianping/risk-model')>('@tianping/risk-model');
  return {
    ...actual,
    trainGamModel: jest.fn((_spec: unknown, data: TrainingData) => {
      trained.push(data);
      return Promise.resolve({});
    }),
  };
});

function subject(industryCode: string): EnterpriseHistory['subject'] {
  return {
    establishedOn: '2015-01-01',
    registeredCapitalWan: 100,
    shareholderSubscribedWan: 100,
    employees: 10,
    industryCode,
    abnormalListed: false,
    legalRepChanges2y: 0,
    sharedAddressCount: 0,
  };
}

/** Two restaurants: one first inspected in March, one inspected often afterwards, its later outcomes as given. */
function histories(laterOutcome: boolean): EnterpriseHistory[] {
  const late = ['2024-04-01', '2024-05-01', '2024-06-01', '2024-07-01', '2024-08-01', '2024-09-01'];
  return [
    { subject: subject('H6210'), inspections: [{ date: '2024-03-01', department: 'SAMR', violationFound: false, officerIds: [] }], penalties: [], clues: [] },
    {
      subject: subject('H6220'),
      inspections: [
        { date: '2024-01-10', department: 'SAMR', violationFound: true, officerIds: [] },
        { date: '2024-02-10', department: 'SAMR', violationFound: false, officerIds: [] },
        ...late.map((date) => ({ date, department: 'SAMR', violationFound: laterOutcome, officerIds: [] })),
      ],
      penalties: [],
      clues: [],
    },
  ];
}

/** The service over its repositories, here answering from the histories as the SQL answers from the tables. */
function service(all: EnterpriseHistory[]): TrainingService {
  const features = {
    industryContext: (asOf: string) => Promise.resolve(industryFailRates(all, asOf)),
    industryInspectionCounts: (until: string) =>
      Promise.resolve(
        all.flatMap((h) =>
          h.inspections
            .filter((i) => String(i.date) < until)
            .map((i) => ({ section: h.subject.industryCode!.charAt(0), date: String(i.date), failed: i.violationFound ? 1 : 0, total: 1 })),
        ),
      ),
  } as unknown as EnterpriseFeaturesRepository;
  const chunks = {
    historyChunks: async function* () {
      yield { creditCodes: all.map((_, i) => `C${i}`), histories: all };
    },
  } as unknown as EnterpriseHistoryRepository;
  return new TrainingService(features, chunks, {} as ModelRegistryService);
}

describe('training rows', () => {
  const spec = loadBuiltInSpec('twelve-factor');

  it("read the industry's failure rate as of each inspection's own date, not the end of the training period", async () => {
    trained.length = 0;
    await service(histories(true)).fit(spec, '2025-01-01', 1);
    await service(histories(false)).fit(spec, '2025-01-01', 1);
    // The March inspection's row: outcomes from April on were not known in March.
    const march = (data: TrainingData) => data.factors[data.days.indexOf(Math.round(Date.UTC(2024, 2, 1) / 86_400_000))].inspection_fail_rate;
    expect(march(trained[0])).toBe(march(trained[1]));
    // As of March the industry had two inspections, one failed: the rate the row shrinks toward.
    const asOfMarch = industryFailRates(histories(true), '2024-03-01');
    expect(march(trained[0])).toBeCloseTo(asOfMarch.industryFailRate!.H, 12);
  });
});
