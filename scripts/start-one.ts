import { AppName, main } from './start';

// `npm run start:api` / `npm run start:worker`: one app alone, for scaling out or fault tests. Only the api
// applies migrations; the worker starts at once and relies on an api (or `npm run migrate`) having done so.
const app = process.argv[2];
if (app !== 'api' && app !== 'worker') {
  console.error('usage: node dist/scripts/start-one.js api|worker');
  process.exit(2);
}
main([app as AppName], { migrate: app === 'api' });
