/**
 * Splitting a table cell of people's names. Cells pasted from Word often run the names together
 * (李凭李继川, 杞金祥廖炜伊冯一丹); Chinese names are a surname and one or two given characters,
 * so the cell is cut where each piece starts with a common surname. A cut that can be made more
 * than one way is a guess and says so.
 */

// The common single-character surnames (百家姓 as used today), enough for a bureau's staff list.
const SURNAMES = new Set(
  [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由杞'],
);
const COMPOUND = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '令狐', '慕容', '夏侯', '长孙', '宇文', '司徒', '申屠'];

export interface SplitNames {
  names: string[];
  doubt?: string;
}

export function splitNames(cell: string): SplitNames {
  const pieces = cell.split(/[\s，,、；;/／]+/).filter((p) => p.length > 0);
  const names: string[] = [];
  const doubts: string[] = [];
  for (const piece of pieces) {
    if (piece.length <= 3) {
      names.push(piece);
      continue;
    }
    // Longer than four names run together: not a cell of names (and the ways to cut it grow fast).
    const ways = piece.length <= 12 ? cuts(piece) : [];
    if (ways.length === 0) {
      names.push(piece);
      doubts.push(`“${piece}”未能分成人名`);
      continue;
    }
    // Prefer cuts into three-character names, the usual length, when several are possible.
    ways.sort((a, b) => score(b) - score(a));
    names.push(...ways[0]!);
    if (ways.length > 1 && score(ways[0]!) === score(ways[1]!)) doubts.push(`“${piece}”可分作 ${ways.slice(0, 2).map((w) => w.join('、')).join(' 或 ')}`);
  }
  return { names, ...(doubts.length > 0 ? { doubt: doubts.join('；') } : {}) };
}

function score(way: string[]): number {
  return way.filter((n) => n.length === 3).length * 2 - way.length;
}

function cuts(text: string): string[][] {
  if (text.length === 0) return [[]];
  const found: string[][] = [];
  const surnameLength = COMPOUND.some((c) => text.startsWith(c)) ? 2 : SURNAMES.has(text[0]!) ? 1 : 0;
  if (surnameLength === 0) return [];
  for (const given of [1, 2]) {
    const length = surnameLength + given;
    if (length > text.length) continue;
    const rest = text.slice(length);
    for (const tail of cuts(rest)) found.push([text.slice(0, length), ...tail]);
  }
  return found;
}
