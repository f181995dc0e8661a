import type { District, Town } from './foshan-geography.data';
import type { IndustrySection } from './industry.data';

export type SubjectStatus = '存续' | '在业' | '迁出' | '吊销' | '注销';

/** One market subject as the generator knows it: registered facts plus what no platform records. */
export interface Enterprise {
  index: number;
  creditCode: string;
  fullName: string;
  shortName: string;
  isIndividual: boolean;
  section: IndustrySection;
  industryCode: string;
  district: District;
  districtIndex: number;
  town: Town;
  address: string;
  lng: number | null;
  lat: number | null;
  establishedDay: number;
  capitalWan: number | null;
  subscribedWan: number | null;
  employees: number | null;
  status: SubjectStatus;
  abnormalListed: boolean;
  legalRepChanges: number;
  legalRepName: string;
  legalRepId: string;
  /** Newest 更新时间 of the subject record (day number and second of day, UTC+8). */
  updatedDay: number;
  updatedSecond: number;
  /** Other subjects registered at the very same address (shell-company clusters). */
  sharedAddressCount: number;
  /** Hidden: the day the subject stopped trading (deregistered, revoked, moved out); null if still trading. */
  closedDay: number | null;
  /** Hidden: log-odds of violation explained by registered facts (age handled over time). */
  observableLogit: number;
  /** Hidden: the enterprise's own unobserved tendency (normal noise, fixed for life). */
  unobservedEffect: number;
}
