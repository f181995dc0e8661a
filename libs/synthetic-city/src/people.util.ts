import type { Prng } from '@tianping/common';
import { civilFromDay, formatCivil } from './calendar.util';

/** Fictitious people: names and GB 11643-1999 resident ID numbers that pass the check digit. */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱侯江尹薛闫段雷黎史龙陶贺顾毛郝龚邵万钱严覃武戴莫孔汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建文辉玲志红俊峰鹏斌宇浩凯健慧琳晨欣嘉怡子轩梓涵雨宏锦荣永海波家豪宁彬';

export function personName(prng: Prng): string {
  const surname = SURNAMES[prng.int(0, SURNAMES.length - 1)];
  const first = GIVEN[prng.int(0, GIVEN.length - 1)];
  if (prng.bernoulli(0.3)) return surname + first;
  return surname + first + GIVEN[prng.int(0, GIVEN.length - 1)];
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The GB 11643 check character of a 17-digit prefix. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

/** Birth regions: mostly Foshan, then elsewhere in Guangdong and the usual migrant provinces. */
const BIRTH_REGIONS = [
  '440604',
  '440605',
  '440606',
  '440607',
  '440608',
  '440103',
  '440304',
  '441900',
  '445102',
  '450102',
  '430102',
  '360102',
  '510104',
  '420102',
];

export function residentId(prng: Prng, bornOnDay: number): string {
  const region = prng.bernoulli(0.55) ? BIRTH_REGIONS[prng.int(0, 4)] : prng.pick(BIRTH_REGIONS);
  const { year, month, day } = civilFromDay(bornOnDay);
  const sequence = String(prng.int(1, 999)).padStart(3, '0');
  const first17 = region + formatCivil(year, month, day, 'compact') + sequence;
  return first17 + residentIdCheckChar(first17);
}
