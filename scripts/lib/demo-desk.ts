/** The demo desk: one editor and reviewers with different topics and languages. */
export const DEMO_DESK = [
  { name: 'Edith Editor', email: 'editor@demo.claimdesk', role: 'EDITOR', topics: [], languages: ['en'], capacity: 0 },
  { name: 'Rosa Politics', email: 'rosa@demo.claimdesk', role: 'REVIEWER', topics: ['politics', 'diplomacy'], languages: ['en', 'es'], capacity: 4 },
  { name: 'Omar Economy', email: 'omar@demo.claimdesk', role: 'REVIEWER', topics: ['economy', 'business'], languages: ['en'], capacity: 4 },
  { name: 'Lena Security', email: 'lena@demo.claimdesk', role: 'REVIEWER', topics: ['security', 'crime', 'politics'], languages: ['en', 'de'], capacity: 4 },
  { name: 'Ana Health', email: 'ana@demo.claimdesk', role: 'REVIEWER', topics: ['health', 'science'], languages: ['en', 'pt'], capacity: 4 },
] as const;
