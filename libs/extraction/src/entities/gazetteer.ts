// Small gazetteers: enough to tell a place or an organisation from a person in news copy. Names
// not listed fall back on context (titles, "in X", organisation words).

export const PLACES = new Set(
  (
    'Afghanistan Albania Algeria Angola Argentina Armenia Australia Austria Azerbaijan Bahrain Bangladesh Barbados ' +
    'Belarus Belgium Bolivia Bosnia Botswana Brazil Britain Bulgaria Burma Cambodia Cameroon Canada Chad Chile China ' +
    'Colombia Congo Croatia Cuba Cyprus Czechia Denmark Ecuador Egypt England Eritrea Estonia Ethiopia Europe Finland ' +
    'France Gaza Georgia Germany Ghana Gibraltar Greece Guatemala Guinea Haiti Honduras Hungary Iceland India ' +
    'Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kenya Korea Kosovo Kuwait Laos Latvia ' +
    'Lebanon Liberia Libya Lithuania Luxembourg Madagascar Malawi Malaysia Mali Malta Mexico Moldova Mongolia ' +
    'Montenegro Morocco Mozambique Myanmar Namibia Nepal Netherlands Nicaragua Niger Nigeria Norway Oman Pakistan ' +
    'Palestine Panama Paraguay Peru Philippines Poland Portugal Qatar Romania Russia Rwanda Scotland Senegal Serbia ' +
    'Singapore Slovakia Slovenia Somalia Spain Sudan Sweden Switzerland Syria Taiwan Tanzania Thailand Tunisia Turkey ' +
    'Uganda Ukraine Uruguay Uzbekistan Venezuela Vietnam Wales Yemen Zambia Zimbabwe Africa Asia America Americas ' +
    'Antarctica Arctic Caribbean Balkans Baltic Gulf Caracas Washington London Paris Berlin Moscow Beijing Tokyo Delhi ' +
    'Jakarta Bangkok Aceh Oslo Stockholm Madrid Rome Brussels Geneva Vienna Warsaw Kyiv Kiev Istanbul Ankara Tehran ' +
    'Baghdad Damascus Beirut Jerusalem Cairo Nairobi Lagos Johannesburg Pretoria Sydney Melbourne Toronto Ottawa ' +
    'Montreal Chicago Boston Houston Dallas Miami Atlanta Seattle California Texas Florida Ohio Michigan Pennsylvania ' +
    'Virginia Arizona Nevada Iowa Alaska Hawaii Manhattan Brooklyn Havana Bogota Lima Quito Santiago Dublin Edinburgh ' +
    'Cardiff Belfast Manchester Birmingham Liverpool Kabul Islamabad Karachi Mumbai Dhaka Manila Hanoi Seoul Pyongyang ' +
    'Shanghai Hong Kong Riyadh Dubai Doha Kuala Lumpur Nicaragua Minsk Tbilisi Yerevan Baku Athens Lisbon Prague ' +
    'Budapest Bucharest Sofia Belgrade Zagreb Helsinki Copenhagen Amsterdam Kremlin Siberia Crimea Donbas Nicosia Tripoli'
  ).split(/\s+/),
);

/** Multi-word places checked as whole phrases. */
export const PLACE_PHRASES = new Set([
  'United States', 'United Kingdom', 'South Africa', 'North Korea', 'South Korea', 'New Zealand', 'Saudi Arabia',
  'Sri Lanka', 'Hong Kong', 'New York', 'New York City', 'Los Angeles', 'San Francisco', 'Mexico City', 'New Delhi',
  'Buenos Aires', 'Rio de Janeiro', 'Sao Paulo', 'Kuala Lumpur', 'Abu Dhabi', 'Tel Aviv', 'West Bank',
  'Middle East', 'Latin America', 'South America', 'North America', 'Central America', 'Western Europe',
  'Eastern Europe', 'Gaza Strip', 'Persian Gulf', 'Downing Street', 'White House', 'Capitol Hill', 'Wall Street',
  'Czech Republic', 'Dominican Republic', 'Ivory Coast', 'Costa Rica', 'El Salvador', 'Puerto Rico',
  'South Asia', 'East Asia', 'Southeast Asia', 'Northern Ireland', 'Great Britain',
]);

/** Upper-case abbreviations that are places. */
export const PLACE_ACRONYMS = new Set(['US', 'U.S.', 'USA', 'U.S.A.', 'UK', 'U.K.', 'UAE', 'DRC', 'EU']);

/** Words that make a capitalised phrase an organisation. */
export const ORG_WORDS = new Set(
  (
    'Party Assembly Court Office Ministry Department Council Commission Bank Administration Government Union ' +
    'Agency Committee Board Group Inc Inc. Corp Corp. Corporation Ltd Ltd. plc PLC LLC University College School ' +
    'Association Organisation Organization Force Forces Army Navy Police Service Services Parliament Congress Senate ' +
    'House Foundation Institute Company Co Co. News Times Post Journal Network Federation Fund Authority Bureau ' +
    'Treasury Reserve Cabinet Coalition Alliance Movement Front League Society Trust Airlines Airways Motors Holdings ' +
    'Industries Partners Capital Securities Exchange Tribunal Commissioner Secretariat Church Club Hospital Council ' +
    'Guard Intelligence Tower Board NHS'
  ).split(/\s+/),
);

/** Upper-case abbreviations and names that are organisations. */
export const ORG_NAMES = new Set(
  (
    'AP AFP Reuters BBC CNN NBC CBS ABC Fox NATO UN UNICEF UNHCR WHO IMF OPEC NHS FBI CIA NSA NSC KGB EU ECB OECD WTO ' +
    'Bernama Yukos Rosneft Menatep Gazprom Google Apple Microsoft Amazon Facebook Meta Twitter Tesla Boeing Airbus ' +
    'Pentagon Kremlin Hamas Hezbollah Taliban Interpol Congress Parliament Senate G8 G7 G20 ASEAN'
  ).split(/\s+/),
);

export const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
];
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Capitalised words that are not names: sentence openers, days, months, demonym-free function words. */
export const NOT_NAMES = new Set(
  (
    'The A An And But Or If In On At For From To Of By With As It Its He She They We I You His Her Their Our This ' +
    'That These Those There Here When While After Before Since Meanwhile However Earlier Later Even Also Yet Still ' +
    'Some Many Most Other Others Both All Each Every No Not Asked According Speaking Such What Who Why How Where ' +
    'Mr Mrs Ms Dr Sir Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June ' +
    'July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Then Now ' +
    'Today Yesterday Tonight Last Next New Former Despite Although Because Under Over Between Among During Until ' +
    'Let Thank Well Yes So Just Only Then Again Further Finally First Second Third One Two Three Four Five Ten ' +
    'Government Officials Critics Analysts Representatives Details Hospital Oil Group'
  ).split(/\s+/),
);
