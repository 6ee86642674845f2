// The module map in the workbench: the webview whose page has the map's SVG.

import type { FrameLocator } from 'playwright-core';
import type { Workbench } from './workbench';

/** The webview whose page has the module map canvas (the Guide view is a webview too). */
export async function mapFrame(wb: Workbench): Promise<FrameLocator> {
  // Up to 90 s: after a write the map waits for the workspace to reload the records, slow under load.
  for (let attempt = 0; attempt < 180; attempt++) {
    const frames = await wb.page.locator('iframe.webview.ready').count();
    for (let i = 0; i < frames; i++) {
      const frame = wb.webview(i);
      if ((await frame.locator('svg.map').count().catch(() => 0)) > 0) return frame;
    }
    await wb.page.waitForTimeout(500);
  }
  throw new Error(`no webview shows the module map; the webviews showed:\n${await wb.describeWebviews()}`);
}
