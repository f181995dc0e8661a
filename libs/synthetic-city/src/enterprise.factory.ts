import type { Prng } from '@tianping/common';
import { CompanyNamer } from './company-names.util';
import { CreditCodeMinter } from './credit-code-minter.util';
import type { Enterprise, SubjectStatus } from './enterprise.model';
import { DISTRICTS, ROAD_NAMES, UNIT_SPELLINGS, type District } from './foshan-geography.data';
import { INDUSTRY_SECTIONS, type IndustrySection } from './industry.data';
import { personName, residentId } from './people.util';
import { dayFromCivil } from './calendar.util';
import { cumulative, pickWeighted, roundNice } from './sampling.util';
import { ageEffect, observableLogit } from './propensity.model';

const SECTION_CUMULATIVE = cumulative(INDUSTRY_SECTIONS.map((s) => s.weight));
const DISTRICT_CUMULATIVE = cumulative(DISTRICTS.map((d) => d.weight));
const SHELL_SECTIONS = INDUSTRY_SECTIONS.filter((s) => ['L', 'I', 'M', 'F'].includes(s.letter));
const INDIVIDUAL_SHARE: Record<string, number> = { F: 0.62, H: 0.66, O: 0.6, C: 0.12, A: 0.4, G: 0.3 };
const REFORM_DAY = dayFromCivil(2015, 10, 1);
const STATUS_VALUES: readonly SubjectStatus[] = ['存续', '在业', '迁出', '吊销', '注销'];
const STATUS_CUMULATIVE = cumulative([0.78, 0.14, 0.01, 0.03, 0.04]);

interface ShellCluster {
  remaining: number;
  size: number;
  district: District;
  districtIndex: number;
  address: string;
  townIndex: number;
  establishedAround: number;
}

/**
 * Draws enterprises one after another. Shell companies (空壳公司) come in runs that share one
 * registered address, so they are drawn consecutively from a cluster.
 */
export class EnterpriseFactory {
  private readonly namer: CompanyNamer;
  private readonly minter: CreditCodeMinter;
  private cluster: ShellCluster | null = null;

  constructor(
    seedPrng: Prng,
    private readonly endDay: number,
  ) {
    this.namer = new CompanyNamer(seedPrng.fork('names'));
    this.minter = new CreditCodeMinter(seedPrng.fork('credit-codes'));
  }

  next(index: number, prng: Prng): Enterprise {
    if (!this.cluster && prng.bernoulli(0.004)) this.cluster = this.openCluster(prng);
    const cluster = this.cluster;
    if (cluster) {
      cluster.remaining--;
      if (cluster.remaining === 0) this.cluster = null;
    }
    const section = cluster ? prng.pick(SHELL_SECTIONS) : INDUSTRY_SECTIONS[pickWeighted(SECTION_CUMULATIVE, prng.next())];
    const districtIndex = cluster ? cluster.districtIndex : pickWeighted(DISTRICT_CUMULATIVE, prng.next());
    const district = DISTRICTS[districtIndex];
    const townIndex = cluster ? cluster.townIndex : prng.int(0, district.towns.length - 1);
    const town = district.towns[townIndex];
    const isIndividual = !cluster && prng.bernoulli(INDIVIDUAL_SHARE[section.letter] ?? 0.2);
    const address = cluster ? cluster.address : this.address(district, townIndex, prng);
    const establishedDay = cluster ? Math.min(this.endDay - 1, cluster.establishedAround + prng.int(0, 60)) : this.establishedDay(isIndividual, prng);
    const { fullName, shortName } = this.namer.name(district.name, prng.pick(section.nameWords), isIndividual);
    const capitalWan = this.capital(isIndividual, cluster !== null, prng);
    const subscribedWan = isIndividual ? null : this.subscribed(capitalWan, prng);
    const employees = this.employees(isIndividual, cluster !== null, section, prng);
    const unobservedEffect = prng.normal(0, 0.8);
    const shell = cluster ? 1 : 0;
    const abnormalListed = prng.bernoulli(sigmoid(-3.4 + 1.6 * shell + 0.5 * unobservedEffect));
    const legalRepChanges = prng.poisson(0.12 + 0.6 * shell + 0.12 * Math.max(unobservedEffect, 0));
    const status = cluster && prng.bernoulli(0.15) ? '吊销' : STATUS_VALUES[pickWeighted(STATUS_CUMULATIVE, prng.next())];
    const closedDay = status === '存续' || status === '在业' ? null : prng.int(Math.min(establishedDay + 30, this.endDay - 1), this.endDay - 1);
    const hasCoordinates = prng.bernoulli(0.9);
    const updatedDay = prng.int(Math.max(establishedDay, this.endDay - 730), this.endDay - 1);
    const sharedAddressCount = cluster ? cluster.size - 1 : 0;
    const enterprise: Enterprise = {
      index,
      creditCode: this.minter.mint(index, isIndividual, district.regionCode, establishedDay >= REFORM_DAY),
      fullName,
      shortName,
      isIndividual,
      section,
      industryCode: section.letter + prng.pick(section.classes),
      district,
      districtIndex,
      town,
      address,
      lng: hasCoordinates ? round4(town.lng + prng.normal(0, 0.012)) : null,
      lat: hasCoordinates ? round4(town.lat + prng.normal(0, 0.01)) : null,
      establishedDay,
      capitalWan,
      subscribedWan,
      employees,
      status,
      abnormalListed,
      legalRepChanges,
      legalRepName: personName(prng),
      legalRepId: residentId(prng, this.endDay - prng.int(24 * 365, 66 * 365)),
      updatedDay,
      updatedSecond: prng.int(8 * 3600, 20 * 3600),
      sharedAddressCount,
      closedDay,
      observableLogit: 0,
      unobservedEffect,
    };
    enterprise.observableLogit = observableLogit(enterprise);
    return enterprise;
  }

