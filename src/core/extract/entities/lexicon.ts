// Word lists for names, roles, organisations and places. General English news vocabulary, written by hand.

const set = (s: string) => new Set(s.trim().split(/\s+/));

/** Courtesy titles: they tell gender, never a role. Lower-case, without the period. */
export const HONORIFICS: ReadonlyMap<string, "m" | "f" | undefined> = new Map([
  ["mr", "m"], ["mrs", "f"], ["ms", "f"], ["miss", "f"], ["mister", "m"], ["sir", "m"], ["dame", "f"], ["lady", "f"], ["lord", "m"],
]);

/** Titles that stand before a name and belong to the role ("Sen. Tim Kaine"). Lower-case, no period. */
export const TITLES = set(`
  president vice secretary sen senator rep representative gov governor mayor minister premier chancellor
  chairman chairwoman chair speaker leader judge justice attorney general gen adm col lt capt cmdr maj sgt
  ambassador director commissioner chief ceo spokesman spokeswoman spokesperson professor prof dr rev pope
  king queen prince princess sheriff coach councilman councilwoman councillor councilor mp mep congressman congresswoman lawmaker
  superintendent inspector detective officer deputy treasurer comptroller auditor commander admiral
  sergeant captain colonel lieutenant major pastor rabbi imam bishop cardinal archbishop father sister
  delegate assemblyman assemblywoman alderman host anchor correspondent editor founder chairperson
  premier sheikh emir ayatollah president-elect nominee candidate adviser advisor strategist
`);

/** Nouns that make a phrase a role or description of a person ("a doctor at X", "the senior US official"). */
export const ROLE_NOUNS = set(`
  official officials spokesman spokeswoman spokesperson aide aides adviser advisor advisers advisors
  strategist consultant analyst economist expert professor researcher scientist doctor physician nurse
  lawyer attorney prosecutor judge justice senator congressman congresswoman lawmaker legislator
  representative governor mayor president secretary minister diplomat ambassador envoy general
  officer commander chief director manager chairman chairwoman chair ceo executive founder cofounder
  co-founder owner president-elect nominee candidate hopeful challenger incumbent rival opponent
  leader head member organizer activist advocate campaigner volunteer worker employee staffer
  pollster journalist reporter correspondent columnist editor writer author host anchor commentator
  historian scholar student teacher voter supporter critic donor fundraiser businessman businesswoman
  billionaire mogul investor banker entrepreneur resident witness victim survivor veteran soldier
  sheriff detective investigator agent negotiator mediator partner associate fellow president
  counsel counselor surrogate operative deputy treasurer spokespeople speaker press mother father
  wife husband son daughter brother sister friend neighbor neighbour owner pastor priest bishop
  rabbi imam coach player star actor actress singer musician comedian producer
  councillor councilor councilman councilwoman engineer planner inspector
  boss skipper striker midfielder defender goalkeeper winger referee umpire jockey batsman bowler pilot chef
`);

/** Adjectives and qualifiers that may stand inside a role before a name ("former", "Republican"). */
export const ROLE_MODIFIERS = set(`
  former then-former current acting interim deputy vice assistant associate senior junior top chief
  lead head longtime long-time veteran outgoing incoming retired presidential vice-presidential
  republican democratic democrat independent libertarian conservative liberal progressive gop
  federal state national regional local foreign defense defence economic political campaign press
  white house senate house us u.s. uk u.k. un u.n. eu e.u. american british russian chinese
  ukrainian french german israeli iranian indian mexican canadian european then
`);

/** Words that mark a capitalised sequence as an organisation. Lower-case. */
export const ORG_WORDS = set(`
  council organization organisation association union party committee commission department ministry
  agency bureau office administration institute institution foundation fund university college school
  academy corporation corp inc ltd llc plc company co group bank board court congress senate parliament
  assembly house times post news journal tribune herald gazette telegraph guardian press network
  broadcasting television radio network magazine review center centre service services authority
  federation league alliance coalition campaign network society club church army navy force forces
  police guard reserve exchange airlines airways motors systems technologies media studios records
  pentagon kremlin nations caucus government cabinet tribunal shipping energy holdings partners capital
  insurance foods oil gas steel telecom communications technology labs pharmaceuticals industries enterprises
  brands airline railways railroad newsroom medical chemical chemicals electric electronics power controls
  commodities consolidated resources mining financial investments petroleum
`);

/**
 * Words of organisation names in other languages that English news keeps ("Neue Zeitung", "La Prensa"),
 * and sports-club words ("FC Lakeport", "Tromso United"). Lower-case. Only the names pass reads them.
 */
