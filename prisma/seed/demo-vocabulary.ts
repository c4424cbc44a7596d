// Word lists and sector profiles the demo book draws from: the 12 sectors of the demo A-share
// universe with their typical beta, price and turnover, the syllables company names are built
// from, and common Chinese surnames and given-name characters for clients.
import type { Board } from "../../server/market/types";

// Lists are written out by hand; dedupe so a repeated character cannot skew the draw.
function distinct(items: readonly string[]): string[] {
  return [...new Set(items)];
}

export interface SectorProfile {
  name: string;
  /** Endings of company names in this sector ("华康" + "药业"). */
  suffixes: readonly string[];
  beta: number; // typical market beta of the sector
  priceMedian: number; // typical share price, CNY
  turnoverScale: number; // multiplier on the universe's median daily traded value
  /** Relative frequency of the sector among listings on each board (0: not listed there). */
  boardWeight: Readonly<Record<Board, number>>;
}

// Banks, insurers and distillers list on the main boards only; ChiNext and STAR lean to tech
// and health care, as on the real exchanges.
export const SECTORS: readonly SectorProfile[] = [
  {
    name: "银行",
    suffixes: ["银行", "农商行"],
    beta: 0.7,
    priceMedian: 6,
    turnoverScale: 1.6,
    boardWeight: { MAIN: 1.1, CHINEXT: 0, STAR: 0 },
  },
  {
    name: "证券",
    suffixes: ["证券"],
    beta: 1.3,
    priceMedian: 15,
    turnoverScale: 1.6,
    boardWeight: { MAIN: 1.2, CHINEXT: 0.15, STAR: 0 },
  },
  {
    name: "保险",
    suffixes: ["保险", "人寿", "财险"],
    beta: 0.9,
    priceMedian: 30,
    turnoverScale: 1.3,
    boardWeight: { MAIN: 0.5, CHINEXT: 0, STAR: 0 },
  },
  {
    name: "白酒",
    suffixes: ["酒业", "酿酒", "贡酒"],
    beta: 1.0,
    priceMedian: 110,
    turnoverScale: 1.4,
    boardWeight: { MAIN: 0.8, CHINEXT: 0, STAR: 0 },
  },
  {
    name: "医药",
    suffixes: ["医药", "药业", "生物", "制药"],
    beta: 0.9,
    priceMedian: 28,
    turnoverScale: 0.8,
    boardWeight: { MAIN: 1.2, CHINEXT: 1.5, STAR: 1.3 },
  },
  {
    name: "半导体",
    suffixes: ["微电子", "半导体", "集成", "芯片"],
    beta: 1.4,
    priceMedian: 55,
    turnoverScale: 1.2,
    boardWeight: { MAIN: 0.6, CHINEXT: 1, STAR: 2 },
  },
  {
    name: "新能源",
    suffixes: ["能源", "新能", "光伏", "锂能"],
    beta: 1.3,
    priceMedian: 32,
    turnoverScale: 1.1,
    boardWeight: { MAIN: 0.9, CHINEXT: 1.5, STAR: 1 },
  },
  {
    name: "电子",
    suffixes: ["电子", "光电", "精密", "科技"],
    beta: 1.2,
    priceMedian: 24,
    turnoverScale: 0.9,
    boardWeight: { MAIN: 1, CHINEXT: 1.5, STAR: 1 },
  },
  {
    name: "地产",
    suffixes: ["地产", "置业", "发展"],
    beta: 1.0,
    priceMedian: 6,
    turnoverScale: 0.7,
    boardWeight: { MAIN: 1, CHINEXT: 0, STAR: 0 },
  },
  {
    name: "有色金属",
    suffixes: ["矿业", "有色", "铝业", "铜业"],
    beta: 1.2,
    priceMedian: 12,
    turnoverScale: 1.0,
    boardWeight: { MAIN: 1.1, CHINEXT: 0.3, STAR: 0.1 },
  },
  {
    name: "汽车",
    suffixes: ["汽车", "汽配", "动力"],
    beta: 1.1,
    priceMedian: 20,
    turnoverScale: 0.9,
    boardWeight: { MAIN: 1, CHINEXT: 0.6, STAR: 0.3 },
  },
  {
    name: "通信",
    suffixes: ["通信", "信息", "网络", "通讯"],
    beta: 1.1,
    priceMedian: 18,
    turnoverScale: 0.9,
    boardWeight: { MAIN: 0.8, CHINEXT: 1, STAR: 0.7 },
  },
];

// First syllable of a company name: provinces, cities and the usual auspicious words.
export const NAME_HEADS: readonly string[] = distinct([
  ..."华中东南西北海江浙粤川湘鲁苏闽京沪津渝皖赣滇黔晋冀豫陕桂长天金恒瑞信泰宏鑫安国新盛兴永嘉德汇联创光云星博万立鼎锦宝通远",
]);

// Second syllable.
export const NAME_TAILS: readonly string[] = distinct([
  ..."达盛兴隆福康宁泰源丰和辰晟昌润信诚明阳峰航科合威亚欣茂弘益元正顺凯翔锐拓力成宇晶富邦华能美健腾",
]);

export const SURNAMES: readonly string[] = distinct([
  ..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤",
  "欧阳",
  "司马",
  "诸葛",
  "上官",
]);

export const GIVEN_NAME_CHARS: readonly string[] = distinct([
  ..."伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏飞辉建国志文斌宇浩凯晨欣怡婷雪琳子涵梓轩思远嘉豪佳颖晓东海波宁博俊峰雨萱一鸣天佑若曦家乐振华",
]);
