import { BOARD_CSP, boardDirectory, boardResponse, loadBoardAssets } from './board-assets';

describe('board assets', () => {
  const assets = loadBoardAssets();

  it('finds the board sources from the checkout root and loads the page, its modules and styles', () => {
    expect(boardDirectory()).toMatch(/apps[/\\]api[/\\]board$/);
    for (const name of ['index.html', 'app.js', 'api.js', 'dom.js', 'desk.js', 'story.js', 'inbox.js', 'chart.js', 'board.css']) {
      expect({ name, loaded: assets.has(name) }).toEqual({ name, loaded: true });
    }
  });

  it('answers a file with its type, the CSP and an ETag; the same ETag again with 304; an unknown name with 404', () => {
    const page = boardResponse(assets, 'app.js', undefined);
    expect(page.status).toBe(200);
    expect(page.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(page.headers['Content-Security-Policy']).toBe(BOARD_CSP);
    expect(boardResponse(assets, 'app.js', page.headers.ETag).status).toBe(304);
    expect(boardResponse(assets, '../package.json', undefined).status).toBe(404);
  });

  it('keeps the whole of its script under 150 KB, with no inline script in the page', () => {
    const script = [...assets].filter(([name]) => name.endsWith('.js')).reduce((n, [, a]) => n + a.body.length, 0);
    expect(script).toBeLessThan(150_000);
    expect(assets.get('index.html')!.body.toString()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