export const NAME_ORG_WORDS = set(`
  zeitung zeitschrift gazeta gazzetta prensa presse corriere diario giornale jornal nouvelles tageblatt
  fc afc cf sc sk fk nk ac bk if sv vfb vfl tsv deportivo sporting atletico dinamo dynamo spartak lokomotiv
  olympique borussia wanderers rovers albion hotspur
`);

/** Last words that make a name a club when something stands before them ("Leeds United", "Derby Athletic"). */
export const CLUB_LAST_WORDS = set(`united athletic`);

/** Lower-case nouns that, right before a name, make it an organisation ("the daily Vela", "first division side Orvane"). */
export const ORG_HEADS_BEFORE = set(`
  newspaper daily weekly magazine agency broadcaster network channel station club airline carrier
  brokerage insurer lender retailer manufacturer
`);

/** Lower-case nouns that, right after a name, make it a place ("the Orvane airport", "Lakeport harbour"). */
export const PLACE_HEADS = set(`
  airport port harbour harbor prison jail stadium hotel motel square district province region village town
  suburb township valley river
`);

/** Last words of company names: "Acme Widgets Inc", "Nordhaven SpA". Lower-case, no period. */
export const COMPANY_SUFFIXES = set(`
  inc corp co ltd llc plc sa ag nv spa ab gmbh bv oy asa sarl srl pty bhd tbk kk lp llp bros
`);

/** Lower-case nouns that, right after a name, make it an organisation ("Zenith newspaper", "Vela agency"). */
/** What belongs to a person and speaks for them: "Ada Moss's office", "the Varga campaign". */
export const OFFICE_HEADS = set("office campaign camp");

export const ORG_HEADS = set(`
  agency newspaper daily weekly magazine company firm group club side party bank airline carrier
  broadcaster network channel station brokerage insurer lender retailer manufacturer
`);

/** Organisations often named by one word (or an acronym) with no tell-tale noun. Lower-case. */
export const KNOWN_ORGS = set(`
  kremlin pentagon nato fbi cia nsa irs epa fda cdc who imf opec reuters bloomberg cnn msnbc nbc abc cbs
  fox bbc npr pbs ap afp politico axios gop dnc rnc aclu nra google facebook twitter apple amazon
  microsoft congress senate un eu hamas hezbollah taliban politifact breitbart gallup quinnipiac
  vatican interpol unicef unesco wto nasdaq fed treasury
`);

/** Countries, regions and large cities, lower-case, multi-word names joined by spaces. */
export const PLACES = new Set(
  `afghanistan albania algeria argentina armenia australia austria azerbaijan bahrain bangladesh belarus
  belgium bolivia bosnia brazil bulgaria cambodia cameroon canada chad chile china colombia congo croatia
  cuba cyprus czechia denmark ecuador egypt england estonia ethiopia europe finland france georgia germany
  ghana greece guatemala haiti honduras hungary iceland india indonesia iran iraq ireland israel italy
  jamaica japan jordan kazakhstan kenya korea kosovo kuwait laos latvia lebanon libya lithuania luxembourg
  madagascar malaysia mali malta mexico moldova mongolia montenegro morocco mozambique myanmar nepal
  netherlands nicaragua niger nigeria norway oman pakistan palestine panama paraguay peru philippines
  poland portugal qatar romania russia rwanda scotland senegal serbia singapore slovakia slovenia somalia
  spain sudan sweden switzerland syria taiwan tajikistan tanzania thailand tunisia turkey turkmenistan
  uganda ukraine uruguay uzbekistan venezuela vietnam wales yemen zambia zimbabwe africa asia america
  antarctica crimea donetsk luhansk gaza kashmir tibet palestine
  alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois
  indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi
  missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont
  virginia washington wisconsin wyoming
  moscow kyiv kiev london paris berlin rome madrid beijing tokyo delhi mumbai kolkata chennai bangalore
  karachi lahore islamabad kabul baghdad tehran damascus beirut jerusalem cairo istanbul ankara athens
  vienna warsaw prague budapest brussels amsterdam geneva zurich stockholm oslo helsinki copenhagen dublin
  lisbon toronto ottawa montreal vancouver sydney melbourne seoul pyongyang shanghai hong kong singapore
  manila jakarta bangkok hanoi riyadh dubai doha minsk kharkiv odesa odessa mariupol lviv
  chicago boston philadelphia atlanta miami dallas houston austin denver phoenix seattle detroit
  cleveland pittsburgh baltimore brooklyn manhattan queens orlando tampa charlotte nashville memphis
  milwaukee minneapolis cincinnati columbus indianapolis sacramento portland vegas
  zaire yugoslavia czechoslovakia ussr burma surinam
  balkans caucasus midwest gulf scandinavia siberia baltics sahel patagonia`
    .trim()
    .split(/\s+/),
);