  /** The log-odds at the end date, used for the truth file. */
  static latentAtEnd(enterprise: Enterprise, endDay: number): number {
    return enterprise.observableLogit + ageEffect((endDay - enterprise.establishedDay) / 365.25) + enterprise.unobservedEffect;
  }

  private openCluster(prng: Prng): ShellCluster {
    const districtIndex = pickWeighted(DISTRICT_CUMULATIVE, prng.next());
    const district = DISTRICTS[districtIndex];
    const townIndex = prng.int(0, district.towns.length - 1);
    const size = prng.int(3, 8);
    const room = `${prng.int(2, 20)}${String(prng.int(1, 30)).padStart(2, '0')}室`;
    return {
      remaining: size,
      size,
      district,
      districtIndex,
      townIndex,
      address: `${this.address(district, townIndex, prng)}${room}`,
      establishedAround: this.endDay - prng.int(30, 3 * 365),
    };
  }

  private address(district: District, townIndex: number, prng: Prng): string {
    const unit = prng.bernoulli(0.5) ? prng.pick(UNIT_SPELLINGS) : '';
    return `佛山市${district.name}${district.towns[townIndex].name}${prng.pick(ROAD_NAMES)}${prng.int(1, 388)}号${unit}`;
  }

  private establishedDay(isIndividual: boolean, prng: Prng): number {
    const young = prng.bernoulli(isIndividual ? 0.7 : 0.55);
    const years = young ? -Math.log(1 - prng.next()) * (isIndividual ? 3 : 4) : prng.next() * 28;
    return this.endDay - 1 - Math.min(Math.floor(years * 365.25), 35 * 365);
  }

  private capital(isIndividual: boolean, isShell: boolean, prng: Prng): number | null {
    if (isIndividual) return prng.bernoulli(0.72) ? null : Math.round(Math.exp(prng.normal(Math.log(5), 0.9)) * 10) / 10;
    if (isShell) return roundNice(Math.exp(prng.normal(Math.log(500), 0.8)));
    return roundNice(Math.exp(prng.normal(Math.log(100), 1.3)));
  }

  private subscribed(capitalWan: number | null, prng: Prng): number | null {
    if (capitalWan === null) return null;
    const roll = prng.next();
    if (roll < 0.8) return capitalWan;
    if (roll < 0.92) return Math.round(capitalWan * (0.5 + prng.next() * 0.49) * 100) / 100;
    return null;
  }

  private employees(isIndividual: boolean, isShell: boolean, section: IndustrySection, prng: Prng): number | null {
    if (prng.bernoulli(isShell ? 0.5 : 0.06)) return null;
    if (isShell) return prng.int(0, 1);
    if (isIndividual) return 1 + prng.poisson(1.5);
    const median = section.letter === 'C' ? 30 : section.letter === 'E' ? 20 : 8;
    return Math.max(1, Math.round(Math.exp(prng.normal(Math.log(median), 1.1))));
  }
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}
