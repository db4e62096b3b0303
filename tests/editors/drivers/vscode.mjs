// Drives a code-server workbench with Playwright for tests/editors/test_vscode.py.
//
// Environment: DLG_URL (code-server, with ?folder=...), DLG_FILE (a file name to open
// with Quick Open), DLG_POSITION ("line:column", 1-based), DLG_EXPECT (text the hover
// must contain), DLG_VSCODE_DIR (editors/vscode, whose node_modules has playwright-core),
// DLG_CHROMIUM, DLG_OUT (the JSON result), DLG_SCREENSHOT (taken on failure).
import { createRequire } from "module";
import { writeFileSync } from "fs";

const require = createRequire(`${process.env.DLG_VSCODE_DIR}/package.json`);
const { chromium } = require("playwright-core");

const result = { activated: false, hover: null, squiggles: 0, errors: [] };
const deadline = Date.now() + 150_000;
const remaining = () => Math.max(1_000, deadline - Date.now());

async function openFile(page, name) {
  await page.locator(".monaco-workbench").waitFor({ timeout: remaining() });
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.keyboard.press("Control+P");
    const input = page.locator(".quick-input-widget input");
    try {
      await input.waitFor({ state: "visible", timeout: 10_000 });
      await input.fill(name);
      await page.locator(".quick-input-list .monaco-list-row").first().waitFor({ timeout: 15_000 });
      await page.keyboard.press("Enter");
      await page.locator(`.tab[aria-label^="${name}"], .tab[data-resource-name="${name}"]`).first()
        .waitFor({ timeout: 15_000 });
      return;
    } catch (error) {
      await page.keyboard.press("Escape");
      await page.waitForTimeout(1_000);
    }
  }
  throw new Error(`could not open ${name} with Quick Open`);
}

async function goTo(page, position) {
  await page.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("Control+G");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible", timeout: 10_000 });
  await input.fill(`:${position}`);
  await page.keyboard.press("Enter");
}

async function hoverText(page) {
  const hover = page.locator(".monaco-editor .monaco-hover:not(.hidden) .hover-contents");
  if ((await hover.count()) === 0) return null;
  return (await hover.allInnerTexts()).join("\n");
}

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.DLG_CHROMIUM,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-gpu",
      "--disable-dev-shm-usage", "--disable-component-update", "--disable-sync"],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on("pageerror", (error) => result.errors.length < 5 && console.error(`page error: ${error}`));
  try {
    await page.goto(process.env.DLG_URL, { timeout: remaining() });
    await openFile(page, process.env.DLG_FILE);
    // The extension shows its state in the status bar once the server runs.
    await page.locator('[aria-label="dlglossary: running"]').first().waitFor({ timeout: remaining() });
    result.activated = true;
    while (Date.now() < deadline) {
      await goTo(page, process.env.DLG_POSITION);
      await page.keyboard.press("Control+K");
      await page.keyboard.press("Control+I");
      await page.waitForTimeout(1_500);
      const text = await hoverText(page);
      if (text) result.hover = text;
      if (text && text.toLowerCase().includes(process.env.DLG_EXPECT.toLowerCase())) break;
      await page.keyboard.press("Escape");
      await page.waitForTimeout(1_000);
    }
    await page.keyboard.press("Escape");
    const squiggles = page.locator('.monaco-editor [class*="squiggly-"]');
    try {
      await squiggles.first().waitFor({ timeout: Math.min(30_000, remaining()) });
    } catch {
      // counted as 0 below
    }
    result.squiggles = await squiggles.count();
  } catch (error) {
    result.errors.push(String(error && error.stack || error));
  } finally {
    const done = result.hover && result.hover.toLowerCase().includes(process.env.DLG_EXPECT.toLowerCase());
    if (!done && process.env.DLG_SCREENSHOT) {
      await page.screenshot({ path: process.env.DLG_SCREENSHOT }).catch(() => {});
    }
    writeFileSync(process.env.DLG_OUT, JSON.stringify(result));
    await browser.close();
  }
}

main().catch((error) => {
  result.errors.push(String(error && error.stack || error));
  writeFileSync(process.env.DLG_OUT, JSON.stringify(result));
  process.exit(1);
});
