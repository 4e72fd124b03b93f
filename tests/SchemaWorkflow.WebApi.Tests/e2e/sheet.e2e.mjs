// Opens the spec-sheet page in headless Debian Chromium, picks "Temperature transmitter", fills two fields — one of
// them invalid — validates, and prints what the page shows. Usage: node sheet.e2e.mjs <baseUrl> <playwright-core dir>
import { createRequire } from 'node:module';
import path from 'node:path';

const [baseUrl, playwrightDir] = process.argv.slice(2);
const require = createRequire(path.join(playwrightDir, 'package.json'));
const { chromium } = require('playwright-core');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(20000);
  await page.goto(baseUrl);
  await page.waitForSelector('#product-type option', { state: 'attached' });
  await page.selectOption('#product-type', { label: 'Temperature transmitter' });
  await page.click('#load');
  await page.waitForSelector('#sheet:not([hidden]) [name="output_signal"]');
  const status = await page.textContent('#status');
  console.log('STATUS ' + status);
  await page.selectOption('[name="output_signal"]', { index: 1 });
  await page.fill('[name="ambient_temperature_range"]', '-40 to 85 °C');
  await page.fill('[name="calibrated_range"]', 'ninety bananas');
  await page.click('#validate');
  await page.waitForSelector('#result p');
  console.log('VERDICT ' + (await page.textContent('#result p')));
  for (const li of await page.$$('#result li')) {
    console.log('MESSAGE ' + (await li.getAttribute('class')) + ' | ' + (await li.textContent()));
  }
} finally {
  await browser.close();
}
