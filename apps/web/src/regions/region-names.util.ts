/** The shape of `@vant/area-data`'s one export we read. */
interface AreaList {
  province_list: Record<string, string>;
  city_list: Record<string, string>;
  county_list: Record<string, string>;
}

// The package ships CommonJS beside its ES module, but its types describe only the ES module.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { areaList } = require('@vant/area-data') as { areaList: AreaList };

/**
 * The names of China's administrative divisions (GB/T 2260) by six-digit code — provinces
 * (440000), prefecture-level cities (440600) and counties or districts (440605) — from
 * `@vant/area-data`. The platforms export codes; people read names.
 */
export function regionNames(): Record<string, string> {
  return { ...areaList.province_list, ...areaList.city_list, ...areaList.county_list };
}
