// Finding the Architecture Guide among the workbench's webviews (the module map may be one too).

import type { FrameLocator } from 'playwright-core';
import type { Workbench } from './workbench';

export async function guideFrame(wb: Workbench): Promise<FrameLocator> {
  for (let attempt = 0; attempt < 90; attempt++) {
    const frames = await wb.page.locator('iframe.webview.ready').count();
    for (let i = 0; i < frames; i++) {
      const frame = wb.webview(i);
      if ((await frame.locator('body[data-ready] #app').count().catch(() => 0)) > 0) return frame;
    }
    await wb.page.waitForTimeout(500);
  }
  throw new Error('no webview shows the Architecture Guide');
}
