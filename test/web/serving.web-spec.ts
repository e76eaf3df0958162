import { expect, test } from './support/fixtures';

test.describe('serving the web app at /app', () => {
  test('answers app routes with index.html (no-cache) and a CSP that allows only itself over plain http', async ({
    request,
  }) => {
    const page = await request.get('/app/events/anything?day=2027-06-10');
    expect(page.status()).toBe(200);
    expect(page.headers()['content-type']).toContain('text/html');
    expect(page.headers()['cache-control']).toBe('no-cache');
    const csp = page.headers()['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(csp).not.toMatch(/https:/);

    const asset = /src="(\/app\/assets\/[^"]+\.js)"/.exec(await page.text())?.[1];
    expect(asset).toBeDefined();
    const script = await request.get(asset ?? '');
    expect(script.status()).toBe(200);
    expect(script.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  test('sends scripts and style sheets as the build compressed them, and plainly to a client that takes no compression', async ({
    request,
  }) => {
    const index = await (await request.get('/app/')).text();
    for (const asset of [
      /src="(\/app\/assets\/[^"]+\.js)"/.exec(index)?.[1],
      /href="(\/app\/assets\/[^"]+\.css)"/.exec(index)?.[1],
    ]) {
      expect(asset).toBeDefined();
      const plain = await request.get(asset ?? '', { headers: { 'accept-encoding': 'identity' } });
      expect(plain.headers()['content-encoding']).toBeUndefined();
      const body = await plain.body();
      for (const encoding of ['br', 'gzip']) {
        const compressed = await request.get(asset ?? '', { headers: { 'accept-encoding': encoding } });
        expect(compressed.status()).toBe(200);
        expect(compressed.headers()['content-encoding']).toBe(encoding);
        expect(compressed.headers()['vary']).toContain('Accept-Encoding');
        expect(compressed.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
        expect(Number(compressed.headers()['content-length'])).toBeLessThan(body.length / 2);
        // Playwright decodes the body as a browser would: the same file.
        expect((await compressed.body()).equals(body)).toBe(true);
      }
    }
  });

  test('refuses a missing asset with 404 instead of the index page', async ({ request }) => {
    const missing = await request.get('/app/assets/index-doesnotexist.js');
    expect(missing.status()).toBe(404);
    expect(missing.headers()['content-type']).not.toContain('text/html');
  });
});