/** Multi-word places (lower-case). */
export const MULTI_PLACES = new Set([
  "united states", "united kingdom", "new york", "new york city", "los angeles", "san francisco", "new jersey",
  "new hampshire", "new mexico", "north carolina", "south carolina", "north dakota", "south dakota", "west virginia",
  "rhode island", "washington d.c", "district of columbia", "saudi arabia", "south africa", "north korea",
  "south korea", "new zealand", "sri lanka", "hong kong", "las vegas", "san diego", "new orleans", "st. louis",
  "salt lake city", "kansas city", "middle east", "latin america", "south america", "north america", "eastern europe",
  "western europe", "united arab emirates", "soviet union", "east germany", "west germany", "far east",
  "persian gulf", "gulf states", "baltic states", "great lakes", "southeast asia", "south east asia", "central asia", "north africa", "west africa", "east africa", "czech republic", "crimean peninsula", "west bank", "gaza strip",
]);

/** Capitalised words that start sentences or name days and months, never an entity on their own. */
export const NOT_NAMES = set(`
  the a an this that these those there then than but and or nor so yet for in on at by of to from with
  without after before during since until while when where why how what who whom whose which if unless
  although though because as he she it they we i you his her its their our my your him them us me
  mr mrs ms dr monday tuesday wednesday thursday friday saturday sunday january february march april may
  june july august september october november december feb apr aug sept oct nov dec today yesterday tomorrow last next now here
  according asked says said still also even just only not no yes all some many most more much other
  another each every both either neither such one two three four five six seven eight nine ten first
  second third more less however meanwhile instead later earlier again already indeed
  perhaps maybe sure well oh please thank thanks let like do does did is are was were be been being
  have has had will would can could should shall might must it's that's there's here's we're they're
  i'm i've you're don't doesn't didn't isn't aren't wasn't weren't won't can't couldn't wouldn't
  shouldn't hey ok okay wow yeah god lord america's nobody everybody somebody anybody everyone someone
  anyone nothing everything something
`);

/** Nationality and group words: capitalised, yet no entity ("Democrats", "Russian"). */
export const GROUP_WORDS = set(`
  democrats republicans democrat republican democratic americans american russians russian ukrainians ukrainian
  british french germans german chinese mexicans mexican hispanics hispanic latinos latino african
  africans european europeans asian asians muslims muslim christians christian jews jewish catholics
  catholic evangelicals evangelical conservatives liberals progressives libertarians independents
  israelis israeli palestinians palestinian iranians iranian syrians syrian iraqi iraqis indian indians
  canadian canadians english western eastern northern southern black white gop soviet saudi saudis
  korean koreans japanese turkish egyptian afghan pakistani cuban venezuelan brazilian italian spanish polish
  arab arabs serb serbs croat croats kurd kurds kurdish moslem moslems hutu hutus tutsi tutsis chechen chechens
  briton britons yugoslav yugoslavs bosnian bosnians sikh sikhs hindu hindus buddhist buddhists sunni sunnis
  shiite shiites shi'ite shi'ites pashtun pashtuns tamil tamils basque basques scot scots flemish walloon walloons
  slav slavs bedouin bedouins berber berbers maori maoris aborigine aborigines
`);

// Verbs a headline capitalises after a name ("Haines Calls Varga", "Pike Says"); no nouns such as "States".
export const HEADLINE_VERBS = new Set(
  "says said tells told calls slams warns urges asks blasts rips hits vows admits denies insists defends praises accuses attacks responds explains reveals announces declares suggests argues wants thinks believes sees knows predicts hammers grills mocks goes gets makes takes wins loses leads faces gives sets puts pushes offers shows sees breaks backs rejects endorses reacts weighs".split(" "),
);

// Words inside a name that may be lower-case ("Council on Foreign Relations", "Ludwig van Beethoven").
export const CONNECTORS = new Set(["of", "on", "for", "de", "la", "le", "van", "von", "der", "bin", "al", "da", "del", "du", "di", "dello", "della", "delle", "dei", "degli", "do", "dos", "das", "des"]);
